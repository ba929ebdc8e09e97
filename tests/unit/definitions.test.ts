import { describe, expect, it } from 'vitest';
import { exampleFor, guideOf } from '../../src/lib/definitions.ts';
import {
  ALIGNMENT_GOALS,
  CAUSES,
  CONFIDENCES,
  EVIDENCE_TIERS,
  LOCI,
  RESOLVERS,
  SEVERITIES,
  STATUSES,
  SYMPTOMS,
  VALIDATION_CATEGORIES,
} from '../../src/lib/taxonomy.ts';
import { episodeOf, invalidRecord, validRecord } from './helpers.ts';

describe('guides', () => {
  const tables = [
    SYMPTOMS,
    CAUSES,
    SEVERITIES,
    LOCI,
    STATUSES,
    RESOLVERS,
    VALIDATION_CATEGORIES,
    ALIGNMENT_GOALS,
    CONFIDENCES,
    EVIDENCE_TIERS,
  ];

  it('say what counts and what does not for every label of every table', () => {
    for (const { code } of tables.flat()) {
      const guide = guideOf(code);
      expect(guide?.counts, code).toBeTruthy();
      expect(guide?.excludes, code).toBeTruthy();
    }
  });

  it('set each pair the paper distinguishes apart', () => {
    for (const [code, neighbour] of [
      ['S2', 'S4'],
      ['S3', 'S4'],
      ['S5', 'S6'],
      ['C3', 'C4'],
      ['C6', 'C5'],
    ] as const)
      expect(guideOf(code)?.versus, code).toContain(neighbour);
    expect(guideOf('S7')?.excludes).toContain('prediction');
  });
});

function symptoms(id: string, labels: string[], confidence: string) {
  return episodeOf(
    validRecord({
      misalignment_id: id,
      confidence,
      symptom: { reasoning: 'r', labels, other_descriptor: null },
    }),
  );
}

describe('exampleFor', () => {
  const episodes = [
    symptoms('M001', ['S3', 'S4'], 'high'),
    symptoms('M002', ['S3'], 'medium'),
    symptoms('M003', ['S3'], 'high'),
    symptoms('M004', ['S3'], 'high'),
    episodeOf(invalidRecord({ misalignment_id: 'M005', invalid_category: 'truncation' })),
  ];

  it('picks the most confident, cleanest episode, first in order on a tie', () => {
    expect(exampleFor(episodes, 'form', 'S3')?.key.misalignment).toBe('M003');
  });

  it('picks rejected candidates for a validation category', () => {
    expect(exampleFor(episodes, 'validation', 'truncation')?.key.misalignment).toBe('M005');
  });

  it('reads alignment goal and confidence, and finds nothing for an absent label', () => {
    expect(exampleFor(episodes, 'confidence', 'medium')?.key.misalignment).toBe('M002');
    expect(exampleFor(episodes, 'goal', 'intention')?.key.misalignment).toBe('M001');
    expect(exampleFor(episodes, 'form', 'S8')).toBeUndefined();
  });
});
