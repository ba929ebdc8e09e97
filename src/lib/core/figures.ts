/**
 * What the paper reports, recomputed from the full corpus: Table 1 (agents), Table 2 (form and
 * cause), Table 3 (cost and resolution), the validation outcome, episodes per session and per
 * user turn, co-occurrence lift, persistence across a repository's sessions and the monthly trend.
 * Each function states its denominator; `shared/paper-figures.md` gives the paper's.
 * Medians, quantiles, means and the trend's fitted slope are simple-statistics' (quantiles use
 * its linear interpolation, numpy's and pandas' default).
 */
import { linearRegression, mean, median, quantileSorted } from 'simple-statistics';
import { monthsBetween } from '../dates.ts';
import { codesOn, countLabels, population, type Labelled } from '../stats.ts';
import {
  CAUSES,
  EVIDENCE_TIERS,
  SYMPTOMS,
  VALIDATION_BIAS_GROUPS,
  VALIDATION_CATEGORIES,
  type AxisSlug,
  type Platform,
} from '../taxonomy.ts';
import { sessionKeyOf, type Corpus } from './corpus.ts';
import type { CoreSession, CorpusEpisode } from './schema.ts';

/** A platform, or both together. */
export type Scope = 'all' | Platform;
export const SCOPES: readonly Scope[] = ['all', 'IDE', 'CLI'];

/** A count out of a total. */
export interface Share {
  count: number;
  total: number;
  /** count / total, 0 when the total is 0. */
  share: number;
}

export function share(count: number, total: number): Share {
  return { count, total, share: total ? count / total : 0 };
}

function inScope<T extends { platform: Platform }>(rows: readonly T[], scope: Scope): T[] {
  return scope === 'all' ? [...rows] : rows.filter((row) => row.platform === scope);
}

/** Median, or NaN for no values (simple-statistics throws on an empty sample). */
function medianOf(values: readonly number[]): number {
  return values.length ? median([...values]) : Number.NaN;
}

function meanOf(values: readonly number[]): number {
  return values.length ? mean([...values]) : Number.NaN;
}

/** The valid episodes: those with labels. */
export function validEpisodes<T extends Labelled>(episodes: readonly T[]): T[] {
  return episodes.filter((e) => e.validation.label === 'VALID' && e.annotation !== null);
}

function episodeSessionKey(episode: CorpusEpisode): string {
  return sessionKeyOf({ ...episode.key, sessionNumber: episode.sessionNumber });
}

// ---------------------------------------------------------------------------------------------
// Corpus and Table 1

/** Sessions, repositories and candidates of the corpus. */
export function corpusTotals(corpus: Corpus) {
  const repositories = (sessions: readonly CoreSession[]) =>
    new Set(sessions.map((s) => `${s.source}/${s.repository}`)).size;
  const bySource = (source: string) => {
    const own = corpus.sessions.filter((s) => s.source === source);
    return { sessions: own.length, repositories: repositories(own) };
  };
  const valid = validEpisodes(corpus.episodes).length;
  return {
    sessions: corpus.sessions.length,
    repositories: repositories(corpus.sessions),
    platformSessions: {
      IDE: inScope(corpus.sessions, 'IDE').length,
      CLI: inScope(corpus.sessions, 'CLI').length,
    },
    sources: { specstory: bySource('specstory'), swe: bySource('swe') },
    candidates: corpus.episodes.length,
    valid,
    validRate: share(valid, corpus.episodes.length),
  };
}

/** Sessions and median user turns of a group of agents on one platform (a row of Table 1). */
export function agentGroup(
  sessions: readonly CoreSession[],
  platform: Platform,
  agents: readonly string[],
): { sessions: number; medianUserTurns: number } {
  const own = sessions.filter((s) => s.platform === platform && agents.includes(s.agent));
  return { sessions: own.length, medianUserTurns: medianOf(own.map((s) => s.userTurns)) };
}

/** Table 1 as the data has it: every platform and agent, most sessions first. */
export function agentTable(sessions: readonly CoreSession[]) {
  const groups = new Map<string, { platform: Platform; agent: string; turns: number[] }>();
  for (const s of sessions) {
    const key = `${s.platform}\u0000${s.agent}`;
    const group = groups.get(key) ?? { platform: s.platform, agent: s.agent, turns: [] };
    group.turns.push(s.userTurns);
    groups.set(key, group);
  }
  return [...groups.values()]
    .map((g) => ({
      platform: g.platform,
      agent: g.agent,
      sessions: g.turns.length,
      medianUserTurns: medianOf(g.turns),
    }))
    .sort(
      (a, b) =>
        a.platform.localeCompare(b.platform) ||
        b.sessions - a.sessions ||
        a.agent.localeCompare(b.agent),
    );
}

