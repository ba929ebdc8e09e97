/**
 * What the CLIs share: the real file system as data-step effects, and argument helpers.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { SourceRevision } from '../src/lib/build-info.ts';
import { dataDir, type DataStepEffects } from '../src/lib/data-step.ts';

/** The file system, for the data step. `quiet` silences progress lines. */
export function fileEffects(quiet = false): DataStepEffects {
  return {
    read: (path) => (existsSync(path) ? new Uint8Array(readFileSync(path)) : undefined),
    write: (path, contents) => {
      mkdirSync(dirname(path), { recursive: true });
      // Node's gzip header has no name and mtime 0: the same text gives the same bytes. Level 6:
      // level 9 took three times as long for 0.2% fewer bytes on generated episodes.
      writeFileSync(path, path.endsWith('.gz') ? gzipSync(contents, { level: 6 }) : contents);
    },
    log: (line) => {
      if (!quiet) console.error(`[data] ${line}`);
    },
  };
}

/** The value after `--name`, if given. */
export function option(args: readonly string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

export function flag(args: readonly string[], name: string): boolean {
  return args.includes(name);
}

/** Positional arguments: everything that is neither a flag nor a flag's value. */
export function positionals(args: readonly string[], valued: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (valued.includes(arg)) i++;
    else if (!arg.startsWith('--')) out.push(arg);
  }
  return out;
}

/** Where the data step writes for the site build (`dataDir` in src/lib/data-step.ts). */
export const DATA_DIR = dataDir(process.env);

/**
 * The key of the redaction markers' HMAC: `ATLAS_REDACTION_KEY` (a repository secret in the deploy
 * workflow, so a secret keeps its marker from one deploy to the next), else a random key for this
 * run alone. It is never written anywhere.
 */
export function redactionKey(log: (line: string) => void): string | Uint8Array {
  const key = process.env['ATLAS_REDACTION_KEY'];
  if (key !== undefined && key !== '') return key;
  log('ATLAS_REDACTION_KEY is not set: redaction markers use a random key for this build');
  return randomBytes(32);
}

/**
 * The commit being built and its date: `GITHUB_SHA` in the deploy workflow, else the checkout's
 * `HEAD`; nothing when neither is known (a copy without `.git`). The date is the commit's, not
 * the clock's, so a rebuild of the same commit stamps the same.
 */
export function sourceRevision(): SourceRevision {
  const git = (...args: string[]): string | null => {
    const run = spawnSync('git', args, { encoding: 'utf8' });
    return run.status === 0 ? run.stdout.trim() || null : null;
  };
  const commit = process.env['GITHUB_SHA'] || git('rev-parse', 'HEAD');
  if (!commit) return {};
  return { commit, date: git('show', '-s', '--format=%cI', commit) };
}
