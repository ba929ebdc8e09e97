/**
 * The data step as one pure function: release bytes → parsed episodes → licence filter → scrub,
 * with a report that accounts for every input record.
 */
import { decodeRelease, formatProblem, parseRelease, type Problem } from './parse.ts';
import { keyLabel } from './ids.ts';
import { licenceVerdict } from './licence.ts';
import {
  REDACTION_KINDS,
  scrubText,
  scrubTexts,
  type RedactionKey,
  type RedactionKind,
  type RedactionTally,
} from './scrub.ts';
import type { Episode } from './schema.ts';

export type ExclusionReason = 'license' | 'invalid-record' | 'duplicate';

/** One record that did not reach the site, and why. */
export interface Exclusion {
  index: number;
  key?: string;
  reason: ExclusionReason;
  detail: string;
}

/** What happened to every record of the input; published at `dist/data/report.json`. */
export interface Report {
  inputName: string;
  sample: boolean;
  input: number;
  published: number;
  excluded: Record<ExclusionReason, number>;
  excludedRecords: Exclusion[];
  redactions: Record<RedactionKind, number>;
  licences: Record<string, { published: number; excluded: number }>;
  publishedValid: number;
  publishedInvalid: number;
}

export interface PipelineOptions {
  /** Shown in the report: which file the site was built from. */
  inputName: string;
  /** The bundled sample: the site shows a banner. */
  sample: boolean;
  /** Publish the valid remainder instead of failing on bad records. */
  skipInvalid: boolean;
  /** Keys the markers' hashes (`ATLAS_REDACTION_KEY`, else random per build); never published. */
  redactionKey: RedactionKey;
}

export type PipelineResult =
  | { ok: true; episodes: Episode[]; report: Report; skipped: string[] }
  | { ok: false; problems: string[] };

/**
 * Every string in `value`, in a fixed order (the order `replaceStrings` puts replacements back
 * in). The scrub bench reads a release's strings the same way.
 */
export function stringsOf(value: unknown, out: string[]): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) stringsOf(item, out);
  else if (typeof value === 'object' && value !== null)
    for (const item of Object.values(value)) stringsOf(item, out);
  return out;
}

function replaceStrings<T>(value: T, next: () => string): T {
  if (typeof value === 'string') return next() as T;
  if (Array.isArray(value)) return value.map((item: unknown) => replaceStrings(item, next)) as T;
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = replaceStrings(v, next);
    return out as T;
  }
  return value;
}

function scrubDeep<T>(value: T, key: RedactionKey, tally: RedactionTally): T {
  const scrubbed = scrubTexts(stringsOf(value, []), key, tally);
  let i = 0;
  return replaceStrings(value, () => scrubbed[i++] ?? '');
}

/**
 * Scrubs every string of an episode except its id and key, which the schema already limits to
 * safe characters. Walking the whole record means a text field added later is scrubbed too.
 */
export function scrubEpisode(
  episode: Episode,
  redactionKey: RedactionKey,
  tally: RedactionTally,
): Episode {
  const { id, key, ...rest } = episode;
  return { id, key, ...scrubDeep(rest, redactionKey, tally) };
}

/**
 * The published report names excluded records with what the input said (keys, bad values,
 * licence strings), so that text is scrubbed like any other. Its redactions are not added to the
 * episodes' tally, which counts what was taken out of published episodes.
 */
function exclusionOf(problems: Problem[], scrubReportText: (text: string) => string): Exclusion[] {
  const byIndex = new Map<number, Exclusion>();
  for (const problem of problems) {
    if (problem.index === undefined) continue;
    const detail = scrubReportText(`${problem.path ? `${problem.path} ` : ''}${problem.message}`);
    const earlier = byIndex.get(problem.index);
    if (earlier) {
      earlier.detail += `; ${detail}`;
      continue;
    }
    byIndex.set(problem.index, {
      index: problem.index,
      ...(problem.key ? { key: scrubReportText(problem.key) } : {}),
      reason: problem.reason === 'duplicate' ? 'duplicate' : 'invalid-record',
      detail,
    });
  }
  return [...byIndex.values()];
}

/** Runs the whole data step on a release file's bytes. */
export function runPipeline(bytes: Uint8Array, options: PipelineOptions): PipelineResult {
  const decoded = decodeRelease(bytes);
  if ('error' in decoded) return { ok: false, problems: [`file: ${decoded.error}`] };
  const parsed = parseRelease(decoded.text);
  if (parsed.problems.some((p) => p.reason === 'invalid-file'))
    return { ok: false, problems: parsed.problems.map(formatProblem) };
  if (parsed.problems.length > 0 && !options.skipInvalid)
    return { ok: false, problems: parsed.problems.map(formatProblem) };

  const scrubReportText = (text: string) => scrubText(text, options.redactionKey, {});
  const excludedRecords = exclusionOf(parsed.problems, scrubReportText);
  const tally: RedactionTally = {};
  const licences: Report['licences'] = {};
  const episodes: Episode[] = [];
  for (const { index, episode } of parsed.episodes) {
    const verdict = licenceVerdict(episode.licence);
    const licence = scrubReportText(episode.licence);
    const row = (licences[licence] ??= { published: 0, excluded: 0 });
    if (!verdict.permissive) {
      row.excluded += 1;
      excludedRecords.push({
        index,
        key: keyLabel(episode.key),
        reason: 'license',
        detail: scrubReportText(`${episode.licence}: ${verdict.reason}`),
      });
      continue;
    }
    row.published += 1;
    episodes.push(scrubEpisode(episode, options.redactionKey, tally));
  }
  excludedRecords.sort((a, b) => a.index - b.index);

  const excluded: Record<ExclusionReason, number> = {
    license: 0,
    'invalid-record': 0,
    duplicate: 0,
  };
  for (const record of excludedRecords) excluded[record.reason] += 1;
  const redactions = Object.fromEntries(
    REDACTION_KINDS.map((kind) => [kind, tally[kind] ?? 0]),
  ) as Record<RedactionKind, number>;
  const report: Report = {
    inputName: options.inputName,
    sample: options.sample,
    input: parsed.total,
    published: episodes.length,
    excluded,
    excludedRecords,
    redactions,
    licences,
    publishedValid: episodes.filter((e) => e.validation.label === 'VALID').length,
    publishedInvalid: episodes.filter((e) => e.validation.label === 'INVALID').length,
  };
  const skipped = parsed.problems.map((problem) => scrubReportText(formatProblem(problem)));
  return { ok: true, episodes, report, skipped };
}
