/**
 * On a narrow screen the filters open as a sheet over the page rather than above the results
 * (which a long facet list pushed thousands of pixels down): the result count stays in sight at
 * the bottom of the sheet, whose button closes it and leads to the results.
 */
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useExternalStore } from './useExternalStore.ts';
import { plural } from '../lib/format.ts';

/** Below this width the facet panel folds away behind a button (browse.css says the same). */
const NARROW = '(max-width: 55.99rem)';

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(NARROW);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}
const narrowNow = () => window.matchMedia(NARROW).matches;
const narrowOnServer = () => false;

export interface FilterSheetProps {
  id: string;
  open: boolean;
  /** Closes the sheet; `toResults` when the reader asked to see the results. */
  onClose: (toResults: boolean) => void;
  /** How many results the current filters give, shown on the button at the bottom. */
  total: number;
  searching: boolean;
  children: ReactNode;
}

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select, textarea';

/** The facet body: inline on a wide screen, a modal sheet with a sticky footer on a narrow one. */
export function FilterSheet({ id, open, onClose, total, searching, children }: FilterSheetProps) {
  const narrow = useExternalStore(subscribe, narrowNow, narrowOnServer);
  const sheet = useRef<HTMLDivElement>(null);
  const modal = narrow && open;

  useEffect(() => {
    if (!modal) return;
    document.documentElement.classList.add('filter-sheet-open');
    sheet.current?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    return () => document.documentElement.classList.remove('filter-sheet-open');
  }, [modal]);

  // Escape closes; Tab stays inside the sheet while it covers the page.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!modal) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose(false);
      return;
    }
    if (event.key !== 'Tab' || !sheet.current) return;
    const items = [...sheet.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = items[0];
    const last = items[items.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
  };

  return (
    <div
      ref={sheet}
      id={id}
      className="facet-body"
      data-open={open}
      role={modal ? 'dialog' : undefined}
      aria-modal={modal || undefined}
      aria-label={modal ? 'Filters' : undefined}
      onKeyDown={onKeyDown}
    >
      <div className="sheet-head">
        <p className="sheet-title">Filters</p>
        <button type="button" className="button" onClick={() => onClose(false)}>
          Close<span className="visually-hidden"> filters</span>
        </button>
      </div>
      {children}
      <div className="sheet-foot">
        <button type="button" className="button primary" onClick={() => onClose(true)}>
          {searching ? 'Show results' : `Show ${plural(total, 'result')}`}
        </button>
      </div>
    </div>
  );
}
