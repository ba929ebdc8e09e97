/**
 * Deterministic synthetic release records for scale tests: realistic text lengths, label mixes
 * close to the paper's shares, and both layouts. The same seed always gives the same file.
 */
import {
  CAUSES,
  EVIDENCE_TIERS,
  KNOWN_AGENTS,
  LOCI,
  SYMPTOMS,
  VALIDATION_CATEGORIES,
} from './taxonomy.ts';

export type Layout = 'nested' | 'flat';

export interface GenerateOptions {
  count: number;
  seed: number;
  layout: Layout;
}

/** A small fast PRNG (mulberry32): uniform floats in [0, 1). */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'agent developer test tests suite build config file files module function class component ' +
  'import export route handler request response schema migration database query index cache ' +
  'token session user login auth error exception stack trace log logger lint format branch ' +
  'commit merge rebase push deploy release version package dependency lockfile script command ' +
  'shell terminal path folder directory env variable secret key settings option flag default ' +
  'refactor rename delete remove revert restore undo rewrite replace update upgrade downgrade ' +
  'fix bug issue regression failure crash timeout retry loop async await promise callback ' +
  'render layout style theme button form input modal page view state store reducer hook effect ' +
  'api endpoint client server service worker queue job task cron schedule container docker ' +
  'kubernetes cluster pipeline workflow action ci check coverage snapshot fixture mock stub ' +
  'typescript python rust golang java react vue svelte astro django flask rails express next ' +
  'asked wanted explained insisted rejected reverted stopped repeated ignored assumed claimed ' +
  'quietly again instead only never always still already carefully wrongly silently fully'
).split(' ');

const OPENERS = [
  'The developer asked the agent to',
  'The user wanted the agent to',
  'Asked only to',
  'After being told to',
  'The developer explicitly said to',
];

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

function between(rand: () => number, low: number, high: number): number {
  return low + Math.floor(rand() * (high - low + 1));
}

function words(rand: () => number, n: number): string {
  return Array.from({ length: n }, () => pick(rand, WORDS)).join(' ');
}

function sentence(rand: () => number, low = 10, high = 24): string {
  const body = words(rand, between(rand, low, high));
  return `${body.charAt(0).toUpperCase()}${body.slice(1)}.`;
}

function paragraph(rand: () => number, low: number, high: number): string {
  return Array.from({ length: between(rand, low, high) }, () => sentence(rand)).join(' ');
}

function title(rand: () => number): string {
  return words(rand, between(rand, 3, 7))
    .split(' ')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

/** Picks keys with the given weights (they need not sum to one). */
function weighted<T extends string>(rand: () => number, weights: Record<T, number>): T {
  const entries = Object.entries(weights) as [T, number][];
  let roll = rand() * entries.reduce((sum, [, w]) => sum + w, 0);
  for (const [key, w] of entries) {
    roll -= w;
    if (roll < 0) return key;
  }
  return (entries[entries.length - 1] as [T, number])[0];
}

// Shares loosely follow the paper's full-dataset figures (Tang et al. 2026; src/lib/paper.ts).
const SYMPTOM_WEIGHTS = {
  S1: 11.6,
  S2: 27,
  S3: 38.3,
  S4: 10.2,
  S5: 17.8,
  S6: 2.9,
  S7: 22.6,
  S8: 0.4,
};
const CAUSE_WEIGHTS = { C1: 15.4, C2: 9.5, C3: 11.1, C4: 4.3, C5: 2.4, C6: 36.5, C7: 26.9 };
const SEVERITY_WEIGHTS = { DS0: 0.1, DS1: 90.5, DS2: 8.4, DS3: 0.1, DS4: 0.9 };
const LICENCE_WEIGHTS = {
  MIT: 45,
  'Apache-2.0': 15,
  'BSD-3-Clause': 5,
  ISC: 3,
  'GPL-3.0': 8,
  'AGPL-3.0': 2,
  NO_LICENSE: 15,
  NOASSERTION: 7,
};

function annotation(rand: () => number) {
  const symptoms = new Set<string>([weighted(rand, SYMPTOM_WEIGHTS)]);
  if (!symptoms.has('S8') && rand() < 0.35) symptoms.add(weighted(rand, SYMPTOM_WEIGHTS));
  symptoms.delete(symptoms.size > 1 ? 'S8' : '');
  const first = weighted(rand, CAUSE_WEIGHTS);
  const causes = [first];
  if (first !== 'C7' && rand() < 0.2) {
    const second = weighted(rand, CAUSE_WEIGHTS);
    if (second !== 'C7' && second !== first) causes.push(second);
  }
  const severity = weighted(rand, SEVERITY_WEIGHTS);
  const resolved = rand() < 0.093;
  return {
    symptom: {
      reasoning: paragraph(rand, 2, 4),
      labels: [...symptoms].sort(),
      other_descriptor: symptoms.has('S8') ? words(rand, 3) : null,
    },
    cause: {
      reasoning: paragraph(rand, 2, 4),
      labels: causes.map((label) =>
        label === 'C7' ? { label } : { label, evidence_tier: pick(rand, EVIDENCE_TIERS).code },
      ),
    },
    outcome: {
      reasoning: paragraph(rand, 1, 3),
      damage_severity: severity,
      damage_locus: severity === 'DS2' || severity === 'DS3' ? pick(rand, LOCI).code : null,
    },
    resolution: {
      reasoning: paragraph(rand, 1, 2),
      status: resolved ? 'RS1' : 'RS2',
      resolver: resolved ? weighted(rand, { RV1: 4, RV2: 91.5, RV3: 4.5 }) : null,
    },
  };
}

type Nested = ReturnType<typeof annotation>;

function flatten(a: Nested | null): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of SYMPTOMS) out[s.code] = a ? a.symptom.labels.includes(s.code) : false;
  for (const c of CAUSES) {
    const found = a?.cause.labels.find((l) => l.label === c.code);
    out[c.code] = found
      ? 'evidence_tier' in found
        ? found.evidence_tier
        : 'not_applicable'
      : null;
  }
  out['symptom_other_descriptor'] = a?.symptom.other_descriptor ?? null;
  out['damage_severity'] = a?.outcome.damage_severity ?? null;
  out['damage_locus'] = a?.outcome.damage_locus ?? null;
  out['resolution_status'] = a?.resolution.status ?? null;
  out['resolver'] = a?.resolution.resolver ?? null;
  out['symptom_reasoning'] = a?.symptom.reasoning ?? null;
  out['cause_reasoning'] = a?.cause.reasoning ?? null;
  out['outcome_reasoning'] = a?.outcome.reasoning ?? null;
  out['resolution_reasoning'] = a?.resolution.reasoning ?? null;
  return out;
}

