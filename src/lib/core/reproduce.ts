/**
 * The paper's printed figures beside the same figures recomputed from the corpus, each marked as
 * matching at the paper's printed precision or not: the model of the `/paper/` page.
 */
import {
  PAPER_COOCCURRENCE,
  PAPER_CORPUS,
  PAPER_DAMAGING,
  PAPER_LABELS_PER_EPISODE,
  PAPER_PERSISTENCE,
  PAPER_PROJECT_OR_EXTERNAL,
  PAPER_RATES,
  PAPER_SESSIONS,
  PAPER_SYMPTOM_CAUSE,
  PAPER_TABLE1,
  PAPER_TABLE2,
  PAPER_TABLE3,
  PAPER_TIERS,
  PAPER_TREND,
  PAPER_USER_TURNS,
  PAPER_VALIDATION,
  PROJECT_OR_EXTERNAL_LOCI,
  printedDigits,
  printedValue,
  type Printed,
  type PrintedShare,
} from '../paper-figures.ts';
import { labelTitle } from '../taxonomy.ts';
import type { Corpus } from './corpus.ts';
import {
  agentGroup,
  corpusFigures,
  episodeSymptomSets,
  lift,
  lociShare,
  sessionSymptomSets,
  symptomCause,
  validEpisodes,
  type LabelShares,
  type Share,
} from './figures.ts';

/** One figure: ours at the paper's precision beside the paper's. */
export interface Comparison {
  printed: Printed;
  /** Ours, written the way the paper writes the figure (same decimals, same separators). */
  shown: string;
  matches: boolean;
  /** Ours minus the paper's, at the printed precision; absent when they match or ours is missing. */
  difference?: string;
}

export interface ComparisonRow {
  label: string;
  cells: Array<Comparison | null>;
}

export interface Section {
  id: string;
  title: string;
  /** What the shares are of, and how the figure is defined here. */
  note: string;
  columns: string[];
  rows: ComparisonRow[];
}

const GROUPED = new Intl.NumberFormat('en-US', { useGrouping: true });

