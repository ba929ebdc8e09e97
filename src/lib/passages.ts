/**
 * The text of an episode beyond its title and description, as labelled passages: each evidence
 * quote and context, each reasoning, the S8 descriptor and the validator's note. The search index
 * reads its quote, context and reasoning fields from here, and Browse shows the passage a query
 * matched, named by its label, so what is searched and what is shown cannot drift.
 */
import type { Episode } from './schema.ts';
import { firstMatch } from './highlight.ts';

/** The search field a passage is indexed under. */
export type PassageField = 'quotes' | 'contexts' | 'reasoning';

export interface Passage {
  field: PassageField;
  /** What the passage is, for a reader: "Evidence quote (TURN 7 | USER)", "Cause reasoning". */
  label: string;
  text: string;
}

/** What of an episode its passages are made from (the browser's detail chunks hold just this). */
export type PassageSource = Pick<Episode, 'evidence' | 'annotation'> & {
  validation: Pick<Episode['validation'], 'note'>;
};

/** Every non-empty passage of an episode, in page order within each field. */
export function passagesOf(episode: PassageSource): Passage[] {
  const a = episode.annotation;
  const out: Passage[] = [];
  const add = (field: PassageField, label: string, text: string | null | undefined) => {
    if (text) out.push({ field, label, text });
  };
  for (const e of episode.evidence) add('quotes', `Evidence quote (${e.turn})`, e.quote);
  for (const e of episode.evidence) add('contexts', `Evidence context (${e.turn})`, e.context);
  add('reasoning', 'Symptom reasoning', a?.symptom.reasoning);
  add('reasoning', 'S8 descriptor', a?.symptom.otherDescriptor);
  add('reasoning', 'Cause reasoning', a?.cause.reasoning);
  add('reasoning', 'Outcome reasoning', a?.outcome.reasoning);
  add('reasoning', 'Resolution reasoning', a?.resolution.reasoning);
  add('reasoning', "Validator's note", episode.validation.note);
  return out;
}

/** The passages of one field joined as the search index holds them. */
export function fieldText(passages: readonly Passage[], field: PassageField): string {
  return passages
    .filter((p) => p.field === field)
    .map((p) => p.text)
    .join('\n');
}

/**
 * The first passage, in a field the search says matched, that contains one of the matched terms
 * (quotes before contexts before reasoning), or null.
 */
export function matchingPassage(
  passages: readonly Passage[],
  fields: readonly string[],
  terms: readonly string[],
): Passage | null {
  for (const field of ['quotes', 'contexts', 'reasoning'] as const) {
    if (!fields.includes(field)) continue;
    const found = passages.find((p) => p.field === field && firstMatch(p.text, terms) >= 0);
    if (found) return found;
  }
  return null;
}

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * A URL text fragment (`#:~:text=…`) that makes the browser scroll to and highlight the first
 * match of `terms` in `text`: up to `words` words either side of it, on the match's own line, as
 * they stand in the text. Null when nothing matches.
 */
export function textFragment(text: string, terms: readonly string[], words = 3): string | null {
  const hit = firstMatch(text, terms);
  if (hit < 0) return null;
  const lineStart = text.lastIndexOf('\n', hit) + 1;
  const lineEnd = text.indexOf('\n', hit);
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
  const at = hit - lineStart;
  const bounds = [...line.matchAll(WORD)].map((m) => [m.index, m.index + m[0].length] as const);
  const k = bounds.findIndex(([start]) => start === at);
  const first = bounds[Math.max(0, k - words)];
  const last = bounds[Math.min(bounds.length - 1, k + words)];
  if (k < 0 || !first || !last) return null;
  return `:~:text=${encodeFragmentText(line.slice(first[0], last[1]))}`;
}

/** Percent-encodes text for a text directive, where `-`, `,` and `&` have meanings of their own. */
function encodeFragmentText(text: string): string {
  return encodeURIComponent(text).replace(
    /[-,&]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
