import { describe, it, expect } from 'vitest';
import type { BrowseColumns } from '../../src/lib/browse-columns.ts';
import { parseBrowseState, type BrowseState } from '../../src/lib/browse-state.ts';
import { dayOf } from '../../src/lib/dates.ts';
import {
  bestDrop,
  buildFacetIndex,
  facetOptions,
  filterRows,
  sameFacetOptions,
  type FacetIndex,
  type SearchHits,
} from '../../src/lib/facets.ts';
import type { BrowseRow } from '../../src/lib/fields.ts';
import { orderRows, shuffleKey } from '../../src/lib/ordering.ts';
import { random } from '../../src/lib/synthetic.ts';
import { defaultDescending } from '../../src/lib/sorts.ts';

const dict: BrowseColumns['dict'] = {
  agent: ['Claude Code', 'Codex', 'Cursor IDE'],
  licence: ['Apache-2.0', 'MIT'],
  category: ['truncation'],
};

// Bits: S1 = 1, S2 = 2, S3 = 4; C1 = 1, C6 = 32, C7 = 64.
function row(index: number, over: Partial<BrowseRow>): BrowseRow {
  return {
    index,
    day: dayOf('2025-06-10 00:00:00'),
    agent: 0,
    platform: 0,
    source: 0,
    goal: 0,
    confidence: 0,
    licence: 1,
    category: -1,
    symptoms: 1,
    causes: 1,
    tiers: 1,
    severity: 1,
    locus: -1,
    status: 1,
    resolver: -1,
    userTurns: 3,
    agentTurns: 3,
    ...over,
  };
}

const rows: BrowseRow[] = [
  row(0, { day: dayOf('2025-07-01 10:00:00'), agent: 0, symptoms: 4, causes: 32, userTurns: 10 }),
  row(1, { day: dayOf('2025-06-20 10:00:00'), agent: 1, symptoms: 4 | 2, causes: 1, severity: 2 }),
  row(2, {
    day: dayOf('2025-06-10 10:00:00'),
    agent: 2,
    symptoms: 1,
    causes: 64,
    tiers: 0,
    agentTurns: 1,
  }),
  row(3, {
    day: dayOf('2025-05-01 10:00:00'),
    agent: 0,
    symptoms: 2,
    causes: 1,
    status: 0,
    resolver: 1,
  }),
  row(4, {
    day: dayOf('2025-04-01 10:00:00'),
    agent: 1,
    category: 0,
    symptoms: 0,
    causes: 0,
    tiers: 0,
    severity: -1,
    status: -1,
    userTurns: -1,
    agentTurns: -1,
  }),
];

const index: FacetIndex = buildFacetIndex(rows, dict);
const natural = Int32Array.from(rows, (_, i) => i);

function state(query: string): BrowseState {
  return parseBrowseState(query);
}

function run(query: string, hits: SearchHits | null = null) {
  return filterRows(index, state(query), natural, hits);
}

function hitsOf(scores: Record<number, number>): SearchHits {
  const match = new Uint8Array(rows.length);
  for (const i of Object.keys(scores)) match[Number(i)] = 1;
  return { match, score: new Map(Object.entries(scores).map(([i, s]) => [Number(i), s])) };
}

describe('filterRows', () => {
  it('shows only VALID episodes by default', () => {
    expect(run('').matches).toEqual([0, 1, 2, 3]);
  });

  it('shows every episode with validation=all', () => {
    expect(run('validation=all').matches).toEqual([0, 1, 2, 3, 4]);
  });

  it('matches any selected value within a facet (OR)', () => {
    expect(run('symptom=S1,S3').matches).toEqual([0, 1, 2]);
  });

  it('requires every facet with a selection to match (AND)', () => {
    expect(run('symptom=S2,S3&agent=Codex').matches).toEqual([1]);
  });

  it('keeps episodes whose date falls within the inclusive range', () => {
    expect(run('from=2025-06-10&to=2025-06-20').matches).toEqual([1, 2]);
  });

  it('keeps only search hits when a query is active', () => {
    expect(run('', hitsOf({ 1: 2, 3: 1 })).matches).toEqual([1, 3]);
  });

  it('matches nothing for a value unknown to the data', () => {
    expect(run('agent=Nobody').matches).toEqual([]);
  });

  it('returns matches in the order it is given', () => {
    expect(filterRows(index, state(''), [3, 0, 2, 1], null).matches).toEqual([3, 0, 2, 1]);
  });
});

