import { describe, expect, it } from 'vitest';
import { formatP, truncate } from '../../src/lib/format.ts';

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

describe('formatP', () => {
  it('shows tiny p-values as a bound and others to two significant digits', () => {
    expect(formatP(0.0004)).toBe('< 0.001');
    expect(formatP(0.0284597)).toBe('0.028');
    expect(formatP(0.5)).toBe('0.50');
    expect(formatP(1)).toBe('1');
  });
});
