/**
 * `npm run fetch-data [-- --url <url>] [--out <file>]`: download the released misalignments.json,
 * check that it is usable, and only then save it (default content/misalignments.json), so that
 * `npm run fetch-data && npm run build` builds the real atlas. A failed download or a file that
 * does not validate leaves the existing file untouched.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { RELEASE_PATH } from '../src/lib/data-step.ts';
import { runPipeline } from '../src/lib/pipeline.ts';
import { summarise } from '../src/lib/data-step.ts';
import { option } from './cli.ts';

/** The public episode-level release in the paper's replication repository. */
const DEFAULT_URL =
  'https://raw.githubusercontent.com/ND-SaNDwichLAB/coding-agent-misalignment/main/misalignments.json';
const TIMEOUT_MS = 120_000;

const args = process.argv.slice(2);
const url = option(args, '--url') ?? DEFAULT_URL;
const out = option(args, '--out') ?? RELEASE_PATH;

function fail(message: string): never {
  console.error(`fetch-data: ${message}`);
  console.error(`Nothing was written; ${out} is unchanged.`);
  process.exit(1);
}

console.error(`[fetch] downloading ${url}`);
let response: Response;
try {
  response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
} catch (error) {
  const cause =
    error instanceof Error
      ? error.cause instanceof Error
        ? error.cause.message
        : error.message
      : String(error);
  fail(`could not download ${url}: ${cause}`);
}
if (!response.ok) fail(`${url} answered HTTP ${response.status} ${response.statusText}`);
const bytes = new Uint8Array(await response.arrayBuffer());
console.error(`[fetch] received ${(bytes.length / 1e6).toFixed(1)} MB`);
if (bytes.length > 0 && bytes[0] === 0x3c /* < */)
  fail(`${url} sent HTML, not JSON (is the URL right?)`);

const result = runPipeline(bytes, {
  inputName: url,
  sample: false,
  skipInvalid: false,
  // Only validity matters here; the markers of this check are thrown away.
  redactionKey: randomBytes(32),
});
if (!result.ok) {
  console.error(
    `fetch-data: the downloaded file does not validate (${result.problems.length} problems):`,
  );
  for (const problem of result.problems.slice(0, 50)) console.error(`  ${problem}`);
  if (result.problems.length > 50) console.error(`  … and ${result.problems.length - 50} more`);
  fail('the download was not saved');
}
mkdirSync(dirname(out), { recursive: true });
const partial = `${out}.part`;
writeFileSync(partial, bytes);
renameSync(partial, out);
for (const line of summarise(result.report)) console.error(line);
console.error(`[fetch] saved ${out}; run \`npm run build\` to build the atlas from it.`);