describe('disjunctive counts', () => {
  it('counts a selected facet over rows matching the other facets only', () => {
    const { counts } = run('symptom=S3&agent=Claude%20Code');
    // Agent counts ignore the agent selection but honour symptom=S3: rows 0 (Claude) and 1 (Codex).
    expect(Array.from(counts.agent)).toEqual([1, 1, 0]);
    // Symptom counts ignore S3 but honour the agent: rows 0 (S3) and 3 (S2).
    expect(Array.from(counts.symptom.slice(0, 3))).toEqual([0, 1, 1]);
  });

  it('counts each symptom of a multi-label episode once', () => {
    const { counts } = run('');
    expect(Array.from(counts.symptom.slice(0, 3))).toEqual([1, 2, 2]);
  });

  it('counts validation values across the default filter', () => {
    const { counts } = run('');
    expect(Array.from(counts.validation)).toEqual([4, 1]);
  });
});

describe('filterRows against its definition', () => {
  // The definition, row by row: a row is listed when every active filter accepts it; a value's
  // count is the rows every filter but its own facet accepts; dropping a filter brings back the
  // rows every other filter accepts.
  function reference(
    at: FacetIndex,
    filters: Record<string, string[]>,
    from: string,
    to: string,
    order: ArrayLike<number>,
    hits: SearchHits | null,
  ) {
    const tests: { id: string; accepts: (i: number) => boolean }[] = [];
    for (const def of at.defs) {
      const codes = filters[def.key];
      if (!codes?.length) continue;
      const column = at.columns[def.key];
      const chosen = def.values.flatMap((v, k) => (codes.includes(v.code) ? [k] : []));
      tests.push({
        id: def.key,
        accepts: (i) =>
          def.kind === 'mask'
            ? chosen.some((k) => ((column[i] as number) & (1 << k)) !== 0)
            : chosen.includes(column[i] as number),
      });
    }
    if (from || to) {
      const low = from ? dayOf(`${from} 00:00:00`) : -Infinity;
      const high = to ? dayOf(`${to} 00:00:00`) : Infinity;
      tests.push({
        id: 'date',
        accepts: (i) => (at.days[i] as number) >= low && (at.days[i] as number) <= high,
      });
    }
    if (hits) tests.push({ id: 'query', accepts: (i) => hits.match[i] === 1 });
    const all = at.rows.map((_, i) => i);
    const passingBut = (id: string | null) =>
      all.filter((i) => tests.every((t) => t.id === id || t.accepts(i)));
    const counts: Record<string, number[]> = {};
    for (const def of at.defs) {
      const column = at.columns[def.key];
      const rowsIn = passingBut(def.key);
      counts[def.key] = def.values.map(
        (_, k) =>
          rowsIn.filter((i) =>
            def.kind === 'mask' ? ((column[i] as number) & (1 << k)) !== 0 : column[i] === k,
          ).length,
      );
    }
    const listed = new Set(passingBut(null));
    return {
      matches: Array.from(order).filter((i) => listed.has(i)),
      counts,
      dropGain: Object.fromEntries(tests.map((t) => [t.id, passingBut(t.id).length])),
    };
  }

  it('lists, counts and offers the same drops over random rows and states', () => {
    const next = random(7);
    const pick = (n: number) => Math.floor(next() * n);
    const days = ['2025-03-02', '2025-04-11', '2025-05-20', '2025-06-10', '2025-07-01'];
    const many = Array.from({ length: 240 }, (_, i) =>
      row(i, {
        day: dayOf(`${days[pick(days.length)] ?? ''} 12:00:00`),
        agent: pick(3),
        licence: pick(2),
        category: pick(3) - 1,
        symptoms: pick(256),
        causes: pick(128),
        severity: pick(6) - 1,
        status: pick(3) - 1,
      }),
    );
    const at = buildFacetIndex(many, dict);
    let checked = 0;
    for (let round = 0; round < 60; round++) {
      const filters: Record<string, string[]> = {};
      for (const def of at.defs) {
        if (next() > 0.3) continue;
        const codes = def.values.map((v) => v.code).filter(() => next() < 0.4);
        filters[def.key] = next() < 0.1 ? [...codes, 'NOT-A-CODE'] : codes;
      }
      const from = next() < 0.3 ? (days[pick(3)] ?? '') : '';
      const to = next() < 0.3 ? (days[2 + pick(3)] ?? '') : '';
      let hits: SearchHits | null = null;
      if (next() < 0.4) {
        const match = Uint8Array.from(many, () => (next() < 0.5 ? 1 : 0));
        const score = new Map(
          many.flatMap((_, i) => (match[i] === 1 ? [[i, next()] as const] : [])),
        );
        hits = { match, score };
      }
      // Shuffled, or (with hits) in relevance order: the hits by score, then the rest.
      const sort = hits && round % 2 === 0 ? 'relevance' : 'shuffle';
      const order = orderRows(at, { sort, desc: false, seed: round }, hits);
      const got = filterRows(at, { filters, from, to }, order, hits);
      const want = reference(at, filters, from, to, order, hits);
      expect(got.matches).toEqual(want.matches);
      for (const def of at.defs)
        expect(Array.from(got.counts[def.key])).toEqual(want.counts[def.key]);
      expect(got.dropGain).toEqual(want.dropGain);
      if (got.matches.length > 0 && Object.keys(want.dropGain).length >= 2) checked++;
    }
    // The states are varied enough to mean something: several lists, each under two filters or more.
    expect(checked).toBeGreaterThan(10);
  });
});

