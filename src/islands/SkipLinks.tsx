import type { MouseEvent } from 'react';

/** Where Browse's skip links lead: the results list and the filter panel. */
export const SKIP_TARGETS = { results: 'browse-results-list', filters: 'browse-filters' } as const;

/** Moves focus to an element without touching the URL (a `#hash` would be a history step). */
function focusTarget(event: MouseEvent<HTMLAnchorElement>, id: string): void {
  const target = document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  target.focus();
}

/**
 * Links that appear when focused, ahead of the search box: straight to the results (the next Tab
 * is the first result) or to the filters, instead of tabbing through every facet value.
 */
export function SkipLinks() {
  return (
    <nav className="browse-skips" aria-label="Skip to">
      <a
        href={`#${SKIP_TARGETS.results}`}
        onClick={(event) => focusTarget(event, SKIP_TARGETS.results)}
      >
        Skip to results
      </a>
      <a
        href={`#${SKIP_TARGETS.filters}`}
        onClick={(event) => focusTarget(event, SKIP_TARGETS.filters)}
      >
        Skip to filters
      </a>
    </nav>
  );
}
