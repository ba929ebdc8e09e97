/**
 * A tiny static server for a built site on 127.0.0.1, gzip-encoding text the way GitHub Pages
 * does, so that byte counts in the browser are bytes as served. Compressed bodies are cached
 * (large files are compressed before the first measurement), so compression time never shows
 * up as network time. Extra routes serve the benchmark's own pages.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.txt': 'text/plain',
  '.wasm': 'application/wasm',
  // Sent as it is, as GitHub Pages does: the browser decompresses Browse's data files itself.
  '.gz': 'application/gzip',
};
/** Types worth gzipping; Pagefind's own files (`.pf_*`, wasm) are already compressed. */
const TEXT = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.xml', '.txt']);

export interface SiteServer {
  origin: string;
  close: () => Promise<void>;
}

function resolveFile(dir: string, pathname: string): string | undefined {
  const rel = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
  const file = join(dir, rel);
  if (existsSync(file) && statSync(file).isFile()) return file;
  const index = join(file, 'index.html');
  return existsSync(index) ? index : undefined;
}

/** Serves `dir` at `/`; `extra` maps paths to HTML bodies. */
export async function serveSite(
  dir: string,
  extra: Record<string, string> = {},
): Promise<SiteServer> {
  const cache = new Map<string, Buffer>();
  const gzipped = (file: string): Buffer => {
    let body = cache.get(file);
    if (!body) {
      body = gzipSync(readFileSync(file), { level: 6 });
      cache.set(file, body);
    }
    return body;
  };
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const file = join(entry.parentPath, entry.name);
    if (entry.isFile() && TEXT.has(extname(file)) && statSync(file).size > 64_000) gzipped(file);
  }
  const server: Server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    const gzipOk = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    const page = extra[pathname];
    if (page !== undefined) {
      res.writeHead(200, { 'Content-Type': TYPES['.html'] as string, 'Cache-Control': 'no-store' });
      res.end(page);
      return;
    }
    const file = resolveFile(dir, pathname);
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    // GitHub Pages sends max-age=600; the benchmark's cold runs use a fresh browser context.
    const headers: Record<string, string> = {
      'Content-Type': type,
      'Cache-Control': 'max-age=600',
    };
    if (gzipOk && TEXT.has(extname(file))) {
      res.writeHead(200, { ...headers, 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' });
      res.end(gzipped(file));
    } else {
      res.writeHead(200, headers);
      res.end(readFileSync(file));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
