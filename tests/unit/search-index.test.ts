import { describe, expect, it } from 'vitest';
import MiniSearch from 'minisearch';
import { MINISEARCH_OPTIONS, type SearchDocument } from '../../src/lib/search-options.ts';
import { buildSearchIndex } from '../../src/lib/search-index.ts';
import { searchDocument } from '../../src/lib/derive/browser-files.ts';
import { generateRecords } from '../../src/lib/synthetic.ts';
import { episodeOf } from './helpers.ts';

function miniSearchIndex(docs: readonly SearchDocument[]) {
  const index = new MiniSearch<SearchDocument>(MINISEARCH_OPTIONS);
  index.addAll(docs);
  return index.toJSON();
}

const generated = generateRecords({ count: 300, seed: 11, layout: 'nested' }).map((record, i) =>
  searchDocument(episodeOf(record), i),
);

// Text the tokenizer and term processing must treat as MiniSearch does: accents, case, repeats,
// one-letter words, redaction markers, digits, an empty field, another script.
const handMade: SearchDocument[] = [
  {
    id: 0,
    name: 'Café crème: the agent REWROTE rewrote the café',
    description: 'A b c — naïve façade; x86_64 v2.1 [REDACTED:api-key:abc123] ok ok ok',
    quotes: '',
    contexts: 'Ｆｕｌｌｗｉｄｔｈ text, ﬁ ligature, 数据库 迁移',
    reasoning: 'Rewrote rewrote REWROTE',
    agent: 'Claude Code',
    key: 'swe-78-s846-m002 swe/78/session_846/M002',
  },
  {
    id: 1,
    name: 'Second',
    description: 'café',
    quotes: 'crème',
    contexts: '',
    reasoning: '',
    agent: 'Codex',
    key: 'x',
  },
];

describe('buildSearchIndex', () => {
  it.each([
    ['generated episodes', generated],
    ['hand-made text', handMade],
  ])('gives MiniSearch’s serialised index for %s, terms sorted', (_name, docs) => {
    const ours = buildSearchIndex(docs);
    const theirs = miniSearchIndex(docs);
    const { index: ourTerms, ...ourRest } = ours;
    const { index: theirTerms, ...theirRest } = theirs;
    // Every value the same, the running averages to the last bit.
    expect(ourRest).toEqual(theirRest);
    const sorted = [...theirTerms].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    expect(ourTerms).toEqual(sorted);
    expect(ourTerms.length).toBeGreaterThan(docs.length);
  });

  it('is loaded by MiniSearch and answers as the engine that built its own index', () => {
    const ours = MiniSearch.loadJS<SearchDocument>(buildSearchIndex(generated), MINISEARCH_OPTIONS);
    const theirs = new MiniSearch<SearchDocument>(MINISEARCH_OPTIONS);
    theirs.addAll(generated);
    let hits = 0;
    for (const query of ['database migration', 'deploy', 'refac', 'agent quietly', 'migrtion']) {
      const scores = (index: MiniSearch<SearchDocument>) =>
        new Map(index.search(query).map((r): [number, number] => [Number(r.id), r.score]));
      const a = scores(ours);
      expect(a.size, query).toBe(scores(theirs).size);
      expect(a).toEqual(scores(theirs));
      hits += a.size;
    }
    expect(hits).toBeGreaterThan(50);
  });
});
