/**
 * The one way the project finds Node for a child process: the `node` devDependency (Node 24, which
 * Astro needs and which strips TypeScript types) when it is installed, else the Node running now.
 * A test runner started with an older Node (`npx vitest` in a shell with Node 20) still builds
 * with Node 24.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const LOCAL = join(import.meta.dirname, '../node_modules/node/bin/node');

export const NODE = existsSync(LOCAL) ? LOCAL : process.execPath;
