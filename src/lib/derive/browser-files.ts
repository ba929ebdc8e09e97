/**
 * The files the browser fetches, derived once in the data step: the columnar browse file, the
 * text chunks that cards and exports read, and the search index. Names carry a content hash so
 * that a repeat visit can cache them forever.
 */
import { createHash } from 'node:crypto';
import { canonicalOrder, encodeColumns, splitLater } from '../browse-columns.ts';
import type { SearchDocument } from '../search-options.ts';
import { buildSearchIndex } from '../search-index.ts';
import {
  SEARCH_BASE_FILE,
  shardFileName,
  splitIndex,
  VOCABULARY_FILE,
  vocabularyOf,
} from '../search-shards.ts';
import type { Episode } from '../schema.ts';
import { keyLabel } from '../ids.ts';
import { fieldText, passagesOf, type PassageSource } from '../passages.ts';

export interface BrowserFile {
  /** Path under `data/`, e.g. `browse.3f9a1c2b7d.json` or `search-1a2b3c4d5e/646174.json.gz`. */
  name: string;
  /** The JSON text; stored gzip-compressed when the name ends in `.gz`. */
  contents: string;
}

/** The text a card, a table row or an export needs of one episode. */
export interface ChunkEntry {
  id: string;
  name: string;
  description: string;
  agent: string;
  timestamp: string;
}

/** The rest of an episode's text, fetched per chunk only when a card shows a matched passage. */
export type DetailEntry = PassageSource;

/**
 * Episodes per text chunk. In date order a page of 25 results touches three chunks; sorted by
 * relevance it may touch 25, so small chunks keep a first search cheap (about 2 KB gzip each).
 */
export const CHUNK_SIZE = 10;

/**
 * Every browser file but the browse file is stored gzip-compressed: GitHub Pages counts a site's
 * bytes as stored and sends a `.gz` file as it is, so the bytes a visitor receives are the same
 * and the text chunks, details and search index take a fifth of the room (issue 14). The data
 * step's writer compresses a file whose name ends in `.gz`; `fetchJson` in the browser undoes it.
 */
export const GZ = '.gz';

/** The name of chunk `n`'s text file within the chunk folder. */
export function chunkFileName(n: number): string {
  return `${n}.json${GZ}`;
}

/** The name of chunk `n`'s detail file within the chunk folder. */
export function detailFileName(n: number): string {
  return `${n}.detail.json${GZ}`;
}

function hashed(stem: string, contents: string): BrowserFile {
  const hash = createHash('sha256').update(contents).digest('hex').slice(0, 10);
  return { name: `${stem}.${hash}.json`, contents };
}

/** The text of an episode as the search index sees it. */
export function searchDocument(episode: Episode, id: number): SearchDocument {
  const passages = passagesOf(episode);
  return {
    id,
    name: episode.name,
    description: episode.description,
    quotes: fieldText(passages, 'quotes'),
    contexts: fieldText(passages, 'contexts'),
    reasoning: fieldText(passages, 'reasoning'),
    agent: episode.agent,
    key: `${episode.id} ${keyLabel(episode.key)}`,
  };
}

/** What Browse fetches of an episode for its cards, table rows and exports. */
export function chunkEntry(episode: Episode): ChunkEntry {
  return {
    id: episode.id,
    name: episode.name,
    description: episode.description,
    agent: episode.agent,
    timestamp: episode.timestamp,
  };
}

/**
 * What Browse fetches of an episode only when it needs more than the card text: its passages
 * for a card whose query matched there, everything for an export.
 */
export function detailEntry(episode: Episode): DetailEntry {
  return {
    evidence: episode.evidence,
    annotation: episode.annotation,
    validation: { note: episode.validation.note },
  };
}

/** Builds every browser file from the published episodes. */
export function deriveBrowserFiles(episodes: readonly Episode[]): {
  list: BrowserFile[];
  browse: string;
  chunks: string[];
  search: string;
} {
  const ordered = canonicalOrder(episodes);
  // Chunks sit in one folder named by the hash of them all, so the browse file names just the
  // folder (a list of per-file hashes would cost more than the columns at 16,000 episodes).
  const chunkTexts: string[] = [];
  const detailTexts: string[] = [];
  for (let start = 0; start < ordered.length; start += CHUNK_SIZE) {
    chunkTexts.push(JSON.stringify(ordered.slice(start, start + CHUNK_SIZE).map(chunkEntry)));
    detailTexts.push(JSON.stringify(ordered.slice(start, start + CHUNK_SIZE).map(detailEntry)));
  }
  const chunkHash = createHash('sha256');
  for (const text of chunkTexts) chunkHash.update(text);
  for (const text of detailTexts) chunkHash.update(text);
  const chunkFolder = `chunk-${chunkHash.digest('hex').slice(0, 10)}`;
  const chunks: BrowserFile[] = chunkTexts.map((contents, n) => ({
    name: `${chunkFolder}/${chunkFileName(n)}`,
    contents,
  }));
  const details: BrowserFile[] = detailTexts.map((contents, n) => ({
    name: `${chunkFolder}/${detailFileName(n)}`,
    contents,
  }));
  // The registry's `later` columns go in a second file that Browse fetches after its first view;
  // the first file names it.
  const columns = encodeColumns(ordered, CHUNK_SIZE, chunkFolder);
  const later = hashed('browse-later', JSON.stringify(splitLater(columns, '').later));
  const browse = hashed('browse', JSON.stringify(splitLater(columns, later.name).first));

  // The search index, split by term prefix: a folder named by the hash of the whole index holds
  // the base file and one file per shard, so every name changes when anything in it does.
  const serialised = buildSearchIndex(ordered.map((episode, i) => searchDocument(episode, i)));
  const { base, shards } = splitIndex(serialised);
  const shardFiles = [...shards].map(([key, shard]) => ({
    name: shardFileName(key),
    contents: JSON.stringify(shard),
  }));
  const baseContents = JSON.stringify(base);
  const folderHash = createHash('sha256');
  folderHash.update(baseContents);
  for (const file of shardFiles) folderHash.update(file.name).update(file.contents);
  const folder = `search-${folderHash.digest('hex').slice(0, 10)}`;
  const search: BrowserFile = { name: `${folder}/${SEARCH_BASE_FILE}`, contents: baseContents };
  return {
    list: [
      browse,
      later,
      ...chunks,
      ...details,
      search,
      ...shardFiles.map((f) => ({ name: `${folder}/${f.name}`, contents: f.contents })),
      // Fetched only when a query finds nothing, to correct or suggest its words.
      { name: `${folder}/${VOCABULARY_FILE}`, contents: JSON.stringify(vocabularyOf(serialised)) },
    ],
    browse: browse.name,
    chunks: chunks.map((c) => c.name),
    search: search.name,
  };
}
