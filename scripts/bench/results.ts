/** The shape of BENCHMARKS.json: one run of `npm run bench`, comparable with the next. */
import type { Transfer } from './browser.ts';
import type { CompareFigures } from './compare.ts';
import type { ComputeFigures } from './compute.ts';
import type { LighthouseFigures } from './lighthouse.ts';
import type { SimilarFigures } from './similar.ts';
import type { PageWeight, SearchIndexBytes } from './weight.ts';
import type { ScrubFigures } from './scrub.ts';

export interface ProcessFigures {
  ok: boolean;
  wallMs: number;
  /** Largest single-process peak RSS (GNU time), bytes; null without /usr/bin/time. */
  maxRssBytes: number | null;
  /** Peak of the summed RSS of the process tree (sampled every 100 ms), bytes. */
  treePeakBytes: number;
}

export interface LatencyFigures {
  p50: number;
  p95: number;
  max: number;
  n: number;
  timedOut: number;
}

export interface BrowserFigures {
  runs: number;
  coldLoad: { readyMs: number; readyRunsMs: number[]; transfer: Transfer };
  coldSearch: { ms: number; runsMs: number[]; transfer: Transfer; heading: string };
  /** Warm queries until every card of the first page shows its text. */
  warm: LatencyFigures & { zeroResults: number };
  /**
   * The same queries until the first FIRST_RESULTS (scripts/bench/queries.ts) cards show their
   * text, as many results as Pagefind's run loads: the warm budget's figure. Absent from runs
   * before it was measured.
   */
  warmFirst?: LatencyFigures;
  /** The same queries until the results are listed, before their texts arrive. */
  warmListed: LatencyFigures;
  facetList: LatencyFigures;
  facetSettled: LatencyFigures;
  queryInUrl: boolean;
  pagefind: {
    coldMs: number;
    runsMs: number[];
    transfer: Transfer;
    /** Warm queries in Pagefind's default mode (search in its Web Worker). */
    warm: LatencyFigures & { zeroResults: number };
    /** Warm queries with Pagefind's `noWorker` option (search on the main thread). */
    warmMainThread: LatencyFigures | null;
  } | null;
}

export interface SizeResult {
  /** Published episodes (what the budgets count). */
  episodes: number;
  /** Records in the generated release file (the licence filter drops the rest). */
  records: number;
  /** 1-minute load average when this size started (other work on the machine skews timings). */
  loadBefore: number;
  build: {
    data: ProcessFigures;
    full: ProcessFigures;
    floor: ProcessFigures;
    /** Pages of the floor project (one per published episode). */
    floorPages: number;
    /** The whole build over the floor: wall time and largest-process RSS. */
    ratioWall: number;
    ratioRss: number | null;
    /** The build's own size warning line, if it printed one. */
    warning: string | null;
  };
  dist: { bytes: number; files: number; byTop: Record<string, { bytes: number; files: number }> };
  weight: {
    episode: PageWeight | null;
    browse: PageWeight | null;
    /** The data files Browse needs: the columns, one text chunk, the search index (gzip). */
    browseFile: { raw: number; gzip: number } | null;
    chunk: { raw: number; gzip: number } | null;
    searchIndex: SearchIndexBytes | null;
  };
  /** Every string of the release through the scrubber (scripts/bench/scrub.ts). */
  scrub?: ScrubFigures;
  /** Similar episodes for every episode page, timed in Node (scripts/bench/similar.ts). */
  similar?: SimilarFigures | undefined;
  /** Browse's pure computation timed in Node (scripts/bench/compute.ts). */
  compute: ComputeFigures | null;
  /** The compare view's update, in Node and in Chromium (scripts/bench/compare.ts). */
  compare?: CompareFigures | null;
  pagefindIndex: (ProcessFigures & { bytes: number; files: number }) | null;
  browser: BrowserFigures | null;
  /** Lighthouse (mobile defaults) on one page of each kind. */
  lighthouse?: LighthouseFigures[] | undefined;
  errors: string[];
}

export interface BenchRun {
  date: string;
  command: string;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryBytes: number;
    node: string;
    chromium: string | null;
    os: string;
    gnuTime: boolean;
  };
  throttle: { latencyMs: number; downKbps: number; upKbps: number };
  coldQuery: string;
  sizes: SizeResult[];
}
