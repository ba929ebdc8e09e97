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
  VOCABULARY_FILE,
} from '../lib/search-shards.ts';
import { correctQuery, type Vocabulary } from '../lib/suggest.ts';
import type { SearchReply, SearchRequest, SearchResults } from './search-protocol.ts';
import { fetchJson } from './fetch-json.ts';

/** Engines kept for recent shard sets. */
const KEEP_ENGINES = 8;

interface Loaded {
  base: SearchBase;
  prepared: PreparedBase;
  shards: Map<string, Promise<SearchShard>>;
  engines: Map<string, MiniSearch<SearchDocument>>;
  vocabulary?: Promise<Vocabulary> | undefined;
}

let loaded: Promise<Loaded> | undefined;

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
  if (!message.ok) {
    globalThis.postMessage(message);
    return;
  }
  const { ids, scores, termSet, fields } = message;
  const transfer = [ids, scores, termSet, fields].map((array) => array.buffer as ArrayBuffer);
  globalThis.postMessage(message, { transfer });
}

const FIELD_BIT = new Map<string, number>(SEARCH_FIELDS.map((field, bit) => [field, 1 << bit]));

/**
 * The results as typed arrays, with each distinct list of matched terms sent once: thousands of
 * results cost a few arrays to post instead of thousands of objects to clone.
 */
function encode(results: Found): SearchResults {
  const n = results.length;
  const ids = new Int32Array(n);
  const scores = new Float64Array(n);
  const termSet = new Int32Array(n);
  const fields = new Uint16Array(n);
  const termSets: string[][] = [];
  const setIndex = new Map<string, number>();
  results.forEach((result, k) => {
    ids[k] = Number(result.id);
    scores[k] = result.score;
    const key = result.terms.join(' ');
    let set = setIndex.get(key);
    if (set === undefined) {
      set = termSets.push(result.terms) - 1;
      setIndex.set(key, set);
    }
    termSet[k] = set;
    let mask = 0;
    for (const matched of Object.values(result.match))
      for (const field of matched) mask |= FIELD_BIT.get(field) ?? 0;
    fields[k] = mask;
  });
  return { ids, scores, termSet, termSets, fields };
}

/** The index's vocabulary, fetched the first time a query finds nothing. */
async function vocabularyFor(url: string): Promise<Vocabulary> {
  const state = await loadBase(url);
  const folder = url.slice(0, url.lastIndexOf('/') + 1);
  state.vocabulary ??= fetchJson<Vocabulary>(`${folder}${VOCABULARY_FILE}`);
  state.vocabulary.catch(() => (state.vocabulary = undefined));
  return state.vocabulary;
}

type Found = ReturnType<MiniSearch<SearchDocument>['search']>;

/**
 * Runs a query; if it finds nothing, corrects its words from the vocabulary: swapped letters
 * are forgiven at once, any other correction is only suggested (when it would find something).
 */
async function run(
  url: string,
  query: string,
): Promise<{ results: Found; corrected: string | null; suggestion: string | null }> {
  const results = (await engineFor(url, query)).search(query);
  if (results.length > 0) return { results, corrected: null, suggestion: null };
  const correction = correctQuery(await vocabularyFor(url), query);
  if (!correction) return { results, corrected: null, suggestion: null };
  const better = (await engineFor(url, correction.query)).search(correction.query);
  if (better.length === 0) return { results, corrected: null, suggestion: null };
  return correction.swapsOnly
    ? { results: better, corrected: correction.query, suggestion: null }
    : { results, corrected: null, suggestion: correction.query };
}

globalThis.addEventListener('message', (event: MessageEvent<SearchRequest>) => {
  const { id, url, query } = event.data;
  if (query === null) {
    loadBase(url).then(
      () => reply({ id, ok: true, ...encode([]), corrected: null, suggestion: null }),
      (error: unknown) => reply({ id, ok: false, message: String(error) }),
    );
    return;
  }
  run(url, query).then(
    ({ results, corrected, suggestion }) =>
      reply({ id, ok: true, ...encode(results), corrected, suggestion }),
    (error: unknown) => reply({ id, ok: false, message: String(error) }),
  );
});
