/**
 * The browser side of Browse's data: the columnar browse file (fetched first), the text chunks
 * (fetched per visible page, or all at once for an export) and the search index (fetched with
 * MiniSearch on the first query). Nothing here touches React.
 */
import { decodeColumns, type BrowseColumns } from '../lib/browse-columns.ts';
import type { ChunkEntry } from '../lib/derive/browser-files.ts';
import { buildFacetIndex, type FacetIndex, type SearchHits } from '../lib/facets.ts';
import { MINISEARCH_OPTIONS, type SearchDocument } from '../lib/search-options.ts';
import type MiniSearch from 'minisearch';

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}

/** Fetches and decodes the browse file into a facet index. */
export async function loadFacetIndex(
  url: string,
): Promise<{ index: FacetIndex; chunkSize: number }> {
  const data = JSON.parse(await fetchText(url)) as BrowseColumns;
  return { index: buildFacetIndex(decodeColumns(data), data.dict), chunkSize: data.chunkSize };
}

/** Text chunks, loaded on demand and kept; subscribers hear about every chunk that arrives. */
export class ChunkStore {
  readonly #urls: readonly string[];
  readonly #size: number;
  readonly #loaded = new Map<number, readonly ChunkEntry[]>();
  readonly #pending = new Map<number, Promise<readonly ChunkEntry[]>>();
  readonly #listeners = new Set<() => void>();
  #version = 0;
  #failed = false;

  constructor(urls: readonly string[], size: number) {
    this.#urls = urls;
    this.#size = Math.max(1, size);
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
  entry(rowIndex: number): ChunkEntry | undefined {
    return this.#loaded.get(Math.floor(rowIndex / this.#size))?.[rowIndex % this.#size];
  }

  #load(chunk: number): Promise<readonly ChunkEntry[]> {
    const done = this.#loaded.get(chunk);
    if (done) return Promise.resolve(done);
    const pending = this.#pending.get(chunk);
    if (pending) return pending;
    const url = this.#urls[chunk];
    const promise = (url ? fetchText(url) : Promise.reject(new Error(`no chunk ${chunk}`))).then(
      (text) => {
        const entries = JSON.parse(text) as ChunkEntry[];
        this.#loaded.set(chunk, entries);
        this.#pending.delete(chunk);
        this.#notify();
        return entries;
      },
      (error: unknown) => {
        this.#pending.delete(chunk);
        this.#failed = true;
        this.#notify();
        throw error;
      },
    );
    this.#pending.set(chunk, promise);
    return promise;
  }

  #notify(): void {
    this.#version++;
    for (const listener of this.#listeners) listener();
  }

  /** Starts loading the chunks of these rows (a visible page); errors show as `failed`. */
  ensure(rowIndexes: readonly number[]): void {
    for (const chunk of new Set(rowIndexes.map((i) => Math.floor(i / this.#size)))) {
      this.#load(chunk).catch(() => undefined);
    }
  }

  /** Loads the text of every given row, a few chunks at a time, reporting progress (0…1). */
  async entries(
    rowIndexes: readonly number[],
    progress: (share: number) => void,
  ): Promise<ChunkEntry[]> {
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
}

let engine: Promise<MiniSearch<SearchDocument>> | undefined;

/** Loads MiniSearch and the index once (both stay out of the first page load). */
export function loadSearch(url: string): Promise<MiniSearch<SearchDocument>> {
  engine ??= Promise.all([import('minisearch'), fetchText(url)]).then(([module, json]) =>
    module.default.loadJSONAsync<SearchDocument>(json, MINISEARCH_OPTIONS),
  );
  engine.catch(() => (engine = undefined));
  return engine;
}

/** Runs a query against the index (with the shared query options) for `count` rows. */
export function runSearch(
  search: MiniSearch<SearchDocument>,
  query: string,
  count: number,
): SearchOutcome {
  const match = new Uint8Array(count);
  const score = new Map<number, number>();
  const terms = new Map<number, readonly string[]>();
  const fields = new Map<number, readonly string[]>();
  for (const result of search.search(query)) {
    const id = Number(result.id);
    if (!(id >= 0 && id < count)) continue;
    match[id] = 1;
    score.set(id, result.score);
    terms.set(id, result.terms);
    fields.set(id, [...new Set(Object.values(result.match).flat())]);
  }
  return { query, hits: { match, score }, terms, fields };
}
