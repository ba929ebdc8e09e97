/**
 * `npm run scrub-check -- <corpus.json> [--json] [--show]`: measures the scrubber against a corpus
 * of secrets and look-alikes that somebody else wrote (for instance the test material of other
 * secret scanners). The corpus is `{ secrets: [{ family, secret, text }], lookalikes: [{ text }] }`:
 * each `secret` must not survive scrubbing its `text`, each look-alike must come through unchanged.
 * Prints a table per family, the look-alikes that changed, and one closing line.
 */
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { scrubText } from '../src/lib/scrub.ts';
import { flag, positionals } from './cli.ts';

interface Corpus {
  secrets: Array<{ family: string; secret: string; text: string }>;
  lookalikes: Array<{ text: string }>;
}

const args = process.argv.slice(2);
const [file, ...extra] = positionals(args, []);
if (!file || extra.length > 0) {
  console.error('usage: npm run scrub-check -- <corpus.json> [--json] [--show]');
  process.exit(2);
}
const corpus = JSON.parse(readFileSync(file, 'utf8')) as Corpus;
if (!Array.isArray(corpus.secrets) || !Array.isArray(corpus.lookalikes)) {
  console.error(`${file}: expected { secrets: [...], lookalikes: [...] }`);
  process.exit(2);
}
const key = randomBytes(32);
const show = flag(args, '--show');

const families = new Map<string, { total: number; survived: number }>();
const survivors: string[] = [];
let bytes = 0;
const started = performance.now();
for (const { family, secret, text } of corpus.secrets) {
  const row = families.get(family) ?? { total: 0, survived: 0 };
  families.set(family, row);
  row.total += 1;
  bytes += text.length;
  const out = scrubText(text, key);
  if (out.includes(secret)) {
    row.survived += 1;
    survivors.push(`${family}: ${out.slice(0, 200)}`);
  }
}
const changed: string[] = [];
for (const { text } of corpus.lookalikes) {
  bytes += text.length;
  const out = scrubText(text, key);
  if (out !== text) changed.push(`${text.slice(0, 120)}\n    → ${out.slice(0, 120)}`);
}
const seconds = (performance.now() - started) / 1000;

const secretCount = corpus.secrets.length;
const survivedCount = survivors.length;
const pct = (n: number, of: number) => `${((100 * n) / Math.max(1, of)).toFixed(1)}%`;
const summary =
  `secrets surviving: ${survivedCount} of ${secretCount} (${pct(survivedCount, secretCount)}); ` +
  `look-alikes changed: ${changed.length} of ${corpus.lookalikes.length} ` +
  `(${pct(changed.length, corpus.lookalikes.length)})`;

if (flag(args, '--json')) {
  console.log(
    JSON.stringify(
      {
        families: Object.fromEntries(families),
        secrets: secretCount,
        survived: survivedCount,
        lookalikes: corpus.lookalikes.length,
        changed: changed.length,
      },
      null,
      2,
    ),
  );
} else {
  console.log('| family | secrets | survive |');
  console.log('|---|---:|---:|');
  for (const [family, row] of [...families].sort(([a], [b]) => a.localeCompare(b)))
    console.log(`| ${family} | ${row.total} | ${row.survived} |`);
  if (show) {
    for (const line of survivors) console.log(`survived  ${line}`);
    for (const line of changed) console.log(`changed   ${line}`);
  } else if (changed.length > 0) {
    console.log(`\nlook-alikes changed (--show for the surviving secrets):`);
    for (const line of changed) console.log(`  ${line}`);
  }
  console.log(`\n${(bytes / 1024).toFixed(0)} KiB scrubbed in ${seconds.toFixed(2)} s`);
}
console.log(summary);
