/**
 * The one home of the search configuration: the index builder (at build time) and the search
 * island (in the browser) both import these options, so their tokenisers cannot drift.
 */
import type { Options, SearchOptions } from 'minisearch';

/** A document as it is indexed: `id` is the episode's position in the canonical order. */
export interface SearchDocument {
  id: number;
  name: string;
  description: string;
  quotes: string;
  contexts: string;
  reasoning: string;
  agent: string;
  /** The episode's id and release key (`swe-78-s846-m002 swe/78/session_846/M002`). */
  key: string;
}

export const SEARCH_FIELDS = [
  'name',
  'description',
  'quotes',
  'contexts',
  'reasoning',
  'agent',
  'key',
] as const;

/** Splits on anything that is not a letter or digit; keeps `[REDACTED:…]` markers apart. */
export function tokenize(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter((token) => token.length > 0);
}

/** Lower-cases, folds accents and drops one-letter terms. */
export function processTerm(term: string): string | null {
  const folded = term.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  return folded.length > 1 ? folded : null;
}

/**
 * How queries are run: every term must match, prefixes count, small typos are forgiven. An id or
 * key matches every term of one episode's key field, whose boost puts that episode first.
 */
export const QUERY_OPTIONS: SearchOptions = {
  boost: { name: 3, description: 1.5, quotes: 1.2, key: 20 },
  prefix: true,
  fuzzy: (term) => (term.length > 4 ? 0.2 : false),
  combineWith: 'AND',
};

/** The MiniSearch options, identical at build time and in the browser. */
export const MINISEARCH_OPTIONS: Options<SearchDocument> = {
  fields: [...SEARCH_FIELDS],
  storeFields: [],
  tokenize,
  processTerm,
  searchOptions: QUERY_OPTIONS,
};
