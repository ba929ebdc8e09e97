/**
 * The only code that reads the data step's output at build time. Everything is read once and
 * memoised; pages ask these functions, never the files.
 */
import { readFileSync } from 'node:fs';
import type { DataManifest } from '../lib/data-step.ts';
import type { Report } from '../lib/pipeline.ts';
import type { Episode } from '../lib/schema.ts';
import { neighbourIndex, type Neighbours } from '../lib/sessions.ts';

const DATA_DIR = '.atlas';

function readJson<T>(name: string): T {
  try {
    return JSON.parse(readFileSync(`${DATA_DIR}/${name}`, 'utf8')) as T;
  } catch (error) {
    throw new Error(`Cannot read ${DATA_DIR}/${name}: run the data step first (npm run data).`, {
      cause: error,
    });
  }
}

let episodes: Episode[] | undefined;
let manifest: DataManifest | undefined;

/** Every published episode, in the canonical order (newest first). */
export function allEpisodes(): Episode[] {
  episodes ??= readJson<Episode[]>('episodes.json');
  return episodes;
}

export function dataManifest(): DataManifest {
  manifest ??= readJson<DataManifest>('manifest.json');
  return manifest;
}

export function dataReport(): Report {
  return dataManifest().report;
}

/** The contents of a browser file written by the data step. */
export function browserFile(name: string): string {
  return readFileSync(`${DATA_DIR}/public/${name}`, 'utf8');
}

let neighbours: Map<string, Neighbours> | undefined;

/** Same-session episodes and previous/next sessions of the repository, for an episode page. */
export function neighboursOf(id: string): Neighbours {
  neighbours ??= neighbourIndex(allEpisodes());
  const found = neighbours.get(id);
  if (!found) throw new Error(`No episode ${id}`);
  return found;
}

/** One static path per published episode. */
export function episodePaths() {
  return allEpisodes().map((episode) => ({ params: { id: episode.id }, props: { episode } }));
}
