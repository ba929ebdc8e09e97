import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { joinCorpus } from '../../src/lib/core/corpus.ts';
import { parseCore } from '../../src/lib/core/parse.ts';
import { CORE_FILES, CORE_KINDS, type CoreKind, type CoreRows } from '../../src/lib/core/schema.ts';
import { SAMPLE_CORE_DIR } from '../../src/lib/core/step.ts';
import { generateCore, SAMPLE_CORE_SIZE } from '../../src/lib/core/synthetic.ts';
import { SAMPLE_PATH } from '../../src/lib/data-step.ts';
import { parseRelease } from '../../src/lib/parse.ts';
import { bytes } from './core-fixture.ts';

const root = new URL('../../', import.meta.url);
const sample = parseRelease(readFileSync(new URL(SAMPLE_PATH, root), 'utf8')).episodes.map(
  (p) => p.episode,
);
const generated = generateCore({ seed: 1, ...SAMPLE_CORE_SIZE, episodes: sample });

function parsed(rows: typeof generated): CoreRows {
  const one = (kind: CoreKind) => {
    const result = parseCore(bytes(rows[kind]), kind);
    if (!result.ok) throw new Error(result.problems.slice(0, 5).join('\n'));
    return result.rows;
  };
  return {
    annotated: one('annotated'),
    validated: one('validated'),
    sessions: one('sessions'),
  } as CoreRows;
}

describe('generateCore', () => {
  it('writes rows the core schemas accept, in the requested numbers, all joined', () => {
    const rows = parsed(generated);
    expect(rows.sessions).toHaveLength(SAMPLE_CORE_SIZE.sessions);
    expect(rows.validated).toHaveLength(SAMPLE_CORE_SIZE.candidates);
    expect(rows.annotated).toHaveLength(SAMPLE_CORE_SIZE.valid);
    expect(joinCorpus(rows).join).toEqual({
      episodesWithoutSession: 0,
      missingSessions: [],
      validWithoutAnnotation: 0,
      annotatedWithoutCandidate: 0,
    });
  });

  it('holds every sample episode with its own session, validation and labels', () => {
    const corpus = joinCorpus(parsed(generated));
    const byKey = new Map(corpus.episodes.map((e) => [JSON.stringify(e.key), e]));
    expect(sample.length).toBeGreaterThan(50);
    for (const episode of sample) {
      const found = byKey.get(JSON.stringify(episode.key));
      expect(found, JSON.stringify(episode.key)).toBeDefined();
      expect(found?.validation).toEqual({
        label: episode.validation.label,
        category: episode.validation.category,
      });
      expect(found?.agent).toBe(episode.agent);
      expect(found?.timestamp).toBe(episode.timestamp);
      expect([...(found?.annotation?.symptom.labels ?? [])].sort()).toEqual(
        [...(episode.annotation?.symptom.labels ?? [])].sort(),
      );
      // The flat layout keeps labels in code order, not in the order they were given.
      const byCode = (labels: readonly { code: string }[] = []) =>
        [...labels].sort((a, b) => a.code.localeCompare(b.code));
      expect(byCode(found?.annotation?.cause.labels)).toEqual(
        byCode(episode.annotation?.cause.labels),
      );
      expect(found?.annotation?.outcome ?? null).toEqual(
        episode.annotation
          ? {
              severity: episode.annotation.outcome.severity,
              locus: episode.annotation.outcome.locus,
            }
          : null,
      );
    }
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateCore({ seed: 1, ...SAMPLE_CORE_SIZE, episodes: sample })).toEqual(generated);
    expect(generateCore({ seed: 2, ...SAMPLE_CORE_SIZE, episodes: sample })).not.toEqual(generated);
  });

  it('refuses totals too small for the episodes it must hold', () => {
    expect(() =>
      generateCore({ seed: 1, sessions: 3, candidates: 330, valid: 180, episodes: sample }),
    ).toThrow(/cannot hold/);
  });

  it('is what content/sample/core holds (regenerate with npm run generate -- --core)', () => {
    for (const kind of CORE_KINDS) {
      const committed: unknown = JSON.parse(
        readFileSync(new URL(`${SAMPLE_CORE_DIR}/${CORE_FILES[kind]}`, root), 'utf8'),
      );
      expect(committed, CORE_FILES[kind]).toEqual(generated[kind]);
    }
  });
});
