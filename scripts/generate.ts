/**
 * `npm run generate -- --count N --seed S [--layout nested|flat] --out <file>`: deterministic
 * synthetic records in the release layout, for scale tests and benchmarks.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { generateRecords, type Layout } from '../src/lib/synthetic.ts';
import { option } from './cli.ts';

const args = process.argv.slice(2);
const count = Number(option(args, '--count'));
const seed = Number(option(args, '--seed') ?? '1');
const layout = (option(args, '--layout') ?? 'nested') as Layout;
const out = option(args, '--out');
if (
  !Number.isInteger(count) ||
  count < 1 ||
  !Number.isInteger(seed) ||
  !out ||
  !['nested', 'flat'].includes(layout)
) {
  console.error(
    'usage: npm run generate -- --count N --seed S [--layout nested|flat] --out <file>',
  );
  process.exit(2);
}
const records = generateRecords({ count, seed, layout });
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify({ misalignments: records }));
console.error(`[generate] wrote ${records.length} ${layout} records (seed ${seed}) to ${out}`);
