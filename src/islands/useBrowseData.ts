/**
 * Loading hooks for Browse: the facet index (once), the visible page's text and the search
 * results of the current query.
 */
import {
  startTransition,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import type { DetailEntry } from '../lib/derive/browser-files.ts';
import type { FacetIndex } from '../lib/facets.ts';
import {
  ChunkStore,
  loadFacetIndex,
  type PageRows,
  type SearchClient,
  type SearchOutcome,
} from './data-source.ts';
import { LaterStore, type LaterStatus } from './later-columns.ts';

export type BrowseData =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | {
      status: 'ready';
      index: FacetIndex;
      chunks: ChunkStore;
      details: ChunkStore<DetailEntry>;
      /** The second browse file's columns (turn counts), added to `index.rows` when they come. */
      later: LaterStore;
    };

/**
 * Fetches the browse file once and sets up the chunk stores. `laterAtOnce`: the first view needs
 * the second browse file (a turns sort or the table in the URL), so it is fetched as soon as the
 * first file names it.
 */
export function useBrowseData(browseUrl: string, laterAtOnce: boolean): BrowseData {
  const [data, setData] = useState<BrowseData>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    loadFacetIndex(browseUrl).then(
      ({ index, chunkSize, chunkUrls, detailUrls, laterUrl }) => {
        const later = new LaterStore(laterUrl, index.rows);
        const chunks = new ChunkStore(chunkUrls, chunkSize);
        if (laterAtOnce) later.load().catch(() => undefined);
        // A transition: React would render it in slices; preact/compat renders it at once.
        if (live)
          startTransition(() => {
            setData({
              status: 'ready',
              index,
              chunks,
              details: new ChunkStore<DetailEntry>(detailUrls, chunkSize, chunks),
              later,
            });
          });
      },
      (error: unknown) => {
        if (live) setData({ status: 'error', message: String(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [browseUrl, laterAtOnce]);
  return data;
}

/**
 * Where the second browse file's columns stand (its failures show through the status, so the
 * promise's rejection is not needed here); a view that needs them fetches them now.
 */
export function useLater(later: LaterStore, needed: boolean): LaterStatus {
  const status = useSyncExternalStore(later.subscribe, later.status, later.status);
  useEffect(() => {
    if (needed) later.load().catch(() => undefined);
  }, [later, needed]);
  return status;
}

/** Rows whose text chunks are requested in one task (and announced together when they arrive). */
const ROWS_PER_REQUEST = 8;

/** The text entries of some rows (undefined until their chunk arrives), loading what is missing. */
export function useEntries<T>(
  chunks: ChunkStore<T>,
  rowIndexes: readonly number[],
): { entries: (T | undefined)[]; failed: boolean } {
  // The store's version changes when a batch of chunks (or a chunk outside one) arrives.
  const version = useSyncExternalStore(chunks.subscribe, chunks.version, chunks.version);
  // Requested in the tasks after the cards are committed, not while rendering them, and a few
  // rows a task, top first: starting a page's requests (up to one per card) took several
  // milliseconds of the click's own task, and tens on a phone. Once per set of rows, so that a
  // chunk that failed is not asked for again on every render; rows replaced before their turn
  // never ask at all.
  useLayoutEffect(() => {
    let from = 0;
    let timer: ReturnType<typeof setTimeout>;
    const next = () => {
      chunks.ensure(rowIndexes.slice(from, from + ROWS_PER_REQUEST));
      from += ROWS_PER_REQUEST;
      if (from < rowIndexes.length) timer = setTimeout(next, 0);
    };
    timer = setTimeout(next, 0);
    return () => {
      clearTimeout(timer);
    };
  }, [chunks, rowIndexes]);
  const entries = useMemo(() => {
    // Reading the version ties the memo to it: the entries change whenever a chunk arrives.
    // eslint-disable-next-line @typescript-eslint/no-meaningless-void-operator -- see above
    void version;
    return rowIndexes.map((i) => chunks.entry(i));
  }, [chunks, rowIndexes, version]);
  return { entries, failed: chunks.failed };
}

export type SearchState =
  | { status: 'idle' }
  /** `previous` is the last finished search, to keep showing while the next one runs. */
  | { status: 'loading'; previous: SearchOutcome | null }
  | { status: 'error'; message: string }
  | ({ status: 'ready' } & SearchOutcome);

/**
 * Runs the query in the search worker; `idle` without a query, `loading` until it answers. A new
 * `attempt` number runs the same query again (after a failure). `page` says, when the query is
 * sent, which page of its hits the view will show, if it can (see `SearchClient.search`); it is
 * read then, and its changes alone run nothing.
 */
export function useSearch(
  client: SearchClient,
  query: string,
  rowCount: number,
  attempt = 0,
  page?: () => PageRows | undefined,
): SearchState {
  const [outcome, setOutcome] = useState<SearchState & { for?: string; attempt?: number }>({
    status: 'idle',
  });
  const trimmed = query.trim();
  // Kept current at every commit; the search effect, which runs after, reads it.
  const pageRef = useRef(page);
  useLayoutEffect(() => {
    pageRef.current = page;
  });
  useEffect(() => {
    if (!trimmed) return;
    let live = true;
    client.search(trimmed, rowCount, pageRef.current?.()).then(
      (outcome) => {
        if (live) setOutcome({ status: 'ready', ...outcome });
      },
      (error: unknown) => {
        if (live) setOutcome({ status: 'error', message: String(error), for: trimmed, attempt });
      },
    );
    return () => {
      live = false;
    };
  }, [client, trimmed, rowCount, attempt]);
  if (!trimmed) return { status: 'idle' };
  if (outcome.status === 'ready' && outcome.query === trimmed) return outcome;
  if (outcome.status === 'error' && outcome.for === trimmed && outcome.attempt === attempt)
    return outcome;
  return { status: 'loading', previous: outcome.status === 'ready' ? outcome : null };
}
