/**
 * The taxonomy of Tang et al. (EMNLP 2026, arXiv 2605.29442), in this project's own words.
 *
 * This is the one home of every label code, name and definition: the schema's enums, the pills,
 * the facet labels, the taxonomy pages and the charts all read these tables. Each axis's colour
 * is a design token (`--axis-<slug>` in src/styles/global.css, light and dark).
 */

/** One label of an axis: its code, a short readable name and a one-sentence definition. */
export interface LabelInfo {
  readonly code: string;
  readonly name: string;
  readonly definition: string;
}

function table<const T extends readonly LabelInfo[]>(rows: T): T {
  return rows;
}

export const SYMPTOMS = table([
  {
    code: 'S1',
    name: 'Wrong Project Diagnosis',
    definition:
      'The agent misread the code, the system state or the technical cause of a problem before it acted.',
  },
  {
    code: 'S2',
    name: 'Misread Developer Intent',
    definition:
      'A request that could be read more than one way was read the wrong way, and the developer pushed back.',
  },
  {
    code: 'S3',
    name: 'Developer Constraint Violation',
    definition: 'The agent broke a rule that the developer had stated in the conversation.',
  },
  {
    code: 'S4',
    name: 'Self-Initiated Overreach',
    definition: 'The agent did work nobody asked for, and the developer objected to it.',
  },
  {
    code: 'S5',
    name: 'Faulty Implementation',
    definition:
      'Intent and scope were right but the code was wrong: bad logic, a misused API, a broken build.',
  },
  {
    code: 'S6',
    name: 'Operational Execution Error',
    definition:
      'Intent and scope were right but a command or tool action was carried out mechanically wrong.',
  },
  {
    code: 'S7',
    name: 'Inaccurate Self-Reporting',
    definition:
      'The agent misstated what it had done or checked, for example claiming a success that never happened.',
  },
  {
    code: 'S8',
    name: 'Other / Emerging',
    definition: 'None of the other forms fits; a short descriptor says what happened instead.',
  },
]);

export const CAUSES = table([
  {
    code: 'C1',
    name: 'Underspecified Instruction',
    definition: 'The request left real room for interpretation.',
  },
  {
    code: 'C2',
    name: 'Scope Overreach',
    definition: 'The agent understood what was asked and chose to do more.',
  },
  {
    code: 'C3',
    name: 'Premature Action',
    definition: 'The agent acted before checking the project state it needed to know.',
  },
  {
    code: 'C4',
    name: 'Context Loss',
    definition: 'The output contradicts something settled earlier in the same conversation.',
  },
  {
    code: 'C5',
    name: 'Default-Driven Override',
    definition:
      "The agent's habits or generic best practice won over a preference the developer had stated.",
  },
  {
    code: 'C6',
    name: 'Instruction-Following Failure',
    definition: 'A clear instruction was not followed and none of the other causes explains why.',
  },
  {
    code: 'C7',
    name: 'Cannot Determine',
    definition: 'The conversation log does not support a reliable cause.',
  },
]);

export const EVIDENCE_TIERS = table([
  {
    code: 'direct',
    name: 'Direct',
    definition: 'The log states the cause outright.',
  },
  {
    code: 'contextual',
    name: 'Contextual',
    definition: 'The cause follows from the surrounding conversation.',
  },
  {
    code: 'speculative',
    name: 'Speculative',
    definition: 'The cause is a plausible reading that the log does not confirm.',
  },
]);

export const SEVERITIES = table([
  { code: 'DS0', name: 'No Damage', definition: 'Nothing was lost, not even time.' },
  {
    code: 'DS1',
    name: 'Effort and Trust Cost',
    definition: 'The developer lost time or confidence, but the system was not harmed.',
  },
  {
    code: 'DS2',
    name: 'Reversible System Damage',
    definition: 'The system was damaged in a way that was easy to undo.',
  },
  {
    code: 'DS3',
    name: 'Hard-to-Reverse System Damage',
    definition: 'The system was damaged in a way that was hard or impossible to undo.',
  },
  {
    code: 'DS4',
    name: 'Unobservable',
    definition: 'The log does not show what the episode cost.',
  },
]);

export const LOCI = table([
  {
    code: 'DL1',
    name: 'Code or Task State',
    definition: 'The damage sits in the code or the task being worked on.',
  },
  {
    code: 'DL2',
    name: 'Project State',
    definition: 'The damage reaches the wider project: history, branches, dependencies.',
  },
  {
    code: 'DL3',
    name: 'Environment or Configuration',
    definition: "The damage sits in the developer's machine, tools or configuration.",
  },
  {
    code: 'DL4',
    name: 'External State',
    definition: 'The damage left the machine: pushes, deployments, calls to outside services.',
  },
]);

