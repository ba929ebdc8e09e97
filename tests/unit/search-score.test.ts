import { describe, expect, it } from 'vitest';
import MiniSearch from 'minisearch';
import {
  MINISEARCH_OPTIONS,
  SEARCH_FIELDS,
  type SearchDocument,
} from '../../src/lib/search-options.ts';
import {
  decodePostings,
  rankScored,
  scoreQuery,
  scoringBase,
  ShardTerms,
  type Scored,
} from '../../src/lib/search-score.ts';
import {
  assembleIndex,
  keysForQuery,
  packPostings,
  splitIndex,
  type SearchBase,
  type SearchShard,
} from '../../src/lib/search-shards.ts';
import { generateRecords } from '../../src/lib/synthetic.ts';

/** A deterministic pseudo-random generator (mulberry32). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value ?? '');
}

/** Generated episodes, plus a few with digits, index-like terms, accents and long words. */
function corpus(count: number, seed: number): SearchDocument[] {
  const docs: SearchDocument[] = generateRecords({ count, seed, layout: 'nested' }).map(
    (r, id) => ({
      id,
      name: text(r['name']),
      description: text(r['description']),
      quotes: text(r['evidence']).slice(0, 400),
      contexts: '',
      reasoning: text(r['annotation']).slice(0, 300),
      agent: text(r['agent']),
      key: `${text(r['id'])} swe/${id % 7}/session_${id}/M00${id % 3}`,
    }),
  );
  const extra = [
    'Café migration 2024 broke 0 tests and 007 fixtures',
    'Databases 10 and 2 were dropped; datastore dataset data',
    'Übergroße Konfigurationsdatei internationalization localization',
    'migration migrations migrated migrating migrator',
  ];
  extra.forEach((line, k) => {
    docs.push({
      id: docs.length,
      name: line,
      description: line.split(' ').reverse().join(' '),
      quotes: '',
      contexts: line,
      reasoning: '',
      agent: 'Codex',
      key: `x-${k} extra/${k}`,
    });
  });
  return docs;
}

