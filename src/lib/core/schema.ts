/**
 * The full labelled corpus without text: the three files of `data/core/` in the paper's
 * replication repository (layout in `docs/core-format.md`). One zod schema per file; each row's
 * z.output is what the corpus code receives.
 */
import { z } from 'zod';
import { isCalendarDate } from '../dates.ts';
import { idPart, oneOf, validationCategory } from '../schema.ts';
import {
  ALIGNMENT_GOALS,
  CAUSES,
  CONFIDENCES,
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
  STATUSES,
  SYMPTOMS,
  VALIDATION_LABELS,
  type CauseCode,
  type SymptomCode,
} from '../taxonomy.ts';

/** What a cause column holds for a label without an evidence tier (C7). */
export const NO_TIER = 'not_applicable';

const count = z.number().int().nonnegative();

/** 40 hex characters (SpecStory), a UUID (SWE-chat) or `ses_…` (OpenCode). */
const SESSION_SHA =
  /^(?:[0-9a-f]{40}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|ses_[A-Za-z0-9]{1,64})$/i;
const sessionSha = z.string().regex(SESSION_SHA, {
  error: 'must be 40 hex characters, a UUID or ses_… (got a different shape)',
});

/** Minute precision (`…:00` or no seconds at all) and seconds both occur. */
const TIMESTAMP =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[ T]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/;
const timestamp = z
  .string()
  .regex(TIMESTAMP, { error: 'must be a date and time as YYYY-MM-DD HH:MM[:SS]' })
  .refine((value) => !TIMESTAMP.test(value) || isCalendarDate(value), {
    error: 'must be a real calendar date',
  })
  .transform((value) => {
    const spaced = value.replace('T', ' ');
    return spaced.length === 16 ? `${spaced}:00` : spaced;
  });

/** The session columns every file carries. */
const sessionColumns = {
  repository_id: idPart,
  source: oneOf(SOURCES),
  session_count_id: count,
  session_sha: sessionSha.nullable(),
  session_timestamp: timestamp,
  session_type: oneOf(PLATFORMS),
  agent: z.string().trim().min(1, { error: 'must not be empty' }).max(100),
  license_type: z.string().max(500),
  user_turns: count,
  agent_turns: count,
  num_commits: count.nullable(),
};

/** The episode columns of the two episode files. */
const episodeColumns = {
  ...sessionColumns,
  session_id: idPart,
  misalignment_id: idPart,
  alignment_goal: oneOf(ALIGNMENT_GOALS),
  confidence: oneOf(CONFIDENCES),
};

type SessionColumns = z.output<z.ZodObject<typeof sessionColumns>>;
type EpisodeColumns = z.output<z.ZodObject<typeof episodeColumns>>;

function sessionMeta(row: SessionColumns) {
  return {
    platform: row.session_type,
    agent: row.agent,
    licence: row.license_type,
    timestamp: row.session_timestamp,
    userTurns: row.user_turns,
    agentTurns: row.agent_turns,
  };
}

function episodeMeta(row: EpisodeColumns) {
  return {
    key: {
      source: row.source,
      repository: row.repository_id,
      session: row.session_id,
      misalignment: row.misalignment_id,
    },
    sessionNumber: row.session_count_id,
    ...sessionMeta(row),
  };
}

/** `session_mapping.json`: one row per session, with or without episodes. */
export const coreSessionSchema = z.object(sessionColumns).transform((row) => ({
  source: row.source,
  repository: row.repository_id,
  sessionNumber: row.session_count_id,
  ...sessionMeta(row),
}));

/** `validated_misalignments.json`: one row per candidate episode, VALID or INVALID. */
const candidateColumns = {
  ...episodeColumns,
  count_id: count,
  label: oneOf(VALIDATION_LABELS),
  invalid_category: validationCategory.nullable(),
};
export const coreCandidateSchema = z
  .object(candidateColumns)
  .superRefine((row, ctx) => {
    if (row.label === 'VALID' && row.invalid_category !== null)
      ctx.addIssue({
        code: 'custom',
        path: ['invalid_category'],
        message: 'must be null for a VALID row',
      });
    if (row.label === 'INVALID' && row.invalid_category === null)
      ctx.addIssue({
        code: 'custom',
        path: ['invalid_category'],
        message: 'is required for an INVALID row',
      });
  })
  .transform((row) => ({
    ...episodeMeta(row),
    validation: { label: row.label, category: row.invalid_category },
  }));

const tierColumn = z.union([oneOf(EVIDENCE_TIERS), z.literal(NO_TIER)]).nullable();
const symptomColumns = Object.fromEntries(SYMPTOMS.map((s) => [s.code, z.boolean()])) as Record<
  SymptomCode,
  z.ZodBoolean
>;
const causeColumns = Object.fromEntries(CAUSES.map((c) => [c.code, tierColumn])) as Record<
  CauseCode,
  typeof tierColumn
