/**
 * The one home of the paper (how it is named and cited) and of the figures it prints: Tang et al.,
 * How Coding Agents Fail Their Users, EMNLP 2026, arXiv:2605.29442 (and the saved outputs of its
 * replication notebooks). All are of the
 * full labelled corpus (all licences). Each figure is kept as printed, as a string, so that its
 * precision is known: `10.20` was printed with two decimals. Shares are percentages unless the
 * name says otherwise. The site's own figures come from the data it was built from; these are
 * shown beside them, and `/paper/` recomputes them from the full corpus.
 */
import type { CauseCode, LocusCode, Platform, SymptomCode } from './taxonomy.ts';

/** Tang et al., How Coding Agents Fail Their Users, EMNLP 2026. */
export const PAPER = {
  title: 'How Coding Agents Fail Their Users',
  authors: 'Tang et al.',
  venue: 'EMNLP 2026',
  arxiv: '2605.29442',
  url: 'https://arxiv.org/abs/2605.29442',
} as const;

export const PAPER_CITATION = `${PAPER.authors} ${PAPER.title}. ${PAPER.venue}. arXiv:${PAPER.arxiv}.`;

export const PAPER_BIBTEX = `@inproceedings{tang2026coding,
  title     = {${PAPER.title}},
  author    = {Tang and others},
  booktitle = {Proceedings of the 2026 Conference on Empirical Methods in Natural Language Processing (EMNLP)},
  year      = {2026},
  eprint    = {${PAPER.arxiv}},
  archivePrefix = {arXiv}
}`;

/** A figure as printed: `1,863`, `11.56`, `0.132`, `-0.008`. */
export type Printed = string;

/** The number a printed figure stands for. */
export function printedValue(printed: Printed): number {
  return Number(printed.replaceAll(',', ''));
}

/** How many decimals a printed figure has (`10.20` → 2, `1,863` → 0). */
export function printedDigits(printed: Printed): number {
  const dot = printed.indexOf('.');
  return dot < 0 ? 0 : printed.length - dot - 1;
}

/** A share printed for all valid episodes and for each platform, with its count. */
export interface PrintedShare {
  count: Printed;
  all: Printed;
  IDE: Printed;
  CLI: Printed;
}

export const PAPER_CORPUS = {
  sessions: '20,574',
  repositories: '1,639',
  platformSessions: { IDE: '12,231', CLI: '8,343' },
  sources: {
    specstory: { sessions: '14,789', repositories: '1,441' },
    swe: { sessions: '5,785', repositories: '198' },
  },
  candidates: '29,896',
  valid: '16,118',
  /** Valid share of candidates. */
  validRate: '53.9',
} as const;

/** Table 1. `agents` are the values in the data that the paper's row groups together. */
export const PAPER_TABLE1: ReadonlyArray<{
  platform: Platform;
  name: string;
  agents: readonly string[];
  sessions: Printed;
  medianUserTurns: Printed;
}> = [
  {
    platform: 'IDE',
    name: 'Cursor',
    agents: ['Cursor IDE'],
    sessions: '3,234',
    medianUserTurns: '3',
  },
  {
    platform: 'IDE',
    name: 'GitHub Copilot',
    agents: ['Copilot IDE'],
    sessions: '366',
    medianUserTurns: '3',
  },
  {
    platform: 'IDE',
    name: 'Unknown',
    agents: ['Unknown'],
    sessions: '8,631',
    medianUserTurns: '3',
  },
  {
    platform: 'CLI',
    name: 'Claude Code',
    agents: ['Claude Code'],
    sessions: '6,648',
    medianUserTurns: '5',
  },
  { platform: 'CLI', name: 'Codex', agents: ['Codex'], sessions: '517', medianUserTurns: '1' },
  {
    platform: 'CLI',
    name: 'OpenCode',
    agents: ['OpenCode'],
    sessions: '624',
    medianUserTurns: '8',
  },
  {
    platform: 'CLI',
    name: 'Gemini CLI',
    agents: ['Gemini CLI'],
    sessions: '39',
    medianUserTurns: '2',
  },
  {
    platform: 'CLI',
    name: 'Cursor CLI',
    agents: ['Cursor CLI'],
    sessions: '32',
    medianUserTurns: '3',
  },
  {
    platform: 'CLI',
    name: 'Unknown',
    agents: ['Unknown', 'Copilot CLI'],
    sessions: '483',
    medianUserTurns: '3',
  },
];

