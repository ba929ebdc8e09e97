/** State transitions of Browse that more than one control needs. */
import { defaultState, type BrowseState } from '../lib/browse-state.ts';
import type { FilterId } from '../lib/facets.ts';
import { defaultSort } from '../lib/sorts.ts';

/**
 * A new query. A sort the reader never chose follows the query (relevance with one, newest
 * first without); relevance without a query falls back to newest first.
 */
export function withQuery(state: BrowseState, query: string): BrowseState {
  const chosen = state.sort !== defaultSort(state.query);
  let sort = chosen ? state.sort : defaultSort(query);
  if (sort === 'relevance' && !query) sort = defaultSort(query);
  return { ...state, query, sort, page: 1 };
}

/** The state without one whole filter (a facet, the date range or the query). */
export function withoutFilter(state: BrowseState, filter: FilterId): BrowseState {
  if (filter === 'query') return withQuery(state, '');
  if (filter === 'date') return { ...state, from: '', to: '', page: 1 };
  return { ...state, filters: { ...state.filters, [filter]: [] }, page: 1 };
}

/** Every filter and the query back to their defaults; sort, view and seed stay. */
export function cleared(state: BrowseState): BrowseState {
  return withQuery(
    {
      ...defaultState(),
      sort: state.sort,
      desc: state.desc,
      seed: state.seed,
      view: state.view,
      query: state.query,
    },
    '',
  );
}
