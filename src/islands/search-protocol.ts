/** Messages between the page and the search worker. */

/** Search `query` in the index at `url`; a null query only loads the index. */
export interface SearchRequest {
  id: number;
  url: string;
  query: string | null;
}

/**
 * Results in parallel arrays, best first; `fields` are bitmasks over SEARCH_FIELDS. When the
 * query found nothing, `corrected` is the query whose results these are (its words' letters were
 * swapped), or `suggestion` a query that would find something.
 */
export type SearchReply =
  | {
      id: number;
      ok: true;
      ids: number[];
      scores: number[];
      terms: string[][];
      fields: number[];
      corrected: string | null;
      suggestion: string | null;
    }
  | { id: number; ok: false; message: string };
