import { describe, it, expect } from 'vitest';
import { MAX_TEXT, releaseRecordSchema, type Episode } from '../../src/lib/schema.ts';
import { invalidRecord, validRecord, without, type Json } from './helpers.ts';

/** Every issue the schema raises for a record, as `path message`. */
function issuesOf(record: Json): string[] {
  const result = releaseRecordSchema.safeParse(record);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')} ${i.message}`);
}

function parsed(record: Json): Episode {
  const result = releaseRecordSchema.safeParse(record);
  if (!result.success) throw new Error(JSON.stringify(result.error.issues));
  return result.data;
}

const outcome = (damage_severity: string, damage_locus: string | null) => ({
  outcome: { reasoning: 'r', damage_severity, damage_locus },
});
const resolution = (status: string, resolver: string | null) => ({
  resolution: { reasoning: 'r', status, resolver },
});
const symptom = (labels: string[], other_descriptor: string | null = null) => ({
  symptom: { reasoning: 'r', labels, other_descriptor },
});
const cause = (...labels: Json[]) => ({ cause: { reasoning: 'r', labels } });

describe('the minimal valid record', () => {
  it('passes the schema with no issues', () => {
    expect(issuesOf(validRecord())).toEqual([]);
  });

  it('passes as INVALID with a category and no annotation', () => {
    expect(issuesOf(invalidRecord())).toEqual([]);
  });
});

describe('damage locus', () => {
  it.each(['DS2', 'DS3'])('is accepted with %s', (severity) => {
    expect(issuesOf(validRecord(outcome(severity, 'DL3')))).toEqual([]);
  });

  it.each(['DS2', 'DS3'])('is required with %s', (severity) => {
    expect(issuesOf(validRecord(outcome(severity, null)))).toEqual([
      `outcome.damage_locus is required when damage_severity is ${severity}`,
    ]);
  });

  it.each(['DS0', 'DS1', 'DS4'])('must be null with %s', (severity) => {
    expect(issuesOf(validRecord(outcome(severity, 'DL1')))).toEqual([
      'outcome.damage_locus must be null unless damage_severity is DS2 or DS3',
    ]);
  });

  it.each(['DS0', 'DS1', 'DS4'])('may be null with %s', (severity) => {
    expect(issuesOf(validRecord(outcome(severity, null)))).toEqual([]);
  });
});

describe('resolver', () => {
  it('is accepted with RS1', () => {
    expect(issuesOf(validRecord(resolution('RS1', 'RV3')))).toEqual([]);
  });

  it('is required with RS1', () => {
    expect(issuesOf(validRecord(resolution('RS1', null)))).toEqual([
      'resolution.resolver is required when status is RS1',
    ]);
  });

  it('must be null with RS2', () => {
    expect(issuesOf(validRecord(resolution('RS2', 'RV1')))).toEqual([
      'resolution.resolver must be null unless status is RS1',
    ]);
  });

  it('may be null with RS2', () => {
    expect(issuesOf(validRecord(resolution('RS2', null)))).toEqual([]);
  });
});

describe('symptom S8 and its descriptor', () => {
  it('accepts S8 alone with a descriptor', () => {
    expect(issuesOf(validRecord(symptom(['S8'], 'rewrote the lockfile')))).toEqual([]);
  });

  it('rejects S8 together with another symptom', () => {
    expect(issuesOf(validRecord(symptom(['S8', 'S3'], 'something else')))).toEqual([
      'symptom.labels S8 must stand alone (got S8, S3)',
    ]);
  });

  it('requires a descriptor with S8', () => {
    expect(issuesOf(validRecord(symptom(['S8'], null)))).toEqual([
      'symptom.other_descriptor is required with S8',
    ]);
  });

  it('treats a blank descriptor as missing with S8', () => {
    expect(issuesOf(validRecord(symptom(['S8'], '   ')))).toEqual([
      'symptom.other_descriptor is required with S8',
    ]);
  });

  it('rejects a descriptor without S8', () => {
    expect(issuesOf(validRecord(symptom(['S3'], 'not allowed here')))).toEqual([
      'symptom.other_descriptor must be null unless the symptom is S8',
    ]);
  });

  it('accepts a null descriptor without S8', () => {
    expect(issuesOf(validRecord(symptom(['S3', 'S5'], null)))).toEqual([]);
  });

  it('keeps the descriptor in the episode', () => {
    const episode = parsed(validRecord(symptom(['S8'], 'rewrote the lockfile')));
    expect(episode.annotation?.symptom.otherDescriptor).toBe('rewrote the lockfile');
  });
});

