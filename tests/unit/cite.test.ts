import { describe, expect, it } from 'vitest';
import { bibtexEscape, episodeBibtex, problemReportUrl } from '../../src/lib/cite.ts';
import { episodeOf, validRecord } from './helpers.ts';

/** Braces of a BibTeX value that are not escaped must balance, or the entry swallows the file. */
function unescapedBraceDepths(text: string): number[] {
  const depths: number[] = [];
  let depth = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '\\') {
      i += 1;
      continue;
    }
    if (c === '{') depth += 1;
    if (c === '}') depth -= 1;
    depths.push(depth);
  }
  return depths;
}

describe('episodeBibtex', () => {
  const episode = episodeOf(validRecord({ name: 'Rewrote {the} 100% of main_test & #1' }));
  const entry = episodeBibtex(episode, 'https://atlas.example.org/episodes/x/');

  it('names the episode by its id and gives title, permalink, year and the paper as source', () => {
    expect(entry.startsWith(`@misc{atlas-${episode.id},\n`)).toBe(true);
    expect(entry).toContain('url          = {https://atlas.example.org/episodes/x/}');
    expect(entry).toContain(`year         = {${episode.timestamp.slice(0, 4)}}`);
    expect(entry).toContain('Source: Tang et al. How Coding Agents Fail Their Users.');
    expect(entry).toContain('specstory/1000090305/session\\_003/M002');
  });

  it('escapes what LaTeX would read as markup in text from the chats', () => {
    expect(entry).toContain('title        = {{Rewrote \\{the\\} 100\\% of main\\_test \\& \\#1}}');
  });

  it('keeps the braces balanced whatever the title holds', () => {
    for (const name of ['}}}{', '\\', 'a}b', '{{{', 'end\\']) {
      const text = episodeBibtex(episodeOf(validRecord({ name })), 'https://x.test/');
      const depths = unescapedBraceDepths(text);
      expect(Math.min(...depths), name).toBeGreaterThanOrEqual(0);
      expect(depths.at(-1), name).toBe(0);
    }
  });
});

describe('bibtexEscape', () => {
  it('folds line breaks and runs of spaces into one space', () => {
    expect(bibtexEscape('a\n\n  b')).toBe('a b');
  });
});

describe('problemReportUrl', () => {
  it('opens a new issue titled with the episode id and its permalink in the body', () => {
    const href = new URL(
      problemReportUrl('https://github.com/o/r/issues/', {
        id: 'swe-78-s846-m002',
        permalink: 'https://atlas.example.org/episodes/swe-78-s846-m002/',
      }),
    );
    expect(href.origin + href.pathname).toBe('https://github.com/o/r/issues/new');
    expect(href.searchParams.get('title')).toBe('Problem with episode swe-78-s846-m002');
    expect(href.searchParams.get('body')).toContain(
      'Episode: https://atlas.example.org/episodes/swe-78-s846-m002/',
    );
  });

  it('asks about the site as a whole when no episode is given', () => {
    const href = new URL(problemReportUrl('https://github.com/o/r/issues', null));
    expect(href.pathname).toBe('/o/r/issues/new');
    expect(href.searchParams.get('title')).toBe('Problem with the atlas');
  });
});
