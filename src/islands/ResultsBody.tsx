import { lazy, Suspense } from 'react';
import type { BrowseState } from '../lib/browse-state.ts';
import { bestDrop, type FacetIndex } from '../lib/facets.ts';
import { filterText } from './ActiveFilters.tsx';
import { ResultList, type ResultViewProps } from './ResultList.tsx';
import type { ColumnSort } from './ResultTable.tsx';
import { withoutFilter, withQuery } from './state-actions.ts';
import type { Results } from './useResults.ts';
import { ZeroResults } from './ZeroResults.tsx';

// TanStack Table is only needed in the table view, so it stays out of the first load.
const ResultTable = lazy(() =>
  import('./ResultTable.tsx').then((m) => ({ default: m.ResultTable })),
);

export interface ResultsBodyProps extends Omit<ResultViewProps, 'rows'> {
  index: FacetIndex;
  state: BrowseState;
  results: Results;
  onSort: (column: ColumnSort) => void;
  go: (next: BrowseState) => void;
}

/** The results proper: a loading note, the zero-result hint, the card list or the table. */
export function ResultsBody({ index, state, results, onSort, go, ...view }: ResultsBodyProps) {
  if (results.indexLoading) return <p className="browse-loading">Loading the search index…</p>;
  if (results.total === 0) {
    if (results.searching) return null;
    const best = bestDrop(results.result);
    return (
      <ZeroResults
        hint={best && { text: filterText(index, state, best.filter), count: best.count }}
        onDrop={() => {
          if (best) go(withoutFilter(state, best.filter));
        }}
        suggestion={results.shown?.suggestion ?? null}
        onSuggest={() => {
          const suggestion = results.shown?.suggestion;
          if (suggestion) go(withQuery(state, suggestion));
        }}
      />
    );
  }
  if (state.view === 'table') {
    return (
      <Suspense fallback={<p className="browse-loading">Loading the table…</p>}>
        <ResultTable
          {...view}
          index={index}
          rows={results.pageRows}
          sort={state.sort}
          desc={state.desc}
          onSort={onSort}
        />
      </Suspense>
    );
  }
  return <ResultList {...view} index={index} rows={results.pageRows} />;
}
