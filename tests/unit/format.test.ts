import { describe, expect, it } from 'vitest';
import { formatCount, formatP, plural, truncate, turnLabel } from '../../src/lib/format.ts';

describe('truncate', () => {
  it('leaves short text alone', () => {
    expect(truncate('short', 10)).toBe('short');
  });

  it('cuts long text with an ellipsis within the limit', () => {
    const out = truncate('a'.repeat(50), 10);
    expect(out).toBe(`${'a'.repeat(9)}…`);
    expect(out.length).toBeLessThanOrEqual(10);
  });

  it('never cuts a redaction marker in half', () => {
    const text = 'mail [REDACTED:email:3f9a1c2b7d4e] later';
    expect(truncate(text, 20)).toBe('mail…');
    expect(truncate(text, 36)).toBe('mail [REDACTED:email:3f9a1c2b7d4e]…');
  });
});

describe('formatCount', () => {
  it('groups whole counts by thousands exactly as Intl does', () => {
    const intl = new Intl.NumberFormat('en-US');
    const values = [0, 1, 9, 10, 99, 100, 999, 1000, 1001, 9999, 10000, 12345, 100000, 999999];
    values.push(1000000, 1234567, 16000, 64000, 2 ** 31, Number.MAX_SAFE_INTEGER);
    for (const n of values) expect(formatCount(n)).toBe(intl.format(n));
  });

  it('leaves what is not a whole count to Intl', () => {
    expect(formatCount(-1234)).toBe('-1,234');
    expect(formatCount(1234.5)).toBe('1,234.5');
  });
});

describe('plural', () => {
  it('uses the singular for exactly one and the plural otherwise', () => {
    expect(plural(1, 'episode')).toBe('1 episode');
    expect(plural(0, 'episode')).toBe('0 episodes');
    expect(plural(2, 'episode')).toBe('2 episodes');
    expect(plural(1234, 'repository', 'repositories')).toBe('1,234 repositories');
  });
});

describe('turnLabel', () => {
  it('reads every capitalisation of a turn label the same way', () => {
    expect(turnLabel('TURN 3 | USER')).toEqual({ text: 'Turn 3 · User', speaker: 'user' });
    expect(turnLabel('Turn 4 | Agent')).toEqual({ text: 'Turn 4 · Agent', speaker: 'agent' });
    expect(turnLabel(' turn 12: agent ')).toEqual({ text: 'Turn 12 · Agent', speaker: 'agent' });
  });

  it('shows a label of another shape as given, with its speaker when one is named', () => {
    expect(turnLabel('Turns 3–5 (user)')).toEqual({ text: 'Turns 3–5 (user)', speaker: 'user' });
    expect(turnLabel('  system prompt ')).toEqual({ text: 'system prompt', speaker: 'other' });
  });
});

describe('formatP', () => {
  it('shows tiny p-values as a bound and others to two significant digits', () => {
    expect(formatP(0.0004)).toBe('< 0.001');
    expect(formatP(0.0284597)).toBe('0.028');
    expect(formatP(0.5)).toBe('0.50');
    expect(formatP(1)).toBe('1');
  });
});
