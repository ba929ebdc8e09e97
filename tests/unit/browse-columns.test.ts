import { describe, it, expect } from 'vitest';
import {
  addLater,
  decodeColumns,
  encodeColumns,
  rowOf,
  splitLater,
  type BrowseColumns,
  type LaterColumns,
} from '../../src/lib/browse-columns.ts';
import { COLUMNS, isLater } from '../../src/lib/fields.ts';
import { dateOfDay, dayOf } from '../../src/lib/dates.ts';
import type { Episode } from '../../src/lib/schema.ts';
import { episodeOf, invalidRecord, validRecord } from './helpers.ts';

const rich = episodeOf(
  validRecord({
    misalignment_id: 'M001',
    symptom: { reasoning: 'r', labels: ['S3', 'S4'], other_descriptor: null },
    cause: {
      reasoning: 'r',
      labels: [
        { label: 'C2', evidence_tier: 'direct' },
        { label: 'C5', evidence_tier: 'contextual' },
      ],
    },
    outcome: { reasoning: 'r', damage_severity: 'DS3', damage_locus: 'DL4' },
    resolution: { reasoning: 'r', status: 'RS1', resolver: 'RV3' },
    agent: 'Claude Code',
    session_type: 'CLI',
    source: 'swe',
    alignment_goal: 'both',
    confidence: 'low',
    license_type: 'Apache-2.0',
    session_timestamp: '2025-09-30 23:59:59',
    user_turns: 1294,
    agent_turns: 0,
  }),
);
const undetermined = episodeOf(
  validRecord({
    misalignment_id: 'M002',
    symptom: { reasoning: 'r', labels: ['S8'], other_descriptor: 'other' },
    cause: { reasoning: 'r', labels: [{ label: 'C7' }] },
    outcome: { reasoning: 'r', damage_severity: 'DS1', damage_locus: null },
    resolution: { reasoning: 'r', status: 'RS2', resolver: null },
    session_timestamp: '2025-01-01 00:00:00',
    user_turns: null,
    agent_turns: null,
  }),
);
const custom = episodeOf(
  invalidRecord({
    misalignment_id: 'M003',
    invalid_category: 'custom:agent_gave_up',
    agent: 'Aardvark Agent',
  }),
);
const truncated = episodeOf(
  invalidRecord({ misalignment_id: 'M004', invalid_category: 'truncation', license_type: 'ISC' }),
);
const episodes: Episode[] = [rich, undetermined, custom, truncated];
const data = encodeColumns(episodes, 2);
const rows = decodeColumns(data);

describe('encodeColumns and decodeColumns', () => {
  it('round-trip to the rowOf values of every episode', () => {
    expect(rows).toEqual(episodes.map((episode, index) => rowOf(episode, index, data.dict)));
  });

  it('keep the canonical order given', () => {
    expect(rows.map((r) => r.index)).toEqual([0, 1, 2, 3]);
    expect(rows[2]?.category).toBe(data.dict.category.indexOf('custom:agent_gave_up'));
  });

  it('record the count, chunk size and version', () => {
    expect([data.version, data.count, data.chunkSize]).toEqual([1, 4, 2]);
  });

  it('give every column a fixed width per episode', () => {
    const widths = Object.fromEntries(
      Object.entries(data.columns).map(([name, text]) => [name, text.length / data.count]),
    );
    expect(widths).toEqual(data.widths);
    expect(widths).toEqual({
      day: 3,
      agent: 1,
      platform: 1,
      source: 1,
      goal: 1,
      confidence: 1,
      licence: 1,
      category: 1,
      symptoms: 2,
      causes: 2,
      tiers: 1,
      severity: 1,
      locus: 1,
      status: 1,
      resolver: 1,
      userTurns: 2,
      agentTurns: 2,
    });
  });

  it('decode a file in slices to the same rows, each with its index in the whole file', () => {
    const slices = [decodeColumns(data, 0, 1), decodeColumns(data, 1, 3), decodeColumns(data, 3)];
    expect(slices.flat()).toEqual(rows);
    expect(slices[1]?.map((r) => r.index)).toEqual([1, 2]);
  });

  it('read every base-36 digit, the largest value of a width included', () => {
    const widest = { ...data, count: 1, columns: { ...data.columns, userTurns: 'zy', day: 'a0z' } };
    const [row] = decodeColumns(widest);
    expect(row?.userTurns).toBe(36 * 36 - 3);
    expect(row?.day).toBe(10 * 36 * 36 + 35 - 1);
  });

  it('decode an empty file to no rows', () => {
    expect(decodeColumns(encodeColumns([], 50))).toEqual([]);
  });
});

