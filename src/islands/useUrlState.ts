/**
 * An island's state lives in the URL and nowhere else: these hooks read it (re-reading on Back
 * and Forward) and write it with `pushState` for a new step or `replaceState` to refine the
 * current one (a query still being typed). Browse and Compare both use them.
 */
import { useCallback, useMemo } from 'react';
import { browseQuery, parseBrowseState, type BrowseState } from '../lib/browse-state.ts';
import { useExternalStore } from './useExternalStore.ts';

// Fired after our own history writes, which (unlike Back/Forward) raise no event of their own.
const NAVIGATE = 'atlas:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE, onChange);
  };
}

const clientSearch = (): string => window.location.search;
// The server render knows no query string; hydration then re-reads the real one.
const serverSearch = (): string => '';

/** How a state change enters the history: a new entry, or in place of the current one. */
export type HistoryMode = 'push' | 'replace';

/** The current query string, and a function that moves to another one (without `?`). */
export function useLocationSearch(): [string, (query: string, mode: HistoryMode) => void] {
  const search = useExternalStore(subscribe, clientSearch, serverSearch);
  const navigate = useCallback((query: string, mode: HistoryMode) => {
    const { pathname, hash } = window.location;
    const target = `${pathname}${query ? `?${query}` : ''}${hash}`;
    if (target === `${pathname}${window.location.search}${hash}`) return;
    if (mode === 'push') window.history.pushState(null, '', target);
    else window.history.replaceState(null, '', target);
    window.dispatchEvent(new Event(NAVIGATE));
  }, []);
  return [search, navigate];
}

/** The current Browse state, and a function that moves to another one. */
export function useUrlState(): [BrowseState, (next: BrowseState, mode: HistoryMode) => void] {
  const [search, go] = useLocationSearch();
  const state = useMemo(() => parseBrowseState(search), [search]);
  const navigate = useCallback(
    (next: BrowseState, mode: HistoryMode) => go(browseQuery(next), mode),
    [go],
  );
  return [state, navigate];
}
