import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { browseQuery, parseBrowseState, type BrowseState } from '../lib/browse-state.ts';
import { passingRows, type FacetIndex } from '../lib/facets.ts';
import type { FacetKey } from '../lib/fields.ts';
import { formatCount, plural } from '../lib/format.ts';
import { newSeed } from '../lib/ordering.ts';
import { defaultDescending, type Sort } from '../lib/sorts.ts';
import { ActiveFilters, chipsOf } from './ActiveFilters.tsx';
import type { DetailEntry } from '../lib/derive/browser-files.ts';
import type { ExportHeader } from '../lib/export.ts';
import { SearchClient, type ChunkStore } from './data-source.ts';
import { needsPassage } from './episode-text.ts';
import { ExportButtons } from './ExportButtons.tsx';
import { FacetPanel } from './FacetPanel.tsx';
import { Pagination } from './Pagination.tsx';
import { ResultsBody } from './ResultsBody.tsx';
import { ResultsToolbar } from './ResultsToolbar.tsx';
import type { ColumnSort } from './ResultTable.tsx';
import { SearchBox } from './SearchBox.tsx';
import { SKIP_TARGETS, SkipLinks } from './SkipLinks.tsx';
import { cleared, withQuery } from './state-actions.ts';
import { useEntries, useLater, useSearch } from './useBrowseData.ts';
import { viewNeedsLater, type LaterStore } from './later-columns.ts';
import { useReturnPlace } from './useReturnPlace.ts';
import { useTaskBehind } from './useTaskBehind.ts';
import { viewName, viewTitle } from './view-title.ts';
import { PAGE_SIZE, useResults } from './useResults.ts';
import { currentSearch, type HistoryMode } from './useUrlState.ts';

export interface BrowseViewProps {
  base: string;
  siteOrigin: string | undefined;
  /** Which atlas and build an export comes from. */
  atlas: ExportHeader['atlas'];
  searchUrl: string;
  index: FacetIndex;
  chunks: ChunkStore;
  details: ChunkStore<DetailEntry>;
  later: LaterStore;
  state: BrowseState;
  navigate: (next: BrowseState, mode: HistoryMode) => void;
}

const NO_TERMS = new Map<number, readonly string[]>();