describe('causes and evidence tiers', () => {
  it.each([
    { label: 'C7' },
    { label: 'C7', evidence_tier: null },
    { label: 'C7', evidence_tier: 'not_applicable' },
  ])('accepts C7 alone without a tier (%j)', (c7) => {
    expect(issuesOf(validRecord(cause(c7)))).toEqual([]);
  });

  it('gives C7 a null tier in the episode', () => {
    const episode = parsed(validRecord(cause({ label: 'C7', evidence_tier: 'not_applicable' })));
    expect(episode.annotation?.cause.labels).toEqual([{ code: 'C7', tier: null }]);
  });

  it('rejects C7 with another cause', () => {
    expect(
      issuesOf(validRecord(cause({ label: 'C7' }, { label: 'C1', evidence_tier: 'direct' }))),
    ).toEqual(['cause.labels C7 must stand alone (got C7, C1)']);
  });

  it('rejects C7 with a tier', () => {
    expect(issuesOf(validRecord(cause({ label: 'C7', evidence_tier: 'direct' })))).toEqual([
      'cause.labels.0.evidence_tier must be empty for C7',
    ]);
  });

  it.each(['C1', 'C2', 'C3', 'C4', 'C5', 'C6'])('requires a tier for %s', (code) => {
    expect(issuesOf(validRecord(cause({ label: code })))).toEqual([
      `cause.labels.0.evidence_tier is required for ${code}`,
    ]);
  });

  it.each(['C1', 'C6'])('rejects not_applicable as the tier of %s', (code) => {
    expect(issuesOf(validRecord(cause({ label: code, evidence_tier: 'not_applicable' })))).toEqual([
      `cause.labels.0.evidence_tier is required for ${code}`,
    ]);
  });

  it.each(['direct', 'contextual', 'speculative'])('accepts the tier %s', (tier) => {
    expect(issuesOf(validRecord(cause({ label: 'C3', evidence_tier: tier })))).toEqual([]);
  });

  it('accepts two causes', () => {
    const two = cause(
      { label: 'C5', evidence_tier: 'direct' },
      { label: 'C2', evidence_tier: 'speculative' },
    );
    expect(issuesOf(validRecord(two))).toEqual([]);
  });

  it('rejects three causes', () => {
    const three = cause(
      { label: 'C1', evidence_tier: 'direct' },
      { label: 'C2', evidence_tier: 'direct' },
      { label: 'C3', evidence_tier: 'direct' },
    );
    expect(issuesOf(validRecord(three))).toEqual([
      'cause.labels must name at most 2 causes (got C1, C2, C3)',
    ]);
  });

  it('rejects an empty list of causes', () => {
    expect(issuesOf(validRecord(cause()))).toEqual(['cause.labels must name at least one cause']);
  });
});

describe('duplicate labels', () => {
  it('rejects a symptom listed twice', () => {
    expect(issuesOf(validRecord(symptom(['S3', 'S3'])))).toEqual([
      'symptom.labels lists a symptom twice',
    ]);
  });

  it('rejects a cause listed twice', () => {
    const twice = cause(
      { label: 'C1', evidence_tier: 'direct' },
      { label: 'C1', evidence_tier: 'speculative' },
    );
    expect(issuesOf(validRecord(twice))).toEqual(['cause.labels lists a cause twice']);
  });

  it('accepts two different symptoms', () => {
    expect(issuesOf(validRecord(symptom(['S3', 'S4'])))).toEqual([]);
  });
});

