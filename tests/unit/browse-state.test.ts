import { describe, it, expect } from 'vitest';
import {
  browseQuery,
  defaultState,
  filterQuery,
  parseBrowseState,
  type BrowseState,
} from '../../src/lib/browse-state.ts';

function state(partial: Partial<BrowseState>): BrowseState {
  return { ...defaultState(), ...partial };
}

describe('defaults', () => {
  it('reads an empty query string as the default state', () => {
    expect(parseBrowseState('')).toEqual({
      query: '',
      filters: { validation: ['VALID'] },
      from: '',
      to: '',
      sort: 'date-desc',
      desc: true,
      seed: 1,
      view: 'list',
      page: 1,
    });
  });

  it('accepts a leading ?', () => {
    expect(parseBrowseState('?page=3').page).toBe(3);
  });

  it('writes the default state as an empty query string', () => {
    expect(browseQuery(defaultState())).toBe('');
  });

  it('returns a fresh default each time', () => {
    const first = defaultState();
    first.filters.symptom = ['S1'];
    expect(defaultState().filters).toEqual({ validation: ['VALID'] });
  });

  it('clears the VALID-only filter with validation=all', () => {
    expect(parseBrowseState('validation=all').filters).toEqual({});
  });

  it('clears the VALID-only filter with an empty validation', () => {
    expect(parseBrowseState('validation=').filters).toEqual({});
  });

  it('writes no validation filter as validation=all', () => {
    expect(browseQuery({ filters: {} })).toBe('validation=all');
  });

  it('reads validation=INVALID', () => {
    expect(parseBrowseState('validation=INVALID').filters).toEqual({ validation: ['INVALID'] });
  });

  it('sorts by relevance by default when there is a query', () => {
    expect(parseBrowseState('q=tailwind').sort).toBe('relevance');
  });
});

describe('round trip', () => {
  const states: Array<[string, BrowseState]> = [
    ['the default', defaultState()],
    ['a query', state({ query: 'css modules & tailwind, again', sort: 'relevance' })],
    ['a query sorted by date', state({ query: 'revert', sort: 'date-asc' })],
    [
      'several facets',
      state({
        filters: {
          validation: ['VALID'],
          symptom: ['S3', 'S4'],
          cause: ['C2'],
          agent: ['Claude Code'],
        },
      }),
    ],
    ['all validation labels', state({ filters: { symptom: ['S1'] } })],
    [
      'INVALID with categories',
      state({
        filters: { validation: ['INVALID'], category: ['truncation', 'custom:agent_gave_up'] },
      }),
    ],
    ['both labels', state({ filters: { validation: ['VALID', 'INVALID'] } })],
    ['a date range', state({ from: '2025-01-01', to: '2025-06-30' })],
    ['a shuffle', state({ sort: 'shuffle', seed: 987654 })],
    [
      'the table ascending on page 4',
      state({ view: 'table', sort: 'turns', desc: false, page: 4 }),
    ],
  ];

  it.each(states)('gives back %s', (_name, original) => {
    expect(parseBrowseState(browseQuery(original))).toEqual(original);
  });

  it('writes facets in the fixed order, with bare commas', () => {
    const query = browseQuery({
      filters: { licence: ['MIT'], symptom: ['S3', 'S4'], validation: ['VALID'] },
    });
    expect(query).toBe('symptom=S3,S4&licence=MIT');
  });

  it('writes only what differs from the defaults', () => {
    expect(browseQuery(state({ page: 2, view: 'table' }))).toBe('view=table&page=2');
  });

  it('writes the seed only for a shuffle', () => {
    expect(browseQuery(state({ seed: 5 }))).toBe('');
    expect(browseQuery(state({ sort: 'shuffle', seed: 5 }))).toBe('sort=shuffle&seed=5');
  });

  it('leaves out sort=relevance when there is a query', () => {
    expect(browseQuery(state({ query: 'x', sort: 'relevance' }))).toBe('q=x');
  });
});

