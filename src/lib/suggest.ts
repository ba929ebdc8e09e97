/**
 * Spelling help for search, from the index's own vocabulary: a query term the index does not
 * hold is matched to the nearest term it does hold, counting a swap of two neighbouring letters
 * as one edit (optimal string alignment distance). A correction made only of such swaps is
 * applied at once ("iphnoe" → "iphone"); any other is offered as "Did you mean …".
 */
import { processTerm, tokenize } from './search-options.ts';

/** The index's terms, sorted, with how many documents hold each (the data step writes it). */
export interface Vocabulary {
  terms: string[];
  counts: number[];
}

/** Optimal string alignment distance of `a` and `b`, or `max + 1` once it must exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, (before[j - 2] ?? 0) + 1);
      current[j] = d;
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length] ?? max + 1;
}

/** Whether `b` is `a` with neighbouring letters swapped (one or more non-overlapping swaps). */
export function isTransposition(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (a[i] !== b[i + 1] || a[i + 1] !== b[i]) return false;
    i += 1;
  }
  return true;
}

/** How far a term of this length may be from its correction. */
function allowance(term: string): number {
  return term.length >= 5 ? 2 : term.length >= 3 ? 1 : 0;
}

/** Whether the vocabulary holds the term itself or a longer term it is a prefix of. */
function known(vocabulary: Vocabulary, term: string): boolean {
  let lo = 0;
  let hi = vocabulary.terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((vocabulary.terms[mid] as string) < term) lo = mid + 1;
    else hi = mid;
  }
  return vocabulary.terms[lo]?.startsWith(term) ?? false;
}

/** The vocabulary term nearest to `term` (fewest edits, then the most documents), or null. */
export function correctTerm(vocabulary: Vocabulary, term: string): string | null {
  const max = allowance(term);
  if (max === 0 || known(vocabulary, term)) return null;
  let best: { term: string; distance: number; count: number } | null = null;
  vocabulary.terms.forEach((candidate, k) => {
    const distance = editDistance(term, candidate, max);
    if (distance > max) return;
    const count = vocabulary.counts[k] ?? 0;
    if (!best || distance < best.distance || (distance === best.distance && count > best.count))
      best = { term: candidate, distance, count };
  });
  return (best as { term: string } | null)?.term ?? null;
}

/** A query with its unknown terms corrected, and whether every correction was a swap. */
export interface Correction {
  query: string;
  swapsOnly: boolean;
}

/** Corrects each unknown term of a query; null when no term needs (or finds) a correction. */
export function correctQuery(vocabulary: Vocabulary, query: string): Correction | null {
  const terms = tokenize(query).flatMap((token) => {
    const term = processTerm(token);
    return term ? [term] : [];
  });
  const fixes = terms.map((term) => correctTerm(vocabulary, term));
  if (fixes.every((fix) => fix === null)) return null;
  return {
    query: terms.map((term, i) => fixes[i] ?? term).join(' '),
    swapsOnly: terms.every((term, i) => {
      const fix = fixes[i];
      return !fix || isTransposition(term, fix);
    }),
  };
}
