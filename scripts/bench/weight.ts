/**
 * Page weight from the built files alone (no browser): gzip sizes of a page's HTML, of the CSS it
 * links and of the JavaScript it loads, following static imports of Astro's island scripts.
 * The browser run measures the same thing on the wire; this is the `--skip-browser` fallback and
 * the per-kind breakdown.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

/** gzip at level 6, zlib's default (what the bench server and most static hosts send). */
export function gzipBytes(contents: Buffer | string): number {
  return gzipSync(contents, { level: 6 }).byteLength;
}

/**
 * A data file's bytes: raw (its JSON text) and gzip (what is sent). A file stored as `.gz` is
 * sent as it is, so its gzip bytes are its size and its raw bytes those of its text.
 */
function dataBytes(file: string): { raw: number; gzip: number } {
  const contents = readFileSync(file);
  return file.endsWith('.gz')
    ? { raw: gunzipSync(contents).byteLength, gzip: contents.byteLength }
    : { raw: contents.byteLength, gzip: gzipBytes(contents) };
}

export interface PageWeight {
  page: string;
  htmlRaw: number;
  html: number;
  css: number;
  js: number;
  /** `<script>` elements that run code (JSON-LD and other data blocks excluded). */
  scripts: number;
  islands: number;
  total: number;
}

function attr(tag: string, name: string): string | undefined {
  for (const match of tag.matchAll(/\s([\w-]+)=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)) {
    if (match[1]?.toLowerCase() === name.toLowerCase()) return match.slice(2).find(Boolean);
  }
  return undefined;
}