describe('validation label and category', () => {
  it.each(['symptom', 'cause', 'outcome', 'resolution'])(
    'requires %s on a VALID record',
    (axis) => {
      expect(issuesOf(without(validRecord(), axis))).toEqual([
        `${axis} is required for a VALID record`,
      ]);
    },
  );

  it.each(['symptom', 'cause', 'outcome', 'resolution'])(
    'treats a null %s as missing on a VALID record',
    (axis) => {
      expect(issuesOf(validRecord({ [axis]: null }))).toEqual([
        `${axis} is required for a VALID record`,
      ]);
    },
  );

  it('requires a category on an INVALID record', () => {
    expect(issuesOf(invalidRecord({ invalid_category: null }))).toEqual([
      'invalid_category is required for an INVALID record',
    ]);
  });

  it('requires a null category on a VALID record', () => {
    expect(issuesOf(validRecord({ invalid_category: 'truncation' }))).toEqual([
      'invalid_category must be null for a VALID record',
    ]);
  });

  it('gives an INVALID record a null annotation even when one is present', () => {
    const episode = parsed(validRecord({ label: 'INVALID', invalid_category: 'truncation' }));
    expect(episode.annotation).toBeNull();
  });

  it.each([
    'unrequested_action_without_pushback',
    'intention_claim_without_pushback',
    'collaboration_style_without_pushback',
    'evidence_contradicts_description',
    'invisible_project_context',
    'invisible_agent_action',
    'session_terminated_before_completion',
    'truncation',
  ])('accepts the category %s', (category) => {
    expect(issuesOf(invalidRecord({ invalid_category: category }))).toEqual([]);
  });

  it.each(['custom:agent_gave_up', 'custom:x', 'custom:retry_2_times'])(
    'accepts the custom category %s',
    (category) => {
      expect(parsed(invalidRecord({ invalid_category: category })).validation.category).toBe(
        category,
      );
    },
  );

  it.each([
    'custom:Bad Case',
    'custom:',
    'custom:trailing_',
    'custom:Upper',
    'made_up_category',
    'Truncation',
  ])('rejects the category %j', (category) => {
    expect(issuesOf(invalidRecord({ invalid_category: category }))).toEqual([
      'invalid_category must be one of the eight validation categories or custom:<snake_case>',
    ]);
  });
});

describe('unknown label codes', () => {
  it('rejects an unknown symptom with a message listing the allowed values', () => {
    expect(issuesOf(validRecord(symptom(['S9'])))).toEqual([
      'symptom.labels.0 must be one of S1, S2, S3, S4, S5, S6, S7, S8 (got "S9")',
    ]);
  });

  it('rejects an unknown cause with a message listing the allowed values', () => {
    expect(issuesOf(validRecord(cause({ label: 'C8', evidence_tier: 'direct' })))).toEqual([
      'cause.labels.0.label must be one of C1, C2, C3, C4, C5, C6, C7 (got "C8")',
    ]);
  });

  it.each([
    [
      outcome('DS5', null),
      'outcome.damage_severity must be one of DS0, DS1, DS2, DS3, DS4 (got "DS5")',
    ],
    [outcome('DS2', 'DL9'), 'outcome.damage_locus must be one of DL1, DL2, DL3, DL4 (got "DL9")'],
    [resolution('RS3', null), 'resolution.status must be one of RS1, RS2 (got "RS3")'],
    [resolution('RS1', 'RV4'), 'resolution.resolver must be one of RV1, RV2, RV3 (got "RV4")'],
    [{ source: 'github' }, 'source must be one of specstory, swe (got "github")'],
    [{ session_type: 'Web' }, 'session_type must be one of IDE, CLI (got "Web")'],
    [{ confidence: 'certain' }, 'confidence must be one of high, medium, low (got "certain")'],
    [
      { alignment_goal: 'goal' },
      'alignment_goal must be one of instruction, intention, both (got "goal")',
    ],
    [{ label: 'MAYBE' }, 'label must be one of VALID, INVALID (got "MAYBE")'],
  ])('rejects %j', (overrides, message) => {
    expect(issuesOf(validRecord(overrides))).toContain(message);
  });

  it('rejects an unknown evidence tier', () => {
    const issues = issuesOf(validRecord(cause({ label: 'C1', evidence_tier: 'strong' })));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^cause\.labels\.0\.evidence_tier /);
  });

  it('accepts an agent outside the known list', () => {
    expect(parsed(validRecord({ agent: 'Brand New Agent' })).agent).toBe('Brand New Agent');
  });
});

