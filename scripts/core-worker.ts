/**
 * The core files (data/core), on a thread of their own: `scripts/build-data.ts` starts this
 * first, so the second core reads, validates and joins them while the main thread parses and
 * scrubs the release. It writes nothing itself: it posts the step's problems and the files it
 * would write, and the main thread writes them only once the release has passed too, so a
 * failed data step leaves nothing new behind.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runCoreStep } from '../src/lib/core/step.ts';
import { fileEffects } from './cli.ts';

/** What the worker posts, once. */
export interface CoreOutcome {
  problems: string[];
  files: Array<[path: string, contents: string]>;
}

const { dir, outDir, quiet } = workerData as {
  dir: string | undefined;
  outDir: string;
  quiet: boolean;
};
const files: CoreOutcome['files'] = [];
const effects = {
  ...fileEffects(quiet),
  write: (path: string, contents: string) => void files.push([path, contents]),
};
const core = runCoreStep({ dir, outDir }, effects);
const outcome: CoreOutcome = { problems: core.ok ? [] : core.problems, files };
parentPort?.postMessage(outcome);
