/**
 * Similar episodes, on a thread of their own: `scripts/build-data.ts` starts this once the
 * episodes are written, and it runs while the main thread derives the browser files, so the second
 * core does the work the page build used to do alone.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { workerData } from 'node:worker_threads';
import type { Episode } from '../src/lib/schema.ts';
import { similarLinks } from '../src/lib/similar.ts';

const { episodes, out } = workerData as { episodes: string; out: string };
const published = JSON.parse(readFileSync(episodes, 'utf8')) as Episode[];
writeFileSync(out, JSON.stringify(similarLinks(published)));
