/**
 * What the search worker works out alone to fetch a page's text before the page asks: the rows
 * passing the view's filters, the page those make of the ranked hits, and the chunks it needs.
 * Each is checked against the page's own result chain (orderRows → filterRows → slice).
 */
import { describe, expect, it } from 'vitest';
import type { BrowseColumns } from '../../src/lib/browse-columns.ts';
import { parseBrowseState } from '../../src/lib/browse-state.ts';
import { dayOf } from '../../src/lib/dates.ts';
import { buildFacetIndex, filterRows, passingRows, type SearchHits } from '../../src/lib/facets.ts';
import type { BrowseRow } from '../../src/lib/fields.ts';
import { chunksOf, orderRows, relevancePage } from '../../src/lib/ordering.ts';
import { random } from '../../src/lib/synthetic.ts';

const dict: BrowseColumns['dict'] = {
  agent: ['Claude Code', 'Codex', 'Cursor IDE'],
  licence: ['Apache-2.0', 'MIT'],
  category: ['truncation'],
};

const next = random(7);
const pick = (n: number) => Math.floor(next() * n);
const DAY = dayOf('2025-01-01 00:00:00');

const rows: BrowseRow[] = Array.from({ length: 240 }, (_, index) => ({
  index,
  day: DAY + pick(200),
  agent: pick(3),
  platform: pick(2),
  source: 0,
  goal: 0,
  confidence: 0,
  licence: pick(2),
  // About one in five rejected in validation, which the default view leaves out.
  category: pick(5) === 0 ? 0 : -1,
  symptoms: 1 + pick(7),
  causes: 1 + pick(127),
  tiers: 1,
  severity: pick(5) - 1,
  locus: -1,
  status: pick(2),
  resolver: -1,
  userTurns: 1 + pick(20),
  agentTurns: 1 + pick(20),
}));
const index = buildFacetIndex(rows, dict);

const VIEWS = [
  '',
  'validation=all',
  'agent=Codex',
  'symptom=S1,S3&validation=all',
  'cause=C1&agent=Claude%20Code,Cursor%20IDE',
  'from=2025-02-01&to=2025-05-01',
  'symptom=S2&from=2025-03-01',
];

/** Ranked hits as the worker sends them: some rows, in score order, with a repeat and strays. */
function rankedHits(seed: number): Int32Array {
  const draw = random(seed);
  const chosen = rows.filter(() => draw() < 0.6).map((row) => row.index);
  chosen.sort(() => draw() - 0.5);
  return Int32Array.from([...chosen, chosen[3] ?? 0, -1, rows.length + 5]);
}

/** The page's hits as the page's side of the search reads them (SearchClient.search). */
function hitsOf(ranked: Int32Array): SearchHits {
  const match = new Uint8Array(rows.length);
  const kept: number[] = [];
  for (const id of ranked) {
    if (!(id >= 0 && id < rows.length) || match[id] === 1) continue;
    match[id] = 1;
    kept.push(id);
  }
  return {
    match,
    score: new Map(kept.map((id, k) => [id, kept.length - k])),
    ranked: Int32Array.from(kept),
  };
}

describe('passingRows', () => {
  it.each(VIEWS)('marks the rows the view lists without a query: "%s"', (view) => {
    const state = parseBrowseState(view);
    const pass = passingRows(index, state);
    const listed = filterRows(index, state, orderRows(index, state, null), null).matches;
    expect(rows.filter((row) => pass[row.index] === 1).map((row) => row.index)).toEqual(
      [...listed].sort((a, b) => a - b),
    );
  });
});

describe('relevancePage', () => {
  it.each(VIEWS)('is the page the view lists in relevance order: "%s"', (view) => {
    const state = { ...parseBrowseState(view), sort: 'relevance' as const };
    const pass = passingRows(index, state);
    for (let seed = 1; seed <= 12; seed++) {
      const ranked = rankedHits(seed);
      const hits = hitsOf(ranked);
      const listed = filterRows(index, state, orderRows(index, state, hits), hits).matches;
      for (const [skip, take] of [
        [0, 25],
        [25, 25],
        [0, 7],
        [300, 25],
      ] as const) {
        expect(relevancePage(ranked, pass, skip, take)).toEqual(listed.slice(skip, skip + take));
      }
    }
  });
});

describe('chunksOf', () => {
  it('takes each chunk once, in row order', () => {
    // Chunks of 10 rows: rows 31 and 38 share chunk 3.
    expect(chunksOf([31, 5, 38, 120, 77, 9], 10, () => false)).toEqual([3, 0, 12, 7]);
  });

  it('leaves out the chunks already had', () => {
    expect(chunksOf([31, 5, 38, 120, 77], 10, (chunk) => chunk === 0 || chunk === 7)).toEqual([
      3, 12,
    ]);
  });
});
