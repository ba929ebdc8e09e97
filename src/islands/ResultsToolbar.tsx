import { useId } from 'react';
import type { View } from '../lib/browse-state.ts';
import { COLUMN_SORTS } from '../lib/fields.ts';
import { LIST_SORTS, defaultDescending, isColumnSort, sortName, type Sort } from '../lib/sorts.ts';

/** The two ways to show results, in the switch's order. */
const VIEWS: readonly { id: View; name: string }[] = [
  { id: 'list', name: 'List' },
  { id: 'table', name: 'Table' },
];

export interface ResultsToolbarProps {
  sort: Sort;
  desc: boolean;
  hasQuery: boolean;
  view: View;
  onSort: (sort: Sort, desc: boolean) => void;
  onReshuffle: () => void;
  onView: (view: View) => void;
}

/** Sort order, its direction or reshuffle, and the list/table switch. */
export function ResultsToolbar({
  sort,
  desc,
  hasQuery,
  view,
  onSort,
  onReshuffle,
  onView,
}: ResultsToolbarProps) {
  const id = useId();
  const column = isColumnSort(sort);
  return (
    <div className="results-toolbar">
      <div className="sort-control">
        <label htmlFor={id}>Sort by</label>
        <select
          id={id}
          value={sort}
          onChange={(event) => {
            const next = event.target.value as Sort;
            onSort(next, defaultDescending(next));
          }}
        >
          {LIST_SORTS.map((s) => (
            <option key={s} value={s} disabled={s === 'relevance' && !hasQuery}>
              {sortName(s)}
              {s === 'relevance' && !hasQuery ? ' (needs a search)' : ''}
            </option>
          ))}
          <optgroup label="Column">
            {COLUMN_SORTS.map(({ id, name }) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </optgroup>
        </select>
        {column && (
          <button type="button" className="button" onClick={() => onSort(sort, !desc)}>
            {desc ? 'Descending' : 'Ascending'}
            <span className="visually-hidden">: switch to {desc ? 'ascending' : 'descending'}</span>
          </button>
        )}
        {sort === 'shuffle' && (
          <button type="button" className="button" onClick={onReshuffle}>
            Reshuffle
          </button>
        )}
      </div>
      <div className="view-switch" role="group" aria-label="View">
        {VIEWS.map(({ id, name }) => (
          <button
            key={id}
            type="button"
            className="button"
            aria-pressed={view === id}
            onClick={() => onView(id)}
          >
            {name}
          </button>
        ))}
      </div>
    </div>
  );
}
