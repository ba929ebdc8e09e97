/** The document title of a Browse view, so tabs, history and bookmarks say which view it is. */
import { DEFAULT_FILTERS, type BrowseState } from '../lib/browse-state.ts';
import type { FacetIndex } from '../lib/facets.ts';

// Taxonomy values are named by their short code (`S3`), the rest by their label (`Claude Code`).
const CODE = /^[A-Z]{1,2}\d$/;

/** What the view shows, shortest first: `“docker” · S3 · Claude Code · page 2` ('' for all). */
export function viewName(index: FacetIndex, state: BrowseState): string {
  const parts: string[] = [];
  if (state.query.trim()) parts.push(`“${state.query.trim()}”`);
  for (const def of index.defs) {
    const selected = state.filters[def.key] ?? [];
    const fallback = DEFAULT_FILTERS[def.key];
    if (fallback && selected.join() === fallback.join()) continue;
    if (def.key === 'validation' && selected.length === 0) {
      parts.push('valid and rejected');
      continue;
    }
    for (const code of selected)
      parts.push(CODE.test(code) ? code : (def.values.find((v) => v.code === code)?.label ?? code));
  }
  if (state.from) parts.push(`from ${state.from}`);
  if (state.to) parts.push(`to ${state.to}`);
  if (state.page > 1) parts.push(`page ${state.page}`);
  return parts.join(' · ');
}

/** `S3 · Claude Code — Browse episodes · …`: the page's own title, led by the view's name. */
export function viewTitle(pageTitle: string, name: string): string {
  return name ? `${name} — ${pageTitle}` : pageTitle;
}
