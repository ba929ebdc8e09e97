/**
 * Similar episodes: the whole computation the episode pages ask for (src/lib/similar.ts), timed
 * in Node on the data step's episodes. This is the build time similar episodes add, since the
 * pages only look up what it computed once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Episode } from '../../src/lib/schema.ts';
import { similarIndex } from '../../src/lib/similar.ts';

export interface SimilarFigures {
  episodes: number;
  /** Wall and CPU (user + system) time of one `similarIndex` over every episode, ms. */
  wallMs: number;
  cpuMs: number;
  /** Suggestions per episode, on average (at most five). */
  perEpisode: number;
}

export function measureSimilar(dataDir: string): SimilarFigures {
  const episodes = JSON.parse(readFileSync(join(dataDir, 'episodes.json'), 'utf8')) as Episode[];
  const cpu = process.cpuUsage();
  const started = performance.now();
  const index = similarIndex(episodes);
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  let total = 0;
  for (const list of index.values()) total += list.length;
  return {
    episodes: episodes.length,
    wallMs,
    cpuMs: (used.user + used.system) / 1000,
    perEpisode: episodes.length ? total / episodes.length : 0,
  };
}
