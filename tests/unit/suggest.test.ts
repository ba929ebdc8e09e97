import { describe, expect, it } from 'vitest';
import {
  correctQuery,
  correctTerm,
  editDistance,
  isTransposition,
  type Vocabulary,
} from '../../src/lib/suggest.ts';

const vocabulary: Vocabulary = {
  terms: ['config', 'flicker', 'flickers', 'iphone', 'migration', 'screen', 'slicker'],
  counts: [9, 4, 1, 2, 5, 3, 1],
};

describe('editDistance', () => {
  it('counts a swap of neighbouring letters as one edit', () => {
    expect(editDistance('iphnoe', 'iphone', 2)).toBe(1);
    expect(editDistance('flikcer', 'flicker', 2)).toBe(1);
  });

  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('', 'abc', 3)).toBe(3);
  });

  it('stops at the limit', () => {
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });
});

describe('isTransposition', () => {
  it('holds for swapped neighbours only', () => {
    expect(isTransposition('iphnoe', 'iphone')).toBe(true);
    expect(isTransposition('ipohne', 'iphone')).toBe(true);
    expect(isTransposition('iphome', 'iphone')).toBe(false);
    expect(isTransposition('iphone', 'iphone')).toBe(false);
  });
});

describe('correctTerm', () => {
  it('leaves a term the index holds, or a prefix of one, alone', () => {
    expect(correctTerm(vocabulary, 'flicker')).toBeNull();
    expect(correctTerm(vocabulary, 'migr')).toBeNull();
  });

  it('corrects a swap, including one in the first three letters', () => {
    expect(correctTerm(vocabulary, 'flikcer')).toBe('flicker');
    expect(correctTerm(vocabulary, 'ipohne')).toBe('iphone');
    expect(correctTerm(vocabulary, 'cnofig')).toBe('config');
  });

  it('prefers fewer edits, then the term more episodes hold', () => {
    // "blicker" is one substitution from both flicker (4 documents) and slicker (1).
    expect(correctTerm(vocabulary, 'blicker')).toBe('flicker');
  });

  it('finds nothing for a word too far from every term', () => {
    expect(correctTerm(vocabulary, 'database')).toBeNull();
  });
});

describe('correctQuery', () => {
  it('says when every correction was a swap, so it can be applied at once', () => {
    expect(correctQuery(vocabulary, 'Screen flikcer')).toEqual({
      query: 'screen flicker',
      swapsOnly: true,
    });
  });

  it('offers other corrections as a suggestion', () => {
    expect(correctQuery(vocabulary, 'screen blicker')).toEqual({
      query: 'screen flicker',
      swapsOnly: false,
    });
  });

  it('is null when nothing needs correcting', () => {
    expect(correctQuery(vocabulary, 'screen flicker')).toBeNull();
  });
});