/** Browse once the data is in: every control reads the URL state and writes a new one. */
export function BrowseView(props: BrowseViewProps) {
  const { base, siteOrigin, atlas, searchUrl, index, chunks, details, later, state, navigate } =
    props;
  const heading = useRef<HTMLHeadingElement>(null);
  const [searchClient] = useState(() => new SearchClient(searchUrl, chunks));
  const [searchAttempt, setSearchAttempt] = useState(0);
  // In relevance order, the page a query fills is its best hits that pass the other filters: the
  // search worker, told which rows pass, sends its first cards' text with the hits. (A page past
  // the last, which the view shows as the last, gets no text from it.)
  const search = useSearch(searchClient, state.query, index.rows.length, searchAttempt, () =>
    state.sort === 'relevance'
      ? { pass: passingRows(index, state), skip: (state.page - 1) * PAGE_SIZE, take: PAGE_SIZE }
      : undefined,
  );
  const searchFailed = search.status === 'error';
  const needsLater = viewNeedsLater(state);
  const laterStatus = useLater(later, needsLater);
  const results = useResults(index, state, search, laterStatus);
  const { total, page, pageCount, pageRows, searching, shown } = results;
  // The facet panel follows the results by one task: what the reader looks at (the results)
  // renders first, and the panel's checkboxes and counts, which change together, just after.
  const counts = results.result.counts;
  const panel = useTaskBehind(
    useMemo(() => ({ state, counts, total, searching }), [state, counts, total, searching]),
  );
  const { entries, failed } = useEntries(chunks, results.pageIndexes);
  const [pageTitle] = useState(() => document.title);
  const name = viewName(index, { ...state, page });
  useEffect(() => {
    document.title = viewTitle(pageTitle, name);
  }, [pageTitle, name]);
  const resultsBox = useRef<HTMLElement>(null);
  const settled = !searching && (failed || entries.every((e) => e !== undefined));
  useReturnPlace(resultsBox, settled);
  // Once the first view is complete, the second browse file (turn counts) comes in the background,
  // so that a turns sort, the table or an export later finds it there.
  useEffect(() => {
    if (settled) later.load().catch(() => undefined);
  }, [later, settled]);
  // A card whose match is only in passages it does not show fetches them to show the passage.
  const fields = shown?.fields ?? NO_TERMS;
  const passageRows = useMemo(
    () => results.pageIndexes.filter((i) => needsPassage(fields.get(i))),
    [results.pageIndexes, fields],
  );
  const passageDetails = useEntries(details, passageRows).entries;
  const detailByRow = useMemo(
    () =>
      new Map(
        passageRows.flatMap((row, k) => {
          const d = passageDetails[k];
          return d ? [[row, d] as const] : [];
        }),
      ),
    [passageRows, passageDetails],
  );

  const go = (next: BrowseState, mode: HistoryMode = 'push') => navigate(next, mode);
  // A control edited in several writes (the query as it is typed, a date as it is picked) makes
  // one history step: its first write pushes, and later writes replace that step while nothing
  // else has moved the URL in between.
  const editing = useRef<{ control: string; search: string } | null>(null);
  const edit = useCallback(
    (control: string, next: BrowseState) => {
      const last = editing.current;
      const same = last?.control === control && last.search === currentSearch();
      navigate(next, same ? 'replace' : 'push');
      editing.current = { control, search: currentSearch() };
    },
    [navigate],
  );
  const onQuery = useCallback(
    (query: string) => edit('query', withQuery(state, query)),
    [edit, state],
  );
  // The facet panel's callbacks are stable (they read the state as it is when called, the last
  // asked for, even by a click in the same task as another), so that the memoised panel is
  // skipped while it shows the state of a task ago (`panel` above).
  const onToggle = useCallback(
    (key: FacetKey, code: string, selected: boolean) => {
      const now = parseBrowseState(currentSearch());
      const values = now.filters[key] ?? [];
      const next = selected ? [...values, code] : values.filter((c) => c !== code);
      navigate({ ...now, filters: { ...now.filters, [key]: next }, page: 1 }, 'push');
    },
    [navigate],
  );
  const onDates = useCallback(
    (f: string, t: string) =>
      edit('dates', { ...parseBrowseState(currentSearch()), from: f, to: t, page: 1 }),
    [edit],
  );
  const onShowResults = useCallback(() => {
    heading.current?.focus();
    heading.current?.scrollIntoView({ block: 'start' });
  }, []);
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
      <SkipLinks />
      <SearchBox
        query={state.query}
        onCommit={onQuery}
        onWarmUp={() => searchClient.warmUp()}
        busy={searching}
      />
      <div className="browse-layout">
        <FacetPanel
          index={index}
          state={panel.state}
          counts={panel.counts}
          onToggle={onToggle}
          onDates={onDates}
          total={panel.total}
          searching={panel.searching}
          onShowResults={onShowResults}
        />
        <section
          ref={resultsBox}
          className="browse-results"
          aria-labelledby="browse-results-heading"
          aria-busy={searching || undefined}
        >
          <ActiveFilters
            chips={chipsOf(index, state, { queryApplied: !searchFailed })}
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
          {searchFailed && (
            <div className="browse-error" role="alert">
              <p>
                Search is unavailable: its index could not be downloaded (the connection may have
                dropped). The episodes below are not searched for “{state.query.trim()}”; only the
                filters apply.{' '}
                <button
                  type="button"
                  className="button"
                  onClick={() => setSearchAttempt((n) => n + 1)}
                >
                  Try the search again
                </button>
              </p>
            </div>
          )}
          {failed && (
            <p className="browse-error" role="alert">
              Some episode text could not be loaded. Reload the page to try again.
            </p>
          )}
          {needsLater && laterStatus === 'failed' && (
            <p className="browse-error" role="alert">
              The turn counts could not be loaded, so this view is not ordered by them and the table
              shows no turns.{' '}
              <button
                type="button"
                className="button"
                onClick={() => {
                  later.load().catch(() => undefined);
                }}
              >
                Try again
              </button>
            </p>
          )}
          {shown?.corrected && (
            <p className="search-corrected" role="status">
              No episode matches “{shown.query}”; showing results for{' '}
              <strong>{shown.corrected}</strong>.
            </p>
          )}
          <div id={SKIP_TARGETS.results} className="browse-results-list" tabIndex={-1}>
            <ResultsBody
              base={base}
              index={index}
              state={state}
              results={results}
              entries={entries}
              terms={shown?.terms ?? NO_TERMS}
              fields={fields}
              details={detailByRow}
              onSort={onColumnSort}
              go={go}
            />
          </div>
          {!searching && <Pagination page={page} pageCount={pageCount} onPage={onPage} />}
          {!searching && total > 0 && (
            <ExportButtons
              base={base}
              siteOrigin={siteOrigin}
              atlas={atlas}
              index={index}
              chunks={chunks}
              details={details}
              later={later}
              state={state}
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