export const STATUSES = table([
  {
    code: 'RS1',
    name: 'Resolved',
    definition: 'The log shows an explicit sign that the problem was fixed.',
  },
  {
    code: 'RS2',
    name: 'Unknown',
    definition: 'The log does not show whether the problem was fixed (the default).',
  },
]);

export const RESOLVERS = table([
  {
    code: 'RV1',
    name: 'Agent Self-Corrected',
    definition: 'The agent noticed and fixed it unprompted.',
  },
  {
    code: 'RV2',
    name: 'Agent Fixed After Pushback',
    definition: 'The agent fixed it once the developer objected.',
  },
  { code: 'RV3', name: 'Developer Took Over', definition: 'The developer fixed it themselves.' },
]);

export const VALIDATION_CATEGORIES = table([
  {
    code: 'unrequested_action_without_pushback',
    name: 'Unrequested Action Without Pushback',
    definition: 'The agent did something unasked, but the developer never objected to it.',
  },
  {
    code: 'intention_claim_without_pushback',
    name: 'Intention Claim Without Pushback',
    definition: 'A claimed gap between intent and result that the developer never voiced.',
  },
  {
    code: 'collaboration_style_without_pushback',
    name: 'Collaboration Style Without Pushback',
    definition: 'A matter of working style that the developer did not complain about.',
  },
  {
    code: 'evidence_contradicts_description',
    name: 'Evidence Contradicts Description',
    definition: 'The quoted turns do not support what the episode says happened.',
  },
  {
    code: 'invisible_project_context',
    name: 'Invisible Project Context',
    definition: 'Judging the episode needs project knowledge that the log does not show.',
  },
  {
    code: 'invisible_agent_action',
    name: 'Invisible Agent Action',
    definition: 'The agent action in question does not appear in the log.',
  },
  {
    code: 'session_terminated_before_completion',
    name: 'Session Ended Early',
    definition: 'The session stopped before the outcome could be seen.',
  },
  {
    code: 'truncation',
    name: 'Truncated Log',
    definition: 'The log is cut off, so the episode cannot be judged.',
  },
]);

/**
 * The paper's two groups of validation categories: rejections that come from the extractor's
 * normative priors, and those that come from what the log cannot show.
 */
export const VALIDATION_BIAS_GROUPS = [
  {
    code: 'normative',
    name: 'Normative prior bias',
    categories: [
      'unrequested_action_without_pushback',
      'intention_claim_without_pushback',
      'collaboration_style_without_pushback',
      'evidence_contradicts_description',
    ],
  },
  {
    code: 'observational',
    name: 'Observational blind spots',
    categories: [
      'invisible_project_context',
      'invisible_agent_action',
      'session_terminated_before_completion',
      'truncation',
    ],
  },
] as const;

/** Any validation category outside the eight above, as the pipeline writes it. */
export const CUSTOM_CATEGORY_PREFIX = 'custom:';

export const ALIGNMENT_GOALS = table([
  {
    code: 'instruction',
    name: 'Instruction',
    definition: 'The agent departed from what the developer literally asked.',
  },
  {
    code: 'intention',
    name: 'Intention',
    definition: 'The agent departed from what the developer meant.',
  },
  { code: 'both', name: 'Both', definition: 'The agent departed from the words and the meaning.' },
]);

export const CONFIDENCES = table([
  { code: 'high', name: 'High', definition: 'The annotator was confident in this episode.' },
  { code: 'medium', name: 'Medium', definition: 'The annotator was fairly confident.' },
  { code: 'low', name: 'Low', definition: 'The annotator had doubts.' },
]);

export const SOURCES = table([
  {
    code: 'specstory',
    name: 'SpecStory',
    definition: 'Sessions exported with SpecStory from IDE and command-line agents.',
  },
  { code: 'swe', name: 'SWE-chat', definition: 'Command-line sessions collected by SWE-chat.' },
]);

export const PLATFORMS = table([
  { code: 'IDE', name: 'IDE', definition: 'An agent inside an editor.' },
  { code: 'CLI', name: 'CLI', definition: 'An agent in a terminal.' },
]);

export const VALIDATION_LABELS = table([
  { code: 'VALID', name: 'Valid', definition: 'The validator confirmed the episode.' },
  {
    code: 'INVALID',
    name: 'Invalid',
    definition: 'The validator rejected the episode; a category and a note say why.',
  },
]);

/** Agents named in the release. The set is open: an unlisted agent is still accepted. */
export const KNOWN_AGENTS = [
  'Cursor IDE',
  'Copilot IDE',
  'Claude Code',
  'Codex',
  'OpenCode',
  'Gemini CLI',
  'Cursor CLI',
  'Copilot CLI',
  'Unknown',
] as const;