describe('bad values fall back', () => {
  it.each(['sort=bogus', 'sort=', 'sort=DATE-DESC'])('reads %s as the default sort', (search) => {
    expect(parseBrowseState(search).sort).toBe('date-desc');
  });

  it('reads an unknown sort with a query as relevance', () => {
    expect(parseBrowseState('q=x&sort=bogus').sort).toBe('relevance');
  });

  it.each(['page=0', 'page=-3', 'page=2.5', 'page=abc', 'page='])(
    'reads %s as page 1',
    (search) => {
      expect(parseBrowseState(search).page).toBe(1);
    },
  );

  it.each(['seed=0', 'seed=-1', 'seed=2147483648', 'seed=1.5', 'seed=x'])(
    'reads %s as seed 1',
    (search) => {
      expect(parseBrowseState(`sort=shuffle&${search}`).seed).toBe(1);
    },
  );

  it('keeps a valid seed', () => {
    expect(parseBrowseState('sort=shuffle&seed=2147483647').seed).toBe(2147483647);
  });

  it.each(['view=grid', 'view=TABLE', 'view='])('reads %s as the list view', (search) => {
    expect(parseBrowseState(search).view).toBe('list');
  });

  it.each(['from=2025-1-1', 'from=yesterday', 'from=2025-01-01T00:00'])(
    'ignores the bad date %s',
    (search) => {
      expect(parseBrowseState(search).from).toBe('');
    },
  );

  it.each(['from=2025-13-45', 'to=2025-00-00'])(
    'ignores %s, a date not on the calendar',
    (search) => {
      const parsed = parseBrowseState(search);
      expect([parsed.from, parsed.to]).toEqual(['', '']);
    },
  );

  it('keeps a good to date', () => {
    expect(parseBrowseState('to=2025-06-30').to).toBe('2025-06-30');
  });

  it('reads any dir but asc as descending', () => {
    expect([parseBrowseState('dir=up').desc, parseBrowseState('dir=asc').desc]).toEqual([
      true,
      false,
    ]);
  });

  it('cuts the query at 200 characters', () => {
    expect(parseBrowseState(`q=${'a'.repeat(300)}`).query).toHaveLength(200);
  });

  it('drops empty and overlong facet values', () => {
    expect(parseBrowseState(`agent=,Codex,,${'x'.repeat(101)}`).filters.agent).toEqual(['Codex']);
  });

  it('drops a facet with no usable value', () => {
    expect(parseBrowseState('symptom=,,').filters).toEqual({ validation: ['VALID'] });
  });

  it('keeps each facet value once', () => {
    expect(parseBrowseState('symptom=S3,S3, S3').filters.symptom).toEqual(['S3']);
  });

  it('keeps at most 50 values of a facet', () => {
    const many = Array.from({ length: 80 }, (_, i) => `a${i}`).join(',');
    expect(parseBrowseState(`agent=${many}`).filters.agent).toHaveLength(50);
  });

  it('ignores unknown parameters', () => {
    expect(parseBrowseState('utm_source=x&foo=bar')).toEqual(defaultState());
  });
});

describe('filterQuery', () => {
  it('links to a facet value with VALID left at its default', () => {
    expect(filterQuery({ symptom: ['S3'] })).toBe('symptom=S3');
  });

  it('links to INVALID episodes of a category', () => {
    expect(filterQuery({ validation: ['INVALID'], category: ['truncation'] })).toBe(
      'validation=INVALID&category=truncation',
    );
  });

  it('opens the same filters it links to', () => {
    expect(
      parseBrowseState(filterQuery({ cause: ['C2', 'C5'], agent: ['Cursor IDE'] })).filters,
    ).toEqual({
      validation: ['VALID'],
      cause: ['C2', 'C5'],
      agent: ['Cursor IDE'],
    });
  });

  it('links to everything with no filters', () => {
    expect(filterQuery({})).toBe('');
  });
});
