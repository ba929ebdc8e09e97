/**
 * Highlighting of search matches as plain segments: the island renders each segment as React
 * text (a `<mark>` for matches), so text from the data never becomes markup. Words are folded
 * with the search index's own `processTerm`, so what is highlighted is what was matched.
 */
import { processTerm } from './search-options.ts';

/** A run of text, and whether it matched the query. */
export interface Segment {
  text: string;
  match: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Folds terms as the index does and drops the ones it would drop. */
function foldTerms(terms: readonly string[]): string[] {
  const folded = terms.flatMap((term) => {
    const t = processTerm(term);
    return t ? [t] : [];
  });
  return [...new Set(folded)];
}

function isMatch(word: string, terms: readonly string[]): boolean {
  const folded = processTerm(word);
  return folded !== null && terms.some((term) => folded.startsWith(term));
}

/** Appends a segment, merging it into the previous one when both have the same kind. */
function push(out: Segment[], text: string, match: boolean): void {
  if (text === '') return;
  const last = out[out.length - 1];
  if (last && last.match === match) last.text += text;
  else out.push({ text, match });
}

/**
 * Splits `text` into segments, marking every word that starts with one of `terms` (MiniSearch's
 * matched terms), ignoring case and diacritics.
 */
export function highlightSegments(text: string, terms: readonly string[]): Segment[] {
  const folded = foldTerms(terms);
  if (folded.length === 0) return text ? [{ text, match: false }] : [];
  const out: Segment[] = [];
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    if (!isMatch(m[0], folded)) continue;
    push(out, text.slice(last, m.index), false);
    push(out, m[0], true);
    last = m.index + m[0].length;
  }
  push(out, text.slice(last), false);
  return out;
}

/** Where the first matching word starts, or -1. */
export function firstMatch(text: string, terms: readonly string[]): number {
  const folded = foldTerms(terms);
  if (folded.length === 0) return -1;
  for (const m of text.matchAll(WORD)) if (isMatch(m[0], folded)) return m.index;
  return -1;
}

/**
 * A window of about `size` characters of `text` around its first match (or its start), cut at
 * word boundaries, with `…` where text was left out, as highlighted segments.
 */
export function snippet(text: string, terms: readonly string[], size = 240): Segment[] {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= size) return highlightSegments(clean, terms);
  const hit = Math.max(firstMatch(clean, terms), 0);
  // Show a little context before the match, more after it.
  let start = Math.max(0, Math.min(hit - Math.floor(size / 4), clean.length - size));
  if (start > 0) {
    const space = clean.indexOf(' ', start);
    start = space === -1 || space >= hit ? start : space + 1;
  }
  let end = Math.min(clean.length, start + size);
  if (end < clean.length) {
    const space = clean.lastIndexOf(' ', end);
    if (space > start + size / 2) end = space;
  }
  const body = highlightSegments(clean.slice(start, end), terms);
  const out: Segment[] = [];
  if (start > 0) push(out, '…', false);
  for (const segment of body) push(out, segment.text, segment.match);
  if (end < clean.length) push(out, '…', false);
  return out;
}
