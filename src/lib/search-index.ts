/**
 * The search index, built at build time without MiniSearch's engine: the same serialised index
 * (`AsPlainObject`, what `MiniSearch#toJSON` gives for the same documents and
 * `MINISEARCH_OPTIONS`), made with one map of tokens and arrays of postings. MiniSearch adds every
 * token of every document to a radix tree, which took about 6 s of the data step at 16,000
 * episodes; the browser never loads this object whole (search-shards.ts splits it), so the tree
 * was never needed.
 *
 * Identical to MiniSearch's in every value: document ids, field ids, each field's count of unique
 * tokens per document, the running average of those counts (the same arithmetic, in the same
 * order) and every term's postings. Only the order of the terms differs: here they are sorted,
 * where MiniSearch lists them in its tree's order. tests/unit/search-index.test.ts compares the
 * two on generated documents.
 */
import type { AsPlainObject } from 'minisearch';
import { processTerm, SEARCH_FIELDS, tokenize, type SearchDocument } from './search-options.ts';

export function buildSearchIndex(documents: Iterable<SearchDocument>): AsPlainObject {
  const fieldIds = Object.fromEntries(SEARCH_FIELDS.map((field, i) => [field, i]));
  const documentIds: Record<string, number> = {};
  const fieldLength: Record<string, number[]> = {};
  const averageFieldLength: number[] = [];
  // Each token's term number, once per distinct token (-1 when processTerm drops it): tokens
  // repeat millions of times, terms number about 20,000 at 16,000 episodes.
  const termOfToken = new Map<string, number>();
  const termNumbers = new Map<string, number>();
  const names: string[] = [];
  // term number → field id → [document, occurrences, document, occurrences, …], documents rising.
  const postings: number[][][] = [];
  let count = 0;
  for (const document of documents) {
    const short = count;
    count += 1;
    documentIds[short] = document.id;
    const lengths: number[] = [];
    fieldLength[short] = lengths;
    for (let fieldId = 0; fieldId < SEARCH_FIELDS.length; fieldId++) {
      const field = SEARCH_FIELDS[fieldId] as (typeof SEARCH_FIELDS)[number];
      const tokens = new Map<string, number>();
      for (const token of tokenize(document[field]))
        tokens.set(token, (tokens.get(token) ?? 0) + 1);
      lengths[fieldId] = tokens.size;
      // MiniSearch's running average: (average × documents before + this one) ÷ documents.
      const average = averageFieldLength[fieldId] ?? 0;
      averageFieldLength[fieldId] = (average * (count - 1) + tokens.size) / count;
      for (const [token, occurrences] of tokens) {
        let term = termOfToken.get(token);
        if (term === undefined) {
          const name = processTerm(token);
          term = name === null ? -1 : (termNumbers.get(name) ?? names.push(name) - 1);
          if (name !== null) termNumbers.set(name, term);
          termOfToken.set(token, term);
        }
        if (term < 0) continue;
        const byField = (postings[term] ??= []);
        const pairs = (byField[fieldId] ??= []);
        // Two tokens of one field can make the same term ("Café", "cafe"): one posting.
        if (pairs[pairs.length - 2] === short)
          pairs[pairs.length - 1] = (pairs[pairs.length - 1] ?? 0) + occurrences;
        else pairs.push(short, occurrences);
      }
    }
  }
  const index: AsPlainObject['index'] = names
    .map((name, term) => [name, term] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([name, term]) => {
      const data: AsPlainObject['index'][number][1] = {};
      (postings[term] ?? []).forEach((pairs, fieldId) => {
        const docs: Record<string, number> = {};
        for (let i = 0; i < pairs.length; i += 2) docs[pairs[i] as number] = pairs[i + 1] as number;
        data[fieldId] = docs;
      });
      return [name, data];
    });
  return {
    documentCount: count,
    nextId: count,
    documentIds,
    fieldIds,
    fieldLength,
    averageFieldLength,
    storedFields: {},
    dirtCount: 0,
    index,
    serializationVersion: 2,
  };
}
