/**
 * `npm run fetch-data [-- --url <url>] [--out <file>] [--no-core | --core-only]
 * [--core-url <folder url>] [--core-out <dir>]`: download the released misalignments.json and the
 * three core files (data/core/ of the replication repository), check that every file is usable,
 * and only then save them (default content/misalignments.json and content/core/), so that
 * `npm run fetch-data && npm run build` builds the real atlas with the paper's full-corpus
 * figures. A failed download or a file that does not validate leaves every existing file untouched.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { RELEASE_PATH, summarise } from '../src/lib/data-step.ts';
import { runPipeline } from '../src/lib/pipeline.ts';
import { parseCore } from '../src/lib/core/parse.ts';
import { CORE_FILES, CORE_KINDS } from '../src/lib/core/schema.ts';
import { CORE_DIR, CORE_MARKER, joinPath } from '../src/lib/core/step.ts';
import { flag, option } from './cli.ts';

const REPOSITORY =
  'https://raw.githubusercontent.com/ND-SaNDwichLAB/coding-agent-misalignment/main';
/** The public episode-level release in the paper's replication repository. */
const DEFAULT_URL = `${REPOSITORY}/misalignments.json`;
/** The folder of the full labelled corpus without text. */
const DEFAULT_CORE_URL = `${REPOSITORY}/data/core`;
const TIMEOUT_MS = 120_000;

const args = process.argv.slice(2);
const url = option(args, '--url') ?? DEFAULT_URL;
const out = option(args, '--out') ?? RELEASE_PATH;
const coreUrl = option(args, '--core-url') ?? DEFAULT_CORE_URL;
const coreOut = option(args, '--core-out') ?? CORE_DIR;
const wantRelease = !flag(args, '--core-only');
const wantCore = !flag(args, '--no-core');
if (!wantRelease && !wantCore) {
  console.error('fetch-data: --no-core and --core-only together leave nothing to fetch');
  process.exit(2);
}

/** Where the files go, for the message that says they were left alone. */
const targets = [
  ...(wantRelease ? [out] : []),
  ...(wantCore ? CORE_KINDS.map((kind) => join(coreOut, CORE_FILES[kind])) : []),
];

/** A download or a file refused: its message (and problems) are printed, nothing is written. */
class Refusal extends Error {
  readonly problems: readonly string[];
  constructor(message: string, problems: readonly string[]) {
    super(message);
    this.problems = problems;
  }
}

function fail(message: string, problems: readonly string[] = []): never {
  throw new Refusal(message, problems);
}

function report(refusal: Refusal): void {
  const { message, problems } = refusal;
  console.error(`fetch-data: ${message}`);
  for (const problem of problems.slice(0, 50)) console.error(`  ${problem}`);
  if (problems.length > 50) console.error(`  … and ${problems.length - 50} more`);
  console.error(
    `Nothing was written; ${targets.join(', ')} ${targets.length > 1 ? 'are' : 'is'} unchanged.`,
  );
}

async function download(from: string): Promise<Uint8Array> {
  console.error(`[fetch] downloading ${from}`);
  let response: Response;
  try {
    response = await fetch(from, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    const cause =
      error instanceof Error
        ? error.cause instanceof Error
          ? error.cause.message
          : error.message
        : String(error);
    fail(`could not download ${from}: ${cause}`);
  }
  if (!response.ok) {
    // Unread, the body would keep the connection, and so the process, alive after the refusal.
    await response.body?.cancel();
    fail(`${from} answered HTTP ${response.status} ${response.statusText}`);
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  console.error(`[fetch] received ${(bytes.length / 1e6).toFixed(1)} MB`);
  if (bytes.length > 0 && bytes[0] === 0x3c /* < */)
    fail(`${from} sent HTML, not JSON (is the URL right?)`);
  return bytes;
}

/** Downloads, checks and saves; the exit code. */
async function fetchData(): Promise<number> {
  /** Every file to save, validated; written only once all of them are. */
  const toSave: Array<{ path: string; bytes: Uint8Array }> = [];
  const summary: string[] = [];

  if (wantRelease) {
    const bytes = await download(url);
    const result = runPipeline(bytes, {
      inputName: url,
      sample: false,
      skipInvalid: false,
      // Only validity matters here; the markers of this check are thrown away.
      redactionKey: randomBytes(32),
    });
    if (!result.ok)
      fail(
        `the downloaded release does not validate (${result.problems.length} problems):`,
        result.problems,
      );
    toSave.push({ path: out, bytes });
    summary.push(...summarise(result.report));
  }

  if (wantCore) {
    for (const kind of CORE_KINDS) {
      const from = joinPath(coreUrl, CORE_FILES[kind]);
      const bytes = await download(from);
      const result = parseCore(bytes, kind);
      if (!result.ok)
        fail(
          `${CORE_FILES[kind]} does not validate (${result.problems.length} problems):`,
          result.problems,
        );
      toSave.push({ path: join(coreOut, CORE_FILES[kind]), bytes });
      summary.push(`core       ${CORE_FILES[kind]}: ${result.rows.length} rows`);
    }
  }

  // Each file goes to a temporary name first, so a crash mid-way never leaves a truncated file.
  for (const file of toSave) {
    mkdirSync(dirname(file.path), { recursive: true });
    writeFileSync(`${file.path}.part`, file.bytes);
  }
  for (const file of toSave) renameSync(`${file.path}.part`, file.path);
  // Real files replace any generated ones there, so the folder is no longer marked synthetic.
  if (wantCore) rmSync(join(coreOut, CORE_MARKER), { force: true });
  for (const line of summary) console.error(line);
  console.error(
    `[fetch] saved ${toSave.map((f) => f.path).join(', ')}; run \`npm run build\` to build the atlas from them.`,
  );
  return 0;
}

// The code is set and the script ends on its own, as validate does (see there): `process.exit()`
// after parsing large files can hang.
try {
  process.exitCode = await fetchData();
} catch (error) {
  if (!(error instanceof Refusal)) throw error;
  report(error);
  process.exitCode = 1;
}
