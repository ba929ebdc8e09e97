import { describe, it, expect } from 'vitest';
import { firstMatch, highlightSegments, snippet } from '../../src/lib/highlight.ts';

const marked = (segments: { text: string; match: boolean }[]) =>
  segments.filter((s) => s.match).map((s) => s.text);

describe('highlightSegments', () => {
  it('marks whole words that start with a matched term', () => {
    expect(highlightSegments('Edited the config file', ['config'])).toEqual([
      { text: 'Edited the ', match: false },
      { text: 'config', match: true },
      { text: ' file', match: false },
    ]);
  });

  it('marks a longer word that a prefix term matched', () => {
    expect(marked(highlightSegments('The configuration broke', ['config']))).toEqual([
      'configuration',
    ]);
  });

  it('ignores case and diacritics', () => {
    expect(marked(highlightSegments('Café RÉSUMÉ', ['cafe', 'resume']))).toEqual([
      'Café',
      'RÉSUMÉ',
    ]);
  });

  it('does not mark a term in the middle of a word', () => {
    expect(marked(highlightSegments('reconfigured', ['config']))).toEqual([]);
  });

  it('returns the whole text unmarked without terms', () => {
    expect(highlightSegments('plain text', [])).toEqual([{ text: 'plain text', match: false }]);
  });

  it('keeps markup-like text as plain text', () => {
    const segments = highlightSegments('<img src=x onerror=alert(1)> alert', ['alert']);
    expect(segments.map((s) => s.text).join('')).toBe('<img src=x onerror=alert(1)> alert');
    expect(marked(segments)).toEqual(['alert', 'alert']);
  });

  it('rebuilds the original text from its segments', () => {
    const text = 'Tests: npm test — failed, then passed (twice).';
    expect(
      highlightSegments(text, ['test', 'passed'])
        .map((s) => s.text)
        .join(''),
    ).toBe(text);
  });
});

describe('snippet', () => {
  const long = `${'lorem ipsum dolor '.repeat(30)}the agent pushed to main ${'sit amet '.repeat(30)}`;

  it('returns a short text whole', () => {
    expect(snippet('short text', ['short'])).toEqual([
      { text: 'short', match: true },
      { text: ' text', match: false },
    ]);
  });

  it('centres a long text on the first match with ellipses', () => {
    const segments = snippet(long, ['pushed']);
    const text = segments.map((s) => s.text).join('');
    expect(text.startsWith('…')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
    expect(marked(segments)).toEqual(['pushed']);
    expect(text.length).toBeLessThanOrEqual(242);
  });

  it('starts at the beginning when nothing matches', () => {
    const text = snippet(long, ['zebra'])
      .map((s) => s.text)
      .join('');
    expect(text.startsWith('lorem ipsum')).toBe(true);
  });

  it('finds the first match position', () => {
    expect(firstMatch('one two three', ['tw'])).toBe(4);
  });
});
