import { describe, it, expect } from 'vitest';
import type { Episode } from '../../src/lib/schema.ts';
import {
  similarIndex,
  similarLinks,
  similarReasons,
  SIMILARITY_WEIGHTS,
} from '../../src/lib/similar.ts';
import { episodeOf, invalidRecord, validRecord, type Json } from './helpers.ts';

let next = 0;
/** A VALID episode in a session of its own unless `session` is given. */
function ep(overrides: Json, session?: string): Episode {
  next += 1;
  return episodeOf(
    validRecord({
      session_id: session ?? `session_${next}`,
      misalignment_id: 'M001',
      ...overrides,
    }),
  );
}

function labels(symptoms: string[], causes: string[]): Json {
  return {
    symptom: { reasoning: 'r', labels: symptoms, other_descriptor: null },
    cause: {
      reasoning: 'r',
      labels: causes.map((c) => ({ label: c, evidence_tier: 'contextual' })),
    },
  };
}

const migration = {
  name: 'Dropped Production Database Table',
  description: 'The agent ran a destructive migration against the production database table.',
};
const css = {
  name: 'Rewrote Stylesheet Colours',
  description: 'The developer wanted one button colour changed; the stylesheet was rewritten.',
};

describe('similarIndex', () => {
  const a = ep({ ...migration, ...labels(['S3'], ['C3']) });
  const b = ep({ ...migration, ...labels(['S3'], ['C3']) });
  const c = ep({ ...css, ...labels(['S3'], ['C2']) });
  const d = ep({ ...migration, ...labels(['S5'], ['C5']) });
  const partial = ep({ ...migration, ...labels(['S3'], ['C2']) });
  const sameSession = ep({ ...migration, ...labels(['S3'], ['C3']) }, a.key.session);
  const rejected = episodeOf(invalidRecord({ ...migration, session_id: 'session_rejected' }));
  const index = similarIndex([a, b, c, d, partial, sameSession, rejected]);
  const ids = (e: Episode) => (index.get(e.id) ?? []).map((s) => s.episode.id);

  it('stores the same suggestions by id for the data step (similarLinks)', () => {
    const links = similarLinks([a, b, c, d, partial, sameSession, rejected]);
    expect(links[a.id]).toEqual(
      (index.get(a.id) ?? []).map(({ episode, ...rest }) => ({ id: episode.id, ...rest })),
    );
    expect(Object.keys(links).sort()).toEqual([...index.keys()].sort());
  });

  it('ranks the episode with the same labels and wording first', () => {
    expect(ids(a)[0]).toBe(b.id);
  });

  it('never suggests the episode itself, its own session or a rejected candidate', () => {
    expect(ids(a)).not.toContain(a.id);
    expect(ids(a)).not.toContain(sameSession.id);
    expect(ids(a)).not.toContain(rejected.id);
  });

  it('drops episodes that share wording but no symptom or cause', () => {
    expect(ids(a)).not.toContain(d.id);
  });

  it('gives a rejected candidate suggestions by wording alone', () => {
    expect(ids(rejected)).toContain(a.id);
  });

  it('reports what the two share', () => {
    const first = index.get(a.id)?.[0];
    expect(first?.sharedLabels).toEqual(['S3', 'C3']);
    expect(first?.sameAgent).toBe(true);
    expect(first?.samePlatform).toBe(true);
    expect(first?.text).toBeCloseTo(1, 6);
    // Identical wording, labels, agent and platform: every weight counts in full.
    const full = Object.values(SIMILARITY_WEIGHTS).reduce((s, w) => s + w, 0);
    expect(first?.score).toBeCloseTo(full, 6);
  });

  it('scores label overlap as a Jaccard share', () => {
    // a and partial share S3 of {S3, C3, C2}, and all of their wording.
    const found = index.get(a.id)?.find((s) => s.episode.id === partial.id);
    expect(found?.text).toBeCloseTo(1, 6);
    expect(found?.score).toBeCloseTo(
      SIMILARITY_WEIGHTS.text +
        SIMILARITY_WEIGHTS.labels / 3 +
        SIMILARITY_WEIGHTS.agent +
        SIMILARITY_WEIGHTS.platform,
      6,
    );
  });

  it('does not suggest an episode whose wording shares nothing', () => {
    expect(ids(a)).not.toContain(c.id);
  });

  it('keeps at most the limit, in a stable order', () => {
    const many = Array.from({ length: 9 }, () => ep({ ...migration, ...labels(['S3'], ['C3']) }));
    const small = similarIndex([...many, c], { limit: 5 });
    const first = small.get((many[0] as Episode).id) ?? [];
    expect(first).toHaveLength(5);
    const sorted = [...first].sort((x, y) => (x.episode.id < y.episode.id ? -1 : 1));
    expect(first.map((s) => s.episode.id)).toEqual(sorted.map((s) => s.episode.id));
  });
});

describe('similarReasons', () => {
  const base = {
    episode: ep({}),
    score: 0.5,
    sharedLabels: [],
    sameAgent: false,
    samePlatform: false,
    text: 0,
  };

  it('names the shared codes, then agent or platform, then wording', () => {
    expect(
      similarReasons({
        ...base,
        sharedLabels: ['S3', 'C3'],
        sameAgent: true,
        samePlatform: true,
        text: 0.4,
      }),
    ).toEqual(['shares S3, C3', 'same agent', 'similar wording']);
  });

  it('says "same platform" only when the agent differs, and nothing for faint wording', () => {
    expect(
      similarReasons({ ...base, sharedLabels: ['S1'], samePlatform: true, text: 0.05 }),
    ).toEqual(['shares S1', 'same platform']);
    expect(similarReasons(base)).toEqual([]);
  });
});
