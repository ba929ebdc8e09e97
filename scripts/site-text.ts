/**
 * How a built site reads as text: every file listed, HTML and JSON decoded the ways a browser or
 * a crawler would read them, so that a check for a secret can look in all of them. Shared by the
 * safety tests and `npm run scrub-check -- --site`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseCsv } from '../src/lib/export.ts';

/** Every file under `dir`, as paths relative to it (forward slashes). */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/** Decodes HTML character references, so escaped text reads as the browser would show it. */
export function decodeEntities(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** `%XX` sequences decoded where they form valid UTF-8; the rest left as it is. */
export function decodePercent(text: string): string {
  return text.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

function jsonStrings(value: unknown, out: string[]): void {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) jsonStrings(item, out);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      out.push(key);
      jsonStrings(item, out);
    }
  }
}

/** Files a visitor's browser receives as text (pages, data, styles, scripts, feeds). */
export const TEXT_EXTENSIONS = new Set([
  '.html',
  '.json',
  '.js',
  '.mjs',
  '.css',
  '.xml',
  '.svg',
  '.txt',
  '.csv',
  '.webmanifest',
  // Browse's data files, gzip-compressed: read decompressed.
  '.gz',
]);

/**
 * A CSV file's cells, one per line, quotes undone; a cell holding JSON (an export's evidence)
 * also gives the strings inside it, escapes undone, so a secret split by `\n` is still found.
 */
function csvPieces(csv: string): string {
  const pieces: string[] = [];
  for (const cell of parseCsv(csv).flat()) {
    pieces.push(cell);
    if (!cell.startsWith('[') && !cell.startsWith('{')) continue;
    try {
      jsonStrings(JSON.parse(cell), pieces);
    } catch {
      // Not JSON: the cell itself is already there.
    }
  }
  return pieces.join('\n');
}

/** The text runs of an HTML page and each attribute value, decoded, one per line. */
function htmlPieces(html: string): string {
  const pieces: string[] = [];
  for (const part of html.split(/(<[^<>]*>)/)) {
    if (!part.startsWith('<')) {
      pieces.push(decodeEntities(part));
      continue;
    }
    for (const attr of part.matchAll(/=\s*"([^"]*)"|=\s*'([^']*)'/g))
      pieces.push(decodeEntities(attr[1] ?? attr[2] ?? ''));
  }
  return pieces.filter((p) => p.trim() !== '').join('\n');
}

/** The ways a built file can be read: a secret must be absent from all of them. */
export interface Readings {
  /** The bytes as UTF-8 text. */
  raw: string;
  /** With HTML character references and percent escapes decoded. */
  decoded: string;
  /**
   * What a reader sees, one context per line: an HTML page's text runs and attribute values,
   * a JSON file's string keys and values, a CSV file's cells (and the strings of JSON cells), or
   * the raw text of anything else.
   */
  text: string;
}

/** A file's readings; a `.gz` file is decompressed and read as the extension before `.gz`. */
export function readingsOf(path: string): Readings {
  if (path.endsWith('.gz'))
    return readingsOfText(
      gunzipSync(readFileSync(path)).toString('utf8'),
      extname(path.slice(0, -'.gz'.length)),
    );
  return readingsOfText(readFileSync(path, 'utf8'), extname(path));
}

/** The readings of a file's text, read as its extension (`.html`, `.json`, `.csv`, …) says. */
export function readingsOfText(raw: string, extension: string): Readings {
  const decoded = decodePercent(decodeEntities(raw));
  let text = raw;
  if (extension === '.html') text = htmlPieces(raw);
  else if (extension === '.csv') text = csvPieces(raw);
  else if (extension === '.json') {
    try {
      const strings: string[] = [];
      jsonStrings(JSON.parse(raw), strings);
      text = strings.join('\n');
    } catch {
      // A JSON file that does not parse is read as raw text.
    }
  }
  return { raw, decoded, text };
}

/** True when `needle` occurs in any reading of the file. */
export function occursIn(readings: Readings, needle: string): boolean {
  return (
    readings.raw.includes(needle) ||
    readings.decoded.includes(needle) ||
    readings.text.includes(needle)
  );
}