/** User turns per session by platform. */
export const PAPER_USER_TURNS = {
  median: { IDE: '3', CLI: '5' },
  mean: { IDE: '6.48', CLI: '13.85' },
} as const;

/** Table 2: symptoms and causes, % of valid episodes (of each platform's for IDE and CLI). */
export const PAPER_TABLE2: Readonly<Record<SymptomCode | CauseCode, PrintedShare>> = {
  S1: { count: '1,863', all: '11.56', IDE: '12.78', CLI: '9.30' },
  S2: { count: '4,344', all: '26.95', IDE: '28.39', CLI: '24.31' },
  S3: { count: '6,178', all: '38.33', IDE: '32.26', CLI: '49.49' },
  S4: { count: '1,644', all: '10.20', IDE: '11.50', CLI: '7.80' },
  S5: { count: '2,872', all: '17.82', IDE: '22.89', CLI: '8.49' },
  S6: { count: '463', all: '2.87', IDE: '2.09', CLI: '4.32' },
  S7: { count: '3,639', all: '22.58', IDE: '20.36', CLI: '26.66' },
  S8: { count: '54', all: '0.34', IDE: '0.45', CLI: '0.12' },
  C1: { count: '2,475', all: '15.36', IDE: '17.65', CLI: '11.13' },
  C2: { count: '1,526', all: '9.47', IDE: '10.65', CLI: '7.29' },
  C3: { count: '1,791', all: '11.11', IDE: '11.94', CLI: '9.58' },
  C4: { count: '693', all: '4.30', IDE: '4.37', CLI: '4.18' },
  C5: { count: '394', all: '2.44', IDE: '2.63', CLI: '2.10' },
  C6: { count: '5,881', all: '36.49', IDE: '29.96', CLI: '48.50' },
  C7: { count: '4,327', all: '26.85', IDE: '28.97', CLI: '22.94' },
};

/** Episodes by how many symptoms and causes they carry. */
export const PAPER_LABELS_PER_EPISODE = {
  symptoms: { 1: '11,267', 2: '4,764', 3: '86', 4: '1' },
  causes: { 1: '15,149', 2: '969' },
} as const;

/** Evidence tiers per cause: direct, contextual, speculative (C7 has none). */
export const PAPER_TIERS: Readonly<
  Partial<Record<CauseCode, { direct: Printed; contextual: Printed; speculative: Printed }>>
> = {
  C1: { direct: '1,672', contextual: '803', speculative: '0' },
  C2: { direct: '814', contextual: '712', speculative: '0' },
  C3: { direct: '405', contextual: '1,386', speculative: '0' },
  C4: { direct: '183', contextual: '510', speculative: '0' },
  C5: { direct: '122', contextual: '268', speculative: '4' },
  C6: { direct: '5,539', contextual: '342', speculative: '0' },
};

/**
 * Table 3. Severity and status are % of valid episodes; locus is % of damaging (DS2 + DS3)
 * episodes; resolver is % of resolved (RS1) episodes. IDE and CLI columns use each platform's own
 * denominator.
 */
export const PAPER_TABLE3: Readonly<Record<string, PrintedShare>> = {
  DS0: { count: '13', all: '0.08', IDE: '0.06', CLI: '0.12' },
  DS1: { count: '14,587', all: '90.50', IDE: '89.96', CLI: '91.49' },
  DS2: { count: '1,361', all: '8.44', IDE: '8.93', CLI: '7.56' },
  DS3: { count: '11', all: '0.07', IDE: '0.05', CLI: '0.11' },
  DS4: { count: '146', all: '0.91', IDE: '1.01', CLI: '0.72' },
  DL1: { count: '1,040', all: '75.80', IDE: '83.67', CLI: '58.85' },
  DL2: { count: '254', all: '18.51', IDE: '12.70', CLI: '31.03' },
  DL3: { count: '29', all: '2.11', IDE: '2.03', CLI: '2.30' },
  DL4: { count: '49', all: '3.57', IDE: '1.60', CLI: '7.82' },
  RS1: { count: '1,504', all: '9.33', IDE: '8.38', CLI: '11.08' },
  RS2: { count: '14,614', all: '90.67', IDE: '91.62', CLI: '88.92' },
  RV1: { count: '45', all: '2.99', IDE: '2.40', CLI: '3.82' },
  RV2: { count: '1,376', all: '91.49', IDE: '90.29', CLI: '93.16' },
  RV3: { count: '83', all: '5.52', IDE: '7.31', CLI: '3.02' },
};

