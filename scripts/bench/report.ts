/**
 * BENCHMARKS.md from one run's results (and the previous run's, for the comparison section).
 */
import { PAGES_LIMIT_BYTES, PAGES_WARN_BYTES } from '../../src/lib/site-size.ts';
import type { LighthouseFigures } from './lighthouse.ts';
import { FIRST_RESULTS } from './queries.ts';
import type { BenchRun, BrowserFigures, LatencyFigures, SizeResult } from './results.ts';
import { count, kb, mib, ms, ratio } from './stats.ts';

const BUDGET_SIZE = 16_000;
const LARGE_SIZE = 64_000;
const EPISODE_HTML_BUDGET = 15_000;
/** The copy buttons' module (gzip), the only script an episode page may load. */
const COPY_SCRIPT_BYTES = 1_000;
const BROWSE_BUDGET = 160_000;
/** Facet toggle p95: one frame at 16,000 episodes, two at 64,000. */
const FACET_BUDGET_MS: Record<number, number> = { [BUDGET_SIZE]: 16, [LARGE_SIZE]: 33 };
/** Changing a comparison on /compare/ (issue 12). */
const COMPARE_BUDGET_MS = 50;
const BUILD_RATIO_BUDGET = 3;
/** Build cost per episode, 4,000 → the largest size, within this factor (near-linear). */
const GROWTH_BUDGET = 1.3;
const MEMORY_BUDGET = 3 * 2 ** 30;
/** dist/ at 16,000 and at 64,000: room to grow under GitHub Pages' 1 GB. */
const DIST_BUDGET: Record<number, number> = { [BUDGET_SIZE]: 175e6, [LARGE_SIZE]: 700e6 };
const LIGHTHOUSE_BUDGET = 95;
const CLS_BUDGET = 0.05;
const TBT_BUDGET_MS = 100;

type Row = [string, string, string?];

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

function p(l: LatencyFigures | undefined): string {
  return l && l.n > 0 ? `${ms(l.p50)} / ${ms(l.p95)}` : 'n/a';
}

/**
 * Browse's warm p95 for the budget: until its first FIRST_RESULTS cards show their text, the
 * count Pagefind's run loads; runs from before that was measured timed every card of the page.
 */
function warmP95(br: BrowserFigures): number {
  return (br.warmFirst ?? br.warm).p95;
}

/** Pagefind's warm p95 in whichever mode (main thread or worker) was faster: the stricter bar. */
function bestP95(pf: { warm: LatencyFigures; warmMainThread: LatencyFigures | null }): number {
  return Math.min(pf.warm.p95, pf.warmMainThread?.p95 ?? Infinity);
}

