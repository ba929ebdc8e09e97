/**
 * A deterministic synthetic core (the three `data/core/` files) consistent with a set of
 * published episodes: every given episode appears in it with the same session, metadata and
 * labels, and further sessions, candidates and valid episodes are drawn with the paper's shares
 * (src/lib/paper-figures.ts) until the requested totals are reached. Used when the real core is
 * absent (content/sample/core/) and, at the real corpus's size, for the build budgets.
 */
import type { Episode } from '../schema.ts';
import { random } from '../synthetic.ts';
import {
  PAPER_CORPUS,
  PAPER_TABLE1,
  PAPER_TABLE2,
  PAPER_TABLE3,
  PAPER_TIERS,
  PAPER_VALIDATION,
  printedValue,
  type PrintedShare,
} from '../paper-figures.ts';
import {
  CAUSES,
  EVIDENCE_TIERS,
  LOCI,
  RESOLVERS,
  SEVERITIES,
  STANDALONE_CAUSE,
  STANDALONE_SYMPTOM,
  SYMPTOMS,
  type Platform,
} from '../taxonomy.ts';
import { NO_TIER, type CoreKind } from './schema.ts';

type Row = Record<string, unknown>;

export interface CoreSize {
  sessions: number;
  candidates: number;
  valid: number;
}

export interface SyntheticCoreOptions extends CoreSize {
  seed: number;
  /** Episodes the core must contain as they are (the bundled sample's, every licence). */
  episodes: readonly Episode[];
}

/** The small core built into content/sample/core/. */
export const SAMPLE_CORE_SIZE: CoreSize = { sessions: 240, candidates: 330, valid: 180 };
/** The size of the paper's corpus. */
export const REAL_CORE_SIZE: CoreSize = {
  sessions: printedValue(PAPER_CORPUS.sessions),
  candidates: printedValue(PAPER_CORPUS.candidates),
  valid: printedValue(PAPER_CORPUS.valid),
};

type Rand = () => number;

function weighted<T>(rand: Rand, items: readonly (readonly [T, number])[]): T {
  let roll = rand() * items.reduce((sum, [, w]) => sum + w, 0);
  for (const [item, w] of items) {
    roll -= w;
    if (roll < 0) return item;
  }
  return (items[items.length - 1] as readonly [T, number])[0];
}

