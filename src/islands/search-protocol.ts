/** Messages between the page and the search worker. */

/** Search `query` in the index at `url`; a null query only loads the index. */
export interface SearchRequest {
  id: number;
  url: string;
  query: string | null;
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
  | ({ id: number; ok: true; corrected: string | null; suggestion: string | null } & SearchResults)
  | { id: number; ok: false; message: string };
