/**
 * `npm run scrub-check -- <corpus.json> [--json] [--show] [--site]`: measures the scrubber against
 * a corpus of secrets and look-alikes that somebody else wrote (for instance the test material of
 * other secret scanners). The corpus is `{ secrets: [{ family, secret, text }], lookalikes:
 * [{ text }] }`: each `secret` must not survive scrubbing its `text`, each look-alike must come
 * through unchanged. Prints a table per family, the look-alikes that changed, and one closing line.
 *
 * With `--site`, each text is also planted in a text field of an episode of a generated release,
 * the whole site is built, and every file of it is searched, decoded every way a reader could
 * decode it, for each secret (a survivor) and each look-alike (altered when it appears nowhere).
 * Browse's data files (the text chunks and their detail files, from which Browse writes every
 * export, the whole dataset included) hold every published text: the check fails unless it finds
 * them and reads there every look-alike it finds intact anywhere.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { scrubText } from '../src/lib/scrub.ts';
import { generateRecords } from '../src/lib/synthetic.ts';
import { flag, positionals } from './cli.ts';
import { NODE } from './node.ts';
import { listFiles, occursIn, readingsOf, TEXT_EXTENSIONS, type Readings } from './site-text.ts';

interface Corpus {
  secrets: Array<{ family: string; secret: string; text: string }>;
  lookalikes: Array<{ text: string }>;
}

const args = process.argv.slice(2);
const [file, ...extra] = positionals(args, []);
if (!file || extra.length > 0) {
  console.error('usage: npm run scrub-check -- <corpus.json> [--json] [--show] [--site]');
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

/** The text fields a planted text goes into, in turn (long texts always into the description). */
const FIELDS = ['description', 'quote', 'context', 'note', 'symptom', 'name'] as const;

function plant(record: Record<string, unknown>, text: string, turn: number): void {
  const field =
    text.length > 150 || text.includes('\n') ? 'description' : FIELDS[turn % FIELDS.length];
  const evidence = record['evidence'] as Array<Record<string, unknown>>;
  if (field === 'quote' || field === 'context')
    (evidence[0] as Record<string, unknown>)[field] = text;
  else if (field === 'symptom') (record['symptom'] as Record<string, unknown>)['reasoning'] = text;
  else record[field ?? 'description'] = text;
}

/**
 * Browse's data files in a built site: the text chunks and detail files, in the folder the browse
 * file names. Browse writes every export, the whole dataset's too, from these files.
 */
function dataFiles(dist: string, files: readonly string[]): string[] {
  const browse = files.filter((f) => /^data\/browse\.[0-9a-f]+\.json$/.test(f));
  if (browse.length !== 1) throw new Error(`the site has ${browse.length} browse files, not one`);
  const { chunkFolder } = JSON.parse(readFileSync(join(dist, browse[0] ?? ''), 'utf8')) as {
    chunkFolder: string;
  };
  const chunks = files.filter((f) => f.startsWith(`data/${chunkFolder}/`));
  const details = chunks.filter((f) => f.endsWith('.detail.json.gz'));
  if (details.length === 0 || details.length === chunks.length)
    throw new Error(
      `the site has no text chunks and detail files in data/${chunkFolder}/ to check`,
    );
  return chunks;
}

function checkSite({ secrets, lookalikes }: Corpus): void {
  const texts = [...secrets.map((s) => s.text), ...lookalikes.map((l) => l.text)];
  const records = generateRecords({ count: texts.length * 3, seed: 11, layout: 'nested' })
    .filter((r) => r['label'] === 'VALID')
    .slice(0, texts.length);
  if (records.length < texts.length) throw new Error('not enough generated episodes');
  records.forEach((record, i) => {
    record['license_type'] = 'MIT';
    plant(record, texts[i] ?? '', i);
  });
  const dir = mkdtempSync(join(tmpdir(), 'scrub-check-'));
  try {
    const input = join(dir, 'release.json');
    writeFileSync(input, JSON.stringify(records));
    const dist = join(dir, 'dist');
    console.error(`[scrub-check] building a site from ${records.length} planted episodes`);
    const build = spawnSync(NODE, ['scripts/build.ts'], {
      env: { ...process.env, ATLAS_INPUT: input, ATLAS_DIST: dist },
      encoding: 'utf8',
    });
    if (build.status !== 0) {
      console.error(build.stderr.slice(-2000));
      throw new Error('the site build failed');
    }
    const files = listFiles(dist).filter((f) => TEXT_EXTENSIONS.has(extname(f)));
    // The data files hold every published text, the whole dataset's export is made of them: the
    // scan must see them.
    const data = dataFiles(dist, files);
    const readings: Readings[] = files.map((f) => readingsOf(join(dist, f)));
    // A secret that is part of a look-alike (`sk_live_…` inside `xsk_live_…`) must stay there, so
    // its presence in the site says nothing: it is left out of the count and named.
    const all = [...new Set(secrets.map((s) => s.secret))];
    const unmeasurable = all.filter((secret) =>
      lookalikes.some(({ text }) => text.includes(secret)),
    );
    const distinct = all.filter((secret) => !unmeasurable.includes(secret));
    const leaked = distinct.filter((secret) => readings.some((r) => occursIn(r, secret)));
    // A look-alike is intact when it appears whole somewhere (its episode page at least).
    const altered = lookalikes.filter(({ text }) => !readings.some((r) => occursIn(r, text)));
    for (const secret of unmeasurable)
      console.log(`site: inside a look-alike, not counted  ${secret}`);
    for (const secret of leaked) console.log(`site: survived  ${secret.slice(0, 100)}`);
    for (const { text } of altered) console.log(`site: altered   ${text.slice(0, 100)}`);
    console.log(
      `site: secrets surviving anywhere in ${files.length} files: ${leaked.length} of ${distinct.length} distinct ` +
        `(${pct(leaked.length, distinct.length)}); look-alikes altered: ${altered.length} of ` +
        `${lookalikes.length} (${pct(altered.length, lookalikes.length)})`,
    );
    // A look-alike intact on its episode's page is in the data files too (they hold every
    // published text): one the scan cannot find there means it does not read them.
    const read = (names: readonly string[]) =>
      names.flatMap((name) => readings[files.indexOf(name)] ?? []);
    const pages = read(files.filter((f) => /^episodes\/[^/]+\/index\.html$/.test(f)));
    const inData = read(data);
    const onPages = lookalikes.filter(({ text }) => pages.some((r) => occursIn(r, text)));
    const unread = onPages.filter(({ text }) => !inData.some((r) => occursIn(r, text)));
    const survived = distinct.filter((secret) => inData.some((r) => occursIn(r, secret))).length;
    console.log(
      `site: ${data.length} data files (text chunks and details): secrets surviving ${survived}; ` +
        `look-alikes read whole ${onPages.length - unread.length} of the ${onPages.length} on episode pages`,
    );
    for (const { text } of unread)
      console.log(`site: not read in the data files  ${text.slice(0, 100)}`);
    if (onPages.length === 0 || unread.length > 0)
      throw new Error('the scan does not read the data files: it cannot vouch for them');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (flag(args, '--site')) checkSite(corpus);
