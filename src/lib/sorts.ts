/**
 * The result orders of Browse: the list sorts (which carry their own direction) and the column
 * sorts of the field registry (which take it from the URL's `dir`), with their names and the one
 * rule for the default sort.
 */
import { COLUMN_SORTS, type ColumnSortId } from './fields.ts';

/** Sorts of the list that carry their own direction, with their menu names. */
const LIST_SORT_NAMES = {
  relevance: 'Relevance',
  'date-desc': 'Newest first',
  'date-asc': 'Oldest first',
  shuffle: 'Shuffle (shareable)',
} as const;

export type ListSort = keyof typeof LIST_SORT_NAMES;
export type Sort = ListSort | ColumnSortId;

/** The list sorts, in menu order. */
export const LIST_SORTS = Object.keys(LIST_SORT_NAMES) as ListSort[];

/** Every sort the URL may name. */
export const SORTS: readonly Sort[] = [...LIST_SORTS, ...COLUMN_SORTS.map((s) => s.id)];

/** How a sort reads in the menu (and, for a column sort, its table header). */
export function sortName(sort: Sort): string {
  if (Object.hasOwn(LIST_SORT_NAMES, sort)) return LIST_SORT_NAMES[sort as ListSort];
  return COLUMN_SORTS.find((s) => s.id === sort)?.name ?? sort;
}

/** Which sorts take their direction from `dir` (the table's column sorts). */
export function isColumnSort(sort: Sort): sort is ColumnSortId {
  return !Object.hasOwn(LIST_SORT_NAMES, sort);
}

/**
 * The direction a sort starts in: a column sort marked `descending` in the registry (most turns,
 * most severe: what a reader looks for) starts there, other columns A to Z. Sorts that carry their
 * own direction keep the default (descending), so the URL needs no `dir`.
 */
export function defaultDescending(sort: Sort): boolean {
  return !isColumnSort(sort) || COLUMN_SORTS.find((s) => s.id === sort)?.descending === true;
}

/** The sort a reader gets without choosing one: relevance with a query, newest first without. */
export function defaultSort(query: string): Sort {
  return query ? 'relevance' : 'date-desc';
}
