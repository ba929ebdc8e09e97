/**
 * The browser side of Browse's data: the columnar browse file (fetched first), the text chunks
 * (fetched per visible page, or all at once for an export) and the search index (fetched with
 * MiniSearch on the first query). Nothing here touches React.
 */
import { decodeColumns, type BrowseColumns } from '../lib/browse-columns.ts';
import type { BrowseRow } from '../lib/fields.ts';
import { chunkFileName, detailFileName, type ChunkEntry } from '../lib/derive/browser-files.ts';
import { facetIndexSteps, type FacetIndex, type SearchHits } from '../lib/facets.ts';
import { SEARCH_FIELDS } from '../lib/search-options.ts';
import type { PageHint, SearchReply, SearchRequest, WorkerMessage } from './search-protocol.ts';
import { fetchJson } from './fetch-json.ts';

/** Facet columns built in one task: a column of 16,000 rows takes about 20 ms on a phone. */
const FACETS_PER_TASK = 2;

/** Rows decoded in one task: about 10 ms on a phone (4× CPU slowdown) at 16,000 episodes. */
const DECODE_SLICE = 1000;

/** Resolves in a task of its own, after the browser has had its turn. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Fetches and decodes the browse file into a facet index, with its chunks' URLs. */
export async function loadFacetIndex(url: string): Promise<{
  index: FacetIndex;
  chunkSize: number;
  chunkUrls: string[];
  detailUrls: string[];
  /** The second browse file (the registry's `later` columns), if there is one. */
  laterUrl: string | null;
}> {
  const data = await fetchJson<BrowseColumns>(url);
  // Chunk names are relative to the browse file, which already carries the site's base.
  const here = url.slice(0, url.lastIndexOf('/') + 1);
  const folder = `${here}${data.chunkFolder}/`;
  const chunks = Array.from(
    { length: Math.ceil(data.count / Math.max(1, data.chunkSize)) },
    (_, n) => n,
  );
  // Parsing, decoding and indexing are each tens of milliseconds at 16,000 episodes on a phone:
  // run as separate tasks, the page can paint and answer input between them.
  const rows: BrowseRow[] = [];
  for (let from = 0; from < data.count; from += DECODE_SLICE) {
    await nextTask();
    for (const row of decodeColumns(data, from, Math.min(data.count, from + DECODE_SLICE)))
      rows.push(row);
  }
  // The facet index is built a few facets a task, and the first render gets a task of its own.
  const steps = facetIndexSteps(rows, data.dict);
  let index: FacetIndex | undefined;
  for (let n = 0; !index; n++) {
    if (n % FACETS_PER_TASK === 0) await nextTask();
    const step = steps.next();
    if (step.done) index = step.value;
  }
  await nextTask();
  return {
    index,
    chunkSize: data.chunkSize,
    chunkUrls: chunks.map((n) => `${folder}${chunkFileName(n)}`),
    detailUrls: chunks.map((n) => `${folder}${detailFileName(n)}`),
    laterUrl: data.later ? `${here}${data.later}` : null,
  };
}

/**
 * Text chunks (card text, or the details cards show a matched passage from), loaded on demand
 * and kept. Subscribers hear once per batch: the chunks one `ensure` asks for (a visible page)
 * are requested together and announced together when the last of them has arrived, so a page
 * of cards re-renders once rather than once per chunk. Chunks loaded outside a batch (an export,
 * or the search worker's, through `put` and `adopt`) are announced once per task.
 */
export class ChunkStore<T = ChunkEntry> {
  readonly #urls: readonly string[];
  readonly #size: number;
  readonly #loaded = new Map<number, readonly T[]>();
  readonly #pending = new Map<number, Promise<readonly T[]>>();
  readonly #listeners = new Set<() => void>();
  #version = 0;
  #failed = false;
  /** Chunks that a batch still waiting will announce, with how many batches wait on each. */
  readonly #batched = new Map<number, number>();
  /** Chunks arrived (or failed) that subscribers have not heard about yet. */
  #unannounced = false;
  #scheduled = false;

