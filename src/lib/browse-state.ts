/**
 * The state of Browse as it lives in the URL: query, filters, sort, view and page. Links from
 * charts and taxonomy pages are built with `browseQuery`, and the island reads them back with
 * `parseBrowseState`, so a shared URL always reopens the same view.
 */
import { isCalendarDate } from './dates.ts';
import { FACET_KEYS, type FacetKey } from './fields.ts';
import { SORTS, defaultSort, type Sort } from './sorts.ts';

export type View = 'list' | 'table';

export interface BrowseState {
  query: string;
  /** Selected values per facet; a facet absent from the map has nothing selected. */
  filters: Partial<Record<FacetKey, string[]>>;
  /** Inclusive `YYYY-MM-DD` bounds, or empty. */
  from: string;
  to: string;
  sort: Sort;
  /** For the table view: descending or not (list sorts carry their own direction). */
  desc: boolean;
  /** Seed of the shareable shuffle. */
  seed: number;
  view: View;
  /** 1-based. */
  page: number;
}

/** Validation defaults to VALID: that is what a reader of the paper means by an episode. */
export const DEFAULT_FILTERS: Partial<Record<FacetKey, string[]>> = { validation: ['VALID'] };

export function defaultState(): BrowseState {
  return {
    query: '',
    filters: { ...DEFAULT_FILTERS },
    from: '',
    to: '',
    sort: defaultSort(''),
    desc: true,
    seed: 1,
    view: 'list',
    page: 1,
  };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads a URL query string (with or without `?`) into a full state; bad values fall back. */
export function parseBrowseState(search: string): BrowseState {
  const params = new URLSearchParams(search);
  const state = defaultState();
  state.query = (params.get('q') ?? '').slice(0, 200);
  for (const key of FACET_KEYS) {
    const raw = params.get(key);
    if (raw === null) continue;
    const values = raw
      .split(',')
      .map((v) => v.trim())
      .filter((v) => v.length > 0 && v.length <= 100);
    // `validation=all` clears the default VALID-only filter.
    if (key === 'validation' && (values.length === 0 || values.includes('all')))
      delete state.filters.validation;
    else if (values.length > 0) state.filters[key] = [...new Set(values)].slice(0, 50);
  }
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  state.from = DATE.test(from) && isCalendarDate(from) ? from : '';
  state.to = DATE.test(to) && isCalendarDate(to) ? to : '';
  const sort = params.get('sort') as Sort | null;
  state.sort = sort && SORTS.includes(sort) ? sort : defaultSort(state.query);
  state.desc = params.get('dir') !== 'asc';
  const seed = Number(params.get('seed'));
  state.seed = Number.isInteger(seed) && seed > 0 && seed < 2 ** 31 ? seed : 1;
  state.view = params.get('view') === 'table' ? 'table' : 'list';
  const page = Number(params.get('page'));
  state.page = Number.isInteger(page) && page > 0 ? page : 1;
  return state;
}

/** Writes a state as a short query string (no `?`), leaving out everything at its default. */
export function browseQuery(partial: Partial<BrowseState>): string {
  const state = { ...defaultState(), ...partial };
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  for (const key of FACET_KEYS) {
    const values = state.filters[key];
    if (key === 'validation') {
      if (!values || values.length === 0) params.set(key, 'all');
      else if (!(values.length === 1 && values[0] === 'VALID')) params.set(key, values.join(','));
      continue;
    }
    if (values && values.length > 0) params.set(key, values.join(','));
  }
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.sort !== defaultSort(state.query)) params.set('sort', state.sort);
  if (!state.desc) params.set('dir', 'asc');
  if (state.sort === 'shuffle') params.set('seed', String(state.seed));
  if (state.view !== 'list') params.set('view', state.view);
  if (state.page > 1) params.set('page', String(state.page));
  return params.toString().replace(/%2C/g, ',');
}

/** A Browse link with some filters set (and validation at its VALID default unless given). */
export function filterQuery(filters: Partial<Record<FacetKey, string[]>>): string {
  return browseQuery({ filters: { ...DEFAULT_FILTERS, ...filters } });
}
