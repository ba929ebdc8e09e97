/**
 * The core files (data/core), on a thread of their own: `scripts/build-data.ts` starts this
 * first, so the second core reads, validates and joins them while the main thread parses and
 * scrubs the release. It writes `core.json` and posts the step's problems, if any, for the main
 * thread to print.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runCoreStep } from '../src/lib/core/step.ts';
import { fileEffects } from './cli.ts';

const { dir, outDir, quiet } = workerData as {
  dir: string | undefined;
  outDir: string;
  quiet: boolean;
};
const core = runCoreStep({ dir, outDir }, fileEffects(quiet));
parentPort?.postMessage(core.ok ? [] : core.problems);
