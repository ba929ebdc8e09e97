/**
 * The search index lives in this worker, so loading it never freezes the page. The index is
 * split by term prefix (src/lib/search-shards.ts): the worker fetches the small base file once,
 * then for each query the shards its terms need, and scores the query over their packed postings
 * (src/lib/search-score.ts), exactly as MiniSearch would over an engine loaded from those shards.
 * A query's terms can only match within their own shards, so this answers as the full index
 * would. The per-document tables are made once from the base, decoded postings are kept, and the
 * term lists of recent shard sets too, so refining a query costs no rebuild.
 */
import {
  keysForQuery,
  shardFileName,
  type SearchBase,
  type SearchShard,
  VOCABULARY_FILE,
} from '../lib/search-shards.ts';
import {
  noHits,
  rankScored,
  scoreQuery,
  scoringBase,
  ShardTerms,
  type Postings,
  type Scored,
  type ScoringBase,
} from '../lib/search-score.ts';
import { correctQuery, type Vocabulary } from '../lib/suggest.ts';
import type { SearchReply, SearchRequest } from './search-protocol.ts';
import { fetchJson } from './fetch-json.ts';

/** Term lists kept for recent shard sets. */
const KEEP_SETS = 8;

interface Loaded {
  base: SearchBase;
  scoring: ScoringBase;
  shards: Map<string, Promise<SearchShard>>;
  sets: Map<string, ShardTerms>;
  decoded: Map<string, Postings>;
  vocabulary?: Promise<Vocabulary> | undefined;
}

let loaded: Promise<Loaded> | undefined;

function loadBase(url: string): Promise<Loaded> {
  loaded ??= fetchJson<SearchBase>(url).then((base) => ({
    base,
    scoring: scoringBase(base),
    shards: new Map(),
    sets: new Map(),
    decoded: new Map(),
  }));
  loaded.catch(() => (loaded = undefined));
  return loaded;
}

/** Scores a query over the shards its terms need, fetched once each; the hits ranked. */
async function search(url: string, query: string): Promise<Scored> {
  const state = await loadBase(url);
  const keys = keysForQuery(state.base, query).sort();
  const id = keys.join(' ');
  let terms = state.sets.get(id);
  if (terms) {
    // Re-inserted below, to mark it as the most recently used.
    state.sets.delete(id);
  } else {
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
    terms = new ShardTerms(shards, state.base.fields.length, state.decoded);
    if (state.sets.size >= KEEP_SETS) {
      const oldest = state.sets.keys().next().value;
      if (oldest !== undefined) state.sets.delete(oldest);
    }
  }
  state.sets.set(id, terms);
  return rankScored(scoreQuery(state.scoring, terms, query));
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

/** The index's vocabulary, fetched the first time a query finds nothing. */
async function vocabularyFor(url: string): Promise<Vocabulary> {
  const state = await loadBase(url);
  const folder = url.slice(0, url.lastIndexOf('/') + 1);
  state.vocabulary ??= fetchJson<Vocabulary>(`${folder}${VOCABULARY_FILE}`);
  state.vocabulary.catch(() => (state.vocabulary = undefined));
  return state.vocabulary;
}

/**
 * Runs a query; if it finds nothing, corrects its words from the vocabulary: swapped letters
 * are forgiven at once, any other correction is only suggested (when it would find something).
 */
async function run(
  url: string,
  query: string,
): Promise<{ results: Scored; corrected: string | null; suggestion: string | null }> {
  const results = await search(url, query);
  if (results.ids.length > 0) return { results, corrected: null, suggestion: null };
  const correction = correctQuery(await vocabularyFor(url), query);
  if (!correction) return { results, corrected: null, suggestion: null };
  const better = await search(url, correction.query);
  if (better.ids.length === 0) return { results, corrected: null, suggestion: null };
  return correction.swapsOnly
    ? { results: better, corrected: correction.query, suggestion: null }
    : { results, corrected: null, suggestion: correction.query };
}

globalThis.addEventListener('message', (event: MessageEvent<SearchRequest>) => {
  const { id, url, query } = event.data;
  if (query === null) {
    loadBase(url).then(
      () => reply({ id, ok: true, ...noHits(), corrected: null, suggestion: null }),
      (error: unknown) => reply({ id, ok: false, message: String(error) }),
    );
    return;
  }
  run(url, query).then(
    ({ results, corrected, suggestion }) =>
      reply({ id, ok: true, ...results, corrected, suggestion }),
    (error: unknown) => reply({ id, ok: false, message: String(error) }),
  );
});
