/**
 * The search index split by term prefix, so that a query fetches only what its terms need.
 *
 * At build time a full MiniSearch index (built with `MINISEARCH_OPTIONS`) is taken apart: a small
 * base file holds the document count, the field lengths (log-quantised, one character each) and
 * the list of shard keys; each shard holds the postings of the terms sharing a three-character
 * prefix, packed as base64 varints. In the browser the search worker scores a query over the
 * shards it needs (src/lib/search-score.ts) exactly as MiniSearch would over an engine loaded from
 * them (`assembleIndex` puts them back into MiniSearch's own serialised form, which the tests
 * compare against). Typo tolerance therefore works within the loaded shards; a typo in the first three letters of a word is left to the vocabulary
 * (`vocabularyOf`, `src/lib/suggest.ts`), consulted when a query finds nothing.
 */
import type { AsPlainObject } from 'minisearch';
import { processTerm, tokenize } from './search-options.ts';
import type { Vocabulary } from './suggest.ts';

/**
 * The vocabulary's file name, next to the base file. Every file of the index is stored
 * gzip-compressed (see `GZ` in src/lib/derive/browser-files.ts).
 */
export const VOCABULARY_FILE = 'terms.json.gz';

/** The base file's name, in the index's folder. */
export const SEARCH_BASE_FILE = 'base.json.gz';

/** Characters of a term that decide its shard. */
export const SHARD_PREFIX = 3;

/** The base file: everything MiniSearch needs besides the postings. */
export interface SearchBase {
  version: 1;
  documentCount: number;
  fields: string[];
  averageFieldLength: number[];
  /** One string per field, one character per document: the quantised field length. */
  lengths: string[];
  /** Shard keys that exist, sorted; shard files sit next to the base file. */
  keys: string[];
}

/** A shard: `[term, packed postings]` pairs. */
export type SearchShard = Array<[string, string]>;

type IndexEntry = AsPlainObject['index'][number];

/** The shard a term belongs to. */
export function shardKey(term: string): string {
  // Code points, so that a prefix never splits a surrogate pair.
  return Array.from(term).slice(0, SHARD_PREFIX).join('');
}

/** A file name for a shard key that is safe on any file system and in any URL. */
export function shardFileName(key: string): string {
  return `${[...new TextEncoder().encode(key)].map((b) => b.toString(16).padStart(2, '0')).join('')}.json.gz`;
}

// Field lengths: exact up to 16 terms, then in steps of 8% up to about 600 terms.
const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_';
const EXACT = 16;
const STEP = 1.08;

export function quantiseLength(length: number): string {
  const bucket =
    length <= EXACT ? length : EXACT + Math.round(Math.log(length / EXACT) / Math.log(STEP));
  return ALPHABET.charAt(Math.min(Math.max(bucket, 0), ALPHABET.length - 1));
}

export function dequantiseLength(char: string): number {
  const bucket = ALPHABET.indexOf(char);
  return bucket <= EXACT ? Math.max(bucket, 0) : Math.round(EXACT * STEP ** (bucket - EXACT));
}

function pushVarint(bytes: number[], value: number): void {
  let v = value;
  while (v >= 0x80) {
    bytes.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  bytes.push(v);
}

function toBase64(bytes: number[]): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Packs one term's postings: per (document, field), the document delta and `tf << 3 | field`. */
export function packPostings(postings: IndexEntry[1]): string {
  const triples: Array<[number, number, number]> = [];
  for (const [field, docs] of Object.entries(postings)) {
    for (const [doc, tf] of Object.entries(docs)) triples.push([Number(doc), Number(field), tf]);
  }
  triples.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const bytes: number[] = [];
  let previous = 0;
  for (const [doc, field, tf] of triples) {
    pushVarint(bytes, doc - previous);
    pushVarint(bytes, tf * 8 + field);
    previous = doc;
  }
  return toBase64(bytes);
}

/** The inverse of `packPostings`. */
export function unpackPostings(packed: string): IndexEntry[1] {
  const binary = atob(packed);
  const postings: IndexEntry[1] = {};
  let at = 0;
  let doc = 0;
  const read = (): number => {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = binary.charCodeAt(at++);
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 128;
    }
  };
  while (at < binary.length) {
    doc += read();
    const code = read();
    const field = code % 8;
    // A field's first posting creates its map (the index type does not admit the absence).
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- see above
    const docs = (postings[field] ??= {});
    docs[doc] = Math.floor(code / 8);
  }
  return postings;
}

