import { describe, it, expect } from 'vitest';
import { parseBrowseState } from '../../src/lib/browse-state.ts';
import { cleared, withoutFilter, withQuery } from '../../src/islands/state-actions.ts';

describe('withQuery', () => {
  it('switches an unchosen sort to relevance when a query starts', () => {
    expect(withQuery(parseBrowseState(''), 'push').sort).toBe('relevance');
  });

  it('switches back to newest first when the query is cleared', () => {
    expect(withQuery(parseBrowseState('q=push'), '').sort).toBe('date-desc');
  });

  it('keeps a sort the reader chose', () => {
    expect(withQuery(parseBrowseState('sort=agent'), 'push').sort).toBe('agent');
  });

  it('goes back to the first page', () => {
    expect(withQuery(parseBrowseState('page=4'), 'push').page).toBe(1);
  });
});

describe('withoutFilter', () => {
  it('drops every value of one facet', () => {
    const state = withoutFilter(parseBrowseState('symptom=S1,S3&agent=Codex'), 'symptom');
    expect(state.filters.symptom).toEqual([]);
    expect(state.filters.agent).toEqual(['Codex']);
  });

  it('drops the date range', () => {
    const state = withoutFilter(parseBrowseState('from=2025-01-01&to=2025-02-01'), 'date');
    expect([state.from, state.to]).toEqual(['', '']);
  });
});

describe('cleared', () => {
  it('resets filters and query to the VALID default but keeps the view', () => {
    const state = cleared(
      parseBrowseState('q=x&symptom=S1&validation=all&view=table&from=2025-01-01'),
    );
    expect(state).toMatchObject({
      query: '',
      filters: { validation: ['VALID'] },
      from: '',
      view: 'table',
    });
  });
});