describe('the row of a fully annotated episode', () => {
  const row = rows[0];

  it('sets one bit per symptom', () => {
    expect(row?.symptoms).toBe((1 << 2) | (1 << 3));
  });

  it('sets one bit per cause', () => {
    expect(row?.causes).toBe((1 << 1) | (1 << 4));
  });

  it('sets one bit per evidence tier used', () => {
    expect(row?.tiers).toBe((1 << 0) | (1 << 1));
  });

  it('indexes the taxonomy tables', () => {
    expect(row).toMatchObject({
      severity: 3,
      locus: 3,
      status: 0,
      resolver: 2,
      platform: 1,
      source: 1,
      goal: 2,
      confidence: 2,
    });
  });

  it('keeps the turn counts, including zero', () => {
    expect([row?.userTurns, row?.agentTurns]).toEqual([1294, 0]);
  });

  it('stores the session day', () => {
    expect(row?.day).toBe(dayOf('2025-09-30 00:00:00'));
  });

  it('uses -1 for a VALID episode’s category', () => {
    expect(row?.category).toBe(-1);
  });
});

describe('-1 for none', () => {
  it('marks a missing locus and resolver', () => {
    expect([rows[1]?.locus, rows[1]?.resolver]).toEqual([-1, -1]);
  });

  it('marks missing turn counts', () => {
    expect([rows[1]?.userTurns, rows[1]?.agentTurns]).toEqual([-1, -1]);
  });

  it('gives C7 a cause bit but no tier bit', () => {
    expect([rows[1]?.causes, rows[1]?.tiers]).toEqual([1 << 6, 0]);
  });

  it('marks every annotation column of an INVALID episode', () => {
    expect(rows[3]).toMatchObject({
      symptoms: 0,
      causes: 0,
      tiers: 0,
      severity: -1,
      locus: -1,
      status: -1,
      resolver: -1,
    });
  });
});

describe('dictionaries', () => {
  it('list the agents sorted, once each', () => {
    expect(data.dict.agent).toEqual(['Aardvark Agent', 'Claude Code', 'Cursor IDE']);
  });

  it('list the licences sorted, once each', () => {
    expect(data.dict.licence).toEqual(['Apache-2.0', 'ISC', 'MIT']);
  });

  it('list the eight categories and the custom ones found', () => {
    expect(data.dict.category).toEqual([
      'collaboration_style_without_pushback',
      'custom:agent_gave_up',
      'evidence_contradicts_description',
      'intention_claim_without_pushback',
      'invisible_agent_action',
      'invisible_project_context',
      'session_terminated_before_completion',
      'truncation',
      'unrequested_action_without_pushback',
    ]);
  });

  it('index the rows into them', () => {
    expect(rows.map((r) => data.dict.agent[r.agent])).toEqual([
      'Claude Code',
      'Cursor IDE',
      'Aardvark Agent',
      'Cursor IDE',
    ]);
    expect(rows.map((r) => data.dict.licence[r.licence])).toEqual([
      'Apache-2.0',
      'MIT',
      'MIT',
      'ISC',
    ]);
  });
});

describe('dayOf and dateOfDay', () => {
  it('counts days from 1970-01-01', () => {
    expect([
      dayOf('1970-01-01 00:00:00'),
      dayOf('1970-01-02 12:00:00'),
      dayOf('2000-01-01 00:00:00'),
    ]).toEqual([0, 1, 10957]);
  });

  it('ignores the time of day', () => {
    expect(dayOf('2025-06-07 23:59:59')).toBe(dayOf('2025-06-07 00:00:00'));
  });

  it.each(['2024-02-29', '2025-01-01', '2025-12-31', '1999-12-31'])(
    'gives back %s from its day',
    (date) => {
      expect(dateOfDay(dayOf(`${date} 08:00:00`))).toBe(date);
    },
  );

  it('counts consecutive days across a month end', () => {
    expect(dayOf('2025-03-01 00:00:00') - dayOf('2025-02-28 00:00:00')).toBe(1);
  });
});

