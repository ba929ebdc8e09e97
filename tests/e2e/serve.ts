/**
 * A static file server for the built site, mounted under the site's base path the way GitHub
 * Pages serves a project site: `node tests/e2e/serve.ts <dir> <base> <port>`.
 */
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';

const [dir = 'dist', base = '/', port = '4321'] = process.argv.slice(2);
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.txt': 'text/plain',
  '.csv': 'text/csv; charset=utf-8',
  // As GitHub Pages sends a `.gz` file: as it is, with no Content-Encoding.
  '.gz': 'application/gzip',
};

function resolve(pathname: string): string | undefined {
  if (!pathname.startsWith(base)) return undefined;
  const rel = normalize(decodeURIComponent(pathname.slice(base.length))).replace(
    /^(\.\.[/\\])+/,
    '',
  );
  const file = join(dir, rel);
  if (existsSync(file) && statSync(file).isFile()) return file;
  const index = join(file, 'index.html');
  return existsSync(index) ? index : undefined;
}

createServer((req, res) => {
  const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (pathname === base.replace(/\/$/, '')) {
    res.writeHead(301, { Location: base }).end();
    return;
  }
  const file = resolve(pathname);
  if (!file) {
    const notFound = join(dir, '404.html');
    res.writeHead(404, { 'Content-Type': TYPES['.html'] as string });
    res.end(existsSync(notFound) ? readFileSync(notFound) : 'not found');
    return;
  }
  res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
  res.end(readFileSync(file));
}).listen(Number(port), '127.0.0.1');