function words(docs: SearchDocument[]): string[] {
  const all = new Set<string>();
  for (const d of docs)
    for (const field of SEARCH_FIELDS)
      for (const w of d[field].toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (w.length > 1) all.add(w);
  return [...all].sort();
}

/** Queries as people type them: words, prefixes, typos, pairs, ids, nonsense. */
function queries(vocabulary: string[], count: number, seed: number): string[] {
  const rand = random(seed);
  const pick = () => vocabulary[Math.floor(rand() * vocabulary.length)] ?? 'agent';
  const typo = (w: string): string => {
    const at = Math.floor(rand() * w.length);
    const kind = Math.floor(rand() * 4);
    if (kind === 0) return w.slice(0, at) + w.slice(at + 1);
    if (kind === 1) return `${w.slice(0, at)}x${w.slice(at)}`;
    if (kind === 2) return `${w.slice(0, at)}q${w.slice(at + 1)}`;
    return w.slice(0, at) + w.slice(at + 1, at + 2) + w.slice(at, at + 1) + w.slice(at + 2);
  };
  const one = (): string => {
    const w = pick();
    const r = rand();
    if (r < 0.3) return w;
    if (r < 0.6) return w.slice(0, 1 + Math.floor(rand() * Math.max(1, w.length - 1)));
    if (r < 0.9) return typo(w);
    return w.toUpperCase();
  };
  const out = ['', '   ', 'a', 'de', 'migration', 'migr', 'migraton', '2024', '0', 'cafe', 'x-1'];
  while (out.length < count) {
    const terms = 1 + Math.floor(rand() * 3);
    out.push(Array.from({ length: terms }, one).join(rand() < 0.8 ? ' ' : '-'));
  }
  return out;
}

/** MiniSearch over an engine loaded from the shards a query needs (what the worker did). */
function viaMiniSearch(base: SearchBase, shards: SearchShard[], query: string) {
  const engine = MiniSearch.loadJS<SearchDocument>(assembleIndex(base, shards), MINISEARCH_OPTIONS);
  return engine.search(query);
}

function expectSame(ours: Scored, theirs: ReturnType<typeof viaMiniSearch>, query: string) {
  expect(ours.ids.length, query).toBe(theirs.length);
  const byId = new Map(theirs.map((r) => [r.id as number, r]));
  for (let k = 0; k < ours.ids.length; k++) {
    const id = ours.ids[k] as number;
    const them = byId.get(id);
    expect(them, `${query}: ${id}`).toBeDefined();
    if (!them) return;
    const score = ours.scores[k] as number;
    expect(Math.abs(score - them.score) / them.score, `${query}: score of ${id}`).toBeLessThan(
      1e-12,
    );
    expect([...(ours.termSets[ours.termSet[k] as number] ?? [])].sort(), query).toEqual(
      [...them.terms].sort(),
    );
    let mask = 0;
    for (const fields of Object.values(them.match))
      for (const field of fields) mask |= 1 << SEARCH_FIELDS.indexOf(field as never);
    expect(ours.fields[k], `${query}: fields of ${id}`).toBe(mask);
  }
  // The page ranks by score, then by id: the same order, but for ties within rounding.
  const rank = (list: { id: number; score: number }[]) =>
    list.sort((a, b) => b.score - a.score || a.id - b.id).map((r) => r.id);
  const oursRanked = rank([...ours.ids].map((id, k) => ({ id, score: ours.scores[k] as number })));
  const theirsRanked = rank(theirs.map((r) => ({ id: r.id as number, score: r.score })));
  const theirScore = new Map(theirs.map((r) => [r.id as number, r.score]));
  oursRanked.forEach((id, k) => {
    if (id === theirsRanked[k]) return;
    const a = theirScore.get(id) ?? 0;
    const b = theirScore.get(theirsRanked[k] ?? -1) ?? 0;
    expect(Math.abs(a - b) / a, `${query}: rank ${k}`).toBeLessThan(1e-12);
  });
}

describe('scoreQuery', () => {
  it('decodes packed postings', () => {
    const packed = packPostings({ 0: { 3: 2, 700: 1 }, 4: { 3: 40, 100000: 1 } });
    const postings = decodePostings(packed, 7);
    expect([...postings.docs]).toEqual([3, 3, 700, 100000]);
    expect([...postings.fields]).toEqual([0, 4, 0, 4]);
    expect([...postings.freqs]).toEqual([2, 40, 1, 1]);
    expect(postings.perField[0]).toBe(2);
    expect(postings.perField[4]).toBe(2);
  });

  it('finds, scores and matches as MiniSearch does, over many generated queries', () => {
    for (const seed of [1, 2]) {
      const docs = corpus(300, seed);
      const whole = new MiniSearch<SearchDocument>(MINISEARCH_OPTIONS);
      whole.addAll(docs);
      const { base, shards } = splitIndex(whole.toJSON());
      const scoring = scoringBase(base);
      const list = queries(words(docs), 250, seed);
      let found = 0;
      for (const query of list) {
        const needed = keysForQuery(base, query).map((key) => shards.get(key) ?? []);
        const ours = scoreQuery(scoring, new ShardTerms(needed, base.fields.length), query);
        const theirs = viaMiniSearch(base, needed, query);
        if (theirs.length > 0) found++;
        expectSame(ours, theirs, query);
        // Ranked, the hits are in Browse's order (score, then id), each with its own details.
        const ranked = rankScored(ours);
        expectSame(ranked, theirs, query);
        const scoreOf = new Map([...ours.ids].map((id, k) => [id, ours.scores[k] as number]));
        const byPage = [...ours.ids].sort(
          (a, b) => (scoreOf.get(b) ?? 0) - (scoreOf.get(a) ?? 0) || a - b,
        );
        expect([...ranked.ids], query).toEqual(byPage);
      }
      // The queries exercise real matches, not only empty results.
      expect(found).toBeGreaterThan(list.length / 3);
    }
  });

  it('finds nothing for a query without terms or without matches', () => {
    const docs = corpus(20, 5);
    const whole = new MiniSearch<SearchDocument>(MINISEARCH_OPTIONS);
    whole.addAll(docs);
    const { base, shards } = splitIndex(whole.toJSON());
    const all = new ShardTerms(shards.values(), base.fields.length);
    expect(scoreQuery(scoringBase(base), all, ' - ').ids.length).toBe(0);
    expect(scoreQuery(scoringBase(base), all, 'zzzzqqq').ids.length).toBe(0);
  });
});
