/**
 * The second browse file: the registry's `later` columns (the turn counts), which only the turns
 * sort, the table and exports read. Browse fetches it once, after its first view or as soon as a
 * view needs it, and adds its columns to the rows already in the facet index, in place.
 */
import { addLater, type LaterColumns } from '../lib/browse-columns.ts';
import type { BrowseState } from '../lib/browse-state.ts';
import { sortNeedsLater, type BrowseRow } from '../lib/fields.ts';

/** Whether a view shows or orders by a `later` column: a turns sort, or the table (its column). */
export function viewNeedsLater(state: Pick<BrowseState, 'sort' | 'view'>): boolean {
  return sortNeedsLater(state.sort) || state.view === 'table';
}

/** Where the second browse file stands: not (yet) in, in the rows, or its last fetch failed. */
export type LaterStatus = 'waiting' | 'ready' | 'failed';

export class LaterStore {
  readonly #url: string | null;
  readonly #rows: readonly BrowseRow[];
  readonly #listeners = new Set<() => void>();
  #loading: Promise<void> | null = null;
  #ready: boolean;
  #failed = false;

  /** Without a URL (a browse file that holds every column) the store is ready from the start. */
  constructor(url: string | null, rows: readonly BrowseRow[]) {
    this.#url = url;
    this.#rows = rows;
    this.#ready = url === null;
  }

  /** For `useSyncExternalStore`. */
  status = (): LaterStatus => (this.#ready ? 'ready' : this.#failed ? 'failed' : 'waiting');

  #notify(): void {
    for (const listener of this.#listeners) listener();
  }

  /** For `useSyncExternalStore`. */
  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /**
   * Fetches the file once and adds its columns. A failure (network, or a file that does not fit
   * the rows) shows as the `failed` status, and a later call tries again.
   */
  load(): Promise<void> {
    const url = this.#url;
    if (this.#ready || url === null) return Promise.resolve();
    if (!this.#loading && this.#failed) {
      this.#failed = false;
      this.#notify();
    }
    this.#loading ??= fetch(url)
      .then((response) => {
        if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
        return response.json() as Promise<LaterColumns>;
      })
      .then((data) => {
        addLater(this.#rows, data);
        this.#ready = true;
        this.#notify();
      })
      .catch((error: unknown) => {
        this.#loading = null;
        this.#failed = true;
        this.#notify();
        throw error;
      });
    return this.#loading;
  }
}