function fileOf(site: string, url: string): string | undefined {
  const path = url.split(/[?#]/)[0] ?? '';
  if (!path.startsWith('/')) return undefined;
  const file = join(site, decodeURIComponent(path));
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

/** Static imports of a built JS module (`import … from "./x.js"` and `import "./x.js"`). */
function staticImports(code: string): string[] {
  const found: string[] = [];
  for (const match of code.matchAll(/(?:\bfrom\s*|\bimport\s*)["']([^"']+\.js)["']/g))
    found.push(match[1] as string);
  return found;
}

/** The HTML, CSS and JS one page needs before any interaction, as gzip bytes. */
export function pageWeight(site: string, page: string): PageWeight {
  const htmlText = readFileSync(join(site, page), 'utf8');
  const css = new Set<string>();
  const js = new Set<string>();
  const queue: string[] = [];
  let scripts = 0;
  for (const match of htmlText.matchAll(/<link\b[^>]*>/gi)) {
    const tag = match[0];
    const href = attr(tag, 'href');
    const rel = attr(tag, 'rel') ?? '';
    if (href && rel.includes('stylesheet')) css.add(href);
    if (href && rel.includes('modulepreload')) queue.push(href);
  }
  for (const match of htmlText.matchAll(/<script\b([^>]*)>/gi)) {
    const attrs = match[1] ?? '';
    const type = attr(`<x ${attrs}>`, 'type') ?? '';
    if (type && !/module|javascript/i.test(type)) continue;
    scripts += 1;
    const src = attr(`<x ${attrs}>`, 'src');
    // Inline scripts are counted in the HTML's bytes.
    if (src) queue.push(src);
  }
  const islands = [...htmlText.matchAll(/<astro-island\b[^>]*>/gi)];
  for (const match of islands) {
    for (const name of ['component-url', 'renderer-url', 'before-hydration-url']) {
      const url = attr(match[0], name);
      if (url) queue.push(url);
    }
  }
  for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
    if (js.has(url)) continue;
    js.add(url);
    const file = fileOf(site, url);
    if (!file) continue;
    const dir = url.slice(0, url.lastIndexOf('/') + 1);
    for (const spec of staticImports(readFileSync(file, 'utf8'))) {
      queue.push(spec.startsWith('/') ? spec : new URL(spec, `http://x${dir}`).pathname);
    }
  }
  const sum = (urls: Set<string>) =>
    [...urls].reduce((n, url) => {
      const file = fileOf(site, url);
      return n + (file ? gzipBytes(readFileSync(file)) : 0);
    }, 0);
  const html = gzipBytes(htmlText);
  const cssBytes = sum(css);
  const jsBytes = sum(js);
  return {
    page,
    htmlRaw: Buffer.byteLength(htmlText),
    html,
    css: cssBytes,
    js: jsBytes,
    scripts,
    islands: islands.length,
    total: html + cssBytes + jsBytes,
  };
}

/** The episode page of median HTML size: "a typical episode". */
export function typicalEpisode(site: string): string | undefined {
  const dir = join(site, 'episodes');
  if (!existsSync(dir)) return undefined;
  const pages = readdirSync(dir)
    .map((id) => join('episodes', id, 'index.html'))
    .filter((page) => existsSync(join(site, page)))
    .map((page) => ({ page, size: statSync(join(site, page)).size }))
    .sort((a, b) => a.size - b.size);
  return pages[Math.floor(pages.length / 2)]?.page;
}

/** gzip bytes of the data files whose names start with `stem` (e.g. `search.`). */
export function dataFileBytes(
  site: string,
  stem: string,
): { raw: number; gzip: number; name: string } | undefined {
  const dir = join(site, 'data');
  if (!existsSync(dir)) return undefined;
  const name = readdirSync(dir).find((f) => f.startsWith(stem));
  if (!name) return undefined;
  return { ...dataBytes(join(dir, name)), name };
}

export interface SearchIndexBytes {
  /** Every file of the index (all shards), raw and gzip. */
  raw: number;
  gzip: number;
  files: number;
  /** The file fetched before any shard (`base.json.gz`), gzip; the whole index when unsplit. */
  baseGzip: number;
  /** The largest shard, gzip (0 when unsplit). */
  largestShardGzip: number;
}

/**
 * The search index as built: one `search.<hash>.json`, or a `search-<hash>/` folder holding a
 * base file and one shard per term prefix (src/lib/search-shards.ts).
 */
export function searchIndexBytes(site: string): SearchIndexBytes | undefined {
  const single = dataFileBytes(site, 'search.');
  if (single)
    return {
      raw: single.raw,
      gzip: single.gzip,
      files: 1,
      baseGzip: single.gzip,
      largestShardGzip: 0,
    };
  const dir = join(site, 'data');
  if (!existsSync(dir)) return undefined;
  const folder = readdirSync(dir).find(
    (f) => f.startsWith('search-') && statSync(join(dir, f)).isDirectory(),
  );
  if (!folder) return undefined;
  const out: SearchIndexBytes = { raw: 0, gzip: 0, files: 0, baseGzip: 0, largestShardGzip: 0 };
  for (const name of readdirSync(join(dir, folder))) {
    const { raw, gzip } = dataBytes(join(dir, folder, name));
    out.raw += raw;
    out.gzip += gzip;
    out.files += 1;
    if (name.startsWith('base.json')) out.baseGzip = gzip;
    else out.largestShardGzip = Math.max(out.largestShardGzip, gzip);
  }
  return out;
}

/**
 * gzip bytes of the first text chunk: `chunk-0.<hash>.json`, or `0.json.gz` (formerly `0.json`)
 * in a `chunk-<hash>/` folder.
 */
export function firstChunkBytes(site: string): { raw: number; gzip: number } | undefined {
  const single = dataFileBytes(site, 'chunk-0.');
  if (single) return { raw: single.raw, gzip: single.gzip };
  const dir = join(site, 'data');
  if (!existsSync(dir)) return undefined;
  const folder = readdirSync(dir).find(
    (f) => f.startsWith('chunk-') && statSync(join(dir, f)).isDirectory(),
  );
  const file = folder
    ? ['0.json.gz', '0.json'].map((name) => join(dir, folder, name)).find((f) => existsSync(f))
    : undefined;
  return file ? dataBytes(file) : undefined;
}