describe('id parts', () => {
  const unsafe = [
    '../x',
    'a/b',
    'x'.repeat(65),
    '..',
    'a..b',
    '',
    '.hidden',
    '-dash',
    'a b',
    'a\\b',
    'é',
  ];
  for (const field of ['repository_id', 'session_id', 'misalignment_id']) {
    it.each(unsafe)(`rejects the unsafe ${field} %j`, (value) => {
      const issues = issuesOf(validRecord({ [field]: value }));
      expect(issues.length).toBeGreaterThan(0);
      expect(issues.every((issue) => issue.startsWith(`${field} `))).toBe(true);
    });

    it(`accepts a 64-character ${field}`, () => {
      expect(issuesOf(validRecord({ [field]: 'a'.repeat(64) }))).toEqual([]);
    });
  }

  it('explains the id rule in the message', () => {
    expect(issuesOf(validRecord({ session_id: 'a/b' }))).toEqual([
      'session_id must be 1–64 letters, digits, "_", "-" or "." starting with a letter or digit',
    ]);
  });

  it('explains the ".." rule in the message', () => {
    expect(issuesOf(validRecord({ session_id: 'a..b' }))).toEqual([
      'session_id must not contain ".."',
    ]);
  });

  it.each([-1, 1.5])('rejects the numeric repository_id %d', (value) => {
    expect(issuesOf(validRecord({ repository_id: value })).length).toBeGreaterThan(0);
  });
});

describe('repository_id', () => {
  it('turns an integer into a string', () => {
    expect(parsed(validRecord({ repository_id: 1000090305 })).key.repository).toBe('1000090305');
  });

  it('keeps a string as it is', () => {
    expect(parsed(validRecord({ repository_id: '78', source: 'swe' })).key.repository).toBe('78');
  });

  it('gives the integer and the string spelling the same episode id', () => {
    expect(parsed(validRecord({ repository_id: 78 })).id).toBe(
      parsed(validRecord({ repository_id: '78' })).id,
    );
  });
});

