import { describe, it, expect } from 'vitest';
import { decodeColumns, encodeColumns } from '../../src/lib/browse-columns.ts';
import { browseQuery, parseBrowseState } from '../../src/lib/browse-state.ts';
import { EXPORT_COLUMNS } from '../../src/lib/export.ts';
import { facetDefs } from '../../src/lib/facet-defs.ts';
import {
  COLUMNS,
  COLUMN_SORTS,
  FACET_KEYS,
  FIELD_EXPORTS,
  FACET_SPECS,
  columnCodes,
  column,
  episodeCodes,
  facetColumn,
  isLater,
  sortNeedsLater,
} from '../../src/lib/fields.ts';
import { SORTS, sortName } from '../../src/lib/sorts.ts';
import { codesOn } from '../../src/lib/stats.ts';
import { AXES } from '../../src/lib/taxonomy.ts';
import { episodeOf, invalidRecord, validRecord } from './helpers.ts';

const episodes = [
  episodeOf(
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
    }),
  ),
  episodeOf(invalidRecord({ misalignment_id: 'M002', invalid_category: 'custom:gave_up' })),
];

const unique = (values: readonly string[]) => new Set(values).size === values.length;

describe('the field registry', () => {
  it('names every column, facet, sort and export column once', () => {
    expect(unique(COLUMNS.map((c) => c.name))).toBe(true);
    expect(unique(FACET_KEYS)).toBe(true);
    expect(unique(SORTS)).toBe(true);
    expect(unique(EXPORT_COLUMNS)).toBe(true);
  });

  it('lists annotation facets before provenance facets', () => {
    expect(FACET_KEYS).toEqual([
      'validation',
      'category',
      'symptom',
      'cause',
      'tier',
      'severity',
      'locus',
      'status',
      'resolver',
      'agent',
      'platform',
      'source',
      'goal',
      'confidence',
      'licence',
    ]);
  });

  it('defines a facet for every URL key, in the same order', () => {
    const dict = encodeColumns(episodes, 10).dict;
    expect(facetDefs(dict).map((d) => d.key)).toEqual(FACET_KEYS);
  });

  it('reads back every facet key from a Browse URL', () => {
    for (const key of FACET_KEYS) {
      const filters = { [key]: ['x'] };
      expect(parseBrowseState(browseQuery({ filters })).filters[key]).toEqual(['x']);
    }
  });

  it('gives every column sort a menu name and a URL value', () => {
    for (const sort of COLUMN_SORTS) {
      expect(SORTS).toContain(sort.id);
      expect(sortName(sort.id)).toBe(sort.name);
    }
  });

  it('exports every field column in registry order, from the link to the evidence', () => {
    expect(EXPORT_COLUMNS).toEqual(FIELD_EXPORTS.map((e) => e.name));
    expect(EXPORT_COLUMNS.slice(0, 3)).toEqual(['id', 'url', 'title']);
    expect(EXPORT_COLUMNS.slice(-2)).toEqual(['description', 'evidence']);
  });
});

describe('the statistics and the browse file', () => {
  const rows = decodeColumns(encodeColumns(episodes, 10));

  it.each(AXES.filter((axis) => axis.slug !== 'validation').map((axis) => [axis.slug, axis]))(
    'read the same %s codes of an episode',
    (_, axis) => {
      const name = facetColumn(axis.facet);
      episodes.forEach((episode, i) => {
        const row = rows[i];
        if (!row) throw new Error('missing row');
        expect(columnCodes(row, name)).toEqual(codesOn(episode, axis.slug));
      });
    },
  );

  it('read the validation category of an INVALID episode', () => {
    expect(episodeCodes('category', episodes[1] as (typeof episodes)[number])).toEqual([
      'custom:gave_up',
    ]);
    expect(codesOn(episodes[0] as (typeof episodes)[number], 'validation')).toEqual([]);
  });
});

describe('later columns (the second browse file)', () => {
  it('are only the turn counts, and no facet reads one', () => {
    expect(COLUMNS.filter(isLater).map((c) => c.name)).toEqual(['userTurns', 'agentTurns']);
    for (const spec of FACET_SPECS)
      if ('column' in spec) expect(isLater(column(spec.column)), spec.key).toBe(false);
  });

  it('make the turns sort, and no other, wait for them', () => {
    expect(SORTS.filter((sort) => sortNeedsLater(sort))).toEqual(['turns']);
  });
});