/** What the requests were, by part of the site: text chunks, search index, scripts, Pagefind's parts. */
function kinds(transfer: { items: { path: string; bytes: number }[] }): string {
  const kindOf = (path: string): string => {
    if (/\/data\/chunk-/.test(path)) return 'text chunks';
    if (/\/data\/search/.test(path)) return 'search index';
    if (/\/data\/browse/.test(path)) return 'browse columns';
    if (/\/pagefind\/fragment\//.test(path)) return 'Pagefind fragments';
    if (/\/pagefind\/index\//.test(path)) return 'Pagefind index chunks';
    if (/\/pagefind\//.test(path)) return 'Pagefind runtime (js, wasm, meta)';
    if (path.endsWith('/') || path.endsWith('.html')) return 'HTML';
    if (/\.js$/.test(path)) return 'scripts';
    if (/\.css$/.test(path)) return 'styles';
    return 'other';
  };
  const sums = new Map<string, { bytes: number; n: number }>();
  for (const item of transfer.items) {
    const slot = sums.get(kindOf(item.path)) ?? { bytes: 0, n: 0 };
    slot.bytes += item.bytes;
    slot.n += 1;
    sums.set(kindOf(item.path), slot);
  }
  return [...sums]
    .sort((a, b) => b[1].bytes - a[1].bytes)
    .map(([kind, { bytes, n }]) => `${kind} ${kb(bytes)} (${n})`)
    .join(', ');
}

function indexText(index: SizeResult['weight']['searchIndex']): string {
  if (!index) return 'no search index found';
  if (index.files === 1) return `one index file: ${kb(index.gzip)} (raw ${kb(index.raw)})`;
  return `index in ${count(index.files)} files, ${kb(index.gzip)} in all (raw ${kb(index.raw)}): base ${kb(index.baseGzip)}, largest shard ${kb(index.largestShardGzip)}`;
}

function sizeSection(s: SizeResult, cores: number): string {
  const b = s.build;
  const w = s.weight;
  const br = s.browser;
  const pf = br?.pagefind ?? null;
  // Every folder of 0.1 MB or more: the new pages (compare/, trends/, corpus/) show their cost.
  const folders = Object.entries(s.dist.byTop)
    .sort((a, b) => b[1].bytes - a[1].bytes)
    .filter(([, f]) => f.bytes >= 100_000)
    .map(([name, f]) => `${name} ${kb(f.bytes)} (${count(f.files)} files)`)
    .join(', ');
  const rows: Row[] = [
    ['Data step', `${ms(b.data.wallMs)}, ${mib(b.data.maxRssBytes)}`, 'wall time, peak RSS'],
    [
      'Whole build (`npm run build`)',
      `${ms(b.full.wallMs)}, ${mib(b.full.maxRssBytes)} (tree ${mib(b.full.treePeakBytes)})`,
      b.full.ok ? 'data step + astro build + swap' : 'FAILED',
    ],
    [
      `Bare Astro floor (${count(b.floorPages)} trivial pages)`,
      `${ms(b.floor.wallMs)}, ${mib(b.floor.maxRssBytes)} (tree ${mib(b.floor.treePeakBytes)})`,
      'same astro, one `[id].astro` route',
    ],
    [
      'Build ÷ floor',
      `${ratio(b.ratioWall)} time, ${ratio(b.ratioRss)} memory`,
      'largest-process RSS',
    ],
    ['dist/', `${kb(s.dist.bytes)} in ${count(s.dist.files)} files`, folders],
    [
      'Episode page (typical), gzip',
      w.episode
        ? `HTML ${kb(w.episode.html)} (raw ${kb(w.episode.htmlRaw)}), CSS ${kb(w.episode.css)}, JS ${kb(w.episode.js)}`
        : 'n/a',
      w.episode
        ? `${w.episode.scripts} scripts, ${w.episode.islands} islands; median-size page`
        : '',
    ],
    [
      'Browse first load, gzip, until usable',
      br ? `${kb(br.coldLoad.transfer.bytes)} in ${br.coldLoad.transfer.requests} requests` : 'n/a',
      br ? kinds(br.coldLoad.transfer) : '',
    ],
    [
      'Browse page files (static), gzip',
      w.browse
        ? `HTML ${kb(w.browse.html)}, CSS ${kb(w.browse.css)}, JS ${kb(w.browse.js)}`
        : 'n/a',
      `columns ${kb(w.browseFile?.gzip)} (raw ${kb(w.browseFile?.raw)}), one text chunk ${kb(w.chunk?.gzip)}`,
    ],
    [
      'Search data on the first query, gzip',
      br
        ? `${kb(br.coldSearch.transfer.bytes)} (${br.coldSearch.transfer.requests} requests)`
        : 'n/a (no browser run)',
      br
        ? `${kinds(br.coldSearch.transfer)}; ${indexText(w.searchIndex)}`
        : indexText(w.searchIndex),
    ],
    [
      'Pagefind: same first query, gzip',
      pf ? `${kb(pf.transfer.bytes)} (${pf.transfer.requests} requests)` : 'n/a',
      pf && br
        ? `ours ÷ Pagefind: ${ratio(br.coldSearch.transfer.bytes / pf.transfer.bytes)}; ${kinds(pf.transfer)}`
        : '',
    ],
    [
      'Cold Browse load until usable (throttled)',
      br ? ms(br.coldLoad.readyMs) : 'n/a',
      br ? `median of ${br.runs}: ${br.coldLoad.readyRunsMs.map(ms).join(', ')}` : '',
    ],
    [
      'Cold first search until results show (throttled)',
      br ? ms(br.coldSearch.ms) : 'n/a',
      br ? `median of ${br.runs}: ${br.coldSearch.runsMs.map(ms).join(', ')}` : '',
    ],
    [
      'Pagefind cold first search (throttled)',
      pf ? ms(pf.coldMs) : 'n/a',
      pf && br ? `ours ÷ Pagefind: ${ratio(br.coldSearch.ms / pf.coldMs)}` : '',
    ],
    [
      `Warm query p50 / p95 (50 queries), first ${FIRST_RESULTS} cards' texts`,
      br ? p(br.warmFirst) : 'n/a',
      br
        ? `every card of the page: ${p(br.warm)}; listed before texts: ${p(br.warmListed)}; ${br.warm.zeroResults} with no results, ${br.warm.timedOut} timed out`
        : '',
    ],
    [
      'Pagefind warm query p50 / p95',
      pf
        ? `${p(pf.warm)} in its worker; ${p(pf.warmMainThread ?? undefined)} on the main thread`
        : 'n/a',
      pf && br
        ? `data of its first ${FIRST_RESULTS} results; p95 ours (first ${FIRST_RESULTS}) ÷ Pagefind's better mode: ${ratio(warmP95(br) / bestP95(pf))}; ${pf.warm.zeroResults} with no results`
        : '',
    ],
    [
      'Facet toggle p50 / p95, click → list updated',
      br ? p(br.facetList) : 'n/a',
      br ? `${br.facetList.n} clicks; until every card has its text: ${p(br.facetSettled)}` : '',
    ],
    [
      'Browse computation in Node',
      s.compute
        ? `decode + index ${ms(s.compute.decodeMs)}; filterRows p50 / p95 ${ms(s.compute.filterP50)} / ${ms(s.compute.filterP95)}`
        : 'n/a',
      s.compute
        ? `${s.compute.samples} single-value filters; the rest of a click is React and layout`
        : '',
    ],
    [
      'Compare view update (budget 50 ms p95)',
      s.compare
        ? `compareRows p50 / p95 ${ms(s.compare.computeP50)} / ${ms(s.compare.computeP95)}${
            s.compare.pageP95 === null
              ? ''
              : `; in the page ${ms(s.compare.pageP50)} / ${ms(s.compare.pageP95)}, with the next frame ${ms(s.compare.framedP50)} / ${ms(s.compare.framedP95)}`
          }`
        : 'n/a',
      s.compare
        ? `${s.compare.samples} group choices in Node; ${s.compare.pageSamples} group changes on /compare/, change → new comparison in the DOM`
        : '',
    ],
    [
      'Pagefind index of the episode pages',
      s.pagefindIndex
        ? `${ms(s.pagefindIndex.wallMs)}, ${kb(s.pagefindIndex.bytes)} in ${count(s.pagefindIndex.files)} files`
        : 'n/a',
      'not part of our build; for scale',
    ],
  ];
  const lh = s.lighthouse?.length
    ? `\n\nLighthouse (mobile defaults, one run a page):\n\n${lighthouseTable(s.lighthouse)}`
    : '';
  const errors = s.errors.length
    ? `\n\nProblems in this size's run:\n\n${s.errors.map((e) => `- ${e.split('\n')[0]}`).join('\n')}`
    : '';
  return `### ${count(s.episodes)} episodes\n\nRelease file of ${count(s.records)} generated records; ${count(s.episodes)} pass the licence filter. The build also reads a generated core of the paper's real size (20,574 sessions, 29,896 candidates, 16,118 valid episodes), as a deployed build reads the real one. Load average when this size started: ${s.loadBefore.toFixed(1)} on ${cores} cores.\n\n${table(
    ['Measure', 'Value', 'Notes'],
    rows.map(([a, v, n]) => [a, v, n ?? '']),
  )}${lh}${errors}`;
}

function lighthouseTable(pages: readonly LighthouseFigures[]): string {
  const num = (v: number | null) => (v === null ? 'n/a' : String(v));
  return table(
    ['Page', 'Performance', 'Accessibility', 'Best practices', 'SEO', 'CLS', 'TBT', 'LCP', 'FCP'],
    pages.map((l) => [
      `${l.kind} (\`${l.path}\`)`,
      num(l.performance),
      num(l.accessibility),
      num(l.bestPractices),
      num(l.seo),
      Number.isNaN(l.cls) ? 'n/a' : l.cls.toFixed(3),
      ms(l.tbtMs),
      ms(l.lcpMs),
      ms(l.fcpMs),
    ]),
  );
}

function acrossSizes(run: BenchRun): string {
  const head = ['Measure', ...run.sizes.map((s) => count(s.episodes))];
  const row = (name: string, f: (s: SizeResult) => string) => [name, ...run.sizes.map(f)];
  return table(head, [
    row('Whole build, wall', (s) => ms(s.build.full.wallMs)),
    row('Build ÷ floor, wall', (s) => ratio(s.build.ratioWall)),
    row('Build, largest-process RSS', (s) => mib(s.build.full.maxRssBytes)),
    row('Build µs per episode', (s) => ((s.build.full.wallMs * 1000) / s.episodes).toFixed(0)),
    row('dist/', (s) => kb(s.dist.bytes)),
    row('Browse first load', (s) => kb(s.browser?.coldLoad.transfer.bytes)),
    row('Browse usable (throttled)', (s) => ms(s.browser?.coldLoad.readyMs)),
    row('First-query bytes, ours / Pagefind', (s) =>
      s.browser
        ? `${kb(s.browser.coldSearch.transfer.bytes)} / ${kb(s.browser.pagefind?.transfer.bytes)}`
        : 'n/a',
    ),
    row('First-query time, ours / Pagefind', (s) =>
      s.browser ? `${ms(s.browser.coldSearch.ms)} / ${ms(s.browser.pagefind?.coldMs)}` : 'n/a',
    ),
    row(`Warm p95 (first ${FIRST_RESULTS}), ours / Pagefind`, (s) =>
      s.browser
        ? `${ms(warmP95(s.browser))} / ${ms(s.browser.pagefind ? bestP95(s.browser.pagefind) : null)}`
        : 'n/a',
    ),
    row('Facet toggle p95', (s) => ms(s.browser?.facetList.p95)),
    row('Lighthouse Browse: performance, CLS, TBT', (s) => {
      const l = s.lighthouse?.find((x) => x.kind === 'Browse');
      return l ? `${l.performance ?? 'n/a'}, ${l.cls.toFixed(3)}, ${ms(l.tbtMs)}` : 'n/a';
    }),
    row('Lighthouse performance, lowest page', (s) => {
      const scored = (s.lighthouse ?? []).filter((x) => x.performance !== null);
      const low = scored.sort((a, b) => (a.performance ?? 0) - (b.performance ?? 0))[0];
      return low ? `${low.performance ?? 'n/a'} (${low.kind})` : 'n/a';
    }),
  ]);
}

type Status = 'met' | 'gap' | 'not measured' | 'reported';

function budgets(run: BenchRun): string {
  const at = run.sizes.find((s) => s.episodes === BUDGET_SIZE);
  const largest = run.sizes.reduce<SizeResult | undefined>(
    (a, s) => (!a || s.episodes > a.episodes ? s : a),
    undefined,
  );
  const rows: [string, string, Status, string][] = [];
  const add = (budget: string, measured: string, status: Status, why = '') =>
    rows.push([budget, measured, status, why]);

  const ep = largest?.weight.episode;
  if (ep) {
    add(
      'Episode page: no JavaScript required, no island',
      `${ep.scripts} scripts, ${ep.islands} islands, JS ${kb(ep.js)}`,
      ep.islands === 0 && ep.js <= COPY_SCRIPT_BYTES ? 'met' : 'gap',
      ep.scripts === 0
        ? 'the page is plain HTML and CSS'
        : "the one script is the copy buttons' module, a file every page shares; without it the buttons stay hidden and the text stays selectable",
    );
    add(
      'Episode page: HTML ≤ 15 KB gzip (typical)',
      kb(ep.html),
      ep.html <= EPISODE_HTML_BUDGET ? 'met' : 'gap',
      `median-size page at ${count(largest.episodes)} episodes`,
    );
  } else add('Episode page', 'n/a', 'not measured');

  const where = at ? '' : ` (no ${count(BUDGET_SIZE)} run)`;
  const br = at?.browser;
  if (br) {
    add(
      `Browse at 16,000: ≤ ${kb(BROWSE_BUDGET)} gzip until usable`,
      kb(br.coldLoad.transfer.bytes),
      br.coldLoad.transfer.bytes <= BROWSE_BUDGET ? 'met' : 'gap',
      kinds(br.coldLoad.transfer),
    );
  } else
    add(
      `Browse at 16,000: ≤ ${kb(BROWSE_BUDGET)} gzip until usable${where}`,
      'n/a',
      'not measured',
    );
  const pf = br?.pagefind;
  if (br && pf) {
    const bytes = br.coldSearch.transfer.bytes / pf.transfer.bytes;
    add(
      'First search at 16,000: bytes ≤ Pagefind',
      `${kb(br.coldSearch.transfer.bytes)} vs ${kb(pf.transfer.bytes)} (${ratio(bytes)})`,
      bytes <= 1 ? 'met' : 'gap',
      `ours: ${kinds(br.coldSearch.transfer)}`,
    );
    const time = br.coldSearch.ms / pf.coldMs;
    add(
      'First search at 16,000: time ≤ Pagefind (same throttling)',
      `${ms(br.coldSearch.ms)} vs ${ms(pf.coldMs)} (${ratio(time)})`,
      time <= 1 ? 'met' : 'gap',
      `${br.coldSearch.transfer.requests} requests vs ${pf.transfer.requests}`,
    );
  } else add(`First search vs Pagefind at 16,000${where}`, 'n/a', 'not measured');
  for (const size of [BUDGET_SIZE, LARGE_SIZE]) {
    const b = run.sizes.find((x) => x.episodes === size)?.browser;
    const facetBudget = FACET_BUDGET_MS[size] ?? 16;
    if (!b) {
      add(`Warm queries and facet toggles at ${count(size)}`, 'n/a', 'not measured');
      continue;
    }
    if (b.pagefind) {
      const warm = warmP95(b) / bestP95(b.pagefind);
      add(
        `Warm query p95 at ${count(size)} ≤ Pagefind`,
        `${ms(warmP95(b))} vs ${ms(bestP95(b.pagefind))} (${ratio(warm)})`,
        warm <= 1 ? 'met' : 'gap',
        `until the first ${FIRST_RESULTS} cards show their text, as Pagefind's run loads its first ${FIRST_RESULTS} results; listed p95 ${ms(b.warmListed.p95)}, every card of the page p95 ${ms(b.warm.p95)}`,
      );
    }
    add(
      `Facet toggle at ${count(size)}: p95 ≤ ${facetBudget} ms`,
      `${ms(b.facetList.p95)} (p50 ${ms(b.facetList.p50)})`,
      b.facetList.p95 <= facetBudget ? 'met' : 'gap',
      'click to updated list, measured in the page',
    );
  }
  const cmp = at?.compare;
  if (cmp) {
    // In the page when measured there (React and layout included), else the computation alone.
    const p95 = cmp.pageP95 ?? cmp.computeP95;
    add(
      'Compare update at 16,000: p95 ≤ 50 ms',
      `${ms(p95)} (p50 ${ms(cmp.pageP50 ?? cmp.computeP50)})`,
      p95 <= COMPARE_BUDGET_MS ? 'met' : 'gap',
      cmp.pageP95 === null
        ? 'compareRows in Node only (no browser run)'
        : `group change to the new comparison in the DOM on /compare/ (with the next frame p95 ${ms(cmp.framedP95)}); compareRows alone p95 ${ms(cmp.computeP95)}`,
    );
  } else add(`Compare update at 16,000: p95 ≤ 50 ms${where}`, 'n/a', 'not measured');

  const lh = at?.lighthouse;
  if (lh?.length) {
    const low = lh.filter((l) => (l.performance ?? 0) < LIGHTHOUSE_BUDGET);
    add(
      `Lighthouse performance at 16,000 ≥ ${LIGHTHOUSE_BUDGET} on every page kind`,
      lh.map((l) => `${l.kind} ${l.performance ?? 'n/a'}`).join(', '),
      low.length === 0 ? 'met' : 'gap',
      low.length ? `below: ${low.map((l) => l.kind).join(', ')}` : 'mobile defaults',
    );
    for (const l of lh.filter((x) => x.kind.startsWith('Browse'))) {
      add(
        `Lighthouse, ${l.kind} at 16,000: CLS ≤ ${CLS_BUDGET}, TBT ≤ ${TBT_BUDGET_MS} ms`,
        `CLS ${l.cls.toFixed(3)}, TBT ${ms(l.tbtMs)}`,
        l.cls <= CLS_BUDGET && l.tbtMs <= TBT_BUDGET_MS ? 'met' : 'gap',
        `LCP ${ms(l.lcpMs)}; TBT is main-thread work under a 4× CPU slowdown, so load on the machine raises it`,
      );
    }
  } else add(`Lighthouse at 16,000${where}`, 'n/a', 'not measured');

  if (at) {
    add(
      'Build at 16,000 ≤ 3× bare Astro',
      `${ratio(at.build.ratioWall)} (${ms(at.build.full.wallMs)} vs ${ms(at.build.floor.wallMs)})`,
      at.build.ratioWall <= BUILD_RATIO_BUDGET ? 'met' : 'gap',
      `data step ${ms(at.build.data.wallMs)} of it (measured alone)`,
    );
    if (at.scrub)
      add(
        'Scrub throughput at 16,000 (reported)',
        `${at.scrub.mbPerSecond.toFixed(1)} MB/s`,
        'reported',
        `${(at.scrub.bytes / 1e6).toFixed(1)} MB in ${at.scrub.strings} strings, ${ms(at.scrub.ms)}; data step ${ms(at.build.data.wallMs)}`,
      );
    if (at.similar)
      add(
        'Similar episodes at 16,000: time of their computation (reported)',
        `${ms(at.similar.wallMs)} wall, ${ms(at.similar.cpuMs)} CPU`,
        'reported',
        `once per build for all ${at.similar.episodes} episode pages, on the data step's worker thread while its main thread derives the browser files (measured alone here); ${at.similar.perEpisode.toFixed(1)} suggestions per episode`,
      );
    const rss = at.build.full.maxRssBytes ?? at.build.full.treePeakBytes;
    add(
      'Build at 16,000: peak memory ≤ 3 GiB',
      `${mib(at.build.full.maxRssBytes)} largest process, ${mib(at.build.full.treePeakBytes)} whole tree`,
      rss <= MEMORY_BUDGET && at.build.full.treePeakBytes <= MEMORY_BUDGET ? 'met' : 'gap',
      `on ${run.machine.cpus} cores, ${mib(run.machine.memoryBytes)}`,
    );
  } else add(`Build at 16,000${where}`, 'n/a', 'not measured');

  const s4 = run.sizes.find((s) => s.episodes === 4000);
  const top = run.sizes.find((s) => s.episodes === LARGE_SIZE) ?? at;
  if (s4 && top && top !== s4 && s4.build.full.ok && top.build.full.ok) {
    const scale = top.episodes / s4.episodes;
    const perEpisode = top.build.full.wallMs / s4.build.full.wallMs / scale;
    const mem =
      (top.build.full.maxRssBytes ?? top.build.full.treePeakBytes) /
      (s4.build.full.maxRssBytes ?? s4.build.full.treePeakBytes);
    add(
      `Build growth 4,000 → ${count(top.episodes)}: per-episode cost within ${GROWTH_BUDGET}×`,
      `time ×${(top.build.full.wallMs / s4.build.full.wallMs).toFixed(1)} for ×${scale} episodes (per-episode cost ×${perEpisode.toFixed(2)}); memory ×${mem.toFixed(1)}`,
      perEpisode <= GROWTH_BUDGET ? 'met' : 'gap',
      top.episodes === LARGE_SIZE
        ? `load average ${s4.loadBefore.toFixed(1)} at 4,000, ${top.loadBefore.toFixed(1)} at ${count(top.episodes)}`
        : '64,000 not run: 4,000 → 16,000 instead',
    );
  } else add('Build growth 4,000 → 64,000', 'n/a', 'not measured');

  for (const size of [BUDGET_SIZE, LARGE_SIZE]) {
    const x = run.sizes.find((y) => y.episodes === size);
    const budget = DIST_BUDGET[size] ?? PAGES_LIMIT_BYTES;
    const largestFolders = x
      ? Object.entries(x.dist.byTop)
          .sort((a, b) => b[1].bytes - a[1].bytes)
          .slice(0, 3)
          .map(([name, f]) => `${name} ${kb(f.bytes)}`)
          .join(', ')
      : '';
    if (x && x.build.full.ok) {
      add(
        `dist/ at ${count(size)} ≤ ${kb(budget)}`,
        kb(x.dist.bytes),
        x.dist.bytes <= budget ? 'met' : 'gap',
        `${largestFolders}; build warning: ${x.build.warning ?? (x.dist.bytes > PAGES_WARN_BYTES ? 'MISSING' : 'none (below the 800 MB warning line)')}`,
      );
    } else if (size === LARGE_SIZE && largest && largest.build.full.ok) {
      const projected = (largest.dist.bytes / largest.episodes) * size;
      add(
        `dist/ at ${count(size)} ≤ ${kb(budget)}`,
        `≈ ${kb(projected)} (projected from ${count(largest.episodes)})`,
        projected <= budget ? 'met' : 'gap',
        'linear projection; scripts/build.ts warns above 800 MB and at the 1 GB limit',
      );
    } else add(`dist/ at ${count(size)} ≤ ${kb(budget)}`, 'n/a', 'not measured');
  }
  return table(
    ['Budget', 'Measured', 'Status', 'Notes'],
    rows.map(([a, b, c, d]) => [a, b, c === 'gap' ? '**gap**' : c, d]),
  );
}

function comparison(run: BenchRun, previous: BenchRun | null): string {
  if (!previous) return 'No earlier BENCHMARKS.json: this is the first recorded run.';
  const rows: string[][] = [];
  for (const s of run.sizes) {
    const before = previous.sizes.find((p) => p.episodes === s.episodes);
    if (!before) continue;
    const pair = (
      name: string,
      f: (x: SizeResult) => number | null | undefined,
      fmt: (v: number) => string,
    ) => {
      const a = f(before);
      const b = f(s);
      if (a == null || b == null || !Number.isFinite(a) || !Number.isFinite(b)) return;
      rows.push([
        count(s.episodes),
        name,
        fmt(a),
        fmt(b),
        a > 0 ? `${((b / a - 1) * 100).toFixed(0)}%` : '',
      ]);
    };
    pair('Whole build', (x) => x.build.full.wallMs, ms);
    pair('Build RSS', (x) => x.build.full.maxRssBytes, mib);
    pair('dist/', (x) => x.dist.bytes, kb);
    pair('Episode HTML gzip', (x) => x.weight.episode?.html, kb);
    pair('Browse first load', (x) => x.browser?.coldLoad.transfer.bytes, kb);
    pair('First-query bytes', (x) => x.browser?.coldSearch.transfer.bytes, kb);
    pair('First-query time', (x) => x.browser?.coldSearch.ms, ms);
    pair('Warm p95, every card', (x) => x.browser?.warm.p95, ms);
    pair(`Warm p95, first ${FIRST_RESULTS} cards`, (x) => x.browser?.warmFirst?.p95, ms);
    pair('Facet toggle p95', (x) => x.browser?.facetList.p95, ms);
    pair('Lighthouse Browse TBT', (x) => x.lighthouse?.find((l) => l.kind === 'Browse')?.tbtMs, ms);
  }
  if (rows.length === 0)
    return `The previous run (${previous.date}) has no size in common with this one.`;
  return `Against the previous run of ${previous.date.slice(0, 10)} (\`${previous.command}\`):\n\n${table(['Episodes', 'Measure', 'Before', 'Now', 'Change'], rows)}`;
}

/** The whole report, before prettier. */
export function renderReport(run: BenchRun, previous: BenchRun | null): string {
  const m = run.machine;
  return `# Benchmarks

How the Atlas scales with the number of episodes: the build, the output, page weight and the
Browse page in a real browser, side by side with [Pagefind](https://pagefind.app) indexing the
same episode pages. Written by \`npm run bench\` (scripts/bench.ts); the same figures are in
BENCHMARKS.json, so the next run can be compared with this one.

## This run

- Date: ${run.date}
- Command: \`${run.command}\`
- Machine: ${m.cpus} × ${m.cpuModel}, ${mib(m.memoryBytes)} memory, ${m.os}
- Node ${m.node}; Chromium ${m.chromium ?? '(not run)'}; peak memory from ${m.gnuTime ? 'GNU time (`/usr/bin/time -v`) and /proc sampling' : '/proc sampling only'}
- Network for cold runs: ${run.throttle.latencyMs} ms latency, ${run.throttle.downKbps} kbit/s down, ${run.throttle.upKbps} kbit/s up (DevTools protocol throttling); warm runs unthrottled
- Data: \`npm run generate\` (seed 1), cut so that exactly N episodes pass the licence filter; cold query "${run.coldQuery}"

## Across sizes

${acrossSizes(run)}

## Budgets

${budgets(run)}

## Per size

${run.sizes.map((s) => sizeSection(s, m.cpus)).join('\n\n')}

## Compared with the last run

${comparison(run, previous)}

## How to read

Sizes count published episodes. Build figures are wall time and peak resident memory of a child
process: "largest process" is the biggest single process of the tree (GNU time's maximum RSS), "tree" the
peak of the summed RSS of all its processes, sampled every 100 ms. The floor is a bare Astro project
built by the same astro with one trivial page per episode, so "build ÷ floor" is what the Atlas adds
over the framework itself (our build also renders taxonomy, agent and home pages on top of the episode pages). Bytes are gzip bytes as
served by a local gzip server (level 6) and counted on the wire in Chromium; "until usable" means the
first result card shows its text and the facet checkboxes are rendered. Cold runs use a fresh browser
context (empty cache) with the network throttled as above and report the median of the runs; the
first search is timed from focusing the search box, typing the whole query and pressing Enter (the
250 ms typing debounce is skipped by Enter) until every card on the first page shows its text.
Pagefind is timed through its JS API: import, search, and the data of the first ${FIRST_RESULTS} results, which
is what showing results takes; it renders nothing, so its figures are a lower bound for a real UI.
Both sides search in a Web Worker by default; bytes are counted in every target (workers
included) and Chromium's throttling applies to workers' requests as well. Pagefind's warm queries
are also timed with its \`noWorker\` option (main thread), and the warm budget compares against
the faster of its two modes.
Warm queries run after the cold one, unthrottled, 50 fixed queries (words, phrases, prefixes,
typos, agent names) after 3 untimed ones, each timed until the first ${FIRST_RESULTS} result cards show
their text (as many results as Pagefind's run loads; that is the warm budget's figure) and until
every card of the page does; facet toggles click 15 values on and off on a fresh Browse
page and time the click until the list changes. Lighthouse (npm \`lighthouse\`, its default mobile
configuration: a mid-range phone's CPU, 4× slower than this machine's, on simulated slow 4G) runs
once on one page of each kind, served by the same gzip server; its blocking time is main-thread
work, so a loaded machine raises it. The machine is shared: each size notes the load
average when it started, and timings taken under a load above the core count run slow (builds
most of all), so compare runs made under similar load.
`;
}