describe('facetOptions', () => {
  it('keeps taxonomy order whatever is selected, so values never move when ticked', () => {
    const { counts } = run('severity=DS2');
    const options = facetOptions(index, 'severity', counts.severity, ['DS2']);
    expect(options.map((o) => o.code)).toEqual(['DS0', 'DS1', 'DS2', 'DS3', 'DS4']);
    expect(options[2]).toMatchObject({ selected: true, count: 1 });
  });

  it('orders open-ended facets by overall frequency', () => {
    const { counts } = run('validation=all');
    const options = facetOptions(index, 'agent', counts.agent);
    expect(options.map((o) => o.code)).toEqual(['Claude Code', 'Codex', 'Cursor IDE']);
  });

  it('labels taxonomy values with code and name', () => {
    const { counts } = run('');
    expect(facetOptions(index, 'symptom', counts.symptom)[2]?.label).toBe(
      'S3 · Developer Constraint Violation',
    );
  });
});

describe('sameFacetOptions', () => {
  it('is true for fresh lists that show the same values, counts and ticks', () => {
    const a = facetOptions(index, 'severity', run('').counts.severity, ['DS2']);
    const b = facetOptions(index, 'severity', run('').counts.severity, ['DS2']);
    expect(a).not.toBe(b);
    expect(sameFacetOptions(a, b)).toBe(true);
  });

  it('is false when a count, a tick or the values differ', () => {
    const counts = run('').counts.severity;
    const changed = Int32Array.from(counts);
    changed[1] = (changed[1] ?? 0) + 1;
    const base = facetOptions(index, 'severity', counts);
    expect(sameFacetOptions(base, facetOptions(index, 'severity', counts, ['DS1']))).toBe(false);
    expect(sameFacetOptions(base, facetOptions(index, 'severity', changed))).toBe(false);
    expect(sameFacetOptions(base, base.slice(1))).toBe(false);
    expect(sameFacetOptions(base, [...base].reverse())).toBe(false);
  });
});

describe('bestDrop', () => {
  it('names the single filter whose removal brings back the most episodes', () => {
    const result = run('agent=Cursor%20IDE&symptom=S2&from=2025-06-15');
    expect(result.matches).toEqual([]);
    // Dropping the symptom leaves nothing (row 2 is before the date); dropping the agent gives
    // row 1; dropping the date gives nothing either.
    expect(bestDrop(result)).toEqual({ filter: 'agent', count: 1 });
  });

  it('returns null when no single removal helps', () => {
    const result = run('agent=Nobody&symptom=S8');
    expect(bestDrop(result)).toBeNull();
  });

  it('can name the search query as the filter to drop', () => {
    const result = run('agent=Claude%20Code', hitsOf({ 1: 1 }));
    expect(bestDrop(result)).toEqual({ filter: 'query', count: 2 });
  });
});