function pick<T>(rand: Rand, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

function hex(rand: Rand, n: number): string {
  return Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join('');
}

function sessionSha(rand: Rand, source: string, agent: string): string {
  if (agent === 'OpenCode') return `ses_${hex(rand, 24)}`;
  if (source === 'swe')
    return `${hex(rand, 8)}-${hex(rand, 4)}-4${hex(rand, 3)}-a${hex(rand, 3)}-${hex(rand, 12)}`;
  return hex(rand, 40);
}

/** A platform's share of each code, from a table of printed shares. */
function shares(
  table: Readonly<Record<string, PrintedShare>>,
  codes: readonly string[],
  platform: Platform,
): [string, number][] {
  return codes.map((code) => [code, printedValue(table[code]?.[platform] ?? '0')]);
}

const SYMPTOM_CODES = SYMPTOMS.map((s) => s.code);
const CAUSE_CODES = CAUSES.map((c) => c.code);

function drawDistinct(rand: Rand, weights: [string, number][], n: number): string[] {
  const pool = [...weights];
  const out: string[] = [];
  while (out.length < n && pool.length > 0) {
    const code = weighted(rand, pool);
    out.push(code);
    pool.splice(
      pool.findIndex(([c]) => c === code),
      1,
    );
  }
  return out;
}

/** The label columns of one synthetic valid episode, drawn with the platform's shares. */
function labelColumns(rand: Rand, platform: Platform): Row {
  const symptomCount = weighted(rand, [
    [1, 70],
    [2, 29.5],
    [3, 0.5],
  ] as const);
  let symptoms = drawDistinct(rand, shares(PAPER_TABLE2, SYMPTOM_CODES, platform), symptomCount);
  if (symptoms.includes(STANDALONE_SYMPTOM)) symptoms = [STANDALONE_SYMPTOM];
  const causeCount = rand() < 0.06 ? 2 : 1;
  let causes = drawDistinct(rand, shares(PAPER_TABLE2, CAUSE_CODES, platform), causeCount);
  if (causes.includes(STANDALONE_CAUSE)) causes = [STANDALONE_CAUSE];
  // One label of a Table 3 axis, drawn with the paper's shares on this platform.
  const drawTable3 = (labels: readonly { code: string }[]) =>
    weighted(
      rand,
      shares(
        PAPER_TABLE3,
        labels.map((l) => l.code),
        platform,
      ),
    );
  const severity = drawTable3(SEVERITIES);
  const damaging = severity === 'DS2' || severity === 'DS3';
  const resolved = rand() * 100 < printedValue(PAPER_TABLE3['RS1']?.[platform] ?? '0');
  const row: Row = {};
  for (const code of SYMPTOM_CODES) row[code] = symptoms.includes(code);
  row['symptom_other_descriptor'] = symptoms.includes(STANDALONE_SYMPTOM) ? 'other form' : null;
  for (const code of CAUSE_CODES) {
    const tiers = PAPER_TIERS[code];
    row[code] = !causes.includes(code)
      ? null
      : tiers
        ? weighted(
            rand,
            EVIDENCE_TIERS.map((t) => [t.code, printedValue(tiers[t.code]) + 0.01] as const),
          )
        : NO_TIER;
  }
  row['damage_severity'] = severity;
  row['damage_locus'] = damaging ? drawTable3(LOCI) : null;
  row['resolution_status'] = resolved ? 'RS1' : 'RS2';
  row['resolver'] = resolved ? drawTable3(RESOLVERS) : null;
  return row;
}

/** The label columns of a published episode, as the annotated file flattens them. */
function episodeLabelColumns(annotation: NonNullable<Episode['annotation']>): Row {
  const row: Row = {};
  for (const code of SYMPTOM_CODES)
    row[code] = (annotation.symptom.labels as readonly string[]).includes(code);
  row['symptom_other_descriptor'] = annotation.symptom.labels.includes(STANDALONE_SYMPTOM)
    ? 'other form'
    : null;
  for (const code of CAUSE_CODES) {
    const label = annotation.cause.labels.find((c) => c.code === code);
    row[code] = label ? (label.tier ?? NO_TIER) : null;
  }
  row['damage_severity'] = annotation.outcome.severity;
  row['damage_locus'] = annotation.outcome.locus;
  row['resolution_status'] = annotation.resolution.status;
  row['resolver'] = annotation.resolution.resolver;
  return row;
}

interface Session {
  source: string;
  repository: string;
  number: number;
  platform: Platform;
  agent: string;
  licence: string;
  timestamp: string;
  userTurns: number;
  agentTurns: number;
  sha: string;
  commits: number;
}

function sessionColumns(s: Session): Row {
  return {
    repository_id: /^\d+$/.test(s.repository) ? Number(s.repository) : s.repository,
    num_commits: s.commits,
    license_type: s.licence,
    session_count_id: s.number,
    session_sha: s.sha,
    session_timestamp: s.timestamp,
    session_type: s.platform,
    agent: s.agent,
    user_turns: s.userTurns,
    agent_turns: s.agentTurns,
    source: s.source,
  };
}

function episodeColumns(s: Session, misalignment: number, goal: string, confidence: string): Row {
  const { source, repository_id, session_count_id, ...rest } = sessionColumns(s);
  return {
    repository_id,
    session_id: `session_${String(s.number).padStart(3, '0')}`,
    misalignment_id: `M${String(misalignment).padStart(3, '0')}`,
    alignment_goal: goal,
    confidence,
    source,
    session_count_id,
    ...rest,
  };
}

const LICENCES: readonly (readonly [string, number])[] = [
  ['MIT', 38],
  ['Apache-2.0', 12],
  ['BSD-3-Clause', 3],
  ['BSD-2-Clause', 1],
  ['ISC', 2],
  ['GPL-3.0', 7],
  ['AGPL-3.0', 2],
  ['NO_LICENSE', 30],
  ['NOASSERTION', 5],
];

function agentWeights(platform: Platform): [string, number][] {
  const out = new Map<string, number>();
  for (const row of PAPER_TABLE1)
    if (row.platform === platform)
      for (const agent of row.agents)
        out.set(agent, printedValue(row.sessions) / row.agents.length);
  return [...out.entries()];
}

function medianTurns(platform: Platform, agent: string): number {
  const row = PAPER_TABLE1.find((r) => r.platform === platform && r.agents.includes(agent));
  return printedValue(row?.medianUserTurns ?? '3');
}

function stamp(ms: number, minutePrecision: boolean): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, minutePrecision ? 16 : 19)}${minutePrecision ? ':00' : ''}`;
}

/** Synthetic sessions of new repositories, each repository's in time order. */
function extraSessions(rand: Rand, count: number): Array<Session & { propensity: number }> {
  const out: Array<Session & { propensity: number }> = [];
  const sessionShare = (source: 'specstory' | 'swe') =>
    printedValue(PAPER_CORPUS.sources[source].sessions);
  const specstoryShare =
    sessionShare('specstory') / (sessionShare('specstory') + sessionShare('swe'));
  let repo = 0;
  while (out.length < count) {
    repo += 1;
    const source = rand() < specstoryShare ? 'specstory' : 'swe';
    const repository = String(source === 'swe' ? 900_000 + repo : 2_000_000_000 + repo);
    const licence = weighted(rand, LICENCES);
    const propensity = 0.25 + 1.5 * rand();
    const span =
      source === 'swe'
        ? [Date.UTC(2026, 0, 1), Date.UTC(2026, 3, 30)]
        : [Date.UTC(2024, 8, 1), Date.UTC(2026, 3, 30)];
    const [from = 0, to = 0] = span;
    const n = Math.min(count - out.length, 1 + Math.floor(-Math.log(1 - rand()) * 11));
    const times = Array.from({ length: n }, () => from + rand() * (to - from)).sort(
      (a, b) => a - b,
    );
    let commits = 0;
    times.forEach((time, i) => {
      const platform: Platform = source === 'swe' || rand() > 0.827 ? 'CLI' : 'IDE';
      const agent = weighted(rand, agentWeights(platform));
      const turns = Math.max(
        1,
        Math.round((medianTurns(platform, agent) * -Math.log(1 - rand())) / Math.LN2),
      );
      commits += Math.floor(rand() * 3);
      out.push({
        source,
        repository,
        number: i + 1,
        platform,
        agent,
        licence,
        timestamp: stamp(time, source === 'specstory' && platform === 'IDE'),
        userTurns: turns,
        agentTurns: turns + Math.floor(rand() * 4),
        sha: sessionSha(rand, source, agent),
        commits,
        propensity,
      });
    });
  }
  return out;
}

/** The sessions of the given episodes, as the first episode of each describes it. */
function episodeSessions(rand: Rand, episodes: readonly Episode[]): Map<string, Session> {
  const out = new Map<string, Session>();
  for (const e of episodes) {
    const key = `${e.key.source}/${e.key.repository}/${e.key.session}`;
    if (out.has(key)) continue;
    const turns = e.userTurns ?? 1;
    out.set(key, {
      source: e.key.source,
      repository: e.key.repository,
      number: Number(/^\D*(\d+)$/.exec(e.key.session)?.[1] ?? '0'),
      platform: e.platform,
      agent: e.agent,
      licence: e.licence,
      timestamp: e.timestamp,
      userTurns: turns,
      agentTurns: e.agentTurns ?? turns,
      sha: sessionSha(rand, e.key.source, e.agent),
      commits: Math.floor(rand() * 20),
    });
  }
  return out;
}

function categoryFor(rand: Rand, platform: Platform): string {
  if (rand() < 0.0011) return 'custom:unclear_evidence';
  return weighted(
    rand,
    Object.entries(PAPER_VALIDATION.categories).map(
      ([code, row]) => [code, printedValue(row[platform])] as const,
    ),
  );
}

/** The three core files' rows, by kind. Throws when the totals cannot hold the given episodes. */
export function generateCore(options: SyntheticCoreOptions): Record<CoreKind, Row[]> {
  const rand = random(options.seed);
  const known = episodeSessions(rand, options.episodes);
  const knownValid = options.episodes.filter((e) => e.validation.label === 'VALID').length;
  const extra = {
    sessions: options.sessions - known.size,
    candidates: options.candidates - options.episodes.length,
    valid: options.valid - knownValid,
  };
  if (
    extra.sessions < 0 ||
    extra.candidates < 0 ||
    extra.valid < 0 ||
    extra.valid > extra.candidates
  )
    throw new Error(
      `a core of ${options.sessions} sessions, ${options.candidates} candidates and ${options.valid} valid episodes cannot hold the ${known.size} sessions, ${options.episodes.length} candidates and ${knownValid} valid episodes given`,
    );
  if (extra.candidates > 0 && extra.sessions === 0)
    throw new Error('extra candidates need extra sessions to belong to');

  const sessions: Row[] = [];
  const validated: Row[] = [];
  const annotated: Row[] = [];
  const countIds = new Map<string, number>();
  const candidate = (
    s: Session,
    m: number,
    goal: string,
    confidence: string,
    label: string,
    category: string | null,
  ) => {
    const id = (countIds.get(s.source) ?? 0) + 1;
    countIds.set(s.source, id);
    validated.push({
      count_id: id,
      ...episodeColumns(s, m, goal, confidence),
      label,
      invalid_category: category,
    });
  };

  for (const s of known.values()) sessions.push(sessionColumns(s));
  for (const e of options.episodes) {
    const s = known.get(`${e.key.source}/${e.key.repository}/${e.key.session}`) as Session;
    const m = Number(/^\D*(\d+)$/.exec(e.key.misalignment)?.[1] ?? '1');
    const columns = episodeColumns(s, m, e.alignmentGoal, e.confidence);
    validated.push({
      count_id: 0,
      ...columns,
      misalignment_id: e.key.misalignment,
      session_id: e.key.session,
      label: e.validation.label,
      invalid_category: e.validation.category,
    });
    if (e.annotation)
      annotated.push({
        ...columns,
        misalignment_id: e.key.misalignment,
        session_id: e.key.session,
        ...episodeLabelColumns(e.annotation),
      });
  }

  const more = extraSessions(rand, extra.sessions);
  for (const s of more) sessions.push(sessionColumns(s));
  // Sessions with candidates: weighted by their repository's propensity (Efraimidis–Spirakis),
  // so misaligned sessions cluster in repositories as they do in the paper's data.
  const active = Math.min(more.length, Math.ceil(extra.candidates / 2.2));
  const chosen = more
    .map((s) => ({ s, score: rand() ** (1 / s.propensity) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, active)
    .map(({ s }) => s);
  const perSession = chosen.map(() => 1);
  for (let left = extra.candidates - chosen.length; left > 0; left--) {
    const at = Math.floor(rand() * chosen.length);
    if ((perSession[at] ?? 0) < 15) perSession[at] = (perSession[at] ?? 0) + 1;
    else left++;
  }
  const slots = chosen.flatMap((s, i) =>
    Array.from({ length: perSession[i] ?? 0 }, (_, m) => ({ s, m: m + 1 })),
  );
  // The first `extra.valid` slots after a seeded shuffle are the valid ones.
  for (let i = slots.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [slots[i], slots[j]] = [slots[j] as (typeof slots)[number], slots[i] as (typeof slots)[number]];
  }
  const valid = new Set(slots.slice(0, extra.valid));
  const order = new Map(more.map((s, i) => [s, i]));
  const ordered = [...slots].sort(
    (a, b) => (order.get(a.s) ?? 0) - (order.get(b.s) ?? 0) || a.m - b.m,
  );
  for (const slot of ordered) {
    const { s, m } = slot;
    const goal = pick(rand, ['instruction', 'intention', 'both']);
    const confidence = weighted(rand, [
      ['high', 60],
      ['medium', 32],
      ['low', 8],
    ] as const);
    const isValid = valid.has(slot);
    candidate(
      s,
      m,
      goal,
      confidence,
      isValid ? 'VALID' : 'INVALID',
      isValid ? null : categoryFor(rand, s.platform),
    );
    if (isValid)
      annotated.push({
        ...episodeColumns(s, m, goal, confidence),
        ...labelColumns(rand, s.platform),
      });
  }
  // count_id restarts per source; the given episodes take the first numbers after the extras.
  for (const row of validated)
    if (row['count_id'] === 0) {
      const source = row['source'] as string;
      const id = (countIds.get(source) ?? 0) + 1;
      countIds.set(source, id);
      row['count_id'] = id;
    }
  return { annotated, validated, sessions };
}