/** Median and mean user turns per session of each platform. */
export function userTurns(sessions: readonly CoreSession[]) {
  const of = (scope: Platform) => {
    const turns = inScope(sessions, scope).map((s) => s.userTurns);
    return { median: medianOf(turns), mean: meanOf(turns) };
  };
  return { IDE: of('IDE'), CLI: of('CLI') };
}

// ---------------------------------------------------------------------------------------------
// Tables 2 and 3

/** A label's count and share over a population, for all episodes and per platform. */
export interface LabelShares {
  code: string;
  all: Share;
  IDE: Share;
  CLI: Share;
}

/**
 * Each label of an axis as a share of `episodes` (the caller picks the population: valid
 * episodes, damaging ones for the locus, resolved ones for the resolver), per platform.
 */
export function labelShares(episodes: readonly Labelled[], axis: AxisSlug): LabelShares[] {
  const [all, ide, cli] = SCOPES.map((scope) => {
    const subset = inScope(episodes, scope);
    return { size: subset.length, counts: countLabels(subset, axis) };
  }) as [
    { size: number; counts: ReturnType<typeof countLabels> },
    { size: number; counts: ReturnType<typeof countLabels> },
    { size: number; counts: ReturnType<typeof countLabels> },
  ];
  return all.counts.map((row, i) => ({
    code: row.code,
    all: share(row.count, all.size),
    IDE: share(ide.counts[i]?.count ?? 0, ide.size),
    CLI: share(cli.counts[i]?.count ?? 0, cli.size),
  }));
}

/** Valid episodes whose damage reached the system (DS2, DS3): the locus denominator. */
export function damaging<T extends Labelled>(valid: readonly T[]): readonly T[] {
  return population(valid, 'locus');
}

/** Tables 2 and 3 over the valid episodes, each over its axis's population (`POPULATIONS`). */
export function labelTables(valid: readonly Labelled[]) {
  const axis = (slug: AxisSlug) => labelShares(population(valid, slug), slug);
  return {
    form: axis('form'),
    cause: axis('cause'),
    cost: axis('cost'),
    locus: axis('locus'),
    resolution: axis('resolution'),
    resolver: axis('resolver'),
    damaging: share(damaging(valid).length, valid.length),
  };
}

/** Episodes by how many labels they carry on an axis: `{ 1: 11267, 2: 4764, … }`. */
export function labelsPerEpisode(
  valid: readonly Labelled[],
  axis: AxisSlug,
): Record<number, number> {
  const out: Record<number, number> = {};
  for (const e of valid) {
    const n = new Set(codesOn(e, axis)).size;
    out[n] = (out[n] ?? 0) + 1;
  }
  return out;
}

/** How many of each cause's labels carry each evidence tier. */
export function tierCounts(valid: readonly Labelled[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const c of CAUSES) out[c.code] = Object.fromEntries(EVIDENCE_TIERS.map((t) => [t.code, 0]));
  for (const e of valid)
    for (const label of e.annotation?.cause.labels ?? []) {
      const row = out[label.code];
      if (row && label.tier !== null) row[label.tier] = (row[label.tier] ?? 0) + 1;
    }
  return out;
}

/** Of the damaging episodes of each platform, the share whose locus is one of `loci`. */
export function lociShare(valid: readonly Labelled[], loci: readonly string[]) {
  const of = (scope: Scope) => {
    const hurt = inScope(damaging(valid), scope);
    const hit = hurt.filter((e) => loci.includes(e.annotation?.outcome.locus ?? ''));
    return share(hit.length, hurt.length);
  };
  return { all: of('all'), IDE: of('IDE'), CLI: of('CLI') };
}

// ---------------------------------------------------------------------------------------------
// Validation

/**
 * The validation outcome: the valid share of each platform's candidates; invalid categories as
 * shares of the invalid candidates that carry one of the eight categories (`custom:*` ones are
 * counted apart); and the two bias groups over the same denominator.
 */
