/**
 * What the benchmark installs in the Browse page before any of its scripts run: a readiness
 * timestamp and a waiter that resolves when the results change and settle. They read the DOM the
 * Browse island renders (src/islands/Browse.tsx and its parts):
 *
 * - usable: a result card whose text has arrived (`.result-card` without `aria-busy`, with its
 *   title link) and a facet checkbox (`fieldset.facet input[type=checkbox]`), both of which exist
 *   only once the island has hydrated and decoded the browse file;
 * - busy: the results heading `#browse-results-heading` reads "Searching…" while a query runs,
 *   cards carry `aria-busy` until their text chunk arrives, and so do the places of cards that
 *   render a task after the rest of a changed page (`.result-pending`).
 *
 * Timestamps are `performance.now()` in the page, taken in MutationObserver callbacks (they run
 * as microtasks right after the DOM changes, before the next frame).
 */

export interface Settled {
  /** ms from the action to the first change of the result list (heading or cards). */
  changed: number | null;
  /** ms from the action until the new results are listed (not "Searching…"), texts or not. */
  listed: number | null;
  /** ms from the action until the list changed and its first `first` cards show their text. */
  firstShown: number | null;
  /** ms from the action until the list changed and every card shows its text. */
  settled: number;
  timedOut: boolean;
  heading: string;
}

export interface BenchHooks {
  /** ms since navigation start when results and facets were first usable. */
  ready: number | null;
  signature: () => string;
  /**
   * Resolves once the list differs from `before` (or a search ran) and nothing is loading;
   * `firstShown` notes when its first `first` cards had their text.
   */
  wait: (before: string, t0: number, timeoutMs: number, first: number) => Promise<Settled>;
}

declare global {
  interface Window {
    __bench: BenchHooks;
  }
}

/** Installed with `addInitScript`; runs in the page, so it may use nothing from outside. */
export function installHooks(): void {
  const heading = (): string =>
    document.getElementById('browse-results-heading')?.textContent ?? '';
  const searching = (): boolean => heading().startsWith('Searching');
  const signature = (): string => {
    const cards = [
      ...document.querySelectorAll('.result-list .result-card, .result-table tbody tr'),
    ];
    return `${heading()}#${cards.map((c) => c.querySelector('a')?.getAttribute('href') ?? c.textContent.slice(0, 60)).join('|')}`;
  };
  const loading = (): boolean =>
    searching() ||
    document.querySelector('.result-list [aria-busy="true"], .result-table [aria-busy="true"]') !==
      null;
  // The first `first` cards of the list (or of the table) all show their text.
  const firstLoaded = (first: number): boolean =>
    [...document.querySelectorAll('.result-list .result-card, .result-table tbody tr')]
      .slice(0, first)
      .every(
        (card) =>
          card.getAttribute('aria-busy') !== 'true' &&
          card.querySelector('[aria-busy="true"]') === null,
      );
  const usable = (): boolean =>
    !loading() &&
    document.querySelector('.result-list .result-card .result-title a') !== null &&
    document.querySelector('fieldset.facet input[type="checkbox"]:not(:disabled)') !== null;
  const hooks: BenchHooks = {
    ready: null,
    signature,
    wait: (before, t0, timeoutMs, first) =>
      new Promise((resolve) => {
        let changed: number | null = null;
        let listed: number | null = null;
        let firstShown: number | null = null;
        let sawSearch = false;
        const check = (): boolean => {
          const now = performance.now();
          if (searching()) sawSearch = true;
          if (changed === null && signature() !== before) changed = now - t0;
          if (listed === null && !searching() && signature() !== before) listed = now - t0;
          if (firstShown === null && listed !== null && firstLoaded(first)) firstShown = now - t0;
          if ((changed !== null || sawSearch) && !loading()) {
            observer.disconnect();
            clearTimeout(timer);
            const settled = now - t0;
            firstShown ??= settled;
            resolve({ changed, listed, firstShown, settled, timedOut: false, heading: heading() });
            return true;
          }
          return false;
        };
        const observer = new MutationObserver(() => void check());
        const timer = setTimeout(() => {
          observer.disconnect();
          resolve({
            changed,
            listed,
            firstShown,
            settled: performance.now() - t0,
            timedOut: true,
            heading: heading(),
          });
        }, timeoutMs);
        observer.observe(document.documentElement, {
          subtree: true,
          childList: true,
          attributes: true,
          characterData: true,
        });
        check();
      }),
  };
  window.__bench = hooks;
  const watch = new MutationObserver(() => {
    if (hooks.ready === null && usable()) {
      hooks.ready = performance.now();
      watch.disconnect();
    }
  });
  watch.observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    characterData: true,
  });
}