describe('session timestamp', () => {
  it('accepts YYYY-MM-DD HH:MM:SS', () => {
    expect(parsed(validRecord({ session_timestamp: '2025-12-31 23:59:59' })).timestamp).toBe(
      '2025-12-31 23:59:59',
    );
  });

  it('accepts a T separator and writes it as a space', () => {
    expect(parsed(validRecord({ session_timestamp: '2025-06-07T01:16:00' })).timestamp).toBe(
      '2025-06-07 01:16:00',
    );
  });

  it.each([
    '2025-06-07',
    '2025-06-07 01:16',
    '2025-13-01 00:00:00',
    '2025-00-10 00:00:00',
    '2025-06-32 00:00:00',
    '2025-06-07 24:00:00',
    '2025-06-07 01:60:00',
    '07/06/2025 01:16:00',
    '2025-06-07 01:16:00Z',
    '2025-06-07 01:16:00+02:00',
    ' 2025-06-07 01:16:00',
    '',
  ])('rejects %j', (value) => {
    expect(issuesOf(validRecord({ session_timestamp: value }))).toEqual([
      'session_timestamp must be a date and time as YYYY-MM-DD HH:MM:SS',
    ]);
  });

  it.each(['2025-02-31 00:00:00', '2025-04-31 12:00:00', '2025-02-29 12:00:00'])(
    'rejects the impossible calendar date %j',
    (value) => {
      expect(issuesOf(validRecord({ session_timestamp: value }))).toEqual([
        'session_timestamp must be a real calendar date',
      ]);
    },
  );

  it.each(['1969-12-31 23:59:59', '1969-07-20 20:17:00', '1900-01-01 00:00:00'])(
    'rejects %j, before the first day the browse file can store',
    (value) => {
      expect(issuesOf(validRecord({ session_timestamp: value }))).toEqual([
        'session_timestamp must be on or after 1970-01-01',
      ]);
    },
  );

  it('accepts 1 January 1970, the first day the browse file can store', () => {
    expect(issuesOf(validRecord({ session_timestamp: '1970-01-01 00:00:00' }))).toEqual([]);
  });

  it('accepts 29 February in a leap year', () => {
    expect(issuesOf(validRecord({ session_timestamp: '2024-02-29 12:00:00' }))).toEqual([]);
  });
});

describe('text lengths', () => {
  it(`accepts a ${MAX_TEXT}-character description`, () => {
    expect(issuesOf(validRecord({ description: 'x'.repeat(MAX_TEXT) }))).toEqual([]);
  });

  it(`rejects a ${MAX_TEXT + 1}-character description with a message giving both lengths`, () => {
    expect(issuesOf(validRecord({ description: 'x'.repeat(MAX_TEXT + 1) }))).toEqual([
      'description must be at most 20000 characters (got 20001)',
    ]);
  });

  it('rejects an overlong evidence quote', () => {
    const evidence = [{ turn: 'TURN 1 | USER', quote: 'q'.repeat(MAX_TEXT + 1), context: 'c' }];
    expect(issuesOf(validRecord({ evidence }))).toEqual([
      'evidence.0.quote must be at most 20000 characters (got 20001)',
    ]);
  });

  it('rejects an empty name', () => {
    expect(issuesOf(validRecord({ name: '' }))).toEqual(['name must not be empty']);
  });

  it('rejects a blank agent', () => {
    expect(issuesOf(validRecord({ agent: '   ' }))).toEqual(['agent must not be empty']);
  });

  it('turns a null evidence context into an empty string', () => {
    const evidence = [{ turn: 'TURN 1 | USER', quote: 'q', context: null }];
    expect(parsed(validRecord({ evidence })).evidence).toEqual([
      { turn: 'TURN 1 | USER', quote: 'q', context: '' },
    ]);
  });
});

describe('numbers', () => {
  it.each([Number.NaN, Number.POSITIVE_INFINITY, -1, 2.5, '6'])(
    'rejects user_turns %j',
    (value) => {
      expect(issuesOf(validRecord({ user_turns: value })).map((i) => i.split(' ')[0])).toEqual([
        'user_turns',
      ]);
    },
  );

  it.each([Number.NaN, Number.NEGATIVE_INFINITY])('rejects agent_turns %j', (value) => {
    expect(issuesOf(validRecord({ agent_turns: value })).map((i) => i.split(' ')[0])).toEqual([
      'agent_turns',
    ]);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY])('rejects repository_id %j', (value) => {
    expect(issuesOf(validRecord({ repository_id: value })).length).toBeGreaterThan(0);
  });

  it('accepts missing turn counts as null', () => {
    const record = validRecord();
    delete record['user_turns'];
    const episode = parsed({ ...record, agent_turns: null });
    expect([episode.userTurns, episode.agentTurns]).toEqual([null, null]);
  });

  it('keeps any turn count up to 2^53 − 1, and names a larger one, which a double cannot hold', () => {
    const episode = parsed(validRecord({ user_turns: Number.MAX_SAFE_INTEGER, agent_turns: 1295 }));
    expect([episode.userTurns, episode.agentTurns]).toEqual([Number.MAX_SAFE_INTEGER, 1295]);
    expect(issuesOf(validRecord({ agent_turns: Number.MAX_SAFE_INTEGER + 1 }))).toEqual([
      'agent_turns Too big: expected int to be <=9007199254740991',
    ]);
  });

  it('says why a negative or fractional turn count is refused', () => {
    expect(issuesOf(validRecord({ user_turns: -1 }))).toEqual([
      'user_turns Too small: expected number to be >=0',
    ]);
    expect(issuesOf(validRecord({ user_turns: 2.5 }))).toEqual([
      'user_turns Invalid input: expected int, received number',
    ]);
  });

  it('keeps zero turn counts', () => {
    const episode = parsed(validRecord({ user_turns: 0, agent_turns: 0 }));
    expect([episode.userTurns, episode.agentTurns]).toEqual([0, 0]);
  });
});

