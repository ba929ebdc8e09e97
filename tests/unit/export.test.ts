import { describe, it, expect } from 'vitest';
import { dayOf } from '../../src/lib/dates.ts';
import type { BrowseRow, EpisodeText } from '../../src/lib/fields.ts';
import { defaultState, parseBrowseState } from '../../src/lib/browse-state.ts';
import { buildStamp } from '../../src/lib/build-info.ts';
import { deriveBrowserFiles } from '../../src/lib/derive/browser-files.ts';
import {
  EXPORT_COLUMNS,
  EXPORT_TYPES,
  MAX_FILE_STEM,
  csvField,
  csvValue,
  exportFileName,
  exportRecord,
  exportColumnInfo,
  exportView,
  toCsv,
  toJson,
  type ExportRecord,
} from '../../src/lib/export.ts';
import type { Episode } from '../../src/lib/schema.ts';
import {
  ALIGNMENT_GOALS,
  CAUSES,
  CONFIDENCES,
  SEVERITIES,
  SYMPTOMS,
  VALIDATION_CATEGORIES,
} from '../../src/lib/taxonomy.ts';
import { parseCsv } from '../../src/lib/export.ts';
import { episodeOf, exportFromDataFiles, invalidRecord, validRecord } from './helpers.ts';

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

const text: EpisodeText = {
  id: 'specstory-1000090305-s003-m002',
  name: 'Edited config, "again"',
  description: '=HYPERLINK("http://evil")',
  agent: 'Claude Code',
  timestamp: '2025-06-07 01:16:00',
  evidence: [
    { turn: 'TURN 7 | USER', quote: '-rf, "please"\nstop', context: '@here look' },
    { turn: 'TURN 8 | AGENT', quote: 'done', context: '' },
  ],
  annotation: {
    symptom: { labels: ['S2', 'S4'], otherDescriptor: null, reasoning: '+1 for S4' },
    cause: {
      labels: [{ code: 'C2', tier: 'contextual' }],
      reasoning: 'It chose to do more.',
    },
    outcome: { severity: 'DS2', locus: 'DL1', reasoning: 'Config changed.' },
    resolution: { status: 'RS1', resolver: 'RV2', reasoning: 'Reverted by the agent.' },
  },
  validation: { note: 'Pushback is visible.' },
};

const ctx = { dict, base: '/atlas/' };
const build = buildStamp('[]', { commit: 'a'.repeat(40), date: '2026-11-30T10:00:00Z' });
const atlas = { title: 'Atlas', url: 'https://atlas.example.org/', build };
const everyEpisode = exportView(
  parseBrowseState('validation=all'),
  'https://atlas.example.org/browse/?validation=all',
);

/** Browse's export of every episode, from the data files the data step derives of `episodes`. */
function exportedFromDataFiles(episodes: readonly Episode[]): ExportRecord[] {
  const files = deriveBrowserFiles(episodes);
  return exportFromDataFiles(files.browse, (name) => {
    const file = files.list.find((f) => f.name === name);
    if (!file) throw new Error(`no data file ${name}`);
    return JSON.parse(file.contents);
  });
}

