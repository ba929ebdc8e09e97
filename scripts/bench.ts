/**
 * `npm run bench -- [--sizes 1000,4000,16000[,64000]] [--skip-browser] [--runs 3] [--out BENCHMARKS.md]`:
 * builds the site from synthetic data at each size and measures the build (against a bare Astro
 * build of as many trivial pages), the output, page weight, and Browse in headless Chromium
 * side by side with Pagefind on the same episode pages. Writes BENCHMARKS.md and BENCHMARKS.json.
 * Everything it builds lives under os.tmpdir()/atlas-bench; nothing in the repository is touched
 * but the two reports.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import * as prettier from 'prettier';
import {
  browseRun,
  launch,
  pagefindRun,
  PAGEFIND_PAGE,
  THROTTLE,
  type BrowseRun,
  type PagefindRun,
} from './bench/browser.ts';
import { measureCompare } from './bench/compare.ts';
import { measureCompute } from './bench/compute.ts';
import { lighthouseRuns, type LighthouseFigures, type LighthousePage } from './bench/lighthouse.ts';
import { measureScrub } from './bench/scrub.ts';
import { measureSimilar } from './bench/similar.ts';
import { floorProject, generateInput, generateRealCore } from './bench/inputs.ts';
import { hasGnuTime, runMeasured, sizeOfTree, type Measured } from './bench/measure.ts';
import { COLD_QUERY, WARM_QUERIES } from './bench/queries.ts';
import { renderReport } from './bench/report.ts';
import type {
  BenchRun,
  BrowserFigures,
  LatencyFigures,
  ProcessFigures,
  SizeResult,
} from './bench/results.ts';
import { serveSite } from './bench/server.ts';
import { median, percentile } from './bench/stats.ts';
import {
  dataFileBytes,
  firstChunkBytes,
  pageWeight,
  searchIndexBytes,
  typicalEpisode,
} from './bench/weight.ts';
import { flag, option } from './cli.ts';

const args = process.argv.slice(2);
const sizes = (option(args, '--sizes') ?? '1000,4000,16000').split(',').map(Number);
const skipBrowser = flag(args, '--skip-browser');
const runs = Number(option(args, '--runs') ?? '3');
const out = option(args, '--out') ?? 'BENCHMARKS.md';
const keep = flag(args, '--keep');
if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(runs) || runs < 1) {
  console.error(
    'usage: npm run bench -- [--sizes 1000,4000,16000] [--skip-browser] [--runs 3] [--out BENCHMARKS.md] [--keep]',
  );
  process.exit(2);
}

const REPO = process.cwd();
const WORK = join(tmpdir(), 'atlas-bench');
const SEED = 1;
const LIGHTHOUSE_FROM = 16_000;
const started = performance.now();
mkdirSync(WORK, { recursive: true });

let core: string | undefined;

/** The generated core of the real size every build reads, made on first use (see inputs.ts). */
function realCore(): string {
  if (!core || !existsSync(core)) {
    progress('generating a core of the real size (20,574 sessions, 29,896 candidates)');
    core = generateRealCore(REPO, SEED, join(WORK, 'core'));
  }
  return core;
}

function progress(line: string): void {
  const elapsed = ((performance.now() - started) / 1000).toFixed(0).padStart(5);
  console.error(`[bench ${elapsed}s] ${line}`);
}

/** The child's own last output, without GNU time's report. */
function tail(m: Measured, chars: number): string {
  return (m.output.split('\tCommand being timed')[0] ?? '').slice(chars);
}

function figures(m: Measured): ProcessFigures {
  return { ok: m.ok, wallMs: m.wallMs, maxRssBytes: m.maxRssBytes, treePeakBytes: m.treePeakBytes };
}

function latency(samples: readonly number[], timedOut: number): LatencyFigures {
  return {
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    max: samples.length ? Math.max(...samples) : NaN,
    n: samples.length,
    timedOut,
  };
}

