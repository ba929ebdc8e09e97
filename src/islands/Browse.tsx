import { useCallback, useMemo, useRef, useState } from 'react';
import {
  browseQuery,
  type BrowseState,
  type FacetKey,
  type Sort,
  type View,
} from '../lib/browse-state.ts';
import {
  bestDrop,
  defaultDescending,
  filterRows,
  newSeed,
  orderRows,
  type FacetIndex,
} from '../lib/facets.ts';
import { formatCount, plural } from '../lib/format.ts';
import { routes, withBase } from '../lib/paths.ts';
import { ActiveFilters, chipsOf, filterText, type Chip } from './ActiveFilters.tsx';
import { SearchClient, type ChunkStore } from './data-source.ts';
import { ExportButtons } from './ExportButtons.tsx';
import { FacetPanel } from './FacetPanel.tsx';
import { Pagination } from './Pagination.tsx';
import { ResultList } from './ResultList.tsx';
import { ResultTable, type ColumnSort } from './ResultTable.tsx';
import { ResultsToolbar } from './ResultsToolbar.tsx';
import { SearchBox } from './SearchBox.tsx';
import { cleared, withoutFilter, withQuery } from './state-actions.ts';
import { useBrowseData, useEntries, useSearch } from './useBrowseData.ts';
import { useUrlState, type HistoryMode } from './useUrlState.ts';
import './browse.css';

/** Props of the Browse island: file names and the base only; the data is fetched. */
export interface BrowseProps {
  /** Astro's base (`/` or `/atlas/`). */
  base: string;
  /** Name of the columnar browse file under `data/`. */
  browseFile: string;
  /** Names of the text chunk files, in chunk order. */
  chunkFiles: string[];
  /** Name of the serialised search index. */
  searchFile: string;
  /** `https://example.org`: makes exported URLs absolute. */
  siteOrigin?: string;
}

const PAGE_SIZE = 25;
const NO_TERMS = new Map<number, readonly string[]>();

/** Browse: loads the browse file, then hands over to the view. */
export function Browse({ base, browseFile, chunkFiles, searchFile, siteOrigin }: BrowseProps) {
  const chunkUrls = useMemo(
    () => chunkFiles.map((f) => withBase(base, routes.dataFile(f))),
    [base, chunkFiles],
  );
  const data = useBrowseData(withBase(base, routes.dataFile(browseFile)), chunkUrls);
  const [state, navigate] = useUrlState();
  if (data.status === 'loading') {
    return (
      <p className="browse-loading" role="status">
        Loading episodes…
      </p>
    );
  }
  if (data.status === 'error') {
    return (
      <div className="browse-error" role="alert">
        <p>The episode list could not be loaded ({data.message}).</p>
        <p>
          The <a href={withBase(base, routes.taxonomy())}>taxonomy</a> and{' '}
          <a href={withBase(base, routes.agents())}>agent</a> pages list every episode without it.
        </p>
      </div>
    );
  }
  return (
    <BrowseView
      base={base}
      siteOrigin={siteOrigin}
      searchUrl={withBase(base, routes.dataFile(searchFile))}
      index={data.index}
      chunks={data.chunks}
      state={state}
      navigate={navigate}
    />
  );
}

interface BrowseViewProps {
  base: string;
  siteOrigin: string | undefined;
  searchUrl: string;
  index: FacetIndex;
  chunks: ChunkStore;
  state: BrowseState;
  navigate: (next: BrowseState, mode: HistoryMode) => void;
}

