import { describe, expect, it } from 'vitest';
import MiniSearch from 'minisearch';
import { MINISEARCH_OPTIONS, type SearchDocument } from '../../src/lib/search-options.ts';
import { searchDocument } from '../../src/lib/derive/browser-files.ts';
import { episodeOf, validRecord } from './helpers.ts';

// Episodes whose keys share most of their parts, and whose text mentions other episodes' numbers.
const episodes = [78, 780, 7].flatMap((repository) =>
  ['session_846', 'session_84'].flatMap((session) =>
    ['M001', 'M002', 'M0021'].map((misalignment) =>
      episodeOf(
        validRecord({
          repository_id: repository,
          session_id: session,
          misalignment_id: misalignment,
          source: 'swe',
          description: 'Session 846 of repository 78 asked for M002 to be fixed.',
        }),
      ),
    ),
  ),
);

function search(query: string): string[] {
  const index = new MiniSearch<SearchDocument>(MINISEARCH_OPTIONS);
  index.addAll(episodes.map((episode, i) => searchDocument(episode, i)));
  return index.search(query).map((r) => episodes[Number(r.id)]?.id ?? '');
}

describe('searching an episode by its id or key', () => {
  it('puts the episode with that id first', () => {
    expect(search('swe-78-s846-m002')[0]).toBe('swe-78-s846-m002');
  });

  it('puts the episode with that release key first, with or without the source', () => {
    expect(search('swe/78/session_846/M002')[0]).toBe('swe-78-s846-m002');
    expect(search('78/session_846/M002')[0]).toBe('swe-78-s846-m002');
  });
});
