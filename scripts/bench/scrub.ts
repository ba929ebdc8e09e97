/**
 * Scrub throughput: every string of a generated release through the scrubber, timed in Node.
 * The data step's own time (which includes parsing and deriving) is measured separately.
 */
import { readFileSync } from 'node:fs';
import { stringsOf } from '../../src/lib/pipeline.ts';
import { scrubTexts } from '../../src/lib/scrub.ts';

export interface ScrubFigures {
  bytes: number;
  strings: number;
  ms: number;
  mbPerSecond: number;
}

export function measureScrub(input: string): ScrubFigures {
  const parsed = JSON.parse(readFileSync(input, 'utf8')) as unknown;
  const file = parsed as { misalignments?: unknown[]; records?: unknown[] } | unknown[];
  const records = Array.isArray(file) ? file : (file.misalignments ?? file.records ?? []);
  // One call per record, as the pipeline scrubs one episode's fields at a time.
  const perRecord = records.map((record) => stringsOf(record, []));
  const strings = perRecord.flat();
  const bytes = strings.reduce((sum, s) => sum + Buffer.byteLength(s), 0);
  const started = performance.now();
  for (const texts of perRecord) scrubTexts(texts, 'bench-key');
  const ms = performance.now() - started;
  return { bytes, strings: strings.length, ms, mbPerSecond: bytes / 1e6 / (ms / 1000) };
}
