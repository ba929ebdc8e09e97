import { describe, it, expect } from 'vitest';
import { decodeColumns, encodeColumns } from '../../src/lib/browse-columns.ts';
import {
  compareQuery,
  compareRows,
  groupCellQuery,
  groupName,
  parseCompareGroups,
  type GroupSpec,
} from '../../src/lib/compare-groups.ts';
import { compareGroups } from '../../src/lib/compare.ts';
import { buildFacetIndex } from '../../src/lib/facets.ts';
import { parseBrowseState } from '../../src/lib/browse-state.ts';
import type { Episode } from '../../src/lib/schema.ts';
import { episodeOf, invalidRecord, validRecord, type Json } from './helpers.ts';

let next = 0;
function ep(overrides: Json): Episode {
  next += 1;
  return episodeOf(validRecord({ session_id: `session_${next}`, ...overrides }));
}
const many = (n: number, overrides: Json) => Array.from({ length: n }, () => ep(overrides));
const labels = (symptoms: string[], severity: string, locus: string | null, status: string) => ({
  symptom: { reasoning: 'r', labels: symptoms, other_descriptor: null },
  outcome: { reasoning: 'r', damage_severity: severity, damage_locus: locus },
  resolution: {
    reasoning: 'r',
    status,
    resolver: status === 'RS1' ? 'RV2' : null,
  },
});

const episodes = [
  ...many(7, {
    agent: 'Claude Code',
    session_type: 'CLI',
    source: 'swe',
    session_timestamp: '2025-03-04 10:00:00',
    ...labels(['S3'], 'DS2', 'DL2', 'RS1'),
  }),
  ...many(5, {
    agent: 'Claude Code',
    session_type: 'CLI',
    session_timestamp: '2025-08-01 10:00:00',
    ...labels(['S3', 'S7'], 'DS1', null, 'RS2'),
  }),
  ...many(9, {
    agent: 'Cursor IDE',
    session_type: 'IDE',
    session_timestamp: '2025-05-20 10:00:00',
    ...labels(['S5'], 'DS3', 'DL1', 'RS2'),
  }),
  ...many(4, {
    agent: 'Codex',
    session_type: 'CLI',
    session_timestamp: '2025-06-30 23:00:00',
    ...labels(['S2'], 'DS1', null, 'RS1'),
  }),
  episodeOf(invalidRecord({ session_id: 'session_x', agent: 'Codex', session_type: 'CLI' })),
];
const index = buildFacetIndex(
  decodeColumns(encodeColumns(episodes, 10)),
  encodeColumns(episodes, 10).dict,
);
const order = Array.from({ length: episodes.length }, (_, i) => i);

describe('parseCompareGroups and compareQuery', () => {
  it('reads two to four groups of each kind back from the URL they were written to', () => {
    const groups: GroupSpec[] = [
      { kind: 'agent', value: 'Claude Code' },
      { kind: 'platform', value: 'IDE' },
      { kind: 'source', value: 'swe' },
      { kind: 'dates', value: '2025-01-01..2025-06-30' },
    ];
    const query = compareQuery(groups);
    expect(query).toBe(
      'g=agent:Claude+Code&g=platform:IDE&g=source:swe&g=dates:2025-01-01..2025-06-30',
    );
    expect(parseCompareGroups(`?${query}`)).toEqual(groups);
  });

  it('drops unknown kinds and values, impossible dates, repeats and a fifth group', () => {
    const query = [
      'g=agent:Codex',
      'g=agent:Codex',
      'g=platform:Desktop',
      'g=colour:red',
      'g=dates:2025-02-30..2025-03-01',
      'g=dates:..',
      'g=nocolon',
      'g=dates:..2025-03-01',
      'g=platform:CLI',
      'g=source:specstory',
      'g=source:swe',
    ].join('&');
    expect(parseCompareGroups(query)).toEqual([
      { kind: 'agent', value: 'Codex' },
      { kind: 'dates', value: '..2025-03-01' },
      { kind: 'platform', value: 'CLI' },
      { kind: 'source', value: 'specstory' },
    ]);
  });
});

describe('groupName and groupCellQuery', () => {
  it('names each kind of group as a reader reads it', () => {
    expect(groupName({ kind: 'source', value: 'swe' })).toBe('SWE-chat');
    expect(groupName({ kind: 'platform', value: 'CLI' })).toBe('CLI agents');
    expect(groupName({ kind: 'dates', value: '2025-01-01..' })).toBe('from 2025-01-01');
    expect(groupName({ kind: 'dates', value: '2025-01-01..2025-02-01' })).toBe(
      '2025-01-01 to 2025-02-01',
    );
  });

  it("opens a cell's episodes in Browse with the group's selection and the label", () => {
    const q = groupCellQuery({ kind: 'dates', value: '2025-01-01..2025-06-30' }, 'locus', 'DL2');
    const state = parseBrowseState(q);
    expect(state.filters).toEqual({ validation: ['VALID'], locus: ['DL2'] });
    expect([state.from, state.to]).toEqual(['2025-01-01', '2025-06-30']);
    expect(groupCellQuery({ kind: 'agent', value: 'Codex' })).toBe('agent=Codex');
  });
});

describe('compareRows', () => {
  const cc = episodes.filter((e) => e.agent === 'Claude Code');
  const ide = episodes.filter((e) => e.platform === 'IDE');

  it('gives the same figures from the browse rows as from the episodes', () => {
    const fromRows = compareRows(
      index,
      [
        { kind: 'agent', value: 'Claude Code' },
        { kind: 'platform', value: 'IDE' },
      ],
      order,
    );
    const fromEpisodes = compareGroups([
      { name: 'Claude Code', episodes: cc },
      { name: 'IDE', episodes: ide },
    ]);
    expect(fromRows).toEqual(fromEpisodes);
  });

  it('counts over valid episodes, damaging ones for locus and resolved ones for resolver', () => {
    const axes = compareRows(
      index,
      [
        { kind: 'agent', value: 'Codex' },
        { kind: 'source', value: 'swe' },
        { kind: 'dates', value: '2025-05-01..2025-06-30' },
      ],
      order,
    );
    const totals = Object.fromEntries(axes.map((a) => [a.axis, a.totals]));
    // Codex: 4 valid (the rejected one left out), none damaging, all 4 resolved.
    // SWE-chat: the 7 early Claude Code episodes, all DS2 and RS1.
    // May–June 2025: the 9 Cursor episodes (DS3) and the 4 Codex ones (30 June, 23:00).
    expect(totals['form']).toEqual([4, 7, 13]);
    expect(totals['locus']).toEqual([0, 7, 9]);
    expect(totals['resolver']).toEqual([4, 7, 4]);
    const s3 = axes.find((a) => a.axis === 'form')?.labels.find((l) => l.code === 'S3');
    expect(s3?.cells.map((c) => c.count)).toEqual([0, 7, 0]);
  });
});
