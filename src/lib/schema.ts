/**
 * The release record schema. `ReleaseRecord` (z.input) is what the file holds once its layout is
 * normalised; `Episode` (z.output) is what the rest of the code receives.
 */
import { z } from 'zod';
import { isCalendarDate } from './dates.ts';
import { countWord } from './format.ts';
import { episodeId, SAFE_ID_PART, SAFE_ID_PART_RULE } from './ids.ts';
import {
  ALIGNMENT_GOALS,
  CAUSES,
  codesOf,
  CONFIDENCES,
  CUSTOM_CATEGORY_PREFIX,
  DAMAGING_SEVERITIES,
  EVIDENCE_TIERS,
  LOCI,
  MAX_CAUSES,
  PLATFORMS,
  RESOLVED_STATUS,
  RESOLVERS,
  SEVERITIES,
  SOURCES,
  STANDALONE_CAUSE,
  STANDALONE_SYMPTOM,
  STATUSES,
  SYMPTOMS,
  VALIDATION_CATEGORIES,
  VALIDATION_LABELS,
} from './taxonomy.ts';

/** Longest accepted free text, in characters: far above any real field, far below a runaway one. */
export const MAX_TEXT = 20_000;
const MAX_SHORT_TEXT = 500;

function text(max = MAX_TEXT) {
  return z.string().max(max, {
    error: (issue) =>
      `must be at most ${max} characters (got ${String((issue.input as string).length)})`,
  });
}

/** An id part (repository, session, misalignment): a safe string, or a non-negative integer. */
export const idPart = z
  .union([z.string(), z.number().int().nonnegative()])
  .transform(String)
  .pipe(
    z
      .string()
      .regex(SAFE_ID_PART, { error: SAFE_ID_PART_RULE })
      .refine((value) => !value.includes('..'), { error: 'must not contain ".."' }),
  );

/** One code of a taxonomy table, with a message that lists the allowed codes. */
export function oneOf<T extends readonly { code: string }[]>(rows: T) {
  const codes = codesOf(rows as never) as [string, ...string[]];
  return z.enum(codes as [T[number]['code'], ...T[number]['code'][]], {
    error: (issue) => `must be one of ${codes.join(', ')} (got ${JSON.stringify(issue.input)})`,
  });
}

const KNOWN_CATEGORIES: readonly string[] = VALIDATION_CATEGORIES.map((c) => c.code);
/** One of the eight validation categories, or `custom:<snake_case>`. */
export const validationCategory = z
  .string()
  .refine(
    (value) => KNOWN_CATEGORIES.includes(value) || /^custom:[a-z0-9]+(_[a-z0-9]+)*$/.test(value),
    {
      error: `must be one of the ${countWord(VALIDATION_CATEGORIES.length)} validation categories or ${CUSTOM_CATEGORY_PREFIX}<snake_case>`,
    },
  );

const evidenceSchema = z.object({
  turn: text(MAX_SHORT_TEXT),
  quote: text(),
  context: text()
    .nullish()
    .transform((value) => value ?? ''),
});

const symptomSchema = z.object({
  reasoning: text(),
  labels: z.array(oneOf(SYMPTOMS)).min(1, { error: 'must name at least one symptom' }),
  other_descriptor: text(MAX_SHORT_TEXT).nullish(),
});

const causeSchema = z.object({
  reasoning: text(),
  labels: z
    .array(
      z.object({
        label: oneOf(CAUSES),
        evidence_tier: z.union([oneOf(EVIDENCE_TIERS), z.literal('not_applicable')]).nullish(),
      }),
    )
    .min(1, { error: 'must name at least one cause' }),
});

const outcomeSchema = z.object({
  reasoning: text(),
  damage_severity: oneOf(SEVERITIES),
  damage_locus: oneOf(LOCI).nullish(),
});

const resolutionSchema = z.object({
  reasoning: text(),
  status: oneOf(STATUSES),
  resolver: oneOf(RESOLVERS).nullish(),
});