/** Damaging (DS2 + DS3) episodes, the locus denominator. */
export const PAPER_DAMAGING = '1,372';

/** Damage reaching project or external state (DL2 + DL4), % of damaging episodes. */
export const PAPER_PROJECT_OR_EXTERNAL: Readonly<Record<Platform, Printed>> = {
  IDE: '14.30',
  CLI: '38.85',
};

/**
 * The validation outcome. Category shares are of the invalid candidates with one of the eight
 * categories (they sum to 100 as printed; `custom:*` ones are left out).
 */
export const PAPER_VALIDATION = {
  validRate: { IDE: '54.17', CLI: '53.45' },
  invalid: '13,778',
  invalidWithKnownCategory: '13,763',
  biasGroups: { normative: '42.3', observational: '57.7' },
  categories: {
    invisible_agent_action: { all: '35.68', IDE: '28.37', CLI: '48.75' },
    intention_claim_without_pushback: { all: '19.60', IDE: '21.30', CLI: '16.54' },
    unrequested_action_without_pushback: { all: '14.97', IDE: '16.24', CLI: '12.69' },
    session_terminated_before_completion: { all: '12.96', IDE: '15.62', CLI: '8.21' },
    invisible_project_context: { all: '8.70', IDE: '9.74', CLI: '6.85' },
    collaboration_style_without_pushback: { all: '4.25', IDE: '4.99', CLI: '2.92' },
    evidence_contradicts_description: { all: '3.47', IDE: '3.28', CLI: '3.79' },
    truncation: { all: '0.38', IDE: '0.45', CLI: '0.24' },
  } as Readonly<Record<string, { all: Printed; IDE: Printed; CLI: Printed }>>,
} as const;

/** Sessions with at least one valid episode, and episodes per such session. */
export const PAPER_SESSIONS = {
  misaligned: {
    IDE: { count: '5,322', share: '43.51' },
    CLI: { count: '3,308', share: '39.65' },
    all: { count: '8,630', share: '41.95' },
  },
  episodesPerMisalignedSession: { mean: '1.87', median: '1', p90: '3', max: '10' },
} as const;

/** Valid episodes per user turn and per session, by platform (ratios, not percentages). */
export const PAPER_RATES = {
  perUserTurn: { IDE: '0.132', CLI: '0.051' },
  perSession: { IDE: '0.854', CLI: '0.680' },
} as const;

/** Lift = observed / expected co-occurrence of two symptoms. */
export const PAPER_COOCCURRENCE = {
  /** Within a session, over the misaligned sessions. */
  sessions: [
    { pair: ['S2', 'S4'], lift: '1.39' },
    { pair: ['S5', 'S7'], lift: '1.20' },
    { pair: ['S1', 'S6'], lift: '1.20' },
    { pair: ['S1', 'S5'], lift: '1.09' },
    { pair: ['S3', 'S1'], lift: '0.75' },
    { pair: ['S3', 'S5'], lift: '0.71' },
    { pair: ['S2', 'S6'], lift: '0.70' },
  ] as ReadonlyArray<{ pair: readonly [SymptomCode, SymptomCode]; lift: Printed }>,
  /** Misaligned sessions containing each symptom. */
  sessionsWith: {
    S1: '1,590',
    S2: '3,491',
    S3: '4,661',
    S4: '1,457',
    S5: '2,131',
    S6: '426',
    S7: '2,990',
  } as Readonly<Partial<Record<SymptomCode, Printed>>>,
  /** Within an episode, over the valid episodes. */
  episodes: [
    { pair: ['S2', 'S4'], count: '646', lift: '1.458' },
    { pair: ['S3', 'S7'], count: '1,003', lift: '0.72' },
    { pair: ['S5', 'S7'], count: '633', lift: '0.98' },
  ] as ReadonlyArray<{ pair: readonly [SymptomCode, SymptomCode]; count: Printed; lift: Printed }>,
} as const;

