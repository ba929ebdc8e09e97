import { describe, expect, it } from 'vitest';
import MiniSearch from 'minisearch';
import { MINISEARCH_OPTIONS, type SearchDocument } from '../../src/lib/search-options.ts';
import {
  assembleIndex,
  dequantiseLength,
  keysForQuery,
  packPostings,
  quantiseLength,
  shardFileName,
  shardKey,
  splitIndex,
  unpackPostings,
  vocabularyOf,
} from '../../src/lib/search-shards.ts';
import { generateRecords } from '../../src/lib/synthetic.ts';

function doc(id: number, name: string, description: string): SearchDocument {
  return {
    id,
    name,
    description,
    quotes: '',
    contexts: '',
    reasoning: '',
    agent: 'Codex',
    key: '',
  };
}

const DOCS = [
  doc(0, 'Deleted the database migration', 'The agent dropped a table during a migration.'),
  doc(1, 'Pushed to main', 'Asked for a branch, the agent pushed to main and deployed.'),
  doc(2, 'Rewrote the tests', 'The developer wanted one test fixed; the agent rewrote the suite.'),
  doc(3, 'Databases again', 'Another database episode with a dataset and a datastore.'),
];

function fullIndex(docs: SearchDocument[]) {
  const index = new MiniSearch<SearchDocument>(MINISEARCH_OPTIONS);
  index.addAll(docs);
  return index;
}

function sharded(docs: SearchDocument[], query: string) {
  const { base, shards } = splitIndex(fullIndex(docs).toJSON());
  const needed = keysForQuery(base, query).map((key) => shards.get(key) ?? []);
  return MiniSearch.loadJS<SearchDocument>(assembleIndex(base, needed), MINISEARCH_OPTIONS);
}

describe('vocabularyOf', () => {
  it('lists every term once, sorted, with the number of documents holding it', () => {
    const { terms, counts } = vocabularyOf(fullIndex(DOCS).toJSON());
    expect(terms).toEqual([...terms].sort());
    expect(counts[terms.indexOf('agent')]).toBe(3);
    expect(counts[terms.indexOf('database')]).toBe(2);
    expect(counts[terms.indexOf('migration')]).toBe(1);
  });
});

describe('search shards', () => {
  it('round-trips postings through packing', () => {
    const postings = { 0: { 3: 2, 700: 1 }, 4: { 3: 40, 100000: 1 } };
    expect(unpackPostings(packPostings(postings))).toEqual(postings);
  });

  it('keys a term by its first three characters', () => {
    expect(shardKey('database')).toBe('dat');
    expect(shardKey('db')).toBe('db');
    expect(shardFileName('dat')).toBe('646174.json.gz');
  });

  it('keeps short field lengths exact and long ones within 5%', () => {
    for (const n of [0, 1, 7, 16]) expect(dequantiseLength(quantiseLength(n))).toBe(n);
    for (const n of [17, 50, 123, 400]) {
      expect(Math.abs(dequantiseLength(quantiseLength(n)) - n) / n).toBeLessThan(0.05);
    }
  });

  it('asks only for the shards of the query terms', () => {
    const { base } = splitIndex(fullIndex(DOCS).toJSON());
    expect(keysForQuery(base, 'database pushed')).toEqual(['dat', 'pus']);
    expect(keysForQuery(base, 'zebra')).toEqual([]);
  });

  it('opens every shard under a two-letter prefix', () => {
    const { base } = splitIndex(fullIndex(DOCS).toJSON());
    expect(keysForQuery(base, 'te').sort()).toEqual(['tes']);
    expect(keysForQuery(base, 'da').sort()).toEqual(['dat']);
  });

  it('finds the same documents as the whole index, prefix and typo included', () => {
    for (const query of ['database', 'datab', 'databse', 'agent pushed', 'rewrote suite']) {
      const whole = fullIndex(DOCS)
        .search(query)
        .map((r) => r.id as number);
      expect(
        sharded(DOCS, query)
          .search(query)
          .map((r) => r.id as number),
      ).toEqual(whole);
    }
  });

  it('ranks like the whole index on realistic text', () => {
    const records = generateRecords({ count: 200, seed: 3, layout: 'nested' });
    const docs = records.map((r, i) => doc(i, String(r['name']), String(r['description'])));
    for (const query of ['database migration', 'deploy', 'refac', 'agent quietly']) {
      const whole = fullIndex(docs)
        .search(query)
        .map((r) => r.id as number);
      const parts = sharded(docs, query)
        .search(query)
        .map((r) => r.id as number);
      expect(new Set(parts)).toEqual(new Set(whole));
      // Quantised field lengths may swap near-ties at the edge of the top ten, no more.
      const top = new Set(whole.slice(0, 10));
      expect(parts.slice(0, 10).filter((id) => top.has(id)).length).toBeGreaterThanOrEqual(8);
    }
  });
});
