import { memo, useEffect, useId, useRef, useState } from 'react';
import type { BrowseState } from '../lib/browse-state.ts';
import { dateOfDay } from '../lib/dates.ts';
import { facetOptions, type FacetIndex, type FilterResult } from '../lib/facets.ts';
import type { FacetKey } from '../lib/fields.ts';
import { DateRange } from './DateRange.tsx';
import { FacetGroup } from './FacetGroup.tsx';
import { FilterSheet } from './FilterSheet.tsx';
import { SKIP_TARGETS } from './SkipLinks.tsx';

export interface FacetPanelProps {
  index: FacetIndex;
  state: BrowseState;
  counts: FilterResult['counts'];
  onToggle: (key: FacetKey, code: string, selected: boolean) => void;
  onDates: (from: string, to: string) => void;
  /** The result count, shown at the foot of the filter sheet on narrow screens. */
  total: number;
  searching: boolean;
  /** Called when the reader leaves the sheet for the results. */
  onShowResults: () => void;
}

/** Whether the validation category facet means anything for the current selection. */
function showsCategory(state: BrowseState): boolean {
  const validation = state.filters.validation;
  return !validation || validation.includes('INVALID') || (state.filters.category?.length ?? 0) > 0;
}

/** Facet groups rendered per task while the panel first fills in. */
const GROUPS_PER_TASK = 3;

/**
 * How many of `total` facet groups to render: none in the task that renders the first results,
 * then a few more in each following task. Preact renders a tree in one task, and the whole panel
 * (about a hundred checkboxes at 16,000 episodes) after the results made one long task on a phone.
 */
function useRevealed(total: number): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    if (count >= total) return;
    const timer = setTimeout(() => {
      setCount((n) => n + GROUPS_PER_TASK);
    }, 0);
    return () => {
      clearTimeout(timer);
    };
  }, [count, total]);
  return Math.min(count, total);
}

/** Every facet and the date range; on narrow screens it folds away behind a "Filters" button. */
/**
 * Memoised: with its callbacks stable, the panel re-renders when the filters or counts change,
 * not when a card's text arrives.
 */
export const FacetPanel = memo(function FacetPanel(props: FacetPanelProps) {
  const { index, state, counts, onToggle, onDates, total, searching, onShowResults } = props;
  const id = useId();
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const close = (toResults: boolean) => {
    setOpen(false);
    if (toResults) onShowResults();
    else toggle.current?.focus();
  };
  const active = Object.values(state.filters).reduce((n, values) => n + values.length, 0);
  const revealed = useRevealed(index.defs.length);
  return (
    <section
      id={SKIP_TARGETS.filters}
      className="facet-panel"
      aria-labelledby={`${id}-title`}
      tabIndex={-1}
    >
      <h2 id={`${id}-title`} className="facet-panel-title">
        Filters
      </h2>
      <button
        ref={toggle}
        type="button"
        className="button facet-toggle"
        aria-expanded={open}
        aria-controls={`${id}-body`}
        onClick={() => setOpen(!open)}
      >
        {open ? 'Hide filters' : 'Show filters'}
        {active > 0 && ` (${active} active)`}
      </button>
      <FilterSheet
        id={`${id}-body`}
        open={open}
        onClose={close}
        total={total}
        searching={searching}
      >
        {index.defs
          .slice(0, revealed)
          .map((def) =>
            def.key === 'category' && !showsCategory(state) ? null : (
              <FacetGroup
                key={def.key}
                def={def}
                options={facetOptions(index, def.key, counts[def.key], state.filters[def.key])}
                onToggle={onToggle}
              />
            ),
          )}
        {index.minDay >= 0 && revealed === index.defs.length && (
          <DateRange
            from={state.from}
            to={state.to}
            min={dateOfDay(index.minDay)}
            max={dateOfDay(index.maxDay)}
            onChange={onDates}
          />
        )}
      </FilterSheet>
    </section>
  );
});
