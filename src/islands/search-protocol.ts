/** Messages between the page and the search worker. */

/** Search `query` in the index at `url`; a null query only loads the index. */
export interface SearchRequest {
  id: number;
  url: string;
  query: string | null;
}

/** Results in parallel arrays, best first; `fields` are bitmasks over SEARCH_FIELDS. */
export type SearchReply =
  | { id: number; ok: true; ids: number[]; scores: number[]; terms: string[][]; fields: number[] }
  | { id: number; ok: false; message: string };
