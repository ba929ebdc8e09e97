import { useId } from 'react';
import type { Sort, View } from '../lib/browse-state.ts';
import { defaultDescending, isColumnSort } from '../lib/facets.ts';

export interface ResultsToolbarProps {
  sort: Sort;
  desc: boolean;
  hasQuery: boolean;
  view: View;
  onSort: (sort: Sort, desc: boolean) => void;
  onReshuffle: () => void;
  onView: (view: View) => void;
}

const SORT_NAMES: Record<Sort, string> = {
  relevance: 'Relevance',
  'date-desc': 'Newest first',
  'date-asc': 'Oldest first',
  shuffle: 'Shuffle (shareable)',
  agent: 'Agent',
  platform: 'Platform',
  form: 'Form',
  cause: 'Cause',
  severity: 'Severity',
  resolution: 'Resolution',
  turns: 'Turns',
};

const LIST_SORTS: Sort[] = ['relevance', 'date-desc', 'date-asc', 'shuffle'];
const COLUMN_SORTS: Sort[] = [
  'agent',
  'platform',
  'form',
  'cause',
  'severity',
  'resolution',
  'turns',
];

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
              {SORT_NAMES[s]}
              {s === 'relevance' && !hasQuery ? ' (needs a search)' : ''}
            </option>
          ))}
          <optgroup label="Column">
            {COLUMN_SORTS.map((s) => (
              <option key={s} value={s}>
                {SORT_NAMES[s]}
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
        <button
          type="button"
          className="button"
          aria-pressed={view === 'list'}
          onClick={() => onView('list')}
        >
          List
        </button>
        <button
          type="button"
          className="button"
          aria-pressed={view === 'table'}
          onClick={() => onView('table')}
        >
          Table
        </button>
      </div>
    </div>
  );
}