/** Splits a serialised MiniSearch index into a base and shards (build time). */
export function splitIndex(index: AsPlainObject): {
  base: SearchBase;
  shards: Map<string, SearchShard>;
} {
  const fields = Object.entries(index.fieldIds)
    .sort((a, b) => a[1] - b[1])
    .map(([name]) => name);
  const lengths = fields.map(() => [] as string[]);
  for (let doc = 0; doc < index.nextId; doc++) {
    const row = index.fieldLength[doc] ?? [];
    fields.forEach((_, f) => lengths[f]?.push(quantiseLength(row[f] ?? 0)));
  }
  const shards = new Map<string, SearchShard>();
  for (const [term, postings] of index.index) {
    const key = shardKey(term);
    const shard = shards.get(key) ?? [];
    shard.push([term, packPostings(postings)]);
    shards.set(key, shard);
  }
  return {
    base: {
      version: 1,
      documentCount: index.documentCount,
      fields,
      averageFieldLength: index.averageFieldLength,
      lengths: lengths.map((chars) => chars.join('')),
      keys: [...shards.keys()].sort(),
    },
    shards,
  };
}

/** Every term of a serialised index, sorted, with the number of documents holding it. */
export function vocabularyOf(index: AsPlainObject): Vocabulary {
  const rows = index.index.map(([term, postings]) => {
    const docs = new Set<string>();
    for (const field of Object.values(postings))
      for (const doc of Object.keys(field)) docs.add(doc);
    return [term, docs.size] as const;
  });
  rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { terms: rows.map((r) => r[0]), counts: rows.map((r) => r[1]) };
}

/** The shard keys a query needs: each term's own key, or every key a short prefix opens. */
export function keysForQuery(base: SearchBase, query: string, limit = 64): string[] {
  const wanted = new Set<string>();
  for (const token of tokenize(query)) {
    const term = processTerm(token);
    if (!term) continue;
    const key = shardKey(term);
    if (key.length === SHARD_PREFIX || key === term) {
      if (binaryHas(base.keys, key)) wanted.add(key);
    }
    // A term shorter than the prefix matches as a prefix of longer terms in several shards.
    if (Array.from(term).length < SHARD_PREFIX) {
      for (const k of base.keys) if (k.startsWith(term) && wanted.size < limit) wanted.add(k);
    }
  }
  return [...wanted];
}

function binaryHas(sorted: readonly string[], key: string): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const value = sorted[mid] as string;
    if (value === key) return true;
    if (value < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** MiniSearch's serialised form of the base alone; made once and reused for every query. */
export type PreparedBase = Omit<AsPlainObject, 'index'>;

/** Expands the base file into MiniSearch's per-document tables. */
export function prepareBase(base: SearchBase): PreparedBase {
  const documentIds: Record<string, number> = {};
  const fieldLength: Record<string, number[]> = {};
  for (let doc = 0; doc < base.documentCount; doc++) {
    documentIds[doc] = doc;
    fieldLength[doc] = base.lengths.map((chars) => dequantiseLength(chars.charAt(doc)));
  }
  return {
    documentCount: base.documentCount,
    nextId: base.documentCount,
    documentIds,
    fieldIds: Object.fromEntries(base.fields.map((name, i) => [name, i])),
    fieldLength,
    averageFieldLength: base.averageFieldLength,
    storedFields: {},
    dirtCount: 0,
    serializationVersion: 2,
  };
}

/** Puts the base and some shards back into MiniSearch's serialised form. */
export function assembleIndex(
  base: SearchBase | PreparedBase,
  shards: Iterable<SearchShard>,
): AsPlainObject {
  const prepared = 'lengths' in base ? prepareBase(base) : base;
  const index: AsPlainObject['index'] = [];
  for (const shard of shards)
    for (const [term, packed] of shard) index.push([term, unpackPostings(packed)]);
  return { ...prepared, index };
}