type Codes<T extends readonly LabelInfo[]> = T[number]['code'];
export type SymptomCode = Codes<typeof SYMPTOMS>;
export type CauseCode = Codes<typeof CAUSES>;
export type SeverityCode = Codes<typeof SEVERITIES>;
export type LocusCode = Codes<typeof LOCI>;
export type StatusCode = Codes<typeof STATUSES>;
export type Platform = Codes<typeof PLATFORMS>;

/** The codes of a table as a non-empty tuple, ready for `z.enum`. */
export function codesOf<T extends readonly LabelInfo[]>(rows: T): [Codes<T>, ...Codes<T>[]] {
  return rows.map((row) => row.code) as [Codes<T>, ...Codes<T>[]];
}

/**
 * How severe a cost is, for sorting: an unobservable cost (DS4) ranks below no damage, so that
 * "most severe first" starts with hard-to-reverse damage.
 */
export const SEVERITY_RANK: Readonly<Record<SeverityCode, number>> = {
  DS4: 0,
  DS0: 1,
  DS1: 2,
  DS2: 3,
  DS3: 4,
};

/** Severities that damage the system: only these carry a damage locus. */
export const DAMAGING_SEVERITIES: readonly SeverityCode[] = ['DS2', 'DS3'];
/** The symptom that must stand alone and carry a descriptor. */
export const STANDALONE_SYMPTOM: SymptomCode = 'S8';
/** The cause that must stand alone and carries no evidence tier. */
export const STANDALONE_CAUSE: CauseCode = 'C7';
/** The resolution status that names a resolver. */
export const RESOLVED_STATUS: StatusCode = 'RS1';
export const MAX_CAUSES = 2;

/**
 * The four annotation axes and the browse facets built from them. `slug` is the URL segment of
 * the axis page; `facet` the query-string key of its facet on Browse.
 */
export const AXES = [
  {
    slug: 'form',
    facet: 'symptom',
    name: 'Form',
    question: 'What form did the breakdown take?',
    field: 'Symptom',
    labels: SYMPTOMS,
  },
  {
    slug: 'cause',
    facet: 'cause',
    name: 'Cause',
    question: 'Why did it happen?',
    field: 'Cause',
    labels: CAUSES,
  },
  {
    slug: 'cost',
    facet: 'severity',
    name: 'Cost',
    question: 'What did it cost?',
    field: 'Damage severity',
    labels: SEVERITIES,
  },
  {
    slug: 'locus',
    facet: 'locus',
    name: 'Damage locus',
    question: 'Where did the damage land?',
    field: 'Damage locus',
    labels: LOCI,
  },
  {
    slug: 'resolution',
    facet: 'status',
    name: 'Resolution',
    question: 'Was it fixed?',
    field: 'Resolution status',
    labels: STATUSES,
  },
  {
    slug: 'resolver',
    facet: 'resolver',
    name: 'Resolver',
    question: 'Who fixed it?',
    field: 'Resolver',
    labels: RESOLVERS,
  },
  {
    slug: 'validation',
    facet: 'category',
    name: 'Validation',
    question: 'Why was a candidate episode rejected?',
    field: 'Validation category',
    labels: VALIDATION_CATEGORIES,
  },
] as const;

export type AxisSlug = (typeof AXES)[number]['slug'];

const ALL_LABELS: readonly LabelInfo[] = [
  ...SYMPTOMS,
  ...CAUSES,
  ...SEVERITIES,
  ...LOCI,
  ...STATUSES,
  ...RESOLVERS,
  ...VALIDATION_CATEGORIES,
  ...EVIDENCE_TIERS,
  ...ALIGNMENT_GOALS,
  ...CONFIDENCES,
  ...SOURCES,
  ...PLATFORMS,
  ...VALIDATION_LABELS,
];
const BY_CODE = new Map(ALL_LABELS.map((row) => [row.code, row]));

/** The readable name of a code (`S3` → `Developer Constraint Violation`); custom codes are prettified. */
export function labelName(code: string): string {
  const known = BY_CODE.get(code);
  if (known) return known.name;
  const bare = code.startsWith(CUSTOM_CATEGORY_PREFIX)
    ? code.slice(CUSTOM_CATEGORY_PREFIX.length)
    : code;
  const words = bare.replace(/[_-]+/g, ' ').trim();
  const pretty = words.charAt(0).toUpperCase() + words.slice(1);
  return code.startsWith(CUSTOM_CATEGORY_PREFIX) ? `Custom: ${pretty}` : pretty;
}

/** The definition of a code; a custom validation category found in the data has no entry. */
export function labelDefinition(code: string): string {
  return BY_CODE.get(code)?.definition ?? 'A validation category added by the paper’s validator.';
}

/** `S3 · Developer Constraint Violation`: how a label reads wherever it is shown. */
export function labelTitle(code: string): string {
  return BY_CODE.has(code) && /^[A-Z]{1,2}\d$/.test(code)
    ? `${code} · ${labelName(code)}`
    : labelName(code);
}
