/**
 * The search index lives in this worker, so loading it never freezes the page. The index is
 * split by term prefix (src/lib/search-shards.ts): the worker fetches the small base file once,
 * then for each query the shards its terms need, and builds a MiniSearch engine from just those
 * shards, with the same options module as the index builder. A query's terms can only match
 * within their own shards, so the small engine answers exactly as a full one would; engines for
 * recent shard sets are kept, so refining a query costs no rebuild.
 */
import MiniSearch from 'minisearch';
import { MINISEARCH_OPTIONS, SEARCH_FIELDS, type SearchDocument } from '../lib/search-options.ts';
import {
  assembleIndex,
  keysForQuery,
  prepareBase,
  shardFileName,
  type PreparedBase,
  type SearchBase,
  type SearchShard,
} from '../lib/search-shards.ts';
import type { SearchReply, SearchRequest } from './search-protocol.ts';

/** Engines kept for recent shard sets. */
const KEEP_ENGINES = 8;

interface Loaded {
  base: SearchBase;
  prepared: PreparedBase;
  shards: Map<string, Promise<SearchShard>>;
  engines: Map<string, MiniSearch<SearchDocument>>;
}

let loaded: Promise<Loaded> | undefined;

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

function loadBase(url: string): Promise<Loaded> {
  loaded ??= fetchJson<SearchBase>(url).then((base) => ({
    base,
    prepared: prepareBase(base),
    shards: new Map(),
    engines: new Map(),
  }));
  loaded.catch(() => (loaded = undefined));
  return loaded;
}

/** The engine for a query: built from the shards its terms need, fetched once each. */
async function engineFor(url: string, query: string): Promise<MiniSearch<SearchDocument>> {
  const state = await loadBase(url);
  const keys = keysForQuery(state.base, query).sort();
  const id = keys.join(' ');
  const kept = state.engines.get(id);
  if (kept) {
    // Re-insert to mark it as the most recently used.
    state.engines.delete(id);
    state.engines.set(id, kept);
    return kept;
  }
  const folder = url.slice(0, url.lastIndexOf('/') + 1);
  const shards = await Promise.all(
    keys.map((key) => {
      let shard = state.shards.get(key);
      if (!shard) {
        shard = fetchJson<SearchShard>(`${folder}${shardFileName(key)}`);
        shard.catch(() => state.shards.delete(key));
        state.shards.set(key, shard);
      }
      return shard;
    }),
  );
  const engine = MiniSearch.loadJS<SearchDocument>(
    assembleIndex(state.prepared, shards),
    MINISEARCH_OPTIONS,
  );
  state.engines.set(id, engine);
  if (state.engines.size > KEEP_ENGINES) {
    const oldest = state.engines.keys().next().value;
    if (oldest !== undefined) state.engines.delete(oldest);
  }
  return engine;
}

function reply(message: SearchReply): void {
  globalThis.postMessage(message);
}

globalThis.addEventListener('message', (event: MessageEvent<SearchRequest>) => {
  const { id, url, query } = event.data;
  engineFor(url, query ?? '').then(
    (search) => {
      if (query === null) {
        reply({ id, ok: true, ids: [], scores: [], terms: [], fields: [] });
        return;
      }
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
