/**
 * `npm run generate -- --count N --seed S [--layout nested|flat] --out <file>`: deterministic
 * synthetic records in the release layout, for scale tests and benchmarks.
 *
 * `npm run generate -- --core [--seed S] [--sessions N --candidates N --valid N] [--out <dir>]`:
 * a deterministic synthetic core (the three data/core files) holding every episode of the bundled
 * sample, written to content/sample/core/ by default; `--real-size` asks for the paper's totals.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generateRecords, type Layout } from '../src/lib/synthetic.ts';
import { SAMPLE_PATH } from '../src/lib/data-step.ts';
import { CORE_FILES, CORE_KINDS } from '../src/lib/core/schema.ts';
import { CORE_MARKER, SAMPLE_CORE_DIR } from '../src/lib/core/step.ts';
import {
  generateCore,
  REAL_CORE_SIZE,
  SAMPLE_CORE_SIZE,
  type CoreSize,
} from '../src/lib/core/synthetic.ts';
import { decodeRelease, parseRelease } from '../src/lib/parse.ts';
import { flag, option } from './cli.ts';

const args = process.argv.slice(2);
const seed = Number(option(args, '--seed') ?? '1');

function usage(): never {
  console.error(
    'usage: npm run generate -- --count N --seed S [--layout nested|flat] --out <file>\n' +
      '       npm run generate -- --core [--seed S] [--real-size | --sessions N --candidates N --valid N] [--out <dir>]',
  );
  process.exit(2);
}

if (flag(args, '--core')) {
  const base = flag(args, '--real-size') ? REAL_CORE_SIZE : SAMPLE_CORE_SIZE;
  const size: CoreSize = {
    sessions: Number(option(args, '--sessions') ?? base.sessions),
    candidates: Number(option(args, '--candidates') ?? base.candidates),
    valid: Number(option(args, '--valid') ?? base.valid),
  };
  if (
    ![seed, size.sessions, size.candidates, size.valid].every((n) => Number.isInteger(n) && n >= 0)
  )
    usage();
  const out = option(args, '--out') ?? SAMPLE_CORE_DIR;
  const decoded = decodeRelease(new Uint8Array(readFileSync(SAMPLE_PATH)));
  if ('error' in decoded) throw new Error(`${SAMPLE_PATH}: ${decoded.error}`);
  const sample = parseRelease(decoded.text);
  const rows = generateCore({ seed, ...size, episodes: sample.episodes.map((p) => p.episode) });
  mkdirSync(out, { recursive: true });
  for (const kind of CORE_KINDS)
    writeFileSync(join(out, CORE_FILES[kind]), `${JSON.stringify(rows[kind], null, 2)}\n`);
  writeFileSync(
    join(out, CORE_MARKER),
    `${JSON.stringify({ synthetic: true, seed, ...size, consistentWith: SAMPLE_PATH }, null, 2)}\n`,
  );
  console.error(
    `[generate] wrote a synthetic core of ${size.sessions} sessions, ${size.candidates} candidates and ${size.valid} valid episodes (seed ${seed}) to ${out}/`,
  );
} else {
  const count = Number(option(args, '--count'));
  const layout = (option(args, '--layout') ?? 'nested') as Layout;
  const out = option(args, '--out');
  if (
    !Number.isInteger(count) ||
    count < 1 ||
    !Number.isInteger(seed) ||
    !out ||
    !['nested', 'flat'].includes(layout)
  )
    usage();
  const records = generateRecords({ count, seed, layout });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify({ misalignments: records }));
  console.error(`[generate] wrote ${records.length} ${layout} records (seed ${seed}) to ${out}`);
}