>;

/** `annotated_misalignments.json`: one row per valid episode, its labels flattened to columns. */
const annotatedColumns = {
  ...episodeColumns,
  ...symptomColumns,
  ...causeColumns,
  symptom_other_descriptor: z.string().max(500).nullable(),
  damage_severity: oneOf(SEVERITIES),
  damage_locus: oneOf(LOCI).nullable(),
  resolution_status: oneOf(STATUSES),
  resolver: oneOf(RESOLVERS).nullable(),
};
export const coreAnnotatedSchema = z
  .object(annotatedColumns)
  .superRefine((row, ctx) => {
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message });
    if (!SYMPTOMS.some((s) => row[s.code])) issue('S1', 'no symptom column (S1…S8) is true');
    const causes = CAUSES.filter((c) => row[c.code] !== null).map((c) => c.code);
    if (causes.length === 0) issue('C1', 'no cause column (C1…C7) is set');
    if (causes.length > MAX_CAUSES)
      issue(
        causes[MAX_CAUSES] as string,
        `at most ${MAX_CAUSES} causes (got ${causes.join(', ')})`,
      );
    for (const code of causes) {
      const tier = row[code];
      if (code === STANDALONE_CAUSE && tier !== NO_TIER)
        issue(code, `must be "${NO_TIER}" when set (got ${JSON.stringify(tier)})`);
      if (code !== STANDALONE_CAUSE && tier === NO_TIER)
        issue(code, `must be an evidence tier (direct, contextual, speculative)`);
    }
    const damaging = DAMAGING_SEVERITIES.includes(row.damage_severity);
    if (damaging && row.damage_locus === null)
      issue('damage_locus', `is required when damage_severity is ${row.damage_severity}`);
    if (!damaging && row.damage_locus !== null)
      issue('damage_locus', `must be null unless damage_severity is DS2 or DS3`);
    const resolved = row.resolution_status === RESOLVED_STATUS;
    if (resolved && row.resolver === null)
      issue('resolver', `is required when resolution_status is ${RESOLVED_STATUS}`);
    if (!resolved && row.resolver !== null)
      issue('resolver', `must be null unless resolution_status is ${RESOLVED_STATUS}`);
  })
  .transform((row) => ({
    ...episodeMeta(row),
    annotation: {
      symptom: { labels: SYMPTOMS.filter((s) => row[s.code]).map((s) => s.code) },
      cause: {
        labels: CAUSES.filter((c) => row[c.code] !== null).map((c) => {
          const tier = row[c.code];
          return { code: c.code, tier: tier === NO_TIER ? null : tier };
        }),
      },
      outcome: { severity: row.damage_severity, locus: row.damage_locus },
      resolution: { status: row.resolution_status, resolver: row.resolver },
    },
  }));

export type CoreSession = z.output<typeof coreSessionSchema>;
export type CoreCandidate = z.output<typeof coreCandidateSchema>;
export type CoreAnnotated = z.output<typeof coreAnnotatedSchema>;
/** The labels of a valid episode, without any text: what counting and sharing need. */
export type LabelSet = CoreAnnotated['annotation'];
/** One candidate of the full corpus with its labels when it is valid. */
export type CorpusEpisode = CoreCandidate & { annotation: LabelSet | null };

/** The three files, by kind, with the file name the replication repository gives each. */
export const CORE_FILES = {
  annotated: 'annotated_misalignments.json',
  validated: 'validated_misalignments.json',
  sessions: 'session_mapping.json',
} as const;
export type CoreKind = keyof typeof CORE_FILES;
export const CORE_KINDS = Object.keys(CORE_FILES) as CoreKind[];

export const CORE_SCHEMAS = {
  annotated: coreAnnotatedSchema,
  validated: coreCandidateSchema,
  sessions: coreSessionSchema,
} as const;

/** The columns every row of each file must have (`null` when empty); others are ignored. */
export const CORE_COLUMNS: Readonly<Record<CoreKind, readonly string[]>> = {
  annotated: Object.keys(annotatedColumns),
  validated: Object.keys(candidateColumns),
  sessions: Object.keys(sessionColumns),
};

export interface CoreRows {
  annotated: CoreAnnotated[];
  validated: CoreCandidate[];
  sessions: CoreSession[];
}

/**
 * Which file a row comes from, told by its columns: symptom columns mean the annotated file,
 * a validation label the validated file, a session number without a misalignment id the
 * session mapping.
 */
export function coreKindOf(row: unknown): CoreKind | undefined {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return undefined;
  const has = (key: string) => key in row;
  if (has('damage_severity') || has('S1')) return 'annotated';
  if (has('label') && has('misalignment_id')) return 'validated';
  if (has('session_count_id') && !has('misalignment_id')) return 'sessions';
  return undefined;
}