describe('turn counts of any size', () => {
  // Two characters hold up to 1,293; from 1,294 (the escape, `zz`) the count is in `overflow`.
  // The largest is the schema's: zod's `int()` admits safe integers only.
  const counts = [0, 1, 1293, 1294, 1295, 1296, 99_999, Number.MAX_SAFE_INTEGER];
  const many = counts.map((count, i) =>
    episodeOf(
      validRecord({
        misalignment_id: `M${String(i).padStart(3, '0')}`,
        session_timestamp: `2025-06-${String(28 - i).padStart(2, '0')} 12:00:00`,
        user_turns: count,
        agent_turns: counts[counts.length - 1 - i] ?? null,
      }),
    ),
  );
  const encoded = encodeColumns(many, 10);
  /** As the browser reads them: the two files as JSON text, the later one added to the rows. */
  function throughTheBrowser(data: BrowseColumns) {
    const { first, later } = splitLater(data, 'browse-later.0123456789.json');
    const rows = decodeColumns(JSON.parse(JSON.stringify(first)) as BrowseColumns);
    addLater(rows, JSON.parse(JSON.stringify(later)) as LaterColumns);
    return rows.map((row) => [row.userTurns, row.agentTurns]);
  }

  it('round-trip exactly through the encoder and the browser’s decoder', () => {
    const expected = counts.map((count, i) => [count, counts[counts.length - 1 - i]]);
    expect(throughTheBrowser(encoded)).toEqual(expected);
    expect(decodeColumns(encoded).map((row) => [row.userTurns, row.agentTurns])).toEqual(expected);
  });

  it.each(counts)('round-trip %d alone', (count) => {
    const episode = episodeOf(validRecord({ user_turns: count, agent_turns: count }));
    expect(throughTheBrowser(encodeColumns([episode], 10))).toEqual([[count, count]]);
  });

  it('keep two characters per episode, and only the counts from 1,294 up in the overflow', () => {
    expect([encoded.widths.userTurns, encoded.columns.userTurns?.length]).toEqual([2, 16]);
    expect(encoded.overflow).toEqual({
      userTurns: { 3: 1294, 4: 1295, 5: 1296, 6: 99_999, 7: Number.MAX_SAFE_INTEGER },
      agentTurns: { 0: Number.MAX_SAFE_INTEGER, 1: 99_999, 2: 1296, 3: 1295, 4: 1294 },
    });
    // 1,293 in its slot (`zy`), then 1,294 as the escape (`zz`).
    expect(encoded.columns.userTurns?.slice(4, 8)).toBe('zyzz');
  });

  it('go with the later columns into the second file, leaving the first without an overflow', () => {
    const { first, later } = splitLater(encoded, 'browse-later.0123456789.json');
    expect(later.overflow).toEqual(encoded.overflow);
    expect('overflow' in first).toBe(false);
  });

  it('leave no overflow in a file whose counts all fit', () => {
    const small = encodeColumns([episodeOf(validRecord({ user_turns: 1293 }))], 10);
    expect('overflow' in small).toBe(false);
    expect('overflow' in splitLater(small, 'later.json').later).toBe(false);
  });

  it('refuse an escape whose value the file lacks, instead of reading 1,294', () => {
    const lacking: BrowseColumns = { ...encoded, overflow: {} };
    expect(() => decodeColumns(lacking)).toThrow(/row 0 of agentTurns points to an overflow/);
  });

  it('refuse to encode a count the schema would have rejected', () => {
    const episode = episodeOf(validRecord());
    for (const bad of [-2, 2.5, Number.NaN, 2 ** 53])
      expect(() => encodeColumns([{ ...episode, userTurns: bad }], 10)).toThrow(
        /userTurns is .*, not a whole number from -1 up/,
      );
  });
});

describe('dictionary columns', () => {
  it('widen to two characters when a dictionary outgrows one', () => {
    const episodes = Array.from({ length: 40 }, (_, i) =>
      episodeOf(
        validRecord({ misalignment_id: `M${String(i).padStart(3, '0')}`, agent: `Agent ${i}` }),
      ),
    );
    const data = encodeColumns(episodes, 10);
    expect(data.widths.agent).toBe(2);
    expect(decodeColumns(data).map((r) => data.dict.agent[r.agent])).toEqual(
      episodes.map((e) => e.agent),
    );
  });
});

describe('splitLater and addLater: the turn counts in a second file', () => {
  const { first, later } = splitLater(data, 'browse-later.0123456789.json');
  const laterNames = COLUMNS.filter(isLater).map((c) => c.name);

  it('move exactly the registry’s later columns (the turn counts) to the second file', () => {
    expect(laterNames).toEqual(['userTurns', 'agentTurns']);
    expect(Object.keys(later.columns)).toEqual(laterNames);
    expect(Object.keys(later.widths)).toEqual(laterNames);
    expect(Object.keys(first.columns)).toEqual(
      COLUMNS.filter((c) => !isLater(c)).map((c) => c.name),
    );
    expect([first.later, later.count, first.count]).toEqual(['browse-later.0123456789.json', 4, 4]);
  });

  it('leave the full file as it was', () => {
    expect(Object.keys(data.columns)).toContain('userTurns');
    expect(data.later).toBeUndefined();
  });

  it('decode the first file to every other value, the later columns reading -1 until added', () => {
    const partial = decodeColumns(first);
    for (const [k, row] of partial.entries()) {
      const full = rows[k];
      for (const spec of COLUMNS)
        expect(row[spec.name]).toBe(isLater(spec) ? -1 : full?.[spec.name]);
    }
  });

  it('add the second file to the same row objects, giving the full rows', () => {
    const partial = decodeColumns(first);
    const objects = [...partial];
    addLater(partial, later);
    expect(partial).toEqual(rows);
    expect(partial.every((row, k) => row === objects[k])).toBe(true);
    expect(partial[0]?.userTurns).toBe(1294);
    expect(partial[1]?.agentTurns).toBe(-1);
  });

  it('refuse a second file of another length', () => {
    expect(() => addLater(decodeColumns(first, 0, 3), later)).toThrow(/4 rows, the list 3/);
  });
});
