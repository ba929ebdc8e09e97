/**
 * The search index lives in this worker, so loading it never freezes the page. The index is
 * split by term prefix (src/lib/search-shards.ts): the worker fetches the small base file once,
 * then for each query the shards its terms need, and scores the query over their packed postings
 * (src/lib/search-score.ts), exactly as MiniSearch would over an engine loaded from those shards.
 * A query's terms can only match within their own shards, so this answers as the full index
 * would. The per-document tables are made once from the base, decoded postings are kept, and the
 * term lists of recent shard sets too, so refining a query costs no rebuild.
 *
 * When the page says which of the hits it will show (a page in relevance order), the worker also
 * fetches and decodes the text of that page's first cards and sends it with the hits: the first
 * cards fill in just after the list renders, without waiting for requests the page would only
 * start after rendering it, and none of that decoding runs on the page's thread.
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
import { chunkFileName, type ChunkEntry } from '../lib/derive/browser-files.ts';
import { chunksOf, relevancePage } from '../lib/ordering.ts';
import { FIRST_TEXT_ROWS } from './search-protocol.ts';
import type { PageHint, SearchReply, SearchRequest, WorkerMessage } from './search-protocol.ts';
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

function post(message: WorkerMessage, transfer: ArrayBuffer[] = []): void {
  globalThis.postMessage(message, { transfer });
}

function reply(message: SearchReply): void {
  if (!message.ok) {
    post({ kind: 'reply', ...message });
    return;
  }
  const { ids, scores, termSet, fields } = message;
  post(
    { kind: 'reply', ...message },
    [ids, scores, termSet, fields].map((array) => array.buffer as ArrayBuffer),
  );
}

/** Chunks sent to the page already: it keeps them, so they are never fetched again. */
const sent = new Set<number>();

/** Chunks being fetched, which a later query waits for too rather than leave to the page. */
const inFlight = new Map<number, Promise<ChunkEntry[] | null>>();

/**
 * Longest the hits wait for their first cards' text. On a fast connection the text comes well
 * within it, and the first cards fill in just after the list renders; on a slow one, the list is
 * not held up by more than this.
 */
const TEXT_WAIT_MS = 50;

/**
 * A chunk of the page's text, null if it could not be had (the page then fetches it itself).
 * Whoever asks for it posts it to the page, with the hits or in a message of its own.
 */
function fetchChunk(hint: PageHint, chunk: number): Promise<ChunkEntry[] | null> {
  let entries = inFlight.get(chunk);
  if (!entries) {
    entries = fetchJson<ChunkEntry[]>(`${hint.chunkFolder}${chunkFileName(chunk)}`).then(
      (loaded) => {
        sent.add(chunk);
        return loaded;
      },
      () => null,
    );
    void entries.finally(() => inFlight.delete(chunk));
    inFlight.set(chunk, entries);
  }
  return entries;
}

/**
 * Fetches the text chunks of the hinted page's first FIRST_TEXT_ROWS cards that the page has
 * not got, and waits for them, up to TEXT_WAIT_MS: those in (`texts`) go with the hits, those
 * still coming are posted when they come. The page fetches the text of its other cards itself,
 * once it has rendered the list: fetched and decoded here, it took the second core from the
 * page while the page rendered the hits.
 */
async function pageText(
  ids: Int32Array,
  hint: PageHint,
): Promise<{
  texts: { chunk: number; entries: ChunkEntry[] }[];
  coming: { chunk: number; entries: Promise<ChunkEntry[] | null> }[];
}> {
  const rows = relevancePage(ids, hint.pass, hint.skip, Math.min(hint.take, FIRST_TEXT_ROWS));
  const first = chunksOf(
    rows,
    hint.chunkSize,
    (chunk) => hint.have[chunk] === 1 || sent.has(chunk),
  );
  const done = new Map<number, ChunkEntry[] | null>();
  const asked = first.map((chunk) => ({ chunk, entries: fetchChunk(hint, chunk) }));
  for (const { chunk, entries } of asked) void entries.then((loaded) => done.set(chunk, loaded));
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    Promise.all(asked.map(({ entries }) => entries)),
    new Promise((resolve) => (timer = setTimeout(resolve, TEXT_WAIT_MS))),
  ]);
  clearTimeout(timer);
  const texts: { chunk: number; entries: ChunkEntry[] }[] = [];
  const coming: typeof asked = [];
  for (const { chunk, entries } of asked) {
    const loaded = done.get(chunk);
    if (loaded) texts.push({ chunk, entries: loaded });
    else coming.push({ chunk, entries });
  }
  return { texts, coming };
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
  const { id, url, query, page } = event.data;
  const none = { corrected: null, suggestion: null, texts: [], chunks: [] };
  if (query === null) {
    loadBase(url).then(
      () => reply({ id, ok: true, ...noHits(), ...none }),
      (error: unknown) => reply({ id, ok: false, message: String(error) }),
    );
    return;
  }
  run(url, query)
    .then(async ({ results, corrected, suggestion }) => {
      if (!page) {
        reply({ id, ok: true, ...results, ...none, corrected, suggestion });
        return;
      }
      const { texts, coming } = await pageText(results.ids, page);
      const chunks = coming.map(({ chunk }) => chunk);
      reply({ id, ok: true, ...results, corrected, suggestion, texts, chunks });
      // After the reply, which tells the page they are coming.
      for (const { chunk, entries } of coming)
        void entries.then((loaded) => post({ kind: 'chunk', chunk, entries: loaded }));
    })
    .catch((error: unknown) => reply({ id, ok: false, message: String(error) }));
});
