import { describe, it, expect } from 'vitest';
import { normaliseLayout, recordsOf } from '../../src/lib/layout.ts';
import { episodeOf, invalidRecord, validRecord, without, type Json } from './helpers.ts';

/** The nested record in the flattened layout of `annotated_misalignments.json`. */
function flatten(record: Json, tiers: Record<string, string | null>): Json {
  const { symptom, cause, outcome, resolution, ...rest } = record as {
    symptom: { reasoning: string; labels: string[]; other_descriptor: string | null };
    cause: { reasoning: string };
    outcome: { reasoning: string; damage_severity: string; damage_locus: string | null };
    resolution: { reasoning: string; status: string; resolver: string | null };
  } & Json;
  const flat: Json = { ...rest };
  for (const code of ['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7', 'S8'])
    flat[code] = symptom.labels.includes(code);
  for (const code of ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7']) flat[code] = tiers[code] ?? null;
  flat['symptom_other_descriptor'] = symptom.other_descriptor;
  flat['damage_severity'] = outcome.damage_severity;
  flat['damage_locus'] = outcome.damage_locus;
  flat['resolution_status'] = resolution.status;
  flat['resolver'] = resolution.resolver;
  flat['symptom_reasoning'] = symptom.reasoning;
  flat['cause_reasoning'] = cause.reasoning;
  flat['outcome_reasoning'] = outcome.reasoning;
  flat['resolution_reasoning'] = resolution.reasoning;
  return flat;
}

describe('recordsOf', () => {
  const records = [{ a: 1 }, { b: 2 }];

  it('accepts a bare array', () => {
    expect(recordsOf(records)).toEqual({ records });
  });

  it('accepts an object with the array under misalignments', () => {
    expect(recordsOf({ misalignments: records, version: 2 })).toEqual({ records });
  });

  it('accepts an object with the array under records', () => {
    expect(recordsOf({ records, meta: {} })).toEqual({ records });
  });

  it('rejects another object with a message naming the keys found', () => {
    const found = recordsOf({ episodes: records, meta: {} });
    expect(found).toEqual({
      error:
        'expected an array of records, or an object with the array under "misalignments" or "records"; found an object with keys: episodes, meta',
    });
  });

  it('rejects an object whose misalignments is not an array', () => {
    const found = recordsOf({ misalignments: { 0: {} } });
    expect('error' in found && found.error).toMatch(/found an object with keys: misalignments$/);
  });

  it('says "none" for an empty object', () => {
    const found = recordsOf({});
    expect('error' in found && found.error).toMatch(/keys: none$/);
  });

  it.each([
    [null, 'null'],
    [42, 'number'],
    ['records', 'string'],
    [true, 'boolean'],
  ])('rejects %j as a non-object', (file, kind) => {
    expect(recordsOf(file)).toEqual({ error: `expected an array of records, found ${kind}` });
  });
});

describe('id spellings', () => {
  const { misalignment_id: id, ...withoutId } = validRecord();

  it('accepts misalignment-id', () => {
    expect(episodeOf({ ...withoutId, 'misalignment-id': id }).key.misalignment).toBe('M002');
  });

  it('accepts id', () => {
    expect(episodeOf({ ...withoutId, id: 'M009' }).key.misalignment).toBe('M009');
  });

  it('prefers misalignment_id over the other spellings', () => {
    expect(
      episodeOf({ ...withoutId, misalignment_id: 'M001', 'misalignment-id': 'M002', id: 'M003' })
        .key.misalignment,
    ).toBe('M001');
  });

  it('prefers misalignment-id over id', () => {
    expect(
      episodeOf({ ...withoutId, 'misalignment-id': 'M002', id: 'M003' }).key.misalignment,
    ).toBe('M002');
  });

  it('gives every spelling the same episode', () => {
    expect(episodeOf({ ...withoutId, id })).toEqual(episodeOf(validRecord()));
  });
});

describe('validation spellings', () => {
  it('reads validation_label and validation_note', () => {
    const rest = without(invalidRecord(), 'label', 'note');
    const episode = episodeOf({
      ...rest,
      validation_label: 'INVALID',
      validation_note: 'Cut off at turn 4.',
    });
    expect(episode.validation).toEqual({
      label: 'INVALID',
      category: 'truncation',
      note: 'Cut off at turn 4.',
    });
  });

  it('treats a record without any validation fields as VALID', () => {
    const rest = without(validRecord(), 'label', 'note', 'invalid_category');
    expect(episodeOf(rest).validation).toEqual({ label: 'VALID', category: null, note: null });
  });

  it('keeps an annotation on a record without validation fields', () => {
    const rest = without(validRecord(), 'label', 'note', 'invalid_category');
    expect(episodeOf(rest).annotation).toEqual(episodeOf(validRecord()).annotation);
  });

  it('does not change the input object', () => {
    const record = validRecord({ id: 'M005' });
    delete record['misalignment_id'];
    const copy = structuredClone(record);
    normaliseLayout(record);
    expect(record).toEqual(copy);
  });

  it('returns a non-object unchanged', () => {
    expect(normaliseLayout('text')).toBe('text');
  });
});

describe('the flattened annotation', () => {
  it('parses to the same episode as the nested record', () => {
    const nested = validRecord({
      symptom: { reasoning: 'sym', labels: ['S3', 'S4'], other_descriptor: null },
      cause: {
        reasoning: 'cau',
        labels: [
          { label: 'C2', evidence_tier: 'contextual' },
          { label: 'C5', evidence_tier: 'direct' },
        ],
      },
      outcome: { reasoning: 'out', damage_severity: 'DS2', damage_locus: 'DL1' },
      resolution: { reasoning: 'res', status: 'RS1', resolver: 'RV2' },
    });
    const flat = flatten(nested, { C2: 'contextual', C5: 'direct' });
    expect(episodeOf(flat)).toEqual(episodeOf(nested));
  });

  it('reads C7 given as not_applicable', () => {
    const nested = validRecord({
      symptom: { reasoning: 'sym', labels: ['S8'], other_descriptor: 'renamed the branch' },
      cause: { reasoning: 'cau', labels: [{ label: 'C7' }] },
      outcome: { reasoning: 'out', damage_severity: 'DS1', damage_locus: null },
      resolution: { reasoning: 'res', status: 'RS2', resolver: null },
    });
    const flat = flatten(nested, { C7: 'not_applicable' });
    expect(episodeOf(flat)).toEqual(episodeOf(nested));
  });

  it('reads the symptom other descriptor', () => {
    const nested = validRecord({
      symptom: { reasoning: 's', labels: ['S8'], other_descriptor: 'odd thing' },
    });
    const flat = flatten(nested, { C2: 'contextual' });
    expect(episodeOf(flat).annotation?.symptom.otherDescriptor).toBe('odd thing');
  });

  it('ignores causes given as null', () => {
    const flat = flatten(validRecord(), { C1: null, C2: 'speculative', C3: null });
    expect(episodeOf(flat).annotation?.cause.labels).toEqual([{ code: 'C2', tier: 'speculative' }]);
  });

  it('leaves missing reasoning as empty text', () => {
    const flat = flatten(validRecord(), { C2: 'direct' });
    delete flat['outcome_reasoning'];
    expect(episodeOf(flat).annotation?.outcome.reasoning).toBe('');
  });

  it('drops the flat fields from the episode', () => {
    const text = JSON.stringify(episodeOf(flatten(validRecord(), { C2: 'direct' })));
    expect(text).not.toMatch(/"S4"\s*:|symptom_reasoning|resolution_status|damage_severity/);
  });

  it('gives an INVALID record with an all-null annotation a null annotation', () => {
    const flat: Json = invalidRecord();
    for (const code of ['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7', 'S8']) flat[code] = false;
    for (const code of ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7']) flat[code] = null;
    for (const field of [
      'symptom_other_descriptor',
      'damage_severity',
      'damage_locus',
      'resolution_status',
      'resolver',
      'symptom_reasoning',
      'cause_reasoning',
      'outcome_reasoning',
      'resolution_reasoning',
    ])
      flat[field] = null;
    const episode = episodeOf(flat);
    expect(episode.annotation).toBeNull();
    expect(episode.validation.label).toBe('INVALID');
  });

  it('reports a C1 given as not_applicable as missing its tier', () => {
    const flat = flatten(validRecord(), { C1: 'not_applicable' });
    expect(() => episodeOf(flat)).toThrow(/cause\.labels\.0\.evidence_tier is required for C1/);
  });
});
