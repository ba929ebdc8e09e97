/**
 * Every figure of src/lib/core/figures.ts on the hand-made fixture (tests/fixtures/core/).
 * The fixture, as a reader would tabulate it:
 *
 *   sessions (source/repo/n, platform, agent, month, user turns) and their valid episodes
 *   specstory/1000000001/1  IDE Cursor IDE   2025-02  2   M001 S2+S4 C1d DS1 RS2; M002 S3 C6d DS2/DL2 RS1/RV2
 *                                                           (and M003 INVALID invisible_agent_action)
 *   specstory/1000000001/2  IDE Cursor IDE   2025-03  4   none
 *   specstory/1000000001/3  IDE Cursor IDE   2025-04  6   M001 S2 C1c+C2d DS1 RS2
 *   swe/77/1                CLI Claude Code  2025-02  10  M001 S3+S7 C7 DS2/DL1 RS1/RV1
 *   swe/77/2                CLI Claude Code  2025-03  1   (M001 INVALID truncation)
 *   specstory/1000000003/1  CLI Codex        2025-04  3   (M001 INVALID custom:asked_elsewhere)
 */
import { describe, expect, it } from 'vitest';
import {
  agentGroup,
  agentSummaries,
  agentTable,
  corpusTotals,
  episodeSymptomSets,
  labelsPerEpisode,
  labelTables,
  lift,
  lociShare,
  monthlyTrend,
  persistence,
  sessionRates,
  sessionSymptomSets,
  symptomCause,
  tierCounts,
  userTurns,
  validationOutcome,
  validEpisodes,
} from '../../src/lib/core/figures.ts';
import { fixtureCorpus } from './core-fixture.ts';

const corpus = fixtureCorpus();
const valid = validEpisodes(corpus.episodes);

describe('joinCorpus', () => {
  it('attaches labels to the four valid candidates and finds every session', () => {
    expect(corpus.episodes).toHaveLength(7);
    expect(valid).toHaveLength(4);
    expect(corpus.join).toEqual({
      episodesWithoutSession: 0,
      missingSessions: [],
      validWithoutAnnotation: 0,
      annotatedWithoutCandidate: 0,
    });
  });

  it('counts and names episodes whose session is missing from the mapping, without failing', () => {
    const missing = fixtureCorpus({ sessions: (rows) => rows.slice(0, 5) });
    expect(missing.join.episodesWithoutSession).toBe(1);
    expect(missing.join.missingSessions).toEqual(['specstory/1000000003/session_001']);
  });

  it('counts a valid candidate without annotation and an annotation without candidate', () => {
    const odd = fixtureCorpus({ validated: (rows) => rows.filter((_, i) => i !== 0) });
    expect(odd.join.annotatedWithoutCandidate).toBe(1);
    expect(odd.episodes).toHaveLength(7);
    const bare = fixtureCorpus({ annotated: (rows) => rows.slice(1) });
    expect(bare.join.validWithoutAnnotation).toBe(1);
    expect(validEpisodes(bare.episodes)).toHaveLength(3);
  });
});

describe('corpus totals and Table 1', () => {
  it('counts sessions, repositories per source, candidates and the valid share', () => {
    expect(corpusTotals(corpus)).toEqual({
      sessions: 6,
      repositories: 3,
      platformSessions: { IDE: 3, CLI: 3 },
      sources: {
        specstory: { sessions: 4, repositories: 2 },
        swe: { sessions: 2, repositories: 1 },
      },
      candidates: 7,
      valid: 4,
      validRate: { count: 4, total: 7, share: 4 / 7 },
    });
  });

  it('gives sessions and median user turns per platform and agent', () => {
    expect(agentTable(corpus.sessions)).toEqual([
      { platform: 'CLI', agent: 'Claude Code', sessions: 2, medianUserTurns: 5.5 },
      { platform: 'CLI', agent: 'Codex', sessions: 1, medianUserTurns: 3 },
      { platform: 'IDE', agent: 'Cursor IDE', sessions: 3, medianUserTurns: 4 },
    ]);
  });

  it('joins several agents into one row the way the paper groups them', () => {
    expect(agentGroup(corpus.sessions, 'CLI', ['Claude Code', 'Codex'])).toEqual({
      sessions: 3,
      medianUserTurns: 3,
    });
    expect(agentGroup(corpus.sessions, 'IDE', ['Codex']).sessions).toBe(0);
  });

  it('summarises each agent: platforms, sessions, candidates and valid episodes', () => {
    expect(agentSummaries(corpus)).toEqual([
      { agent: 'Cursor IDE', platforms: ['IDE'], sessions: 3, candidates: 4, valid: 3 },
      { agent: 'Claude Code', platforms: ['CLI'], sessions: 2, candidates: 2, valid: 1 },
      { agent: 'Codex', platforms: ['CLI'], sessions: 1, candidates: 1, valid: 0 },
    ]);
  });

  it('gives median and mean user turns per platform', () => {
    expect(userTurns(corpus.sessions)).toEqual({
      IDE: { median: 4, mean: 4 },
      CLI: { median: 3, mean: 14 / 3 },
    });
  });
});