  /** A store whose page requests go first: these wait for its loads in flight to settle. */
  readonly #behind: ChunkStore<unknown> | undefined;

  constructor(urls: readonly string[], size: number, behind?: ChunkStore<unknown>) {
    this.#urls = urls;
    this.#size = Math.max(1, size);
    this.#behind = behind;
  }

  /** Resolves when the loads in flight now have settled; null when there are none. */
  settled(): Promise<void> | null {
    if (this.#pending.size === 0) return null;
    return Promise.allSettled(this.#pending.values()).then(() => undefined);
  }

  /** For `useSyncExternalStore`. */
  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  version = (): number => this.#version;

  /** Whether some chunk could not be fetched. */
  get failed(): boolean {
    return this.#failed;
  }

  /** The text of a row, if its chunk has arrived. */
  entry(rowIndex: number): T | undefined {
    return this.#loaded.get(Math.floor(rowIndex / this.#size))?.[rowIndex % this.#size];
  }

  /** Rows a chunk. */
  get size(): number {
    return this.#size;
  }

  /** The folder of the chunk files (all in one, named by `chunkFileName`): the worker's hint. */
  get folder(): string {
    const url = this.#urls[0] ?? '';
    return url.slice(0, url.lastIndexOf('/') + 1);
  }

  /** `have[n] === 1` when chunk n has arrived or is on its way. */
  have(): Uint8Array {
    const have = new Uint8Array(this.#urls.length);
    for (const chunk of this.#loaded.keys()) have[chunk] = 1;
    for (const chunk of this.#pending.keys()) have[chunk] = 1;
    return have;
  }

  /**
   * Keeps a chunk that something else fetched (the search worker, with the hits of the page it
   * fills). A render that follows reads it at once (the version changed); it is also announced,
   * in a task of its own, for a render that came before (the hits of a query already replaced).
   */
  put(chunk: number, entries: readonly T[]): void {
    if (this.#loaded.has(chunk)) return;
    this.#loaded.set(chunk, entries);
    this.#version++;
    this.#arrived(chunk, true);
  }

  /**
   * Takes a chunk that something else is fetching (the search worker, for the page its hits fill)
   * as if this store had asked for it, and announces it when it comes. If it does not come, this
   * store fetches it itself.
   */
  adopt(chunk: number, entries: Promise<readonly T[]>): void {
    if (this.#loaded.has(chunk) || this.#pending.has(chunk)) {
      // Not needed: whatever becomes of it is no one's concern.
      entries.catch(() => undefined);
      return;
    }
    const settled = entries.then(
      (loaded) => {
        if (!this.#loaded.has(chunk)) this.#loaded.set(chunk, loaded);
        this.#pending.delete(chunk);
        this.#arrived(chunk, true);
        return this.#loaded.get(chunk) ?? loaded;
      },
      () => {
        this.#pending.delete(chunk);
        return this.#load(chunk);
      },
    );
    // A failure is the store's `failed`, whether or not a page of cards waits for the chunk.
    settled.catch(() => undefined);
    this.#pending.set(chunk, settled);
  }

  #load(chunk: number): Promise<readonly T[]> {
    const done = this.#loaded.get(chunk);
    if (done) return Promise.resolve(done);
    const pending = this.#pending.get(chunk);
    if (pending) return pending;
    const url = this.#urls[chunk];
    const promise = (
      url ? fetchJson<T[]>(url) : Promise.reject(new Error(`no chunk ${chunk}`))
    ).then(
      (entries) => {
        // A chunk put in meanwhile stays: its cards would otherwise render again for nothing.
        if (!this.#loaded.has(chunk)) this.#loaded.set(chunk, entries);
        this.#pending.delete(chunk);
        this.#arrived(chunk);
        return this.#loaded.get(chunk) ?? entries;
      },
      (error: unknown) => {
        this.#pending.delete(chunk);
        this.#failed = true;
        this.#arrived(chunk);
        throw error;
      },
    );
    this.#pending.set(chunk, promise);
    return promise;
  }

  /**
   * A chunk settled: its batch announces it, or else a task of its own (once for many). One that
   * something else fetched (`put` or `adopt`) is announced in a task of its own even when a batch
   * waits for it: its cards need not wait for the rest of the batch, and the chunks the worker
   * sends come one message each, so the task that announces them takes in those that came before.
   */
  #arrived(chunk: number, fromElsewhere = false): void {
    this.#unannounced = true;
    if ((this.#batched.has(chunk) && !fromElsewhere) || this.#scheduled) return;
    this.#scheduled = true;
    setTimeout(() => {
      this.#scheduled = false;
      this.#announce();
    }, 0);
  }

  #announce(): void {
    if (!this.#unannounced) return;
    this.#unannounced = false;
    this.#version++;
    for (const listener of this.#listeners) listener();
  }

  /**
   * Starts loading the chunks of these rows (a visible page), all at once, and announces them
   * together when the last has arrived; errors show as `failed`. Safe to call again with the
   * same rows: it starts nothing new.
   */
  ensure(rowIndexes: readonly number[]): void {
    const missing = [...new Set(rowIndexes.map((i) => Math.floor(i / this.#size)))].filter(
      (chunk) => !this.#loaded.has(chunk),
    );
    if (missing.every((chunk) => this.#batched.has(chunk))) return;
    for (const chunk of missing) this.#batched.set(chunk, (this.#batched.get(chunk) ?? 0) + 1);
    // Behind another store (details behind card text), the requests start once its own are in:
    // a browser sends only a few requests to a server at once, and the card text comes first.
    const ahead = this.#behind?.settled();
    const load = () => Promise.allSettled(missing.map((chunk) => this.#load(chunk)));
    void (ahead ? ahead.then(load) : load()).then(() => {
      for (const chunk of missing) {
        const waiting = (this.#batched.get(chunk) ?? 1) - 1;
        if (waiting > 0) this.#batched.set(chunk, waiting);
        else this.#batched.delete(chunk);
      }
      this.#announce();
    });
  }

  /** Loads the text of every given row, a few chunks at a time, reporting progress (0…1). */
  async entries(rowIndexes: readonly number[], progress: (share: number) => void): Promise<T[]> {
    const chunks = [...new Set(rowIndexes.map((i) => Math.floor(i / this.#size)))];
    let done = 0;
    const queue = [...chunks];
    const worker = async (): Promise<void> => {
      for (let chunk = queue.shift(); chunk !== undefined; chunk = queue.shift()) {
        await this.#load(chunk);
        progress(++done / chunks.length);
      }
    };
    await Promise.all(Array.from({ length: Math.min(6, chunks.length) }, worker));
    return rowIndexes.map((i) => {
      const entry = this.entry(i);
      if (!entry) throw new Error(`row ${i} has no text entry`);
      return entry;
    });
  }
}

/** A search outcome: which rows match, and per row which terms and fields matched. */
export interface SearchOutcome {
  query: string;
  hits: SearchHits;
  terms: ReadonlyMap<number, readonly string[]>;
  fields: ReadonlyMap<number, readonly string[]>;
  /** The query whose results these are, when the one typed found nothing but a swap fixed it. */
  corrected: string | null;
  /** A query that would find something, when the one typed found nothing. */
  suggestion: string | null;
}

/** The page a query will fill, as the view knows it (see `PageHint`). */
export type PageRows = Pick<PageHint, 'pass' | 'skip' | 'take'>;

/**
 * The page's side of the search worker: started on first use (so neither MiniSearch nor the
 * index is part of the first load), one request at a time per query. Given the card text's store,
 * it hands the store the chunks the worker fetches for a hinted page.
 */
export class SearchClient {
  readonly #url: string;
  readonly #chunks: ChunkStore | undefined;
  #worker: Worker | undefined;
  #next = 0;
  readonly #waiting = new Map<number, (reply: SearchReply) => void>();
  /** Chunks the worker is fetching, by number, with what settles them (a reply each). */
  readonly #coming = new Map<number, ((entries: ChunkEntry[] | null) => void)[]>();

  constructor(url: string, chunks?: ChunkStore) {
    this.#url = url;
    this.#chunks = chunks;
  }

  #expect(reply: SearchReply): void {
    if (!reply.ok || !this.#chunks) return;
    for (const { chunk, entries } of reply.texts) this.#chunks.put(chunk, entries);
    for (const chunk of reply.chunks) {
      this.#chunks.adopt(
        chunk,
        new Promise((resolve, reject) => {
          const settle = (entries: ChunkEntry[] | null) => {
            if (entries) resolve(entries);
            else reject(new Error(`chunk ${chunk} did not come`));
          };
          this.#coming.set(chunk, [...(this.#coming.get(chunk) ?? []), settle]);
        }),
      );
    }
  }

  #heard(message: WorkerMessage): void {
    if (message.kind === 'chunk') {
      for (const settle of this.#coming.get(message.chunk) ?? []) settle(message.entries);
      this.#coming.delete(message.chunk);
      return;
    }
    // The chunks are taken before the reply is: the list's first ensure finds them on their way.
    this.#expect(message);
    this.#waiting.get(message.id)?.(message);
    this.#waiting.delete(message.id);
  }

  #ask(query: string | null, page?: PageRows): Promise<SearchReply> {
    if (!this.#worker) {
      this.#worker = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module' });
      this.#worker.addEventListener('message', (event: MessageEvent<WorkerMessage>) => {
        this.#heard(event.data);
      });
      this.#worker.addEventListener('error', (event) => {
        for (const [id, resolve] of this.#waiting)
          resolve({ id, ok: false, message: event.message });
        this.#waiting.clear();
        for (const waiting of this.#coming.values()) for (const settle of waiting) settle(null);
        this.#coming.clear();
        this.#worker = undefined;
      });
    }
    const id = ++this.#next;
    const store = this.#chunks;
    const hint: PageHint | undefined =
      page && store
        ? {
            ...page,
            chunkFolder: store.folder,
            chunkSize: store.size,
            have: store.have(),
          }
        : undefined;
    const request: SearchRequest = { id, url: this.#url, query, page: hint };
    return new Promise((resolve) => {
      this.#waiting.set(id, resolve);
      this.#worker?.postMessage(request);
    });
  }

  /** Starts loading the index before the first query. */
  warmUp(): void {
    void this.#ask(null);
  }

  /**
   * Runs a query (with the shared query options) over `count` rows; `page`, when the view lists
   * the hits in relevance order, has the worker fetch that page's text as well.
   */
  async search(query: string, count: number, page?: PageRows): Promise<SearchOutcome> {
    const reply = await this.#ask(query, page);
    if (!reply.ok) throw new Error(reply.message);
    const match = new Uint8Array(count);
    const score = new Map<number, number>();
    const terms = new Map<number, readonly string[]>();
    const fields = new Map<number, readonly string[]>();
    // Few distinct term lists and field masks: each is shared by every row that has it.
    const fieldLists = new Map<number, readonly string[]>();
    const { ids, scores, termSet, termSets } = reply;
    // The worker sends the hits ranked (best first, ties by id), as orderRows would rank them.
    const ranked = new Int32Array(ids.length);
    let kept = 0;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k] as number;
      if (!(id >= 0 && id < count) || match[id] === 1) continue;
      match[id] = 1;
      ranked[kept++] = id;
      score.set(id, scores[k] ?? 0);
      terms.set(id, termSets[termSet[k] ?? -1] ?? []);
      const mask = reply.fields[k] ?? 0;
      let list = fieldLists.get(mask);
      if (!list) {
        list = SEARCH_FIELDS.filter((_, bit) => mask & (1 << bit));
        fieldLists.set(mask, list);
      }
      fields.set(id, list);
    }
    return {
      query,
      hits: { match, score, ranked: ranked.subarray(0, kept) },
      terms,
      fields,
      corrected: reply.corrected,
      suggestion: reply.suggestion,
    };
  }
}