describe('orderRows', () => {
  const sorted = (query: string, hits: SearchHits | null = null) =>
    Array.from(orderRows(index, state(query), hits));

  it('keeps the canonical order for newest first', () => {
    expect(sorted('')).toEqual([0, 1, 2, 3, 4]);
  });

  it('reverses it for oldest first', () => {
    expect(sorted('sort=date-asc')).toEqual([4, 3, 2, 1, 0]);
  });

  it('puts search hits first by score for relevance', () => {
    expect(sorted('q=x', hitsOf({ 3: 5, 1: 9 }))).toEqual([1, 3, 0, 2, 4]);
  });

  it('takes the hits in the order the search ranked them, when it did, without sorting', () => {
    const hits = { ...hitsOf({ 3: 5, 1: 9 }), ranked: Int32Array.from([3, 1]) };
    expect(sorted('q=x', hits)).toEqual([3, 1, 0, 2, 4]);
  });

  it('shuffles the same way for the same seed', () => {
    expect(sorted('sort=shuffle&seed=42')).toEqual(sorted('sort=shuffle&seed=42'));
  });

  it('shuffles differently for another seed', () => {
    const many = buildFacetIndex(
      Array.from({ length: 50 }, (_, i) => row(i, {})),
      dict,
    );
    const a = Array.from(orderRows(many, state('sort=shuffle&seed=1'), null));
    const b = Array.from(orderRows(many, state('sort=shuffle&seed=2'), null));
    expect(a).not.toEqual(b);
    expect([...a].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('derives each shuffle key from the seed and the row only', () => {
    expect(shuffleKey(7, 3)).toBe(shuffleKey(7, 3));
    expect(shuffleKey(7, 3)).not.toBe(shuffleKey(8, 3));
  });

  it('sorts by agent name ascending, ties newest first', () => {
    expect(sorted('sort=agent&dir=asc')).toEqual([0, 3, 1, 4, 2]);
  });

  it('sorts by agent name descending', () => {
    expect(sorted('sort=agent')).toEqual([2, 1, 4, 0, 3]);
  });

  it('puts episodes without a value last in either direction', () => {
    expect(sorted('sort=severity&dir=asc').at(-1)).toBe(4);
    expect(sorted('sort=severity').at(-1)).toBe(4);
  });

  it('sorts by total turns', () => {
    expect(sorted('sort=turns')).toEqual([0, 1, 3, 2, 4]);
  });

  it('sorts long sessions by their exact totals, past 1,294 and past 2^31', () => {
    const long = buildFacetIndex(
      [1294, 2 ** 31, 1295, 99_999, Number.MAX_SAFE_INTEGER, 0].map((userTurns, i) =>
        row(i, { userTurns, agentTurns: i === 1 ? 2 ** 31 : 0 }),
      ),
      dict,
    );
    const order = (query: string) => Array.from(orderRows(long, state(query), null));
    expect(order('sort=turns')).toEqual([4, 1, 3, 2, 0, 5]);
    expect(order('sort=turns&dir=asc')).toEqual([5, 0, 2, 3, 1, 4]);
  });

  it('sorts resolved episodes before unresolved ones ascending', () => {
    expect(sorted('sort=resolution&dir=asc')[0]).toBe(3);
  });
});

describe('defaultDescending', () => {
  it('starts turns with the most first, severity with the most severe and text columns from A', () => {
    expect(defaultDescending('turns')).toBe(true);
    expect(defaultDescending('severity')).toBe(true);
    expect(defaultDescending('agent')).toBe(false);
  });

  it('leaves list sorts at the default direction', () => {
    expect(defaultDescending('date-asc')).toBe(true);
  });
});

describe('severity order', () => {
  // Rows with DS4 (unobservable), DS0, DS3 and DS1, in that canonical order.
  const ranked = [4, 0, 3, 1].map((severity, i) => row(i, { severity }));
  const rankedIndex = buildFacetIndex(ranked, dict);
  const order = (query: string) =>
    Array.from(orderRows(rankedIndex, parseBrowseState(query), null)).map(
      (i) => ranked[i]?.severity,
    );

  it('puts hard-to-reverse damage first and an unobservable cost last, most severe first', () => {
    expect(order('sort=severity')).toEqual([3, 1, 0, 4]);
  });

  it('ranks an unobservable cost below no damage in ascending order', () => {
    expect(order('sort=severity&dir=asc')).toEqual([4, 0, 1, 3]);
  });
});