describe('Tables 2 and 3', () => {
  const tables = labelTables(valid);
  const row = (rows: typeof tables.form, code: string) => rows.find((r) => r.code === code);

  it('shares symptoms of all valid episodes and of each platform', () => {
    expect(row(tables.form, 'S2')).toEqual({
      code: 'S2',
      all: { count: 2, total: 4, share: 0.5 },
      IDE: { count: 2, total: 3, share: 2 / 3 },
      CLI: { count: 0, total: 1, share: 0 },
    });
    expect(row(tables.form, 'S7')?.CLI).toEqual({ count: 1, total: 1, share: 1 });
    expect(row(tables.form, 'S1')?.all.count).toBe(0);
  });

  it('counts both causes of a two-cause episode', () => {
    expect(row(tables.cause, 'C1')?.all).toEqual({ count: 2, total: 4, share: 0.5 });
    expect(row(tables.cause, 'C2')?.all.count).toBe(1);
    expect(row(tables.cause, 'C7')?.CLI.share).toBe(1);
  });

  it('gives locus as a share of damaging episodes and resolver as a share of resolved ones', () => {
    expect(tables.damaging).toEqual({ count: 2, total: 4, share: 0.5 });
    expect(row(tables.locus, 'DL2')).toEqual({
      code: 'DL2',
      all: { count: 1, total: 2, share: 0.5 },
      IDE: { count: 1, total: 1, share: 1 },
      CLI: { count: 0, total: 1, share: 0 },
    });
    expect(row(tables.resolver, 'RV1')?.all).toEqual({ count: 1, total: 2, share: 0.5 });
    expect(row(tables.cost, 'DS2')?.IDE).toEqual({ count: 1, total: 3, share: 1 / 3 });
    expect(row(tables.resolution, 'RS1')?.all.share).toBe(0.5);
  });

  it('counts episodes by how many symptoms and causes they carry', () => {
    expect(labelsPerEpisode(valid, 'form')).toEqual({ 1: 2, 2: 2 });
    expect(labelsPerEpisode(valid, 'cause')).toEqual({ 1: 3, 2: 1 });
  });

  it('counts evidence tiers per cause and none for C7', () => {
    const tiers = tierCounts(valid);
    expect(tiers['C1']).toEqual({ direct: 1, contextual: 1, speculative: 0 });
    expect(tiers['C2']).toEqual({ direct: 1, contextual: 0, speculative: 0 });
    expect(tiers['C7']).toEqual({ direct: 0, contextual: 0, speculative: 0 });
  });

  it('shares damage reaching project or external state per platform', () => {
    expect(lociShare(valid, ['DL2', 'DL4'])).toEqual({
      all: { count: 1, total: 2, share: 0.5 },
      IDE: { count: 1, total: 1, share: 1 },
      CLI: { count: 0, total: 1, share: 0 },
    });
  });
});

describe('validation outcome', () => {
  const outcome = validationOutcome(corpus.episodes);

  it('gives the valid share of each platform’s candidates', () => {
    expect(outcome.validRate).toEqual({
      all: { count: 4, total: 7, share: 4 / 7 },
      IDE: { count: 3, total: 4, share: 0.75 },
      CLI: { count: 1, total: 3, share: 1 / 3 },
    });
  });

  it('shares categories over the invalid candidates with one of the eight, custom ones apart', () => {
    expect(outcome.invalid).toBe(3);
    expect(outcome.withKnownCategory).toBe(2);
    const category = (code: string) => outcome.categories.find((c) => c.code === code);
    expect(category('invisible_agent_action')).toEqual({
      code: 'invisible_agent_action',
      all: { count: 1, total: 2, share: 0.5 },
      IDE: { count: 1, total: 1, share: 1 },
      CLI: { count: 0, total: 1, share: 0 },
    });
    expect(category('truncation')?.CLI.share).toBe(1);
  });

  it('puts both categories in the observational group', () => {
    expect(outcome.biasGroups.map((g) => [g.code, g.share])).toEqual([
      ['normative', { count: 0, total: 2, share: 0 }],
      ['observational', { count: 2, total: 2, share: 1 }],
    ]);
  });
});

