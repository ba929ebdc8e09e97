/**
 * How numbers, dates and citations read on the site.
 */
import type { Episode } from './schema.ts';
import { keyLabel } from './ids.ts';
import { PAPER_CITATION } from './paper-figures.ts';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `2025-06-07 01:16:00` → `7 June 2025` (no time zone is known, so no time is shown). */
export function formatDate(timestamp: string): string {
  const [y, m, d] = timestamp.slice(0, 10).split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1] ?? ''} ${y}`;
}

/** `2025-06` → `June 2025`. */
export function formatMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${MONTHS[m - 1] ?? ''} ${y}`;
}

// One formatter for the whole page: building one per call showed up in Browse's profile.
const COUNT = new Intl.NumberFormat('en-US');

/**
 * `1234` → `1,234`. Counts (whole, not negative) are grouped here, as Intl would: a click in
 * Browse formats a hundred facet counts, and Intl's formatter was most of their cost.
 */
export function formatCount(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) return COUNT.format(n);
  const digits = String(n);
  let out = digits.slice(0, digits.length % 3 || 3);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return out;
}

/** `0.2695` → `27.0%`. */
export function formatShare(share: number, digits = 1): string {
  return `${(share * 100).toFixed(digits)}%`;
}

const PLURAL = new Intl.PluralRules('en-US');

const COUNT_WORDS = [
  'no',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];

/** A small count as prose writes it (`8` → `eight`), larger ones as digits. */
export function countWord(n: number): string {
  return COUNT_WORDS[n] ?? formatCount(n);
}

/** `3 episodes`, `1 episode`: every count with a noun on the site goes through here. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${PLURAL.select(n) === 'one' ? one : many}`;
}

/** The line to cite one episode with: the paper, the episode's key and its permalink. */
export function episodeCitation(episode: Episode, permalink: string): string {
  return `“${episode.name}”, episode ${keyLabel(episode.key)}. In: ${PAPER_CITATION} Coding Agent Misalignment Atlas, ${permalink}`;
}

/**
 * Shortens text to at most `max` characters with an ellipsis, never cutting a
 * `[REDACTED:…]` marker in half (a half marker reads like a leak and hides its kind).
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  const open = text.lastIndexOf('[REDACTED:', cut);
  if (open >= 0 && text.indexOf(']', open) >= cut) cut = open;
  return `${text.slice(0, cut).trimEnd()}…`;
}

/** Who spoke an evidence turn, when the label says so. */
export type Speaker = 'user' | 'agent' | 'other';

// `TURN 3 | USER`, `Turn 4 | Agent`, `turn 12: user`: one number, one separator, one speaker.
const TURN = /^\s*turn\s*(\d{1,6})\s*[|·:,-]\s*(user|agent)\s*$/i;

/**
 * An evidence turn label as the site shows it: `TURN 3 | USER` → `Turn 3 · User`, whatever the
 * release's capitalisation. A label in any other shape is shown as given (trimmed), so nothing
 * the annotators wrote is lost.
 */
export function turnLabel(turn: string): { text: string; speaker: Speaker } {
  const m = TURN.exec(turn);
  if (!m) {
    const speaker = /\buser\b/i.test(turn) ? 'user' : /\bagent\b/i.test(turn) ? 'agent' : 'other';
    return { text: turn.trim(), speaker };
  }
  const speaker = (m[2] ?? '').toLowerCase() === 'user' ? 'user' : 'agent';
  return { text: `Turn ${Number(m[1])} · ${speaker === 'user' ? 'User' : 'Agent'}`, speaker };
}

/** A p-value as a reader expects it: `< 0.001` below a thousandth, else two significant digits. */
export function formatP(p: number): string {
  return p < 0.001 ? '< 0.001' : p.toPrecision(2).replace(/^1\.0$/, '1');
}

/** A difference of shares in percentage points, signed: `+12.5`, `−3.0`, `±0.0`. */
export function formatPoints(d: number): string {
  return `${d > 0 ? '+' : d < 0 ? '−' : '±'}${(Math.abs(d) * 100).toFixed(1)}`;
}
