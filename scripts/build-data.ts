/**
 * `npm run data`: the data step alone. Reads ATLAS_INPUT, else content/misalignments.json, else
 * the bundled sample; and meanwhile, on a worker thread, the core files from ATLAS_CORE_DIR, else
 * content/core/, else the synthetic core in content/sample/core/; writes the derived data to
 * .atlas/ for the site build, the core's only once the release has passed.
 * ATLAS_SKIP_INVALID=1 (or --skip-invalid) publishes the valid remainder of a damaged file.
 *
 * It ends on its own with `process.exitCode`, not through `process.exit()`, which can hang (see
 * scripts/validate.ts); a failure stops the workers still running first.
 */
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { runDataStep, SIMILAR_FILE, summarise } from '../src/lib/data-step.ts';
import { DATA_DIR, fileEffects, flag, redactionKey, sourceRevision } from './cli.ts';
import type { CoreOutcome } from './core-worker.ts';

const args = process.argv.slice(2);
const quiet = flag(args, '--quiet');
const effects = fileEffects(quiet);
const revision = sourceRevision();
/**
 * Work done on threads of their own (see the workers), each with its exit code and the messages
 * it posted. The exit is listened for from the start: a worker may end while another is awaited.
 */
const workers: Array<{
  what: string;
  worker: Worker;
  exit: Promise<number>;
  messages: unknown[];
}> = [];
function start(what: string, file: string, workerData: unknown): (typeof workers)[number] {
  const worker = new Worker(new URL(file, import.meta.url), { workerData });
  const messages: unknown[] = [];
  worker.on('message', (message: unknown) => messages.push(message));
  const exit = once(worker, 'exit').then(
    ([code]) => code as number,
    (error: unknown) => {
      console.error(error);
      return 1;
    },
  );
  const started = { what, worker, exit, messages };
  workers.push(started);
  return started;
}
// The core files need nothing from the release: read while the main thread parses it.
const core = start('The core', './core-worker.ts', {
  dir: process.env['ATLAS_CORE_DIR'] || undefined,
  outDir: DATA_DIR,
  quiet,
});
effects.episodesWritten = (path) => {
  start('Similar episodes', './similar-worker.ts', {
    episodes: path,
    out: `${DATA_DIR}/${SIMILAR_FILE}`,
  });
};
/** Ends the workers still running, when the step has failed: nothing more is written. */
async function stopWorkers(): Promise<void> {
  await Promise.all(workers.map(({ worker }) => worker.terminate()));
}

async function dataStep(): Promise<number> {
  const result = runDataStep(
    {
      redactionKey: redactionKey((line) => effects.log(line)),
      input: process.env['ATLAS_INPUT'] || undefined,
      skipInvalid: flag(args, '--skip-invalid') || process.env['ATLAS_SKIP_INVALID'] === '1',
      outDir: DATA_DIR,
      revision,
    },
    effects,
  );
  if (!result.ok) {
    console.error(`The release file cannot be used (${result.problems.length} problems):`);
    for (const problem of result.problems) console.error(`  ${problem}`);
    console.error(
      'Nothing was written. Fix the file, or set ATLAS_SKIP_INVALID=1 to publish the valid remainder.',
    );
    await stopWorkers();
    return 1;
  }
  for (const line of result.skipped) console.error(`  skipped ${line}`);
  if (!quiet) for (const line of summarise(result.report)) console.error(line);
  if ((await core.exit) === 0) {
    const { problems, files } = core.messages[0] as CoreOutcome;
    if (problems.length > 0) {
      console.error(`The core files cannot be used (${problems.length} problems):`);
      for (const problem of problems.slice(0, 200)) console.error(`  ${problem}`);
      if (problems.length > 200) console.error(`  … and ${problems.length - 200} more`);
      console.error(
        'Fix or re-fetch them (npm run fetch-data -- --core-only), or remove content/core/ to build with the synthetic core.',
      );
      await stopWorkers();
      return 1;
    }
    for (const [path, contents] of files) effects.write(path, contents);
  }
  for (const { what, exit } of workers) {
    const code = await exit;
    if (code !== 0) {
      console.error(`${what} could not be made (its worker exited with ${code}).`);
      await stopWorkers();
      return 1;
    }
  }
  return 0;
}

process.exitCode = await dataStep();