describe('sessions', () => {
  it('gives misaligned sessions and episodes per session and per user turn by platform', () => {
    const rates = sessionRates(corpus);
    expect(rates.IDE).toEqual({
      sessions: 3,
      misaligned: { count: 2, total: 3, share: 2 / 3 },
      episodes: 3,
      perSession: 1,
      perUserTurn: 3 / 12,
    });
    expect(rates.CLI.perUserTurn).toBe(1 / 14);
    expect(rates.all.misaligned).toEqual({ count: 3, total: 6, share: 0.5 });
  });

  it('describes how many valid episodes a misaligned session holds', () => {
    // Sizes 1, 1, 2: the 90th percentile interpolates between the second and third (1.8).
    expect(sessionRates(corpus).perMisalignedSession).toEqual({
      mean: 4 / 3,
      median: 1,
      p90: 1.8,
      max: 2,
    });
  });

  it('computes lift within episodes', () => {
    const sets = episodeSymptomSets(valid);
    expect(lift(sets, 'S2', 'S4')).toEqual({ a: 2, b: 1, both: 1, lift: 2 });
    expect(lift(sets, 'S2', 'S3').lift).toBe(0);
    expect(lift(sets, 'S1', 'S2').lift).toBeNaN();
  });

  it('computes lift within sessions over the union of their episodes’ symptoms', () => {
    // Sessions: {S2, S3, S4}, {S2}, {S3, S7}.
    const sets = sessionSymptomSets(corpus.episodes);
    expect(sets).toHaveLength(3);
    expect(lift(sets, 'S2', 'S3')).toEqual({ a: 2, b: 2, both: 1, lift: 0.75 });
  });

  it('shares a symptom’s (symptom, cause) pairs by cause', () => {
    expect(symptomCause(valid, 'S2', 'C1')).toEqual({ count: 2, total: 3, share: 2 / 3 });
    expect(symptomCause(valid, 'S3', 'C6')).toEqual({ count: 1, total: 2, share: 0.5 });
  });

  it('follows each repository’s sessions in order for persistence', () => {
    // Repo 1: 1 (yes) → 2 (no) → 3 (yes); repo 77: 1 (yes) → 2 (no); repo 3: one session.
    expect(persistence(corpus)).toEqual({
      afterMisaligned: { count: 0, total: 2, share: 0 },
      afterClean: { count: 1, total: 1, share: 1 },
      increase: -1,
    });
  });
});

describe('monthly trend', () => {
  const trend = monthlyTrend(corpus, '2025-02', '2025-04');

  it('gives each month’s valid episodes per user turn', () => {
    expect(trend.months).toEqual([
      { month: '2025-02', sessions: 2, userTurns: 12, episodes: 3, perUserTurn: 0.25 },
      { month: '2025-03', sessions: 2, userTurns: 5, episodes: 0, perUserTurn: 0 },
      { month: '2025-04', sessions: 2, userTurns: 9, episodes: 1, perUserTurn: 1 / 9 },
    ]);
  });

  it('fits a least-squares slope per month', () => {
    // Through (0, 1/4), (1, 0), (2, 1/9): slope = (1/9 − 1/4) / 2.
    expect(trend.slopePerMonth).toBeCloseTo((1 / 9 - 1 / 4) / 2, 12);
    // S3's monthly share: 2/3, 0, 0.
    expect(trend.symptomSlopes.find((s) => s.code === 'S3')?.slope).toBeCloseTo(-1 / 3, 12);
  });

  it('leaves out months outside the window and has no slope for a single month', () => {
    const one = monthlyTrend(corpus, '2025-03', '2025-03');
    expect(one.months.map((m) => m.month)).toEqual(['2025-03']);
    expect(one.slopePerMonth).toBeNaN();
  });
});
