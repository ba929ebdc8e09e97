/** Messages between the page and the search worker. */
import type { ChunkEntry } from '../lib/derive/browser-files.ts';
import { PER_TASK } from './per-task.ts';

/**
 * The cards whose text the worker fetches with the hits: those the list's first two tasks fill
 * (in-turn.ts), ten, as many as a search engine's first page of results.
 */
export const FIRST_TEXT_ROWS = 2 * PER_TASK;

/**
 * The page a query's results will fill, when the view lists them in relevance order (see
 * `relevancePage`): the worker fetches the text of its first cards before it sends the hits.
 */
export interface PageHint {
  /** `pass[i] === 1` when row i passes the view's filters other than the query. */
  pass: Uint8Array;
  /** Rows of earlier pages, and rows a page. */
  skip: number;
  take: number;
  /** Where chunk n is: `${chunkFolder}${chunkFileName(n)}`, rows `chunkSize` a chunk. */
  chunkFolder: string;
  chunkSize: number;
  /** `have[n] === 1` when the page already has chunk n, or has asked for it. */
  have: Uint8Array;
}

/** Search `query` in the index at `url`; a null query only loads the index. */
export interface SearchRequest {
  id: number;
  url: string;
  query: string | null;
  page?: PageHint | undefined;
}

/**
 * Results in parallel typed arrays, best first and ties by id (their buffers are transferred):
 * `fields` are bitmasks over SEARCH_FIELDS, `termSet` picks each result's matched terms from
 * `termSets` (few distinct lists among thousands of results). When the query found nothing,
 * `corrected` is the query whose results these are (its words' letters were swapped), or
 * `suggestion` a query that would find something.
 */
export interface SearchResults {
  ids: Int32Array;
  scores: Float64Array;
  termSet: Int32Array;
  termSets: string[][];
  fields: Uint16Array;
}

export type SearchReply =
  | ({
      id: number;
      ok: true;
      corrected: string | null;
      suggestion: string | null;
      /** Text chunks of the hinted page's first cards, fetched already. */
      texts: { chunk: number; entries: ChunkEntry[] }[];
      /** Those still coming: a `ChunkDelivery` each. */
      chunks: number[];
    } & SearchResults)
  | { id: number; ok: false; message: string };

/** A text chunk the worker fetched for a page (`entries`), or could not (`entries` null). */
export interface ChunkDelivery {
  chunk: number;
  entries: ChunkEntry[] | null;
}

export type WorkerMessage = ({ kind: 'reply' } & SearchReply) | ({ kind: 'chunk' } & ChunkDelivery);
