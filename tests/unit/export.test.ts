import { describe, it, expect } from 'vitest';
import { dayOf } from '../../src/lib/dates.ts';
import type { ChunkEntry } from '../../src/lib/derive/browser-files.ts';
import { EXPORT_COLUMNS, csvField, exportRecord, toCsv, toJson } from '../../src/lib/export.ts';
import type { BrowseRow } from '../../src/lib/fields.ts';

const dict = { agent: ['Claude Code'], licence: ['MIT'], category: ['truncation'] };

const row: BrowseRow = {
  index: 0,
  day: dayOf('2025-06-07 01:16:00'),
  agent: 0,
  platform: 1,
  source: 0,
  goal: 1,
  confidence: 0,
  licence: 0,
  category: -1,
  symptoms: 0b1010,
  causes: 0b10,
  tiers: 0b10,
  severity: 2,
  locus: 0,
  status: 0,
  resolver: 1,
  userTurns: 6,
  agentTurns: -1,
};

const entry: ChunkEntry = {
  id: 'specstory-1000090305-s003-m002',
  name: 'Edited config, "again"',
  description: '=HYPERLINK("http://evil")',
  agent: 'Claude Code',
  timestamp: '2025-06-07 01:16:00',
};

describe('exportRecord', () => {
  const record = exportRecord(row, entry, { dict, base: '/atlas/' });

  it('joins multi-label codes with semicolons', () => {
    expect(record.symptoms).toBe('S2;S4');
    expect(record.causes).toBe('C2');
    expect(record.tiers).toBe('contextual');
  });

  it('writes single codes, the date and the licence', () => {
    expect(record).toMatchObject({
      date: '2025-06-07',
      platform: 'CLI',
      source: 'specstory',
      validation: 'VALID',
      category: null,
      severity: 'DS2',
      locus: 'DL1',
      status: 'RS1',
      resolver: 'RV2',
      licence: 'MIT',
    });
  });

  it('writes null for a missing turn count', () => {
    expect(record.user_turns).toBe(6);
    expect(record.agent_turns).toBeNull();
  });

  it('links to the episode under the base path', () => {
    expect(record.url).toBe('/atlas/episodes/specstory-1000090305-s003-m002/');
  });

  it('links absolutely when an origin is given', () => {
    const absolute = exportRecord(row, entry, {
      dict,
      base: '/',
      origin: 'https://atlas.example.org',
    });
    expect(absolute.url).toBe('https://atlas.example.org/episodes/specstory-1000090305-s003-m002/');
  });

  it('marks an INVALID episode with its category', () => {
    const invalid = exportRecord({ ...row, category: 0 }, entry, { dict, base: '/' });
    expect(invalid).toMatchObject({ validation: 'INVALID', category: 'truncation' });
  });
});

describe('csvField', () => {
  it('leaves plain text unquoted', () => {
    expect(csvField('plain')).toBe('plain');
  });

  it('quotes a field with a comma, a quote or a line break and doubles quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])(
    'guards %j against formula injection',
    (value) => {
      expect(csvField(value).replace(/^"/, '').startsWith("'")).toBe(true);
    },
  );

  it('writes numbers as they are and null as empty', () => {
    expect(csvField(-3)).toBe('-3');
    expect(csvField(null)).toBe('');
  });
});

describe('toCsv', () => {
  it('writes a header row and CRLF line ends', () => {
    const csv = toCsv([exportRecord(row, entry, { dict, base: '/' })]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(EXPORT_COLUMNS.join(','));
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
  });

  it('quotes and guards cells from the data', () => {
    const csv = toCsv([exportRecord(row, entry, { dict, base: '/' })]);
    expect(csv).toContain('"Edited config, ""again"""');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });
});

describe('toJson', () => {
  it('writes records as a JSON array with every column', () => {
    const parsed = JSON.parse(toJson([exportRecord(row, entry, { dict, base: '/' })])) as Record<
      string,
      unknown
    >[];
    expect(Object.keys(parsed[0] ?? {})).toEqual([...EXPORT_COLUMNS]);
  });
});
