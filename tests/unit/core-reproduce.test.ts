import { describe, expect, it } from 'vitest';
import { asPrinted, compare, reproduce, tally } from '../../src/lib/core/reproduce.ts';
import { printedDigits, printedValue } from '../../src/lib/paper-figures.ts';
import { fixtureCorpus } from './core-fixture.ts';

describe('printed figures', () => {
  it('reads a printed figure’s value and precision', () => {
    expect(printedValue('1,863')).toBe(1863);
    expect(printedValue('-0.008')).toBe(-0.008);
    expect(printedDigits('10.20')).toBe(2);
    expect(printedDigits('16,118')).toBe(0);
  });

  it('writes a value the way the paper printed its figure', () => {
    expect(asPrinted(16118, '16,118')).toBe('16,118');
    expect(asPrinted(10.2, '10.20')).toBe('10.20');
    expect(asPrinted(0.13184, '0.132')).toBe('0.132');
    expect(asPrinted(-0.0001, '0.00')).toBe('0.00');
    expect(asPrinted(Number.NaN, '3')).toBe('—');
  });
});

describe('compare', () => {
  it('matches at the printed precision, not beyond it', () => {
    expect(compare(11.5647, '11.56')).toEqual({ printed: '11.56', shown: '11.56', matches: true });
    expect(compare(-0.0084, '-0.008').matches).toBe(true);
    expect(compare(53.94, '53.9').matches).toBe(true);
  });

  it('gives the difference when a figure does not match', () => {
    expect(compare(11.5751, '11.56')).toEqual({
      printed: '11.56',
      shown: '11.58',
      matches: false,
      difference: '+0.02',
    });
    expect(compare(20_570, '20,574')).toMatchObject({ shown: '20,570', difference: '−4' });
  });

  it('never matches a figure that could not be computed', () => {
    expect(compare(Number.NaN, '1')).toEqual({ printed: '1', shown: '—', matches: false });
  });
});

describe('reproduce', () => {
  const sections = reproduce(fixtureCorpus());
  const section = (id: string) => sections.find((s) => s.id === id);

  it('compares the fixture’s own figures with the paper’s, cell by cell', () => {
    const corpus = section('corpus');
    expect(corpus?.rows[0]).toEqual({
      label: 'Sessions',
      cells: [{ printed: '20,574', shown: '6', matches: false, difference: '−20,568' }],
    });
    const s2 = section('table-2')?.rows.find((r) => r.label.startsWith('S2 '));
    expect(s2?.cells.map((c) => c?.shown)).toEqual(['2', '50.00', '66.67', '0.00']);
    expect(section('persistence')?.rows.map((r) => r.cells[0]?.shown)).toEqual([
      '0.000',
      '1.000',
      '-100',
    ]);
  });

  it('says whether each symptom rises or falls over the paper’s window', () => {
    const trend = section('trend');
    expect(trend?.rows[0]?.cells[0]?.printed).toBe('-0.008');
    // The fixture has no session between Feb 2025 and Apr 2026 except its own three months.
    const s3 = trend?.rows.find((r) => r.label.includes('S3'));
    expect(s3?.cells[0]).toEqual({ printed: 'rises', shown: 'falls', matches: false });
  });

  it('covers every section of the paper’s reference figures', () => {
    expect(sections.map((s) => s.id)).toEqual([
      'corpus',
      'table-1',
      'user-turns',
      'table-2',
      'labels-per-episode',
      'tiers',
      'table-3',
      'reach',
      'validation',
      'sessions',
      'per-session',
      'rates',
      'session-lift',
      'episode-lift',
      'symptom-cause',
      'persistence',
      'trend',
    ]);
    const { figures, matching } = tally(sections);
    expect(figures).toBeGreaterThan(200);
    expect(matching).toBeLessThan(figures);
  });
});
