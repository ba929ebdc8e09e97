/**
 * The search index lives in this worker, so loading it never freezes the page. The index is
 * split by term prefix (src/lib/search-shards.ts): the worker fetches the small base file once,
 * then for each query only the shards its terms need, and loads what it has into MiniSearch with
 * the same options module as the index builder.
 */
import MiniSearch from 'minisearch';
import { MINISEARCH_OPTIONS, SEARCH_FIELDS, type SearchDocument } from '../lib/search-options.ts';
import {
  assembleIndex,
  keysForQuery,
  shardFileName,
  type SearchBase,
  type SearchShard,
} from '../lib/search-shards.ts';
import type { SearchReply, SearchRequest } from './search-protocol.ts';

interface Loaded {
  base: SearchBase;
  shards: Map<string, SearchShard>;
  engine: MiniSearch<SearchDocument>;
}

let loaded: Promise<Loaded> | undefined;

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

function engineOf(state: Omit<Loaded, 'engine'>): MiniSearch<SearchDocument> {
  return MiniSearch.loadJS<SearchDocument>(
    assembleIndex(state.base, state.shards.values()),
    MINISEARCH_OPTIONS,
  );
}

function loadBase(url: string): Promise<Loaded> {
  loaded ??= fetchJson<SearchBase>(url).then((base) => {
    const shards = new Map<string, SearchShard>();
    return { base, shards, engine: engineOf({ base, shards }) };
  });
  loaded.catch(() => (loaded = undefined));
  return loaded;
}

/** Makes sure the shards a query needs are loaded; rebuilds the engine when new ones arrive. */
async function prepare(url: string, query: string): Promise<MiniSearch<SearchDocument>> {
  const state = await loadBase(url);
  const folder = url.slice(0, url.lastIndexOf('/') + 1);
  const missing = keysForQuery(state.base, query).filter((key) => !state.shards.has(key));
  if (missing.length > 0) {
    const fetched = await Promise.all(
      missing.map((key) => fetchJson<SearchShard>(`${folder}${shardFileName(key)}`)),
    );
    missing.forEach((key, i) => state.shards.set(key, fetched[i] ?? []));
    state.engine = engineOf(state);
  }
  return state.engine;
}

function reply(message: SearchReply): void {
  globalThis.postMessage(message);
}

globalThis.addEventListener('message', (event: MessageEvent<SearchRequest>) => {
  const { id, url, query } = event.data;
  prepare(url, query ?? '').then(
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
