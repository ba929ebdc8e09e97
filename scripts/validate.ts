/**
 * `npm run validate -- <file> [--json] [--skip-invalid]`: parse, filter, scrub and report without
 * building the site. Exit 0 when the file is usable, 1 when it is not, 2 on wrong usage.
 */
import { runDataStep, summarise } from '../src/lib/data-step.ts';
import { fileEffects, flag, positionals, redactionKey } from './cli.ts';

const args = process.argv.slice(2);
const [file, ...extra] = positionals(args, []);
if (!file || extra.length > 0) {
  console.error('usage: npm run validate -- <file> [--json] [--skip-invalid]');
  process.exit(2);
}
const json = flag(args, '--json');
const effects = fileEffects(json);
const result = runDataStep(
  {
    input: file,
    skipInvalid: flag(args, '--skip-invalid'),
    redactionKey: redactionKey(effects.log),
  },
  effects,
);
if (!result.ok) {
  if (json) console.log(JSON.stringify({ ok: false, problems: result.problems }, null, 2));
  console.error(`${file} cannot be used (${result.problems.length} problems):`);
  for (const problem of result.problems) console.error(`  ${problem}`);
  process.exit(1);
}
if (json)
  console.log(JSON.stringify({ ok: true, ...result.report, skipped: result.skipped }, null, 2));
else {
  for (const line of result.skipped) console.error(`  skipped ${line}`);
  for (const line of summarise(result.report)) console.log(line);
}