export function validationOutcome(episodes: readonly CorpusEpisode[]) {
  const validRate = (scope: Scope) => {
    const candidates = inScope(episodes, scope);
    return share(
      candidates.filter((e) => e.validation.label === 'VALID').length,
      candidates.length,
    );
  };
  const known = new Set<string>(VALIDATION_CATEGORIES.map((c) => c.code));
  const invalid = episodes.filter((e) => e.validation.label === 'INVALID');
  const categorised = invalid.filter((e) => known.has(e.validation.category ?? ''));
  const categoryShare = (code: string, scope: Scope) => {
    const pool = inScope(categorised, scope);
    return share(pool.filter((e) => e.validation.category === code).length, pool.length);
  };
  return {
    validRate: { all: validRate('all'), IDE: validRate('IDE'), CLI: validRate('CLI') },
    invalid: invalid.length,
    withKnownCategory: categorised.length,
    categories: VALIDATION_CATEGORIES.map((c) => ({
      code: c.code,
      all: categoryShare(c.code, 'all'),
      IDE: categoryShare(c.code, 'IDE'),
      CLI: categoryShare(c.code, 'CLI'),
    })),
    biasGroups: VALIDATION_BIAS_GROUPS.map((group) => ({
      code: group.code,
      name: group.name,
      share: share(
        categorised.filter((e) =>
          (group.categories as readonly string[]).includes(e.validation.category ?? ''),
        ).length,
        categorised.length,
      ),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Sessions: rates, co-occurrence, persistence

/** Valid episodes per session key. */
function validBySession(episodes: readonly CorpusEpisode[]): Map<string, CorpusEpisode[]> {
  const out = new Map<string, CorpusEpisode[]>();
  for (const e of validEpisodes(episodes)) {
    const key = episodeSessionKey(e);
    const list = out.get(key) ?? [];
    list.push(e);
    out.set(key, list);
  }
  return out;
}

/**
 * Per platform: sessions, sessions with at least one valid episode, and valid episodes per
 * session and per user turn (ratios of totals: all valid episodes over all sessions' user
 * turns); and how many valid episodes a misaligned session holds.
 */
export function sessionRates(corpus: Corpus) {
  const bySession = validBySession(corpus.episodes);
  const valid = validEpisodes(corpus.episodes);
  const of = (scope: Scope) => {
    const sessions = inScope(corpus.sessions, scope);
    const misaligned = sessions.filter((s) => bySession.has(sessionKeyOf(s))).length;
    const episodes = inScope(valid, scope).length;
    const turns = sessions.reduce((sum, s) => sum + s.userTurns, 0);
    return {
      sessions: sessions.length,
      misaligned: share(misaligned, sessions.length),
      episodes,
      perSession: sessions.length ? episodes / sessions.length : 0,
      perUserTurn: turns ? episodes / turns : 0,
    };
  };
  const sizes = [...bySession.values()].map((list) => list.length).sort((a, b) => a - b);
  return {
    all: of('all'),
    IDE: of('IDE'),
    CLI: of('CLI'),
    perMisalignedSession: {
      mean: meanOf(sizes),
      median: medianOf(sizes),
      p90: sizes.length ? quantileSorted(sizes, 0.9) : Number.NaN,
      max: sizes.length ? (sizes[sizes.length - 1] as number) : Number.NaN,
    },
  };
}

/** How often two labels meet in the same set, against chance: lift = n(AB)·N / (n(A)·n(B)). */
export function lift(sets: readonly ReadonlySet<string>[], a: string, b: string) {
  let nA = 0;
  let nB = 0;
  let both = 0;
  for (const set of sets) {
    const hasA = set.has(a);
    const hasB = set.has(b);
    if (hasA) nA += 1;
    if (hasB) nB += 1;
    if (hasA && hasB) both += 1;
  }
  return { a: nA, b: nB, both, lift: nA && nB ? (both * sets.length) / (nA * nB) : Number.NaN };
}

/** Each valid episode's symptoms. */
export function episodeSymptomSets(valid: readonly Labelled[]): Set<string>[] {
  return valid.map((e) => new Set(codesOn(e, 'form')));
}

/** Each misaligned session's symptoms (the union over its valid episodes). */
export function sessionSymptomSets(episodes: readonly CorpusEpisode[]): Set<string>[] {
  return [...validBySession(episodes).values()].map(
    (list) => new Set(list.flatMap((e) => codesOn(e, 'form'))),
  );
}

/**
 * Symptom → cause: of all (symptom, cause) label pairs of the valid episodes (an episode with two
 * symptoms and one cause gives two pairs), the share of a symptom's pairs that have each cause.
 */
export function symptomCause(valid: readonly Labelled[], symptom: string, cause: string): Share {
  let pairs = 0;
  let hits = 0;
  for (const e of valid) {
    if (!codesOn(e, 'form').includes(symptom)) continue;
    const causes = codesOn(e, 'cause');
    pairs += causes.length;
    if (causes.includes(cause)) hits += 1;
  }
  return share(hits, pairs);
}

/**
 * Persistence: a repository's sessions in order of their session number; for each consecutive
 * pair, whether the next session has a valid episode, after a session with one and without.
 */
export function persistence(corpus: Corpus) {
  const bySession = validBySession(corpus.episodes);
  const byRepo = new Map<string, CoreSession[]>();
  for (const s of corpus.sessions) {
    const key = `${s.source}/${s.repository}`;
    const list = byRepo.get(key) ?? [];
    list.push(s);
    byRepo.set(key, list);
  }
  const after = { misaligned: { next: 0, total: 0 }, clean: { next: 0, total: 0 } };
  for (const list of byRepo.values()) {
    list.sort((a, b) => a.sessionNumber - b.sessionNumber);
    for (let i = 0; i + 1 < list.length; i++) {
      const from = bySession.has(sessionKeyOf(list[i] as CoreSession)) ? 'misaligned' : 'clean';
      after[from].total += 1;
      if (bySession.has(sessionKeyOf(list[i + 1] as CoreSession))) after[from].next += 1;
    }
  }
  const afterMisaligned = share(after.misaligned.next, after.misaligned.total);
  const afterClean = share(after.clean.next, after.clean.total);
  return {
    afterMisaligned,
    afterClean,
    /** Relative increase of the first probability over the second. */
    increase: afterClean.share ? afterMisaligned.share / afterClean.share - 1 : Number.NaN,
  };
}

// ---------------------------------------------------------------------------------------------
// Time

/** Slope of a least-squares line through (month index, value); NaN for fewer than two months. */
function slope(values: readonly number[]): number {
  if (values.length < 2) return Number.NaN;
  return linearRegression(values.map((v, i) => [i, v])).m;
}

/**
 * The monthly trend from `from` to `to` (`YYYY-MM`, by the session's month): valid episodes per
 * user turn each month (ratio of the month's totals) with its least-squares slope per month, and
 * the slope of each symptom's monthly share of valid episodes.
 */
export function monthlyTrend(corpus: Corpus, from: string, to: string) {
  const months = monthsBetween(from, to);
  const index = new Map(months.map((m, i) => [m, i]));
  const rows = months.map((month) => ({ month, sessions: 0, userTurns: 0, episodes: 0 }));
  for (const s of corpus.sessions) {
    const row = rows[index.get(s.timestamp.slice(0, 7)) ?? -1];
    if (!row) continue;
    row.sessions += 1;
    row.userTurns += s.userTurns;
  }
  const symptomCounts = months.map(() => new Map<string, number>());
  for (const e of validEpisodes(corpus.episodes)) {
    const at = index.get(e.timestamp.slice(0, 7));
    if (at === undefined) continue;
    (rows[at] as (typeof rows)[number]).episodes += 1;
    const counts = symptomCounts[at] as Map<string, number>;
    for (const code of new Set(codesOn(e, 'form'))) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  const withRate = rows.map((row) => ({
    ...row,
    perUserTurn: row.userTurns ? row.episodes / row.userTurns : 0,
  }));
  const symptomSlopes = SYMPTOMS.map((s) => ({
    code: s.code,
    slope: slope(
      rows.map((row, i) =>
        row.episodes ? (symptomCounts[i]?.get(s.code) ?? 0) / row.episodes : 0,
      ),
    ),
  }));
  return {
    months: withRate,
    slopePerMonth: slope(withRate.map((row) => row.perUserTurn)),
    symptomSlopes,
  };
}

/** Each agent of the corpus: its platforms, sessions, candidates and valid episodes. */
export function agentSummaries(corpus: Corpus) {
  const rows = new Map<
    string,
    { agent: string; platforms: Set<string>; sessions: number; candidates: number; valid: number }
  >();
  const row = (agent: string) => {
    let found = rows.get(agent);
    if (!found) {
      found = { agent, platforms: new Set(), sessions: 0, candidates: 0, valid: 0 };
      rows.set(agent, found);
    }
    return found;
  };
  for (const s of corpus.sessions) {
    const r = row(s.agent);
    r.sessions += 1;
    r.platforms.add(s.platform);
  }
  for (const e of corpus.episodes) {
    const r = row(e.agent);
    r.candidates += 1;
    r.platforms.add(e.platform);
    if (e.validation.label === 'VALID') r.valid += 1;
  }
  return [...rows.values()]
    .map((r) => ({ ...r, platforms: [...r.platforms].sort() }))
    .sort(
      (a, b) =>
        b.candidates - a.candidates || b.sessions - a.sessions || a.agent.localeCompare(b.agent),
    );
}

// ---------------------------------------------------------------------------------------------
// Everything

/** Every figure above, from one corpus. */
export function corpusFigures(corpus: Corpus, trend: { from: string; to: string }) {
  const valid = validEpisodes(corpus.episodes);
  return {
    totals: corpusTotals(corpus),
    agents: agentTable(corpus.sessions),
    userTurns: userTurns(corpus.sessions),
    tables: labelTables(valid),
    labelsPerEpisode: {
      symptoms: labelsPerEpisode(valid, 'form'),
      causes: labelsPerEpisode(valid, 'cause'),
    },
    tiers: tierCounts(valid),
    validation: validationOutcome(corpus.episodes),
    rates: sessionRates(corpus),
    persistence: persistence(corpus),
    trend: monthlyTrend(corpus, trend.from, trend.to),
  };
}

/** @public Every figure of the corpus, as `corpusFigures` computes them. */
export type CorpusFigures = ReturnType<typeof corpusFigures>;