const TIMESTAMP =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[ T]([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/;
const timestamp = z
  .string()
  .regex(TIMESTAMP, { error: 'must be a date and time as YYYY-MM-DD HH:MM:SS' })
  // Only a well-formed timestamp is checked against the calendar, so each fault gets one message.
  .refine((value) => !TIMESTAMP.test(value) || isCalendarDate(value), {
    error: 'must be a real calendar date',
  })
  // Browse stores a date as its day since 1970 (fields.ts); an earlier one has no place there.
  .refine((value) => !TIMESTAMP.test(value) || !isCalendarDate(value) || value >= '1970-01-01', {
    error: 'must be on or after 1970-01-01',
  })
  .transform((value) => value.replace('T', ' '));

const turns = z.number().int().nonnegative().nullish();

/** One record of the release in the nested layout (see `docs/data-format.md`). */
export const releaseRecordSchema = z
  .object({
    repository_id: idPart,
    session_id: idPart,
    misalignment_id: idPart,
    source: oneOf(SOURCES),
    name: text(MAX_SHORT_TEXT).min(1, { error: 'must not be empty' }),
    description: text(),
    alignment_goal: oneOf(ALIGNMENT_GOALS),
    confidence: oneOf(CONFIDENCES),
    evidence: z.array(evidenceSchema).max(500),
    label: oneOf(VALIDATION_LABELS),
    invalid_category: validationCategory.nullable(),
    note: text().nullish(),
    symptom: symptomSchema.nullish(),
    cause: causeSchema.nullish(),
    outcome: outcomeSchema.nullish(),
    resolution: resolutionSchema.nullish(),
    session_type: oneOf(PLATFORMS),
    agent: z.string().trim().min(1, { error: 'must not be empty' }).max(100),
    license_type: z.string().max(MAX_SHORT_TEXT),
    session_timestamp: timestamp,
    user_turns: turns,
    agent_turns: turns,
  })
  .superRefine((record, ctx) => {
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message });

    if (record.label === 'VALID') {
      for (const axis of ['symptom', 'cause', 'outcome', 'resolution'] as const) {
        if (!record[axis]) issue([axis], 'is required for a VALID record');
      }
      if (record.invalid_category !== null)
        issue(['invalid_category'], 'must be null for a VALID record');
    } else if (record.invalid_category === null) {
      issue(['invalid_category'], 'is required for an INVALID record');
    }

    const symptom = record.symptom;
    if (symptom) {
      const labels = symptom.labels;
      if (new Set(labels).size !== labels.length)
        issue(['symptom', 'labels'], 'lists a symptom twice');
      if (labels.includes(STANDALONE_SYMPTOM)) {
        if (labels.length > 1)
          issue(
            ['symptom', 'labels'],
            `${STANDALONE_SYMPTOM} must stand alone (got ${labels.join(', ')})`,
          );
        if (!symptom.other_descriptor?.trim())
          issue(['symptom', 'other_descriptor'], `is required with ${STANDALONE_SYMPTOM}`);
      } else if (symptom.other_descriptor) {
        issue(
          ['symptom', 'other_descriptor'],
          `must be null unless the symptom is ${STANDALONE_SYMPTOM}`,
        );
      }
    }

    const cause = record.cause;
    if (cause) {
      const codes = cause.labels.map((c) => c.label);
      if (codes.length > MAX_CAUSES)
        issue(
          ['cause', 'labels'],
          `must name at most ${MAX_CAUSES} causes (got ${codes.join(', ')})`,
        );
      if (new Set(codes).size !== codes.length) issue(['cause', 'labels'], 'lists a cause twice');
      if (codes.includes(STANDALONE_CAUSE) && codes.length > 1)
        issue(
          ['cause', 'labels'],
          `${STANDALONE_CAUSE} must stand alone (got ${codes.join(', ')})`,
        );
      cause.labels.forEach((c, i) => {
        const tier = c.evidence_tier ?? 'not_applicable';
        if (c.label === STANDALONE_CAUSE && tier !== 'not_applicable')
          issue(['cause', 'labels', i, 'evidence_tier'], `must be empty for ${STANDALONE_CAUSE}`);
        if (c.label !== STANDALONE_CAUSE && tier === 'not_applicable')
          issue(['cause', 'labels', i, 'evidence_tier'], `is required for ${c.label}`);
      });
    }

    const outcome = record.outcome;
    if (outcome) {
      const damaging = DAMAGING_SEVERITIES.includes(outcome.damage_severity);
      if (!damaging && outcome.damage_locus)
        issue(
          ['outcome', 'damage_locus'],
          `must be null unless damage_severity is ${DAMAGING_SEVERITIES.join(' or ')}`,
        );
      if (damaging && !outcome.damage_locus)
        issue(
          ['outcome', 'damage_locus'],
          `is required when damage_severity is ${outcome.damage_severity}`,
        );
    }

    const resolution = record.resolution;
    if (resolution) {
      const resolved = resolution.status === RESOLVED_STATUS;
      if (!resolved && resolution.resolver)
        issue(['resolution', 'resolver'], `must be null unless status is ${RESOLVED_STATUS}`);
      if (resolved && !resolution.resolver)
        issue(['resolution', 'resolver'], `is required when status is ${RESOLVED_STATUS}`);
    }
  })
  .transform((record) => {
    const key = {
      source: record.source,
      repository: record.repository_id,
      session: record.session_id,
      misalignment: record.misalignment_id,
    };
    const { symptom, cause, outcome, resolution } = record;
    const annotation =
      record.label === 'VALID' && symptom && cause && outcome && resolution
        ? {
            symptom: {
              labels: symptom.labels,
              otherDescriptor: symptom.other_descriptor ?? null,
              reasoning: symptom.reasoning,
            },
            cause: {
              labels: cause.labels.map((c) => ({
                code: c.label,
                tier: c.evidence_tier === 'not_applicable' ? null : (c.evidence_tier ?? null),
              })),
              reasoning: cause.reasoning,
            },
            outcome: {
              severity: outcome.damage_severity,
              locus: outcome.damage_locus ?? null,
              reasoning: outcome.reasoning,
            },
            resolution: {
              status: resolution.status,
              resolver: resolution.resolver ?? null,
              reasoning: resolution.reasoning,
            },
          }
        : null;
    return {
      id: episodeId(key),
      key,
      name: record.name,
      description: record.description,
      alignmentGoal: record.alignment_goal,
      confidence: record.confidence,
      evidence: record.evidence,
      validation: {
        label: record.label,
        category: record.invalid_category,
        note: record.note ?? null,
      },
      annotation,
      platform: record.session_type,
      agent: record.agent,
      licence: record.license_type,
      timestamp: record.session_timestamp,
      userTurns: record.user_turns ?? null,
      agentTurns: record.agent_turns ?? null,
    };
  });

/**
 * A release record as the file holds it, in the nested layout (the schema's input side).
 * @public
 */
export type ReleaseRecord = z.input<typeof releaseRecordSchema>;
/** One episode as the code sees it: validated, normalised, with its stable id. */
export type Episode = z.output<typeof releaseRecordSchema>;
export type Annotation = NonNullable<Episode['annotation']>;
export type Evidence = Episode['evidence'][number];