/** `count` synthetic records; sessions hold one to three episodes, repositories several sessions. */
export function generateRecords({
  count,
  seed,
  layout,
}: GenerateOptions): Record<string, unknown>[] {
  const rand = random(seed);
  const records: Record<string, unknown>[] = [];
  let repo = 0;
  let session = 0;
  while (records.length < count) {
    repo += 1;
    const source = rand() < 0.7 ? 'specstory' : 'swe';
    const licence = weighted(rand, LICENCE_WEIGHTS);
    const sessions = between(rand, 1, 6);
    for (let s = 0; s < sessions && records.length < count; s++) {
      session += 1;
      const agent =
        source === 'swe'
          ? pick(rand, ['Claude Code', 'Codex', 'OpenCode', 'Gemini CLI'])
          : pick(rand, KNOWN_AGENTS);
      const ide = agent.endsWith(' IDE');
      const start = Date.UTC(2025, 2, 1) + Math.floor(rand() * 340) * 86_400_000;
      const stamp = new Date(start + between(rand, 0, 86_399) * 1000)
        .toISOString()
        .slice(0, 19)
        .replace('T', ' ');
      const episodes = between(rand, 1, 3);
      for (let m = 1; m <= episodes && records.length < count; m++) {
        const valid = rand() < 0.55;
        const a = valid ? annotation(rand) : null;
        const base: Record<string, unknown> = {
          repository_id: source === 'swe' ? String(repo) : 1_000_000_000 + repo,
          session_id: `session_${String(session).padStart(3, '0')}`,
          misalignment_id: `M${String(m).padStart(3, '0')}`,
          source,
          name: title(rand),
          description: `${pick(rand, OPENERS)} ${paragraph(rand, 3, 6)}`,
          alignment_goal: pick(rand, ['instruction', 'intention', 'both']),
          confidence: weighted(rand, { high: 60, medium: 30, low: 10 }),
          evidence: Array.from({ length: between(rand, 1, 4) }, (_, i) => ({
            turn: `TURN ${i * 2 + between(rand, 1, 3)} | ${i % 2 === 0 ? 'USER' : 'AGENT'}`,
            quote: paragraph(rand, 1, 4),
            context: sentence(rand),
          })),
          label: valid ? 'VALID' : 'INVALID',
          invalid_category: valid ? null : pick(rand, VALIDATION_CATEGORIES).code,
          note: sentence(rand),
          session_type: ide || (source === 'specstory' && agent === 'Unknown') ? 'IDE' : 'CLI',
          agent,
          license_type: licence,
          session_timestamp: stamp,
          user_turns: between(rand, 2, 40),
          agent_turns: between(rand, 2, 40),
          num_commits: between(rand, 0, 30),
          session_sha: Array.from({ length: 40 }, () =>
            pick(rand, Array.from('0123456789abcdef')),
          ).join(''),
          session_count_id: session,
          count_id_original: records.length,
        };
        records.push(layout === 'flat' ? { ...base, ...flatten(a) } : { ...base, ...(a ?? {}) });
      }
    }
  }
  return records;
}
