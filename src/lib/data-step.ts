/**
 * The data step with its effects passed in: choose the input, run the pipeline, derive the files
 * the site reads, and write them. `scripts/build-data.ts` and `scripts/validate.ts` wire it to
 * the real file system; tests pass fakes.
 */
import { runPipeline, type Report } from './pipeline.ts';
import type { RedactionKey } from './scrub.ts';
import { deriveBrowserFiles, type BrowserFile } from './derive/browser-files.ts';
import type { Episode } from './schema.ts';
import { newestFirst } from './stats.ts';
import { buildStamp, type BuildStamp, type SourceRevision } from './build-info.ts';

/**
 * Where the data step writes for the site build, and where the page build reads it:
 * `ATLAS_DATA_DIR`, else `.atlas`. `npm run build` gives each build a folder of its own, so that
 * builds running side by side cannot mix data.
 */
export function dataDir(env: Readonly<Record<string, string | undefined>>): string {
  return env['ATLAS_DATA_DIR'] || '.atlas';
}

/** The data step's file of every episode's similar episodes (`SimilarLink` lists by id). */
export const SIMILAR_FILE = 'similar.json';

/**
 * The ids of the published episodes in publication order (the order of `episodes.json`): the
 * page build reads them to split the episode pages between its two processes (build-part.ts).
 */
export const EPISODE_IDS_FILE = 'episode-ids.json';

export interface DataStepEffects {
  /** Bytes of a file, or undefined when it does not exist. */
  read(path: string): Uint8Array | undefined;
  /** Writes a text file; one whose path ends in `.gz` is stored gzip-compressed, deterministically. */
  write(path: string, contents: string): void;
  log(line: string): void;
  /**
   * Called once `episodes.json` is written, before the browser files are derived: the CLI starts
   * work that needs only the episodes (similar episodes) on another thread meanwhile.
   */
  episodesWritten?(path: string): void;
}

export interface DataStepOptions {
  /** An explicit input file (`ATLAS_INPUT` or the CLI argument). */
  input?: string | undefined;
  skipInvalid: boolean;
  /** Where to write; nothing is written when undefined (validate only). */
  outDir?: string | undefined;
  /** Keys the redaction markers (see PipelineOptions). */
  redactionKey: RedactionKey;
  /** The commit being built and its date, when the checkout knows them (see build-info.ts). */
  revision?: SourceRevision | undefined;
}

export const RELEASE_PATH = 'content/misalignments.json';
export const SAMPLE_PATH = 'content/sample/misalignments.json';

/** What the site reads from the data step's output folder. */
export interface DataManifest {
  report: Report;
  files: BrowserFile['name'][];
  browse: string;
  chunks: string[];
  search: string;
  /** Which build this is: published in exports and on About. */
  build: BuildStamp;
}

export type DataStepResult =
  | { ok: true; report: Report; episodes: Episode[]; skipped: string[] }
  | { ok: false; problems: string[] };

/** `/tmp/x/misalignments.json` → `misalignments.json` (either separator). */
export function fileName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** Picks the input: an explicit file, else the real release when present, else the sample. */
export function chooseInput(
  explicit: string | undefined,
  exists: (path: string) => boolean,
): { path: string; sample: boolean } {
  if (explicit) return { path: explicit, sample: explicit.replace(/^(\.\/)+/, '') === SAMPLE_PATH };
  if (exists(RELEASE_PATH)) return { path: RELEASE_PATH, sample: false };
  return { path: SAMPLE_PATH, sample: true };
}

/** Runs the data step; on success with an `outDir`, writes episodes, report and browser files. */
export function runDataStep(options: DataStepOptions, fx: DataStepEffects): DataStepResult {
  const found = new Map<string, Uint8Array | undefined>();
  const read = (path: string) => {
    if (!found.has(path)) found.set(path, fx.read(path));
    return found.get(path);
  };
  const input = chooseInput(options.input, (path) => read(path) !== undefined);
  const bytes = read(input.path);
  if (bytes === undefined) return { ok: false, problems: [`file: cannot read ${input.path}`] };
  fx.log(
    `read ${input.path} (${(bytes.length / 1024).toFixed(0)} KiB)${input.sample ? ' [sample data]' : ''}`,
  );

  const result = runPipeline(bytes, {
    // The report is published (pages, data/report.json): it names the file, never the folder of
    // the machine that built the site.
    inputName: fileName(input.path),
    sample: input.sample,
    skipInvalid: options.skipInvalid,
    redactionKey: options.redactionKey,
  });
  if (!result.ok) return result;
  const { report, episodes } = result;
  fx.log(
    `parsed ${report.input} records: ${report.published} published, ` +
      `${report.excluded.license} excluded by licence, ${report.excluded['invalid-record']} invalid, ` +
      `${report.excluded.duplicate} duplicate`,
  );
  if (options.outDir !== undefined) {
    const out = options.outDir;
    const ordered = newestFirst(episodes);
    const published = JSON.stringify(ordered);
    fx.write(`${out}/episodes.json`, published);
    fx.write(`${out}/${EPISODE_IDS_FILE}`, JSON.stringify(ordered.map((e) => e.id)));
    fx.episodesWritten?.(`${out}/episodes.json`);
    const files = deriveBrowserFiles(episodes);
    fx.log(`derived ${files.list.length} browser files`);
    fx.write(`${out}/report.json`, JSON.stringify(report, null, 2));
    for (const file of files.list) fx.write(`${out}/public/${file.name}`, file.contents);
    const manifest: DataManifest = {
      report,
      files: files.list.map((f) => f.name),
      browse: files.browse,
      chunks: files.chunks,
      search: files.search,
      build: buildStamp(published, options.revision ?? {}),
    };
    fx.write(`${out}/manifest.json`, JSON.stringify(manifest, null, 2));
    fx.log(`wrote ${episodes.length} episodes and ${files.list.length} browser files to ${out}/`);
  }
  return { ok: true, report, episodes, skipped: result.skipped };
}

/** The one-screen summary printed at the end of a data step. */
export function summarise(report: Report): string[] {
  const redacted = Object.entries(report.redactions).filter(([, n]) => n > 0);
  const excluded =
    report.excluded.license + report.excluded['invalid-record'] + report.excluded.duplicate;
  return [
    `input      ${report.input} records from ${report.inputName}${report.sample ? ' (sample data)' : ''}`,
    `published  ${report.published} (${report.publishedValid} VALID, ${report.publishedInvalid} INVALID)`,
    `excluded   ${excluded}: licence ${report.excluded.license}, invalid record ${report.excluded['invalid-record']}, duplicate ${report.excluded.duplicate}`,
    `redacted   ${redacted.length === 0 ? 'nothing' : redacted.map(([kind, n]) => `${kind} ${n}`).join(', ')}`,
    `accounted  ${report.input === report.published + excluded ? 'yes' : 'NO'}: input = published + excluded`,
  ];
}