/** One page of each kind for Lighthouse, from what the build wrote. */
function lighthousePages(site: string, episode: string | undefined): LighthousePage[] {
  const firstDir = (dir: string): string | undefined =>
    existsSync(join(site, dir))
      ? readdirSync(join(site, dir)).find((d) => existsSync(join(site, dir, d, 'index.html')))
      : undefined;
  const agent = firstDir('agents');
  const compare = firstDir('compare');
  const candidates: (LighthousePage | false)[] = [
    { kind: 'overview', path: '/' },
    !!episode && { kind: 'episode', path: `/${episode.replace(/index\.html$/, '')}` },
    existsSync(join(site, 'taxonomy/form/s3/index.html')) && {
      kind: 'label',
      path: '/taxonomy/form/s3/',
    },
    !!agent && { kind: 'agent', path: `/agents/${agent}/` },
    !!compare && { kind: 'comparison', path: `/compare/${compare}/` },
    existsSync(join(site, 'trends/index.html')) && { kind: 'trends', path: '/trends/' },
    { kind: 'Browse', path: '/browse/' },
    { kind: 'Browse with a query', path: `/browse/?q=${encodeURIComponent(COLD_QUERY)}` },
  ];
  return candidates.filter((c): c is LighthousePage => c !== false);
}

/** Lighthouse on each kind of page, over the same local gzip server. */
async function measureLighthouse(site: string, episode: string | undefined) {
  const server = await serveSite(site);
  try {
    return await lighthouseRuns(server.origin, lighthousePages(site, episode));
  } finally {
    await server.close();
  }
}

