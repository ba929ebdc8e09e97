/**
 * The search index lives in this worker: parsing a large MiniSearch index takes seconds, and
 * here it cannot freeze the page. It loads with the same options module as the index builder.
 */
import MiniSearch from 'minisearch';
import { MINISEARCH_OPTIONS, SEARCH_FIELDS, type SearchDocument } from '../lib/search-options.ts';
import type { SearchReply, SearchRequest } from './search-protocol.ts';

let engine: Promise<MiniSearch<SearchDocument>> | undefined;

function load(url: string): Promise<MiniSearch<SearchDocument>> {
  engine ??= fetch(url)
    .then((response) => {
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      return response.text();
    })
    .then((json) => MiniSearch.loadJSON<SearchDocument>(json, MINISEARCH_OPTIONS));
  engine.catch(() => (engine = undefined));
  return engine;
}

function reply(message: SearchReply): void {
  globalThis.postMessage(message);
}

globalThis.addEventListener('message', (event: MessageEvent<SearchRequest>) => {
  const { id, url, query } = event.data;
  load(url).then(
    (search) => {
      if (query === null)
        return reply({ id, ok: true, ids: [], scores: [], terms: [], fields: [] });
      const results = search.search(query);
      reply({
        id,
        ok: true,
        ids: results.map((r) => Number(r.id)),
        scores: results.map((r) => r.score),
        terms: results.map((r) => r.terms),
        // Matched fields as a bitmask over SEARCH_FIELDS keeps the message small.
        fields: results.map((r) =>
          Object.values(r.match)
            .flat()
            .reduce(
              (mask, field) =>
                mask | (1 << SEARCH_FIELDS.indexOf(field as (typeof SEARCH_FIELDS)[number])),
              0,
            ),
        ),
      });
    },
    (error: unknown) => reply({ id, ok: false, message: String(error) }),
  );
});
