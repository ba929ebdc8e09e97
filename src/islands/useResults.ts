/**
 * The result chain of Browse, memoised step by step: search hits → order (only when the sort or
 * ranking changes) → filtering and counting (`filterRows`, on every filter change) → the visible
 * page.
 */
import { useMemo } from 'react';
import type { BrowseState } from '../lib/browse-state.ts';
import { filterRows, type FacetIndex, type FilterResult } from '../lib/facets.ts';
import type { BrowseRow } from '../lib/fields.ts';
import { orderRows } from '../lib/ordering.ts';
import type { SearchOutcome } from './data-source.ts';
import type { SearchState } from './useBrowseData.ts';
import { viewNeedsLater, type LaterStatus } from './later-columns.ts';

export const PAGE_SIZE = 25;

const NO_ROWS: readonly number[] = [];

export interface Results {
  result: FilterResult;
  total: number;
  /** The page shown (the URL's page, clamped to the last page). */
  page: number;
  pageCount: number;
  pageIndexes: readonly number[];
  pageRows: readonly BrowseRow[];
  /** The search whose hits are applied: the current one, or the previous while one runs. */
  shown: SearchOutcome | null;
  searching: boolean;
  /** A first query is waiting for the index: there is nothing to show yet. */
  indexLoading: boolean;
}

/**
 * Applies a state and a search to the index. `later`: where the second browse file's columns
 * (turn counts) stand; an order or a table page that reads them is redone when they arrive, and
 * until then such a view counts as busy rather than showing an order without them.
 */
export function useResults(
  index: FacetIndex,
  state: BrowseState,
  search: SearchState,
  later: LaterStatus,
): Results {
  const laterReady = later === 'ready';
  const searching = search.status === 'loading' || (later === 'waiting' && viewNeedsLater(state));
  // While a query runs, the previous search's results stay up (marked busy) instead of flashing.
  const shown =
    search.status === 'ready' ? search : search.status === 'loading' ? search.previous : null;
  const hits = shown?.hits ?? null;

  const { sort, desc, seed, filters, from, to } = state;
  const ranking = sort === 'relevance' ? hits : null;
  // Changes only for a view that reads the later columns, so no other view recomputes.
  const laterShown = laterReady && viewNeedsLater(state);
  const order = useMemo(() => {
    // eslint-disable-next-line @typescript-eslint/no-meaningless-void-operator -- ties the memo to it
    void laterShown;
    return orderRows(index, { sort, desc, seed }, ranking);
  }, [index, sort, desc, seed, ranking, laterShown]);
  const result = useMemo(
    () => filterRows(index, { filters, from, to }, order, hits),
    [index, filters, from, to, order, hits],
  );

  const total = result.matches.length;
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(state.page, pageCount);
  // Busy with nothing to show yet (a first query waiting for the index, or a view waiting for
  // the second browse file): no results are shown, so none of their text is fetched.
  const indexLoading = searching && shown === null;
  const pageIndexes = useMemo(
    () => (indexLoading ? NO_ROWS : result.matches.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)),
    [result, page, indexLoading],
  );
  const pageRows = useMemo(() => {
    // eslint-disable-next-line @typescript-eslint/no-meaningless-void-operator -- a new page for the table
    void laterShown;
    return pageIndexes.flatMap((i) => index.rows[i] ?? []);
  }, [pageIndexes, index, laterShown]);
  return {
    result,
    total,
    page,
    pageCount,
    pageIndexes,
    pageRows,
    shown,
    searching,
    indexLoading,
  };
}