async function measureBrowser(site: string): Promise<BrowserFigures> {
  const server = await serveSite(site, { '/__bench/pagefind.html': PAGEFIND_PAGE });
  const browser = await launch();
  const warm = {
    queries: WARM_QUERIES,
    warmUp: ['agent', 'build config', 'refactor'],
    toggles: 30,
  };
  try {
    const ours: BrowseRun[] = [];
    for (let run = 1; run <= runs; run++) {
      progress(
        `  browser: Browse cold run ${run}/${runs}${run === runs ? ' + warm queries + facets' : ''}`,
      );
      ours.push(await browseRun(browser, server.origin, COLD_QUERY, run === runs ? warm : null));
    }
    const hasPagefind = existsSync(join(site, 'pagefind', 'pagefind.js'));
    // Cold runs on the main thread (noWorker), whose last also times the warm queries there;
    // then the warm queries in Pagefind's own Web Worker, its default mode.
    const theirs: PagefindRun[] = [];
    for (let run = 1; hasPagefind && run <= runs; run++) {
      progress(
        `  browser: Pagefind cold run ${run}/${runs}${run === runs ? ' + warm queries on the main thread (noWorker)' : ''}`,
      );
      theirs.push(
        await pagefindRun(browser, server.origin, COLD_QUERY, true, run === runs ? warm : null),
      );
    }
    let inWorker: PagefindRun | null = null;
    if (hasPagefind) {
      progress('  browser: Pagefind warm queries in its Web Worker');
      inWorker = await pagefindRun(browser, server.origin, COLD_QUERY, false, warm);
    }
    const last = ours[ours.length - 1] as BrowseRun;
    const lastPf = theirs[theirs.length - 1];
    const readyRunsMs = ours.map((r) => r.coldLoad.readyMs);
    const searchRunsMs = ours.map((r) => r.coldSearch.ms);
    return {
      runs,
      coldLoad: { readyMs: median(readyRunsMs), readyRunsMs, transfer: last.coldLoad.transfer },
      coldSearch: {
        ms: median(searchRunsMs),
        runsMs: searchRunsMs,
        transfer: last.coldSearch.transfer,
        heading: last.coldSearch.heading,
      },
      warm: {
        ...latency(last.warm.samples, last.warm.timedOut),
        zeroResults: last.warm.outcomes.filter((o) => o.startsWith('0 ') || o.startsWith('No '))
          .length,
      },
      warmFirst: latency(last.warmFirst.samples, last.warmFirst.timedOut),
      warmListed: latency(last.warmListed.samples, last.warmListed.timedOut),
      facetList: latency(last.facetList.samples, last.facetList.timedOut),
      facetSettled: latency(last.facetSettled.samples, last.facetSettled.timedOut),
      queryInUrl: last.queryInUrl,
      pagefind:
        lastPf && inWorker
          ? {
              coldMs: median(theirs.map((r) => r.coldMs)),
              runsMs: theirs.map((r) => r.coldMs),
              transfer: lastPf.transfer,
              warm: {
                ...latency(inWorker.warm.samples, inWorker.warm.timedOut),
                zeroResults: inWorker.warm.outcomes.filter((o) => o.startsWith('0 ')).length,
              },
              warmMainThread: latency(lastPf.warm.samples, lastPf.warm.timedOut),
            }
          : null,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

async function benchSize(episodes: number): Promise<SizeResult> {
  const errors: string[] = [];
  // Recreated per size: a long run should survive someone clearing the temp folder.
  mkdirSync(WORK, { recursive: true });
  const load = loadavg()[0] ?? 0;
  const input = join(WORK, `input-${episodes}.json`);
  const dataDir = join(WORK, `data-${episodes}`);
  const site = join(WORK, `site-${episodes}`);
  progress(`${episodes} episodes: generating the release file`);
  const records = generateInput(REPO, episodes, SEED, input);
  const env = { ATLAS_INPUT: input, ATLAS_BASE: '/', ATLAS_CORE_DIR: realCore() };

  progress(`${episodes}: scrub throughput`);
  const scrub = measureScrub(input);
  progress(
    `${episodes}: scrubbed ${(scrub.bytes / 1e6).toFixed(1)} MB at ${scrub.mbPerSecond.toFixed(1)} MB/s`,
  );

  progress(`${episodes}: data step`);
  rmSync(dataDir, { recursive: true, force: true });
  const data = await runMeasured({
    args: ['scripts/build-data.ts', '--quiet'],
    cwd: REPO,
    env: { ...env, ATLAS_DATA_DIR: dataDir },
  });
  if (!data.ok) errors.push(`data step failed: ${tail(data, -600)}`);
  let similar: SizeResult['similar'];
  if (data.ok) {
    similar = measureSimilar(dataDir);
    progress(`${episodes}: similar episodes ${(similar.wallMs / 1000).toFixed(1)} s`);
  }
  rmSync(dataDir, { recursive: true, force: true });
  progress(`${episodes}: data step ${(data.wallMs / 1000).toFixed(1)} s`);

  progress(`${episodes}: npm run build (scripts/build.ts)`);
  rmSync(site, { recursive: true, force: true });
  const full = await runMeasured({
    args: ['scripts/build.ts'],
    cwd: REPO,
    env: { ...env, ATLAS_DIST: site },
  });
  if (!full.ok) errors.push(`build failed: ${tail(full, -1500)}`);
  const published = Number(/published\s+(\d+)/.exec(full.output)?.[1] ?? episodes);
  if (published !== episodes)
    errors.push(`expected ${episodes} published episodes, the build published ${published}`);
  progress(
    `${episodes}: build ${full.ok ? 'ok' : 'FAILED'} in ${(full.wallMs / 1000).toFixed(1)} s`,
  );

  progress(`${episodes}: bare Astro floor (${published} trivial pages)`);
  const floorDir = floorProject(REPO, join(WORK, 'floor'), published);
  const floor = await runMeasured({
    args: [join(REPO, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', floorDir, '--silent'],
    cwd: floorDir,
  });
  if (!floor.ok) errors.push(`floor build failed: ${tail(floor, -600)}`);
  rmSync(join(floorDir, 'dist'), { recursive: true, force: true });
  progress(`${episodes}: floor ${(floor.wallMs / 1000).toFixed(1)} s`);

  const built = full.ok && existsSync(join(site, 'index.html'));
  const dist = built ? sizeOfTree(site) : { bytes: 0, files: 0, byTop: {} };
  const episode = built ? typicalEpisode(site) : undefined;
  const hasBrowse = built && existsSync(join(site, 'browse', 'index.html'));
  const strip = (f: { raw: number; gzip: number } | undefined) =>
    f ? { raw: f.raw, gzip: f.gzip } : null;
  const weight: SizeResult['weight'] = {
    episode: episode ? pageWeight(site, episode) : null,
    browse: hasBrowse ? pageWeight(site, 'browse/index.html') : null,
    browseFile: built ? strip(dataFileBytes(site, 'browse.')) : null,
    chunk: (built && firstChunkBytes(site)) || null,
    searchIndex: (built && searchIndexBytes(site)) || null,
  };

  let compute: SizeResult['compute'] = null;
  if (built) {
    try {
      compute = measureCompute(site);
    } catch (error) {
      errors.push(`compute: ${String(error)}`);
    }
  }

  let compare: SizeResult['compare'] = null;
  if (built) {
    progress(`${episodes}: compare view updates${skipBrowser ? '' : ' (Node and Chromium)'}`);
    const server = skipBrowser ? null : await serveSite(site);
    const chromium = skipBrowser ? null : await launch();
    try {
      compare = await measureCompare(site, chromium, server?.origin ?? null);
    } catch (error) {
      errors.push(`compare: ${String(error)}`);
    } finally {
      await chromium?.close();
      await server?.close();
    }
  }

  let pagefindIndex: SizeResult['pagefindIndex'] = null;
  if (built) {
    progress(`${episodes}: Pagefind indexing episodes/**/*.html`);
    const pf = await runMeasured({
      command: join(REPO, 'node_modules/@pagefind/linux-x64/bin/pagefind_extended'),
      args: ['--site', site, '--glob', 'episodes/**/*.html', '--silent'],
      cwd: REPO,
    });
    if (pf.ok) pagefindIndex = { ...figures(pf), ...sizeOfTree(join(site, 'pagefind')) };
    else errors.push(`pagefind failed: ${tail(pf, -600)}`);
  }

  let browser: BrowserFigures | null = null;
  let lighthouse: LighthouseFigures[] | undefined;
  if (!skipBrowser && hasBrowse) {
    try {
      browser = await measureBrowser(site);
    } catch (error) {
      errors.push(`browser: ${String(error)}`);
    }
    // Lighthouse takes about half a minute a page: run it where the budget is (16,000) and above,
    // or at the largest size of a run that stops short of that.
    if (episodes >= LIGHTHOUSE_FROM || episodes === Math.max(...sizes)) {
      progress(`${episodes}: Lighthouse on each kind of page`);
      lighthouse = await measureLighthouse(site, episode);
      for (const l of lighthouse) if (l.error) errors.push(`lighthouse ${l.kind}: ${l.error}`);
    }
  } else if (!skipBrowser) errors.push('browser: no browse/index.html in the built site');
  if (!keep) rmSync(site, { recursive: true, force: true });
  rmSync(input, { force: true });

  const ratioRss =
    full.maxRssBytes && floor.maxRssBytes ? full.maxRssBytes / floor.maxRssBytes : null;
  const warning = /\[build\] WARNING: .*/.exec(full.output)?.[0] ?? null;
  for (const e of errors) progress(`${episodes}: ERROR ${e.split('\n')[0]}`);
  return {
    episodes: published,
    records,
    loadBefore: load,
    build: {
      data: figures(data),
      full: figures(full),
      floor: figures(floor),
      floorPages: published,
      ratioWall: full.wallMs / floor.wallMs,
      ratioRss,
      warning,
    },
    dist: { bytes: dist.bytes, files: dist.files, byTop: dist.byTop },
    weight,
    compute,
    compare,
    scrub,
    similar,
    pagefindIndex,
    browser,
    lighthouse,
    errors,
  };
}

async function chromiumVersion(): Promise<string | null> {
  if (skipBrowser) return null;
  const browser = await launch();
  const version = browser.version();
  await browser.close();
  return version;
}

const previousPath = resolve(REPO, 'BENCHMARKS.json');
/** The run's figures go beside its report: `--out /tmp/x.md` writes /tmp/x.json. */
const jsonOut = resolve(REPO, `${out.endsWith('.md') ? out.slice(0, -3) : out}.json`);
const previous = existsSync(previousPath)
  ? (JSON.parse(readFileSync(previousPath, 'utf8')) as BenchRun)
  : null;
const cpuList = cpus();
const result: BenchRun = {
  date: new Date().toISOString(),
  command: `npm run bench -- ${args.join(' ')}`.trim().replace(/ --$/, ''),
  machine: {
    cpus: cpuList.length,
    cpuModel: cpuList[0]?.model ?? 'unknown',
    memoryBytes: totalmem(),
    node: process.version,
    chromium: await chromiumVersion(),
    os: `Linux ${release()}`,
    gnuTime: hasGnuTime,
  },
  throttle: {
    latencyMs: THROTTLE.latency,
    downKbps: (THROTTLE.downloadThroughput * 8) / 1000,
    upKbps: (THROTTLE.uploadThroughput * 8) / 1000,
  },
  coldQuery: COLD_QUERY,
  sizes: [],
};
if (!hasGnuTime)
  progress('no /usr/bin/time (Debian package `time`): peak memory comes from /proc sampling only');
for (const n of sizes) {
  result.sizes.push(await benchSize(n));
  // Write after every size, so a long run that is stopped still leaves its figures.
  await write();
}
progress(`done in ${((performance.now() - started) / 60_000).toFixed(1)} min: ${out}, ${jsonOut}`);

async function write(): Promise<void> {
  const config = (await prettier.resolveConfig(previousPath)) ?? {};
  const json = await prettier.format(JSON.stringify(result), { ...config, parser: 'json' });
  writeFileSync(jsonOut, json);
  const markdown = await prettier.format(renderReport(result, previous), {
    ...config,
    parser: 'markdown',
  });
  writeFileSync(resolve(REPO, out), markdown);
}