/** `value` written with the decimals (and thousands separators) of `printed`. */
export function asPrinted(value: number, printed: Printed): string {
  if (!Number.isFinite(value)) return '—';
  const digits = printedDigits(printed);
  const fixed = value.toFixed(digits);
  const rounded = Number(fixed) === 0 ? (0).toFixed(digits) : fixed;
  if (!printed.includes(',')) return rounded;
  const [whole = '0', fraction] = rounded.split('.');
  const grouped = GROUPED.format(Number(whole));
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** Compares a computed value with a printed figure at the printed precision. */
export function compare(value: number, printed: Printed): Comparison {
  const shown = asPrinted(value, printed);
  const matches = shown !== '—' && printedValue(shown) === printedValue(printed);
  if (matches || shown === '—') return { printed, shown, matches };
  const delta = printedValue(shown) - printedValue(printed);
  return {
    printed,
    shown,
    matches,
    difference: `${delta > 0 ? '+' : '−'}${asPrinted(Math.abs(delta), printed)}`,
  };
}

/** Compares a share, printed as a percentage. */
function percent(s: Share, printed: Printed): Comparison {
  return compare(s.share * 100, printed);
}

function text(shown: string, printed: string): Comparison {
  return { printed, shown, matches: shown === printed };
}

function shareRow(label: string, ours: LabelShares | undefined, paper: PrintedShare) {
  return {
    label,
    cells: ours
      ? [
          compare(ours.all.count, paper.count),
          percent(ours.all, paper.all),
          percent(ours.IDE, paper.IDE),
          percent(ours.CLI, paper.CLI),
        ]
      : [null, null, null, null],
  };
}

const SHARE_COLUMNS = ['Count', 'All, %', 'IDE, %', 'CLI, %'];

/** Every section of the `/paper/` page, computed from one corpus. */
export function reproduce(corpus: Corpus): Section[] {
  const figures = corpusFigures(corpus, PAPER_TREND);
  const { totals, tables, validation, rates } = figures;
  const valid = validEpisodes(corpus.episodes);
  const byCode = (rows: readonly LabelShares[]) => new Map(rows.map((r) => [r.code, r]));
  const table2 = byCode([...tables.form, ...tables.cause]);
  const table3 = byCode([
    ...tables.cost,
    ...tables.locus,
    ...tables.resolution,
    ...tables.resolver,
  ]);
  const episodeSets = episodeSymptomSets(valid);
  const sessionSets = sessionSymptomSets(corpus.episodes);
  const reach = lociShare(valid, PROJECT_OR_EXTERNAL_LOCI);
  const one = (label: string, value: number, printed: Printed): ComparisonRow => ({
    label,
    cells: [compare(value, printed)],
  });

  return [
    {
      id: 'corpus',
      title: 'Corpus and pipeline',
      note: 'Sessions and repositories are those of the session mapping (every session, with or without episodes); repositories are counted within their source. Candidates are the rows of the validated file, valid episodes the rows of the annotated file.',
      columns: ['Value'],
      rows: [
        one('Sessions', totals.sessions, PAPER_CORPUS.sessions),
        one('Repositories', totals.repositories, PAPER_CORPUS.repositories),
        one('IDE sessions', totals.platformSessions.IDE, PAPER_CORPUS.platformSessions.IDE),
        one('CLI sessions', totals.platformSessions.CLI, PAPER_CORPUS.platformSessions.CLI),
        one(
          'SpecStory sessions',
          totals.sources.specstory.sessions,
          PAPER_CORPUS.sources.specstory.sessions,
        ),
        one(
          'SpecStory repositories',
          totals.sources.specstory.repositories,
          PAPER_CORPUS.sources.specstory.repositories,
        ),
        one('SWE-chat sessions', totals.sources.swe.sessions, PAPER_CORPUS.sources.swe.sessions),
        one(
          'SWE-chat repositories',
          totals.sources.swe.repositories,
          PAPER_CORPUS.sources.swe.repositories,
        ),
        one('Candidate episodes', totals.candidates, PAPER_CORPUS.candidates),
        one('Valid episodes', totals.valid, PAPER_CORPUS.valid),
        {
          label: 'Valid share of candidates, %',
          cells: [percent(totals.validRate, PAPER_CORPUS.validRate)],
        },
      ],
    },
    {
      id: 'table-1',
      title: 'Table 1: agents',
      note: 'Sessions of each agent and the median of their user turns. The paper’s CLI “unknown” row joins the agents Unknown and Copilot CLI.',
      columns: ['Sessions', 'Median user turns'],
      rows: PAPER_TABLE1.map((row) => {
        const ours = agentGroup(corpus.sessions, row.platform, row.agents);
        return {
          label: `${row.platform} · ${row.name} (${row.agents.join(' + ')})`,
          cells: [
            compare(ours.sessions, row.sessions),
            compare(ours.medianUserTurns, row.medianUserTurns),
          ],
        };
      }),
    },
    {
      id: 'user-turns',
      title: 'User turns per session',
      note: 'Over every session of the platform.',
      columns: ['Median', 'Mean'],
      rows: (['IDE', 'CLI'] as const).map((p) => ({
        label: p,
        cells: [
          compare(figures.userTurns[p].median, PAPER_USER_TURNS.median[p]),
          compare(figures.userTurns[p].mean, PAPER_USER_TURNS.mean[p]),
        ],
      })),
    },
    {
      id: 'table-2',
      title: 'Table 2: form and cause',
      note: 'Share of valid episodes (of each platform’s valid episodes in the IDE and CLI columns). An episode may carry several symptoms and up to two causes, so shares add up to more than 100.',
      columns: SHARE_COLUMNS,
      rows: Object.entries(PAPER_TABLE2).map(([code, paper]) =>
        shareRow(labelTitle(code), table2.get(code), paper),
      ),
    },
    {
      id: 'labels-per-episode',
      title: 'Labels per episode',
      note: 'Valid episodes by how many symptoms, and how many causes, they carry.',
      columns: ['Episodes'],
      rows: [
        ...Object.entries(PAPER_LABELS_PER_EPISODE.symptoms).map(([n, printed]) =>
          one(
            `${n} symptom${n === '1' ? '' : 's'}`,
            figures.labelsPerEpisode.symptoms[Number(n)] ?? 0,
            printed,
          ),
        ),
        ...Object.entries(PAPER_LABELS_PER_EPISODE.causes).map(([n, printed]) =>
          one(
            `${n} cause${n === '1' ? '' : 's'}`,
            figures.labelsPerEpisode.causes[Number(n)] ?? 0,
            printed,
          ),
        ),
      ],
    },
    {
      id: 'tiers',
      title: 'Evidence tiers of causes',
      note: 'Cause labels by evidence tier; Cannot Determine (C7) has no tier.',
      columns: ['Direct', 'Contextual', 'Speculative'],
      rows: Object.entries(PAPER_TIERS).map(([code, paper]) => {
        const ours = figures.tiers[code] ?? {};
        return {
          label: labelTitle(code),
          cells: [
            compare(ours['direct'] ?? 0, paper.direct),
            compare(ours['contextual'] ?? 0, paper.contextual),
            compare(ours['speculative'] ?? 0, paper.speculative),
          ],
        };
      }),
    },
    {
      id: 'table-3',
      title: 'Table 3: cost and resolution',
      note: 'Severity and resolution status are shares of valid episodes; damage locus is a share of the damaging (DS2 or DS3) episodes; resolver is a share of the resolved (RS1) episodes. IDE and CLI columns use each platform’s own denominator.',
      columns: SHARE_COLUMNS,
      rows: [
        ...Object.entries(PAPER_TABLE3).map(([code, paper]) =>
          shareRow(labelTitle(code), table3.get(code), paper),
        ),
        one('Damaging (DS2 + DS3) episodes', tables.damaging.count, PAPER_DAMAGING),
      ],
    },
    {
      id: 'reach',
      title: 'Damage reaching project or external state',
      note: 'Damaging episodes whose locus is project state (DL2) or external state (DL4), as a share of each platform’s damaging episodes.',
      columns: ['IDE, %', 'CLI, %'],
      rows: [
        {
          label: 'DL2 + DL4',
          cells: [
            percent(reach.IDE, PAPER_PROJECT_OR_EXTERNAL.IDE),
            percent(reach.CLI, PAPER_PROJECT_OR_EXTERNAL.CLI),
          ],
        },
      ],
    },
    {
      id: 'validation',
      title: 'Validation outcome',
      note: 'Valid share of each platform’s candidates. Category and bias-group shares are of the invalid candidates with one of the eight categories (the printed shares sum to 100); custom categories are counted apart.',
      columns: ['All, %', 'IDE, %', 'CLI, %'],
      rows: [
        {
          label: 'Valid share of candidates',
          cells: [
            null,
            percent(validation.validRate.IDE, PAPER_VALIDATION.validRate.IDE),
            percent(validation.validRate.CLI, PAPER_VALIDATION.validRate.CLI),
          ],
        },
        ...validation.categories.map((c) => {
          const paper = PAPER_VALIDATION.categories[c.code];
          return {
            label: labelTitle(c.code),
            cells: paper
              ? [percent(c.all, paper.all), percent(c.IDE, paper.IDE), percent(c.CLI, paper.CLI)]
              : [null, null, null],
          };
        }),
        ...validation.biasGroups.map((g) => ({
          label: g.name,
          cells: [percent(g.share, PAPER_VALIDATION.biasGroups[g.code]), null, null],
        })),
        {
          label: 'Invalid candidates (count)',
          cells: [compare(validation.invalid, PAPER_VALIDATION.invalid), null, null],
        },
        {
          label: 'Invalid with one of the eight categories (count)',
          cells: [
            compare(validation.withKnownCategory, PAPER_VALIDATION.invalidWithKnownCategory),
            null,
            null,
          ],
        },
      ],
    },
    {
      id: 'sessions',
      title: 'Sessions with a misalignment',
      note: 'Sessions of the session mapping with at least one valid episode, as a share of the platform’s sessions.',
      columns: ['Sessions', 'Share, %'],
      rows: (['IDE', 'CLI', 'all'] as const).map((scope) => ({
        label: scope === 'all' ? 'All' : scope,
        cells: [
          compare(rates[scope].misaligned.count, PAPER_SESSIONS.misaligned[scope].count),
          percent(rates[scope].misaligned, PAPER_SESSIONS.misaligned[scope].share),
        ],
      })),
    },
    {
      id: 'per-session',
      title: 'Episodes per misaligned session',
      note: 'Valid episodes in each session that has at least one (quantiles interpolated linearly, as numpy and pandas do by default).',
      columns: ['Mean', 'Median', '90th percentile', 'Maximum'],
      rows: [
        {
          label: 'Valid episodes',
          cells: [
            compare(
              rates.perMisalignedSession.mean,
              PAPER_SESSIONS.episodesPerMisalignedSession.mean,
            ),
            compare(
              rates.perMisalignedSession.median,
              PAPER_SESSIONS.episodesPerMisalignedSession.median,
            ),
            compare(
              rates.perMisalignedSession.p90,
              PAPER_SESSIONS.episodesPerMisalignedSession.p90,
            ),
            compare(
              rates.perMisalignedSession.max,
              PAPER_SESSIONS.episodesPerMisalignedSession.max,
            ),
          ],
        },
      ],
    },
    {
      id: 'rates',
      title: 'Misalignments per user turn and per session',
      note: 'Ratios of totals: the platform’s valid episodes over the user turns (or the number) of all its sessions. The paper reports these differences at p < 0.001; the tests are not recomputed here.',
      columns: ['IDE', 'CLI'],
      rows: [
        {
          label: 'Valid episodes per user turn',
          cells: [
            compare(rates.IDE.perUserTurn, PAPER_RATES.perUserTurn.IDE),
            compare(rates.CLI.perUserTurn, PAPER_RATES.perUserTurn.CLI),
          ],
        },
        {
          label: 'Valid episodes per session',
          cells: [
            compare(rates.IDE.perSession, PAPER_RATES.perSession.IDE),
            compare(rates.CLI.perSession, PAPER_RATES.perSession.CLI),
          ],
        },
      ],
    },
    {
      id: 'session-lift',
      title: 'Co-occurrence within a session',
      note: 'Lift = observed ÷ expected: sessions with both symptoms × misaligned sessions ÷ (sessions with the first × sessions with the second), over the sessions with at least one valid episode (a session has a symptom when any of its episodes does).',
      columns: ['Lift'],
      rows: [
        ...PAPER_COOCCURRENCE.sessions.map(({ pair: [a, b], lift: printed }) =>
          one(`${a} with ${b}`, lift(sessionSets, a, b).lift, printed),
        ),
        ...Object.entries(PAPER_COOCCURRENCE.sessionsWith).map(([code, printed]) =>
          one(`Sessions with ${code}`, sessionSets.filter((set) => set.has(code)).length, printed),
        ),
      ],
    },
    {
      id: 'episode-lift',
      title: 'Co-occurrence within an episode',
      note: 'Over the valid episodes: episodes with both symptoms, and their lift.',
      columns: ['Episodes', 'Lift'],
      rows: PAPER_COOCCURRENCE.episodes.map(({ pair: [a, b], count, lift: printed }) => {
        const ours = lift(episodeSets, a, b);
        return {
          label: `${a} with ${b}`,
          cells: [compare(ours.both, count), compare(ours.lift, printed)],
        };
      }),
    },
    {
      id: 'symptom-cause',
      title: 'Symptom to cause',
      note: 'Of a symptom’s (symptom, cause) label pairs over the valid episodes, the share with the cause.',
      columns: ['Share, %'],
      rows: PAPER_SYMPTOM_CAUSE.map(({ symptom, cause, share: printed }) => ({
        label: `${labelTitle(symptom)} → ${labelTitle(cause)}`,
        cells: [percent(symptomCause(valid, symptom, cause), printed)],
      })),
    },
    {
      id: 'persistence',
      title: 'Persistence across a repository’s sessions',
      note: 'A repository’s sessions in the order of their session number; for each pair of consecutive sessions, whether the second has a valid episode.',
      columns: ['Value'],
      rows: [
        one(
          'P(next has one | this has one)',
          figures.persistence.afterMisaligned.share,
          PAPER_PERSISTENCE.afterMisaligned,
        ),
        one(
          'P(next has one | this has none)',
          figures.persistence.afterClean.share,
          PAPER_PERSISTENCE.afterClean,
        ),
        one('Relative increase, %', figures.persistence.increase * 100, PAPER_PERSISTENCE.increase),
      ],
    },
    {
      id: 'trend',
      title: `Over time (${PAPER_TREND.from} to ${PAPER_TREND.to})`,
      note: 'Each month’s valid episodes over the user turns of its sessions, with a least-squares line through the months; a symptom rises or falls with the slope of its monthly share of valid episodes.',
      columns: ['Value'],
      rows: [
        one(
          'Change in episodes per user turn, per month',
          figures.trend.slopePerMonth,
          PAPER_TREND.slopePerMonth,
        ),
        ...[
          ...PAPER_TREND.rising.map((code) => ({ code, printed: 'rises' })),
          ...PAPER_TREND.falling.map((code) => ({ code, printed: 'falls' })),
        ].map(({ code, printed }) => {
          const slope = figures.trend.symptomSlopes.find((s) => s.code === code)?.slope;
          const shown =
            slope === undefined || !Number.isFinite(slope) ? '—' : slope > 0 ? 'rises' : 'falls';
          return { label: `Share of ${labelTitle(code)}`, cells: [text(shown, printed)] };
        }),
      ],
    },
  ];
}

/** How many figures were compared, and how many match. */
export function tally(sections: readonly Section[]): { figures: number; matching: number } {
  const cells = sections.flatMap((s) => s.rows.flatMap((r) => r.cells)).filter((c) => c !== null);
  return { figures: cells.length, matching: cells.filter((c) => c.matches).length };
}
