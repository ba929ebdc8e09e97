import type { BrowseState } from '../lib/browse-state.ts';
import type { FacetIndex, FilterId } from '../lib/facets.ts';
import type { FacetKey } from '../lib/fields.ts';
import { labelName } from '../lib/taxonomy.ts';

/** One removable filter. */
export interface Chip {
  key: string;
  /** What the chip reads: `Form: S3 · Developer Constraint Violation`. */
  text: string;
  axis?: string | undefined;
  remove: (state: BrowseState) => BrowseState;
}

/** The value label of a code in a facet (codes unknown to the data read as themselves). */
function valueLabel(index: FacetIndex, key: FacetKey, code: string): string {
  return (
    index.defs.find((d) => d.key === key)?.values.find((v) => v.code === code)?.label ??
    labelName(code)
  );
}

/** How a whole filter reads, for the zero-result hint: `Agent: Codex, Cursor IDE`. */
export function filterText(index: FacetIndex, state: BrowseState, filter: FilterId): string {
  if (filter === 'query') return `the search “${state.query}”`;
  if (filter === 'date') return 'the date range';
  const def = index.defs.find((d) => d.key === filter);
  const values = (state.filters[filter] ?? []).map((code) => valueLabel(index, filter, code));
  return `${def?.legend ?? filter}: ${values.join(', ')}`;
}

/** Every active filter as a chip, in page order; a query that could not run says so. */
export function chipsOf(
  index: FacetIndex,
  state: BrowseState,
  { queryApplied = true }: { queryApplied?: boolean } = {},
): Chip[] {
  const chips: Chip[] = [];
  if (state.query) {
    chips.push({
      key: 'q',
      text: `Search: “${state.query}”${queryApplied ? '' : ' (not applied)'}`,
      remove: (s) => ({ ...s, query: '' }),
    });
  }
  for (const def of index.defs) {
    for (const code of state.filters[def.key] ?? []) {
      chips.push({
        key: `${def.key}:${code}`,
        text: `${def.legend}: ${valueLabel(index, def.key, code)}`,
        axis: def.axis,
        remove: (s) => ({
          ...s,
          filters: {
            ...s.filters,
            [def.key]: (s.filters[def.key] ?? []).filter((c) => c !== code),
          },
        }),
      });
    }
  }
  if (state.from)
    chips.push({ key: 'from', text: `From ${state.from}`, remove: (s) => ({ ...s, from: '' }) });
  if (state.to)
    chips.push({ key: 'to', text: `To ${state.to}`, remove: (s) => ({ ...s, to: '' }) });
  return chips;
}

export interface ActiveFiltersProps {
  chips: readonly Chip[];
  onRemove: (chip: Chip) => void;
  /** Shown when the filters differ from the default (VALID only, nothing else). */
  onClearAll?: (() => void) | undefined;
}

/** Active filters as removable chips, plus "Clear all". */
export function ActiveFilters({ chips, onRemove, onClearAll }: ActiveFiltersProps) {
  if (chips.length === 0 && !onClearAll) return null;
  return (
    <div className="active-filters">
      <h2 className="visually-hidden">Active filters</h2>
      <ul className="chips">
        {chips.map((chip) => (
          <li key={chip.key}>
            <button
              type="button"
              className="chip"
              data-axis={chip.axis}
              aria-label={`Remove filter ${chip.text}`}
              onClick={() => onRemove(chip)}
            >
              <span>{chip.text}</span>
              <span aria-hidden="true" className="chip-x">
                ×
              </span>
            </button>
          </li>
        ))}
      </ul>
      {onClearAll && (
        <button type="button" className="link-button" onClick={onClearAll}>
          Clear all filters
        </button>
      )}
    </div>
  );
}