describe('exportRecord', () => {
  const record = exportRecord(row, text, ctx);

  it('keeps multi-valued fields as arrays', () => {
    expect(record.symptoms).toEqual(['S2', 'S4']);
    expect(record.causes).toEqual(['C2']);
    expect(record.tiers).toEqual(['contextual']);
    expect(record.cause_tiers).toEqual(['C2:contextual']);
  });

  it('carries the evidence, the four reasonings and the validator’s note', () => {
    expect(record.evidence).toEqual(text.evidence);
    expect(record).toMatchObject({
      symptom_reasoning: '+1 for S4',
      cause_reasoning: 'It chose to do more.',
      outcome_reasoning: 'Config changed.',
      resolution_reasoning: 'Reverted by the agent.',
      validator_note: 'Pushback is visible.',
      s8_descriptor: null,
    });
  });

  it('writes single codes, the date, the goal, the confidence and the licence', () => {
    expect(record).toMatchObject({
      date: '2025-06-07',
      platform: 'CLI',
      source: 'specstory',
      alignment_goal: 'intention',
      confidence: 'high',
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

  it('links to the episode under the base path, or absolutely with an origin', () => {
    expect(record.url).toBe('/atlas/episodes/specstory-1000090305-s003-m002/');
    const absolute = exportRecord(row, text, { dict, base: '/', origin: 'https://a.example' });
    expect(absolute.url).toBe('https://a.example/episodes/specstory-1000090305-s003-m002/');
  });

  it('marks an INVALID episode with its category and empty annotation fields', () => {
    const invalid = exportRecord(
      { ...row, category: 0, symptoms: 0, causes: 0, tiers: 0 },
      { ...text, annotation: null },
      ctx,
    );
    expect(invalid).toMatchObject({
      validation: 'INVALID',
      category: 'truncation',
      symptoms: [],
      cause_tiers: [],
      symptom_reasoning: null,
    });
  });
});

describe('every published field is exported', () => {
  // Each text field of a release record holds a marker that names it; every marker must come out.
  const record = validRecord({
    name: 'field:name',
    description: 'field:description',
    alignment_goal: 'both',
    confidence: 'low',
    evidence: [{ turn: 'field:turn', quote: 'field:quote', context: 'field:context' }],
    note: 'field:note',
    symptom: { reasoning: 'field:symptom', labels: ['S8'], other_descriptor: 'field:descriptor' },
    cause: { reasoning: 'field:cause', labels: [{ label: 'C3', evidence_tier: 'speculative' }] },
    outcome: { reasoning: 'field:outcome', damage_severity: 'DS1', damage_locus: null },
    resolution: { reasoning: 'field:resolution', status: 'RS2', resolver: null },
    agent: 'field:agent',
    license_type: 'field:licence',
  });
  const episode: Episode = episodeOf(record);
  const [exported] = exportedFromDataFiles([episode]);
  const json = toJson(exported ? [exported] : [], { atlas, view: everyEpisode });

  it('writes every text field of the episode to the JSON', () => {
    const markers = JSON.stringify(record).match(/field:[a-z]+/g) ?? [];
    expect(markers.length).toBeGreaterThan(12);
    for (const marker of markers) expect(json, marker).toContain(`"${marker}"`);
  });

  it('writes every label of the episode', () => {
    expect(exported).toMatchObject({
      alignment_goal: 'both',
      confidence: 'low',
      symptoms: ['S8'],
      s8_descriptor: 'field:descriptor',
      causes: ['C3'],
      cause_tiers: ['C3:speculative'],
      severity: 'DS1',
      status: 'RS2',
      user_turns: 6,
    });
  });

  it('has a dictionary entry (type, meaning) for every column, and a CSV form for every type', () => {
    const info = exportColumnInfo();
    expect(info.map((c) => c.name)).toEqual(EXPORT_COLUMNS);
    for (const column of info) {
      expect(column.about.length, column.name).toBeGreaterThan(10);
      expect(EXPORT_TYPES[column.type].csv, column.name).toBeTruthy();
    }
    // Every code column lists its codes; the open value sets say what they hold.
    const kinds = Object.fromEntries(info.map((c) => [c.name, [c.type, c.table?.length ?? 0]]));
    expect(kinds).toMatchObject({
      symptoms: ['codes', SYMPTOMS.length],
      causes: ['codes', CAUSES.length],
      severity: ['code', SEVERITIES.length],
      alignment_goal: ['code', ALIGNMENT_GOALS.length],
      confidence: ['code', CONFIDENCES.length],
      category: ['code', VALIDATION_CATEGORIES.length],
      agent: ['text', 0],
      user_turns: ['integer', 0],
      evidence: ['evidence', 0],
    });
    expect(new Set(EXPORT_COLUMNS).size).toBe(EXPORT_COLUMNS.length);
  });
});

describe('csvValue', () => {
  it('joins codes with semicolons and writes evidence as JSON text', () => {
    expect(csvValue(['S2', 'S4'])).toBe('S2;S4');
    expect(csvValue([])).toBeNull();
    expect(csvValue([{ turn: 'T', quote: 'q', context: '' }])).toBe(
      '[{"turn":"T","quote":"q","context":""}]',
    );
    expect(csvValue('text')).toBe('text');
    expect(csvValue(3)).toBe(3);
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
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
  });

  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '=a,"b"'])(
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
  const csv = toCsv([exportRecord(row, text, ctx)]);

  it('writes a header row and CRLF line ends', () => {
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(EXPORT_COLUMNS.join(','));
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('parses back to the record, flattened as documented, with formulas guarded', () => {
    const [header, cells, ...rest] = parseCsv(csv);
    expect(rest).toEqual([]);
    expect(header).toEqual([...EXPORT_COLUMNS]);
    const back = Object.fromEntries((header ?? []).map((c, i) => [c, cells?.[i]]));
    expect(back).toMatchObject({
      title: 'Edited config, "again"',
      description: `'=HYPERLINK("http://evil")`,
      symptoms: 'S2;S4',
      cause_tiers: 'C2:contextual',
      symptom_reasoning: "'+1 for S4",
      agent_turns: '',
    });
    expect(JSON.parse(back['evidence'] ?? '')).toEqual(text.evidence);
    // No cell a spreadsheet would run.
    expect((cells ?? []).filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
  });
});

describe('toJson', () => {
  it('records the atlas, its build and the view, then every column of every episode', () => {
    const state = parseBrowseState('q=data%20loss&symptom=S2,S4&from=2025-01-01');
    const view = exportView(state, 'https://atlas.example.org/browse/?q=data+loss');
    const parsed = JSON.parse(toJson([exportRecord(row, text, ctx)], { atlas, view })) as {
      atlas: typeof atlas;
      view: typeof view;
      count: number;
      episodes: Record<string, unknown>[];
    };
    expect(parsed.atlas.build).toEqual(build);
    expect(parsed.view).toEqual({
      url: 'https://atlas.example.org/browse/?q=data+loss',
      query: 'data loss',
      filters: { validation: ['VALID'], symptom: ['S2', 'S4'] },
      from: '2025-01-01',
      to: null,
      sort: 'relevance',
    });
    expect(parsed.count).toBe(1);
    expect(Object.keys(parsed.episodes[0] ?? {})).toEqual([...EXPORT_COLUMNS]);
  });
});

describe('exportFileName', () => {
  it('says what the view is', () => {
    const state = parseBrowseState(
      'q=Data%20loss!&symptom=S2,S4&agent=Claude%20Code&to=2025-12-31',
    );
    expect(exportFileName(state, 'csv')).toBe(
      'atlas_q-data-loss_symptom-S2-S4_agent-Claude-Code_to-2025-12-31.csv',
    );
  });

  it('names the default view, and a view of every validation label', () => {
    expect(exportFileName(defaultState(), 'json')).toBe('atlas_all-valid.json');
    expect(exportFileName(parseBrowseState('validation=all'), 'json')).toBe(
      'atlas_validation-any.json',
    );
    expect(exportFileName(parseBrowseState('validation=INVALID&category=truncation'), 'csv')).toBe(
      'atlas_validation-INVALID_category-truncation.csv',
    );
  });

  it('keeps to safe characters and a bounded length', () => {
    const state = parseBrowseState(
      `q=${encodeURIComponent('../../etc/passwd <script> '.repeat(20))}&agent=${encodeURIComponent('a/b\\c:d*e?f"g')}`,
    );
    const name = exportFileName(state, 'csv');
    expect(name).toMatch(/^[A-Za-z0-9_-]+\.csv$/);
    expect(name.length).toBeLessThanOrEqual(MAX_FILE_STEM + 4);
  });
});

describe('the export of every episode', () => {
  const june = episodeOf(validRecord());
  const january = episodeOf(
    validRecord({ misalignment_id: 'M003', session_timestamp: '2025-01-02 03:04:00' }),
  );
  const march = episodeOf(
    invalidRecord({ misalignment_id: 'M004', session_timestamp: '2025-03-01 09:00:00' }),
  );
  const records = exportedFromDataFiles([january, june, march]);

  it('holds every episode, VALID and INVALID, newest first, and a CSV row each', () => {
    expect(records.map((r) => [r.id, r.validation])).toEqual([
      [june.id, 'VALID'],
      [march.id, 'INVALID'],
      [january.id, 'VALID'],
    ]);
    const json = JSON.parse(toJson(records, { atlas, view: everyEpisode })) as { count: number };
    expect(json.count).toBe(3);
    expect(parseCsv(toCsv(records))).toHaveLength(4);
  });
});

describe('the turn counts of long sessions', () => {
  // Counts around and far past the two characters of the browse file's turn columns (1,293).
  const counts: Array<[number, number | null]> = [
    [1294, 1295],
    [1296, 99_999],
    [5000, null],
    [Number.MAX_SAFE_INTEGER, 0],
    [12, 7],
  ];
  const episodes = counts.map(([user, agent], i) =>
    episodeOf(
      validRecord({
        misalignment_id: `M${String(i).padStart(3, '0')}`,
        user_turns: user,
        agent_turns: agent,
      }),
    ),
  );
  const records = exportedFromDataFiles(episodes);
  const byId = new Map(episodes.map((e) => [e.id, [e.userTurns, e.agentTurns]]));

  it('are the episode’s own counts in the JSON', () => {
    const json = JSON.parse(toJson(records, { atlas, view: everyEpisode })) as {
      episodes: Array<{ id: string; user_turns: number | null; agent_turns: number | null }>;
    };
    expect(json.episodes).toHaveLength(counts.length);
    for (const { id, user_turns, agent_turns } of json.episodes)
      expect([user_turns, agent_turns], id).toEqual(byId.get(id));
  });

  it('are the episode’s own counts in the CSV', () => {
    const [header = [], ...lines] = parseCsv(toCsv(records));
    const cell = (line: string[], name: string) => line[header.indexOf(name)];
    expect(lines).toHaveLength(counts.length);
    for (const line of lines) {
      const id = cell(line, 'id') ?? '';
      const expected = (byId.get(id) ?? []).map((n) => (n === null ? '' : String(n)));
      expect([cell(line, 'user_turns'), cell(line, 'agent_turns')], id).toEqual(expected);
    }
  });
});