/** Probability that a repository's next session has a valid episode, after one with and without. */
export const PAPER_PERSISTENCE = {
  afterMisaligned: '0.519',
  afterClean: '0.336',
  /** Relative increase, percent. */
  increase: '54',
} as const;

/** The monthly trend of valid episodes per user turn, Feb 2025 – Apr 2026. */
export const PAPER_TREND = {
  from: '2025-02',
  to: '2026-04',
  /** Fitted change per month ("about 0.008"). */
  slopePerMonth: '-0.008',
  rising: ['S3', 'S7'] as readonly SymptomCode[],
  falling: ['S1', 'S4', 'S5'] as readonly SymptomCode[],
} as const;

/** Symptom → cause, % of the symptom's (symptom, cause) label pairs. */
export const PAPER_SYMPTOM_CAUSE: ReadonlyArray<{
  symptom: SymptomCode;
  cause: CauseCode;
  share: Printed;
}> = [
  { symptom: 'S3', cause: 'C6', share: '73.68' },
  { symptom: 'S4', cause: 'C2', share: '66.99' },
  { symptom: 'S2', cause: 'C1', share: '44.10' },
  { symptom: 'S1', cause: 'C3', share: '41.01' },
  { symptom: 'S5', cause: 'C7', share: '49.50' },
  { symptom: 'S7', cause: 'C7', share: '48.17' },
];

/** Locus codes the paper counts as reaching project or external state. */
export const PROJECT_OR_EXTERNAL_LOCI: readonly LocusCode[] = ['DL2', 'DL4'];

/** Percent of VALID episodes carrying each label, as numbers (the overview's reference marks). */
export const PAPER_SHARES: Readonly<Record<string, number>> = Object.fromEntries(
  Object.entries({ ...PAPER_TABLE2, ...PAPER_TABLE3 })
    .filter(([code]) => /^(S|C|DS)\d$/.test(code) || code === 'RS1')
    .map(([code, row]) => [code, printedValue(row.all)]),
);

/** Percent of resolved (RS1) episodes fixed by each resolver. */
export const PAPER_RESOLVER_SHARES: Readonly<Record<string, number>> = {
  RV2: printedValue(PAPER_TABLE3['RV2']?.all ?? 'NaN'),
};

export const PAPER_TOTALS = {
  sessions: printedValue(PAPER_CORPUS.sessions),
  repositories: printedValue(PAPER_CORPUS.repositories),
  candidates: printedValue(PAPER_CORPUS.candidates),
  valid: printedValue(PAPER_CORPUS.valid),
};

/** The replication repository: the release files, the pipeline's prompts and its own viewer. */
export const REPLICATION_REPOSITORY = 'https://github.com/ND-SaNDwichLAB/coding-agent-misalignment';

/**
 * What the paper says about its pipeline beyond the tables: when each source's sessions were
 * recorded, and how the extraction and the annotation were checked.
 */
export const PAPER_PIPELINE = {
  spans: { specstory: 'September 2024 to April 2026', swe: 'January to April 2026' },
  /** Human evaluation of the extraction. */
  extraction: { sample: '200', precision: '0.93' },
  /** As the paper's text prints them (its poster prints 0.78 and 0.82). */
  annotation: { interRaterAgreement: '0.83', judgeAccuracy: '0.81' },
} as const;

/**
 * The paper's printed share of a label of Tables 2 and 3, overall and per platform. Each is over
 * the same population as the atlas's share of that axis (`population` in stats.ts): valid
 * episodes, damaging ones for a locus, resolved ones for a resolver.
 */
export function paperShareOf(code: string): PrintedShare | undefined {
  return (PAPER_TABLE2 as Readonly<Record<string, PrintedShare>>)[code] ?? PAPER_TABLE3[code];
}

/** Where the reference figures come from, as a tooltip says it. */
export const PAPER_SOURCE = `${PAPER.authors} (${PAPER.venue}), full dataset of ${PAPER_TOTALS.valid.toLocaleString('en')} valid episodes`;
