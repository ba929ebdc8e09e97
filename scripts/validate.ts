/**
 * `npm run validate -- <file> [--json] [--skip-invalid]`: parse, filter, scrub and report without
 * building the site. `npm run validate -- --core <file> [--json]`: check one of the three core
 * files (its kind told by its columns) and print `{ kind, rows, problems }`.
 * Exit 0 when the file is usable, 1 when it is not, 2 on wrong usage.
 *
 * The code is set as `process.exitCode` and the script ends on its own rather than through
 * `process.exit()`: that tears V8's helper threads down before the heap, and a helper thread
 * waiting for the heap to collect (after the 10 MB field of a damaged file, say) then never ends,
 * so the process hung at exit about once in 700 runs under load (seen in gdb: the main thread in
 * `WorkerThreadsTaskRunner::Shutdown`, a `V8Worker` in `CollectionBarrier::AwaitCollectionBackground`).
 */
import { readFileSync } from 'node:fs';
import { runDataStep, summarise } from '../src/lib/data-step.ts';
import { parseCore } from '../src/lib/core/parse.ts';
import { CORE_FILES } from '../src/lib/core/schema.ts';
import { fileEffects, flag, positionals, redactionKey } from './cli.ts';

function validate(args: readonly string[]): number {
  const [file, ...extra] = positionals(args, []);
  if (!file || extra.length > 0) {
    console.error(
      'usage: npm run validate -- <file> [--json] [--skip-invalid]\n       npm run validate -- --core <file> [--json]',
    );
    return 2;
  }
  const json = flag(args, '--json');

  if (flag(args, '--core')) {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(readFileSync(file));
    } catch {
      console.error(`${file}: cannot read the file`);
      return 1;
    }
    const result = parseCore(bytes);
    const summary = result.ok
      ? { kind: result.kind, rows: result.rows.length, problems: [] as string[] }
      : { kind: result.kind ?? null, rows: result.total, problems: result.problems };
    if (json) console.log(JSON.stringify(summary, null, 2));
    if (!result.ok) {
      console.error(`${file} cannot be used (${result.problems.length} problems):`);
      for (const problem of result.problems) console.error(`  ${problem}`);
      return 1;
    }
    if (!json)
      console.log(`${file}: ${result.rows.length} rows of ${CORE_FILES[result.kind]}, no problems`);
    return 0;
  }
  const effects = fileEffects(json);
  const result = runDataStep(
    {
      input: file,
      skipInvalid: flag(args, '--skip-invalid'),
      redactionKey: redactionKey((line) => effects.log(line)),
    },
    effects,
  );
  if (!result.ok) {
    if (json) console.log(JSON.stringify({ ok: false, problems: result.problems }, null, 2));
    console.error(`${file} cannot be used (${result.problems.length} problems):`);
    for (const problem of result.problems) console.error(`  ${problem}`);
    return 1;
  }
  if (json)
    console.log(JSON.stringify({ ok: true, ...result.report, skipped: result.skipped }, null, 2));
  else {
    for (const line of result.skipped) console.error(`  skipped ${line}`);
    for (const line of summarise(result.report)) console.log(line);
  }
  return 0;
}

process.exitCode = validate(process.argv.slice(2));
