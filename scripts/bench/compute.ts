/**
 * The pure computation behind Browse, timed in Node on the built browse file: decoding the
 * columns into the facet index (part of the cold load) and one `filterRows` call (part of every
 * facet click). Set against the in-browser figures, it splits a click into filtering and
 * everything else (React rendering, layout).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeColumns, type BrowseColumns } from '../../src/lib/browse-columns.ts';
import { DEFAULT_FILTERS } from '../../src/lib/browse-state.ts';
import { buildFacetIndex, filterRows } from '../../src/lib/facets.ts';
import { orderRows } from '../../src/lib/ordering.ts';
import { percentile } from './stats.ts';

export interface ComputeFigures {
  /** JSON.parse + decode + facet index, ms. */
  decodeMs: number;
  /** One filterRows call with one extra facet value selected: p50 and p95 over every value, ms. */
  filterP50: number;
  filterP95: number;
  samples: number;
}

export function measureCompute(site: string): ComputeFigures {
  const dir = join(site, 'data');
  const name = readdirSync(dir).find((f) => f.startsWith('browse.'));
  if (!name) throw new Error('no browse file');
  const text = readFileSync(join(dir, name), 'utf8');
  const t0 = performance.now();
  const data = JSON.parse(text) as BrowseColumns;
  const index = buildFacetIndex(decodeColumns(data), data.dict);
  const decodeMs = performance.now() - t0;
  const order = orderRows(index, { sort: 'date-desc', desc: true, seed: 1 }, null);
  const samples: number[] = [];
  // Warm the JIT the way a page does after its first few renders.
  for (let i = 0; i < 5; i++)
    filterRows(index, { filters: DEFAULT_FILTERS, from: '', to: '' }, order, null);
  for (const def of index.defs) {
    if (def.key === 'validation') continue;
    for (const value of def.values) {
      const filters = { ...DEFAULT_FILTERS, [def.key]: [value.code] };
      const start = performance.now();
      filterRows(index, { filters, from: '', to: '' }, order, null);
      samples.push(performance.now() - start);
    }
  }
  return {
    decodeMs,
    filterP50: percentile(samples, 50),
    filterP95: percentile(samples, 95),
    samples: samples.length,
  };
}
