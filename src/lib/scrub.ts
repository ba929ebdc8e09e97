/**
 * Removes secrets and personal data from free text before it is published.
 *
 * The rules are data (`scrub-rules.ts`); the vetoes that spare code and placeholders are in
 * `scrub-vetoes.ts`. Rules run one after another over the whole text, and each sees only the text
 * between markers, so a marker (the release's own or one just written) is never rewritten,
 * counted or matched by a later rule.
 *
 * A marker is `[REDACTED:<family>:<12 hex>]`. The hex is an HMAC-SHA-256 of the secret under the
 * build's redaction key, so the same secret gets the same marker within a build (a reader can see
 * that two episodes share a credential) while nobody without the key can test a guess against it.
 */
import { createHmac } from 'node:crypto';
import { SCRUB_FAMILIES, SCRUB_RULES, type ScrubRule } from './scrub-rules.ts';
import { VETOES, type Candidate } from './scrub-vetoes.ts';

/** Every family the scrubber can report, in rule order. */
export const REDACTION_KINDS: readonly string[] = SCRUB_FAMILIES;

/** One kind of secret or personal data that the scrubber redacts. */
export type RedactionKind = string;

/** How many redactions of each family were made. */
export type RedactionTally = Partial<Record<RedactionKind, number>>;

/** The key that makes markers unguessable. Never published; one per build when none is given. */
export type RedactionKey = string | Uint8Array;

/** The marker for `secret`: `[REDACTED:<kind>:<first 12 hex of HMAC-SHA-256(key, secret)>]`. */
export function redactionMarker(kind: RedactionKind, secret: string, key: RedactionKey): string {
  const digest = createHmac('sha256', key).update(secret, 'utf8').digest('hex');
  return `[REDACTED:${kind}:${digest.slice(0, 12)}]`;
}

/** Replace every secret and piece of personal data in `text`; add one to `tally[kind]` per replacement. */
export function scrubText(text: string, key: RedactionKey, tally?: RedactionTally): string {
  return scrub(text, (kind, secret) => {
    if (tally !== undefined) tally[kind] = (tally[kind] ?? 0) + 1;
    return redactionMarker(kind, secret, key);
  });
}

/**
 * scrubText over many strings at once (an episode's fields): they are scrubbed as one text, which
 * runs each rule once instead of once per string. A separator that no rule crosses keeps them
 * apart; if a redaction still spans two strings (a key block split across fields), each string
 * is scrubbed on its own instead.
 */
export function scrubTexts(
  texts: readonly string[],
  key: RedactionKey,
  tally?: RedactionTally,
): string[] {
  if (texts.length <= 1 || texts.some((t) => t.includes(SEPARATOR))) {
    return texts.map((t) => scrubText(t, key, tally));
  }
  const counts: RedactionTally = {};
  const parts = scrubText(texts.join(SEPARATOR), key, counts).split(SEPARATOR);
  if (parts.length !== texts.length) return texts.map((t) => scrubText(t, key, tally));
  if (tally !== undefined)
    for (const [kind, n] of Object.entries(counts)) tally[kind] = (tally[kind] ?? 0) + (n ?? 0);
  return parts;
}

// A line break, a NUL and a line break: no rule's value runs across a line break and a NUL.
const SEPARATOR = '\n\u0000\n';

/** Everything scrubText would redact in `text`, in rule order; empty when the text is clean. */
export function findSecrets(text: string): Array<{ kind: RedactionKind; match: string }> {
  const found: Array<{ kind: RedactionKind; match: string }> = [];
  scrub(text, (kind, match) => {
    found.push({ kind, match });
    return `[REDACTED:${kind}:000000000000]`;
  });
  return found;
}

/** A marker of the release's or of this scrubber; split() with a group keeps them at odd indices. */
const MARKER = /(\[REDACTED:[\w-]{1,64}:[0-9a-fA-F]{12}\])/;

type Redact = (kind: RedactionKind, secret: string) => string;

/**
 * Which rules can match `lower` (the text in lower case): one pass over the text that looks up
 * each two-character window in an index of the rules' keywords, instead of one search per keyword.
 */
function rulesFor(lower: string): boolean[] {
  const runs = SCRUB_RULES.map((rule) =>
    rule.keywords.some((k) => k.length < 2 && lower.includes(k)),
  );
  // Windows are looked up by their two UTF-16 code units as one number: no string per position.
  for (let i = 0; i + 1 < lower.length; i++) {
    const first = lower.charCodeAt(i);
    if (KEYWORD_STARTS[first] !== 1) continue;
    const entries = KEYWORD_INDEX.get(first * 0x10000 + lower.charCodeAt(i + 1));
    if (entries === undefined) continue;
    for (const { keyword, rules } of entries)
      if (lower.startsWith(keyword, i)) for (const r of rules) runs[r] = true;
  }
  return runs;
}

/** Keywords of two or more characters by their first two code units (`first * 0x10000 + second`). */
const KEYWORD_INDEX = new Map<number, Array<{ keyword: string; rules: number[] }>>();
/** 1 for each code unit some such keyword starts with. */
const KEYWORD_STARTS = new Uint8Array(0x10000);
SCRUB_RULES.forEach((rule, r) => {
  for (const keyword of rule.keywords) {
    if (keyword.length < 2) continue;
    const pair = keyword.charCodeAt(0) * 0x10000 + keyword.charCodeAt(1);
    KEYWORD_STARTS[keyword.charCodeAt(0)] = 1;
    const entries = KEYWORD_INDEX.get(pair) ?? [];
    KEYWORD_INDEX.set(pair, entries);
    const entry = entries.find((e) => e.keyword === keyword);
    if (entry) entry.rules.push(r);
    else entries.push({ keyword, rules: [r] });
  }
});

function scrub(text: string, redact: Redact): string {
  const runs = rulesFor(text.toLowerCase());
  let result = text;
  SCRUB_RULES.forEach((rule, r) => {
    if (runs[r] !== true) return;
    if (!result.includes('[REDACTED:')) {
      result = applyRule(result, rule, redact);
      return;
    }
    const parts = result.split(MARKER);
    for (let i = 0; i < parts.length; i += 2) parts[i] = applyRule(parts[i] ?? '', rule, redact);
    result = parts.join('');
  });
  return result;
}

const SECRET_GROUPS = ['secret', 'value', 'quoted', 'bare'] as const;

function applyRule(segment: string, rule: ScrubRule, redact: Redact): string {
  const { pattern } = rule;
  const veto = rule.benign === undefined ? undefined : VETOES[rule.benign];
  let out = '';
  let copied = 0;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(segment); match !== null; match = pattern.exec(segment)) {
    const named = match.indices?.groups;
    const range = SECRET_GROUPS.map((g) => named?.[g]).find((r) => r !== undefined) ??
      match.indices?.[0] ?? [match.index, match.index + match[0].length];
    const [start, end] = range;
    if (end <= start) continue;
    const secret = segment.slice(start, end);
    const candidate: Candidate = { secret, segment, start, end, groups: match.groups ?? {} };
    if (veto?.(candidate) === true) {
      // Look again inside a vetoed value: a harmless URL may still carry ?token=… in its query.
      pattern.lastIndex = Math.max(start, match.index + 1);
      continue;
    }
    out += segment.slice(copied, start) + redact(rule.family, secret);
    copied = end;
    pattern.lastIndex = Math.max(pattern.lastIndex, end);
  }
  return copied === 0 ? segment : out + segment.slice(copied);
}
