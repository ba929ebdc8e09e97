import { useCallback, useRef, useState } from 'react';
import { browseQuery, type BrowseState } from '../lib/browse-state.ts';
import type { FacetIndex } from '../lib/facets.ts';
import type { FacetKey } from '../lib/fields.ts';
import { formatCount, plural } from '../lib/format.ts';
import { newSeed } from '../lib/ordering.ts';
import { defaultDescending, type Sort } from '../lib/sorts.ts';
import { ActiveFilters, chipsOf } from './ActiveFilters.tsx';
import { SearchClient, type ChunkStore } from './data-source.ts';
import { ExportButtons } from './ExportButtons.tsx';
import { FacetPanel } from './FacetPanel.tsx';
import { Pagination } from './Pagination.tsx';
import { ResultsBody } from './ResultsBody.tsx';
import { ResultsToolbar } from './ResultsToolbar.tsx';
import type { ColumnSort } from './ResultTable.tsx';
import { SearchBox } from './SearchBox.tsx';
import { cleared, withQuery } from './state-actions.ts';
import { useEntries, useSearch } from './useBrowseData.ts';
import { PAGE_SIZE, useResults } from './useResults.ts';
import type { HistoryMode } from './useUrlState.ts';

export interface BrowseViewProps {
  base: string;
  siteOrigin: string | undefined;
  searchUrl: string;
  index: FacetIndex;
  chunks: ChunkStore;
  state: BrowseState;
  navigate: (next: BrowseState, mode: HistoryMode) => void;
}

const NO_TERMS = new Map<number, readonly string[]>();

/** Browse once the data is in: every control reads the URL state and writes a new one. */
export function BrowseView(props: BrowseViewProps) {
  const { base, siteOrigin, searchUrl, index, chunks, state, navigate } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  const [searchClient] = useState(() => new SearchClient(searchUrl));
  const search = useSearch(searchClient, state.query, index.rows.length);
  const results = useResults(index, state, search);
  const { total, page, pageCount, pageRows, searching, shown } = results;
  const { entries, failed } = useEntries(chunks, results.pageIndexes);

  const go = (next: BrowseState, mode: HistoryMode = 'push') => navigate(next, mode);
  const onQuery = useCallback(
    (query: string) => navigate(withQuery(state, query), 'replace'),
    [navigate, state],
  );
  const onToggle = (key: FacetKey, code: string, selected: boolean) => {
    const values = state.filters[key] ?? [];
    const next = selected ? [...values, code] : values.filter((c) => c !== code);
    go({ ...state, filters: { ...state.filters, [key]: next }, page: 1 });
  };
  const onSort = (next: Sort, nextDesc: boolean) => {
    // Choosing the shuffle deals a fresh order; the seed in the URL then keeps it.
    const seed = next === 'shuffle' && state.sort !== 'shuffle' ? newSeed(Math.random) : state.seed;
    go({ ...state, sort: next, desc: nextDesc, seed, page: 1 });
  };
  const onColumnSort = (column: ColumnSort) => {
    if (column === 'date') onSort(state.sort === 'date-desc' ? 'date-asc' : 'date-desc', true);
    else onSort(column, state.sort === column ? !state.desc : defaultDescending(column));
  };
  const onPage = (next: number) => {
    go({ ...state, page: next });
    heading.current?.focus();
  };

  const { query, filters, from, to } = state;
  const filtered = browseQuery({ query, filters, from, to }) !== '';
  const first = (page - 1) * PAGE_SIZE + 1;
  const count = plural(total, 'episode');

  return (
    <div className="browse">
      <SearchBox
        query={state.query}
        onCommit={onQuery}
        onWarmUp={() => searchClient.warmUp()}
        busy={searching}
      />
      <div className="browse-layout">
        <FacetPanel
          index={index}
          state={state}
          counts={results.result.counts}
          onToggle={onToggle}
          onDates={(f, t) => go({ ...state, from: f, to: t, page: 1 }, 'replace')}
        />
        <section
          className="browse-results"
          aria-labelledby="browse-results-heading"
          aria-busy={searching || undefined}
        >
          <ActiveFilters
            chips={chipsOf(index, state)}
            onRemove={(chip) => go({ ...chip.remove(state), page: 1 })}
            onClearAll={filtered ? () => go(cleared(state)) : undefined}
          />
          <div className="results-head">
            <h2 id="browse-results-heading" ref={heading} tabIndex={-1}>
              {searching ? 'Searching…' : count}
            </h2>
            {pageCount > 1 && !searching && (
              <p className="muted">
                Showing {formatCount(first)}–{formatCount(first + pageRows.length - 1)} of{' '}
                {formatCount(total)}
              </p>
            )}
          </div>
          <ResultsToolbar
            sort={state.sort}
            desc={state.desc}
            hasQuery={state.query.trim() !== ''}
            view={state.view}
            onSort={onSort}
            onReshuffle={() =>
              go({ ...state, sort: 'shuffle', seed: newSeed(Math.random), page: 1 })
            }
            onView={(view) => go({ ...state, view })}
          />
          {search.status === 'error' && (
            <p className="browse-error" role="alert">
              Search is unavailable ({search.message}); the filters still work.
            </p>
          )}
          {failed && (
            <p className="browse-error" role="alert">
              Some episode text could not be loaded. Reload the page to try again.
            </p>
          )}
          <ResultsBody
            base={base}
            index={index}
            state={state}
            results={results}
            entries={entries}
            terms={shown?.terms ?? NO_TERMS}
            fields={shown?.fields ?? NO_TERMS}
            onSort={onColumnSort}
            go={go}
          />
          {!searching && <Pagination page={page} pageCount={pageCount} onPage={onPage} />}
          {!searching && total > 0 && (
            <ExportButtons
              base={base}
              siteOrigin={siteOrigin}
              index={index}
              chunks={chunks}
              matches={results.result.matches}
            />
          )}
        </section>
      </div>
      <p className="visually-hidden" role="status">
        {searching ? 'Searching…' : `${count}${total > 0 ? `, page ${page} of ${pageCount}` : ''}`}
      </p>
    </div>
  );
}
