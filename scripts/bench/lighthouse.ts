/**
 * Lighthouse (npm `lighthouse`, its default mobile configuration: a mid-range phone on slow 4G,
 * simulated) on one page of each kind, driving the system's Chromium through a DevTools port.
 * One run per page: Lighthouse's simulated throttling makes its figures far steadier than
 * wall-clock timings on a shared machine, but a loaded machine still lengthens main-thread work.
 */
import { createServer } from 'node:net';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { CHROMIUM_LAUNCH } from '../chromium.ts';

/** One page kind and the path of the page that stands for it. */
export interface LighthousePage {
  kind: string;
  path: string;
}

export interface LighthouseFigures extends LighthousePage {
  /** Category scores, 0–100; null where Lighthouse could not score. */
  performance: number | null;
  accessibility: number | null;
  bestPractices: number | null;
  seo: number | null;
  cls: number;
  tbtMs: number;
  lcpMs: number;
  fcpMs: number;
  error?: string;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

const score = (s: number | null | undefined): number | null =>
  typeof s === 'number' ? Math.round(s * 100) : null;

/** Lighthouse on each page of `origin`, one after the other in one Chromium. */
export async function lighthouseRuns(
  origin: string,
  pages: readonly LighthousePage[],
): Promise<LighthouseFigures[]> {
  const port = await freePort();
  const browser = await chromium.launch({
    ...CHROMIUM_LAUNCH,
    args: [...CHROMIUM_LAUNCH.args, `--remote-debugging-port=${String(port)}`],
  });
  const out: LighthouseFigures[] = [];
  try {
    for (const page of pages) {
      const empty = {
        ...page,
        performance: null,
        accessibility: null,
        bestPractices: null,
        seo: null,
        cls: NaN,
        tbtMs: NaN,
        lcpMs: NaN,
        fcpMs: NaN,
      };
      try {
        const result = await lighthouse(`${origin}${page.path}`, {
          port,
          output: 'json',
          logLevel: 'error',
        });
        const lhr = result?.lhr;
        if (!lhr) {
          out.push({ ...empty, error: 'no result' });
          continue;
        }
        const audit = (id: string): number => lhr.audits[id]?.numericValue ?? NaN;
        out.push({
          ...page,
          performance: score(lhr.categories['performance']?.score),
          accessibility: score(lhr.categories['accessibility']?.score),
          bestPractices: score(lhr.categories['best-practices']?.score),
          seo: score(lhr.categories['seo']?.score),
          cls: audit('cumulative-layout-shift'),
          tbtMs: audit('total-blocking-time'),
          lcpMs: audit('largest-contentful-paint'),
          fcpMs: audit('first-contentful-paint'),
          ...(lhr.runtimeError ? { error: lhr.runtimeError.message } : {}),
        });
      } catch (error) {
        out.push({ ...empty, error: String(error) });
      }
    }
  } finally {
    await browser.close();
  }
  return out;
}