describe('unknown extra fields', () => {
  const extras = {
    session_sha: 'a4cecdff1fd1f4ada09f86d80cf2e90d77c5fba7',
    num_commits: 4242,
    count_id_original: 98765,
    session_count_id: 31337,
    pipeline_version: 'pipeline-v9.9.9',
  };

  it('never reach the parsed episode', () => {
    const episode = parsed(validRecord(extras));
    const text = JSON.stringify(episode);
    for (const [name, value] of Object.entries(extras)) {
      expect(text).not.toContain(name);
      expect(text).not.toContain(String(value));
    }
  });

  it('are dropped from nested objects too', () => {
    const record = validRecord({
      evidence: [
        { turn: 'TURN 1 | USER', quote: 'q', context: 'c', speaker_email_hash: 'zz-nested-extra' },
      ],
      symptom: {
        reasoning: 'r',
        labels: ['S3'],
        other_descriptor: null,
        raw_model_output: 'zz-nested-extra',
      },
      outcome: {
        reasoning: 'r',
        damage_severity: 'DS1',
        damage_locus: null,
        cost_usd: 'zz-nested-extra',
      },
    });
    const text = JSON.stringify(parsed(record));
    expect(text).not.toContain('zz-nested-extra');
    expect(text).not.toContain('speaker_email_hash');
    expect(text).not.toContain('raw_model_output');
  });

  it('leave exactly the episode fields', () => {
    expect(Object.keys(parsed(validRecord(extras))).sort()).toEqual(
      [
        'agent',
        'agentTurns',
        'alignmentGoal',
        'annotation',
        'confidence',
        'description',
        'evidence',
        'id',
        'key',
        'licence',
        'name',
        'platform',
        'timestamp',
        'userTurns',
        'validation',
      ].sort(),
    );
  });
});

describe('the episode made of a record', () => {
  it('carries its key and a stable id', () => {
    const episode = parsed(
      validRecord({
        source: 'swe',
        repository_id: '78',
        session_id: 'session_846',
        misalignment_id: 'M003',
      }),
    );
    expect(episode.key).toEqual({
      source: 'swe',
      repository: '78',
      session: 'session_846',
      misalignment: 'M003',
    });
    expect(episode.id).toBe('swe-78-s846-m003');
  });

  it('renames the annotation fields', () => {
    expect(parsed(validRecord()).annotation).toEqual({
      symptom: {
        labels: ['S4'],
        otherDescriptor: null,
        reasoning: 'The agent did work nobody asked for.',
      },
      cause: {
        labels: [{ code: 'C2', tier: 'contextual' }],
        reasoning: 'It chose to do more than asked.',
      },
      outcome: { severity: 'DS2', locus: 'DL1', reasoning: 'The config change was undone.' },
      resolution: { status: 'RS1', resolver: 'RV2', reasoning: 'The agent reverted it.' },
    });
  });
});
