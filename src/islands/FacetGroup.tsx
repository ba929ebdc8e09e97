import { memo, useId, useState } from 'react';
import type { FacetDef } from '../lib/facet-defs.ts';
import { sameFacetOptions, type FacetOption } from '../lib/facets.ts';
import type { FacetKey } from '../lib/fields.ts';
import { formatCount } from '../lib/format.ts';

export interface FacetGroupProps {
  def: FacetDef;
  options: readonly FacetOption[];
  /** The panel's own callback (stable), told which facet the value belongs to. */
  onToggle: (key: FacetKey, code: string, selected: boolean) => void;
}

/** How many values a collapsible facet shows before "Show all". */
const COLLAPSED = 6;

/** One facet as a fieldset of checkboxes with live counts; long facets start collapsed. */
function FacetGroupView({ def, options, onToggle }: FacetGroupProps) {
  const id = useId();
  const [expanded, setExpanded] = useState(false);
  const selectedCount = options.filter((o) => o.selected).length;
  const collapsible = def.collapsible && options.length > COLLAPSED;
  // Collapsed, a facet shows its first values and every selected one, each in its fixed place:
  // nothing moves under the pointer when a box is ticked.
  const shown =
    collapsible && !expanded ? options.filter((o, i) => i < COLLAPSED || o.selected) : options;
  return (
    <fieldset className="facet" data-axis={def.axis}>
      <legend>
        {def.legend}
        {selectedCount > 0 && <span className="facet-selected"> ({selectedCount} selected)</span>}
      </legend>
      <ul id={`${id}-values`} className="facet-values">
        {shown.map((option) => (
          <li key={option.code}>
            <label className={option.count === 0 && !option.selected ? 'facet-empty' : undefined}>
              <input
                type="checkbox"
                checked={option.selected}
                onChange={(event) => onToggle(def.key, option.code, event.target.checked)}
              />
              <span className="facet-label">{option.label}</span>{' '}
              <span className="facet-count">({formatCount(option.count)})</span>
            </label>
          </li>
        ))}
      </ul>
      {collapsible && (
        <button
          type="button"
          className="link-button"
          aria-expanded={expanded}
          aria-controls={`${id}-values`}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? 'Show fewer' : `Show all ${options.length}`}
          <span className="visually-hidden"> {def.legend} values</span>
        </button>
      )}
    </fieldset>
  );
}

/**
 * Memoised on what it shows: a group whose values, counts and ticks are as they were (the clicked
 * facet's own counts; every group already shown while the panel fills in) is not rendered again.
 */
export const FacetGroup = memo(
  FacetGroupView,
  (before, after) =>
    before.def === after.def &&
    before.onToggle === after.onToggle &&
    sameFacetOptions(before.options, after.options),
);