function BrowseView({
  base,
  siteOrigin,
  searchUrl,
  index,
  chunks,
  state,
  navigate,
}: BrowseViewProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [searchClient] = useState(() => new SearchClient(searchUrl));
  const search = useSearch(searchClient, state.query, index.rows.length);
  const hits = search.status === 'ready' ? search.hits : null;
  const searching = search.status === 'loading';

  const { sort, desc, seed, filters, from, to } = state;
  const order = useMemo(
    () => orderRows(index, { sort, desc, seed }, sort === 'relevance' ? hits : null),
    [index, sort, desc, seed, hits],
  );
  const result = useMemo(
    () => filterRows(index, { filters, from, to }, order, hits),
    [index, filters, from, to, order, hits],
  );

  const total = result.matches.length;
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(state.page, pageCount);
  const pageIndexes = useMemo(
    () => result.matches.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
    [result, page],
  );
  const pageRows = useMemo(
    () => pageIndexes.flatMap((i) => index.rows[i] ?? []),
    [pageIndexes, index],
  );
  const { entries, failed } = useEntries(chunks, pageIndexes);

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
    const nextSeed =
      next === 'shuffle' && state.sort !== 'shuffle' ? newSeed(Math.random) : state.seed;
    go({ ...state, sort: next, desc: nextDesc, seed: nextSeed, page: 1 });
  };
  const onColumnSort = (column: ColumnSort) => {
    if (column === 'date') onSort(state.sort === 'date-desc' ? 'date-asc' : 'date-desc', true);
    else onSort(column, state.sort === column ? !state.desc : defaultDescending(column));
  };
  const onPage = (next: number) => {
    go({ ...state, page: next });
    heading.current?.focus();
  };

  const chips = chipsOf(index, state);
  const filtered =
    browseQuery({ query: state.query, filters: state.filters, from: state.from, to: state.to }) !==
    '';
  const best = total === 0 ? bestDrop(result) : null;
  const terms = search.status === 'ready' ? search.terms : NO_TERMS;
  const fields = search.status === 'ready' ? search.fields : NO_TERMS;
  const first = (page - 1) * PAGE_SIZE + 1;
  const announcement = searching
    ? 'Searching…'
    : `${plural(total, 'episode')}${total > 0 ? `, page ${page} of ${pageCount}` : ''}`;

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
          counts={result.counts}
          onToggle={onToggle}
          onDates={(nextFrom, nextTo) =>
            go({ ...state, from: nextFrom, to: nextTo, page: 1 }, 'replace')
          }
        />
        <section className="browse-results" aria-labelledby="browse-results-heading">
          <ActiveFilters
            chips={chips}
            onRemove={(chip: Chip) => go({ ...chip.remove(state), page: 1 })}
            onClearAll={filtered ? () => go(cleared(state)) : undefined}
          />
          <div className="results-head">
            <h2 id="browse-results-heading" ref={heading} tabIndex={-1}>
              {searching ? 'Searching…' : plural(total, 'episode')}
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
            onView={(view: View) => go({ ...state, view })}
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
          {searching ? (
            <p className="browse-loading">Loading the search index…</p>
          ) : total === 0 ? (
            <div className="zero-results">
              <p>No episodes match all of these filters.</p>
              {best ? (
                <p>
                  Removing <strong>{filterText(index, state, best.filter)}</strong> would show{' '}
                  {plural(best.count, 'episode')}.{' '}
                  <button
                    type="button"
                    className="button"
                    onClick={() => go(withoutFilter(state, best.filter))}
                  >
                    Remove that filter
                  </button>
                </p>
              ) : (
                <p>No single filter is to blame: try clearing all filters.</p>
              )}
            </div>
          ) : state.view === 'table' ? (
            <ResultTable
              base={base}
              index={index}
              rows={pageRows}
              entries={entries}
              terms={terms}
              fields={fields}
              sort={state.sort}
              desc={state.desc}
              onSort={onColumnSort}
            />
          ) : (
            <ResultList
              base={base}
              index={index}
              rows={pageRows}
              entries={entries}
              terms={terms}
              fields={fields}
            />
          )}
          {!searching && <Pagination page={page} pageCount={pageCount} onPage={onPage} />}
          {!searching && (
            <ExportButtons
              base={base}
              siteOrigin={siteOrigin}
              index={index}
              chunks={chunks}
              matches={result.matches}
            />
          )}
        </section>
      </div>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </div>
  );
}
