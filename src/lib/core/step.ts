/**
 * The core step of the data build, with its effects passed in: choose the folder holding the
 * three core files, parse and join them, and write `core.json` (the corpus without text) for the
 * page build. A damaged file stops the build with every problem named by file, row and field.
 */
import type { DataStepEffects } from '../data-step.ts';
import { joinCorpus, type Corpus, type JoinReport } from './corpus.ts';
import { parseCore } from './parse.ts';
import { CORE_FILES, CORE_KINDS, type CoreKind, type CoreRows } from './schema.ts';

/** Where `npm run fetch-data` saves the real core files. */
export const CORE_DIR = 'content/core';
/** The synthetic core consistent with the bundled sample (`npm run generate -- --core`). */
export const SAMPLE_CORE_DIR = 'content/sample/core';
/** A file the generator writes beside a synthetic core: its presence marks the core synthetic. */
export const CORE_MARKER = 'synthetic.json';

export interface CoreReport {
  dir: string;
  /** True when the folder holds a generated core, not the paper's. */
  synthetic: boolean;
  files: Array<{ name: string; kind: CoreKind; rows: number }>;
  join: JoinReport;
}

/** What `core.json` holds: the report and the corpus. */
export interface CoreData extends Corpus {
  report: CoreReport;
}

export type CoreStepResult =
  { ok: true; report: CoreReport; corpus: Corpus } | { ok: false; problems: string[] };

/** `dir/name` for a folder path or URL, whatever slashes the folder ends with. */
export function joinPath(dir: string, name: string): string {
  let end = dir.length;
  while (end > 0 && dir[end - 1] === '/') end--;
  return `${dir.slice(0, end)}/${name}`;
}

/** Picks the core folder: an explicit one, else content/core when it holds a file, else the sample's. */
export function chooseCoreDir(explicit: string | undefined, exists: (path: string) => boolean) {
  if (explicit) return explicit;
  return CORE_KINDS.some((kind) => exists(joinPath(CORE_DIR, CORE_FILES[kind])))
    ? CORE_DIR
    : SAMPLE_CORE_DIR;
}

/** Parses one folder's three files; every problem is prefixed with its file's path. */
export function readCore(
  dir: string,
  read: DataStepEffects['read'],
): { ok: true; rows: CoreRows; files: CoreReport['files'] } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const rows: Partial<CoreRows> = {};
  const files: CoreReport['files'] = [];
  for (const kind of CORE_KINDS) {
    const file = joinPath(dir, CORE_FILES[kind]);
    const bytes = read(file);
    if (bytes === undefined) {
      problems.push(
        `${file}: missing (a core folder holds ${Object.values(CORE_FILES).join(', ')})`,
      );
      continue;
    }
    const result = parseCore(bytes, kind);
    if (!result.ok) {
      problems.push(...result.problems.map((p) => `${file}: ${p}`));
      continue;
    }
    (rows as Record<CoreKind, unknown>)[kind] = result.rows;
    files.push({ name: CORE_FILES[kind], kind, rows: result.rows.length });
  }
  return problems.length > 0
    ? { ok: false, problems }
    : { ok: true, rows: rows as CoreRows, files };
}

/** Runs the core step; on success with an `outDir`, writes `core.json` there. */
export function runCoreStep(
  options: { dir?: string | undefined; outDir?: string | undefined },
  fx: DataStepEffects,
): CoreStepResult {
  const dir = chooseCoreDir(options.dir, (p) => fx.read(p) !== undefined);
  const synthetic = fx.read(joinPath(dir, CORE_MARKER)) !== undefined;
  const read = readCore(dir, (path) => fx.read(path));
  if (!read.ok) return read;
  const corpus = joinCorpus(read.rows);
  const report: CoreReport = { dir, synthetic, files: read.files, join: corpus.join };
  fx.log(
    `core ${dir}${synthetic ? ' [synthetic]' : ''}: ${read.files.map((f) => `${f.rows} ${f.kind}`).join(', ')}`,
  );
  if (corpus.join.episodesWithoutSession > 0)
    fx.log(
      `core: ${corpus.join.episodesWithoutSession} episodes have no row in ${CORE_FILES.sessions} (e.g. ${corpus.join.missingSessions.join(', ')})`,
    );
  if (options.outDir !== undefined) {
    const data: CoreData = { report, ...corpus };
    fx.write(`${options.outDir}/core.json`, JSON.stringify(data));
  }
  return { ok: true, report, corpus };
}
