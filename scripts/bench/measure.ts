/**
 * Runs a child process and measures it: wall time with `performance.now()`, peak memory two ways.
 * `/usr/bin/time -v` gives the largest resident set of any single process in the tree (the kernel
 * keeps the maximum over the child and every descendant it waited for); sampling `/proc` every
 * 100 ms gives the peak of the whole tree's summed resident set (astro's workers included).
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { NODE } from '../node.ts';

export interface Measured {
  ok: boolean;
  wallMs: number;
  /** Largest single-process peak RSS (GNU time's "Maximum resident set size"), in bytes. */
  maxRssBytes: number | null;
  /** Peak of the sampled sum of RSS over the process tree, in bytes. */
  treePeakBytes: number;
  /** The last lines of the child's stderr and stdout, for failures and for parsing. */
  output: string;
}

const TIME = '/usr/bin/time';

/** Whether GNU time is installed (Debian package `time`). */
export const hasGnuTime = existsSync(TIME);

function children(): Map<number, number[]> {
  const tree = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name may hold spaces and parentheses; the ppid is the 2nd field after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = tree.get(ppid) ?? [];
      list.push(Number(name));
      tree.set(ppid, list);
    } catch {
      // The process ended between readdir and read.
    }
  }
  return tree;
}

function rssOf(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** The summed RSS of `root` and all its descendants, in bytes. */
export function treeRss(root: number): number {
  const tree = children();
  let total = 0;
  const stack = [root];
  for (let pid = stack.pop(); pid !== undefined; pid = stack.pop()) {
    total += rssOf(pid);
    stack.push(...(tree.get(pid) ?? []));
  }
  return total;
}

export interface RunOptions {
  /** The program; the project's Node (scripts/node.ts) when not given. */
  command?: string;
  args: string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
}

/** Runs `command ...args` and measures it. Output is kept, not shown. */
export function runMeasured({
  command: program = NODE,
  args,
  cwd,
  env = {},
}: RunOptions): Promise<Measured> {
  const command = hasGnuTime ? TIME : program;
  // GNU time reports on stderr after the child exits, so its lines end the kept output; a
  // report file would be lost if the scratch folder vanished during a long build.
  const argv = hasGnuTime ? ['-v', program, ...args] : args;
  const started = performance.now();
  const child = spawn(command, argv, {
    cwd,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (data: Buffer) => {
    output = (output + data.toString()).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let treePeakBytes = 0;
  const sample = () => {
    if (child.pid !== undefined) treePeakBytes = Math.max(treePeakBytes, treeRss(child.pid));
  };
  const timer = setInterval(sample, 100);
  return new Promise((resolve) => {
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      clearInterval(timer);
      let maxRssBytes: number | null = null;
      if (hasGnuTime) {
        const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(output);
        if (match) maxRssBytes = Number(match[1]) * 1024;
      }
      resolve({ ok: code === 0, wallMs, maxRssBytes, treePeakBytes, output });
    });
  });
}

/** Bytes and files under `dir`, with a breakdown by top-level entry. */
export function sizeOfTree(dir: string): {
  bytes: number;
  files: number;
  byTop: Record<string, { bytes: number; files: number }>;
} {
  let bytes = 0;
  let files = 0;
  const byTop: Record<string, { bytes: number; files: number }> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const size = readFileSizeSafe(path);
    bytes += size;
    files += 1;
    const rel = path.slice(dir.length + 1);
    const top = rel.includes('/') ? `${rel.split('/')[0]}/` : '(root files)';
    const slot = (byTop[top] ??= { bytes: 0, files: 0 });
    slot.bytes += size;
    slot.files += 1;
  }
  return { bytes, files, byTop };
}

function readFileSizeSafe(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
