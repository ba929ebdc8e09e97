/**
 * What a built site may hold, proved on a site built from hostile fixtures: no planted secret or
 * piece of personal data survives in any file, no text of an episode under a non-permissive or
 * unknown licence appears anywhere, harmless look-alikes come through unaltered, and the report
 * accounts for every input record.
 */
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { buildStamp } from '../../src/lib/build-info.ts';
import { parseBrowseState } from '../../src/lib/browse-state.ts';
import { exportView, parseCsv, toCsv, toJson } from '../../src/lib/export.ts';
import { findSecrets, REDACTION_KINDS } from '../../src/lib/scrub.ts';
import type { Report } from '../../src/lib/pipeline.ts';
import { exportFromDataFiles } from '../unit/helpers.ts';
import {
  buildSite,
  fixturePath,
  listFiles,
  occursIn,
  readingsOf,
  readingsOfText,
  readJson,
  recordsIn,
  TEXT_EXTENSIONS,
  writeRelease,
} from './support.ts';

type Json = Record<string, unknown>;
interface Planted {
  kind: string;
  secret: string;
}

const SECRETS = recordsIn(fixturePath('hostile/secrets.json'));
const LICENCES = recordsIn(fixturePath('hostile/licence-mix.json'));
const INJECTION = recordsIn(fixturePath('hostile/injection.json'));
const LOOKALIKES = recordsIn(fixturePath('hostile/lookalikes.json'));
const HOSTILE = [...SECRETS, ...LICENCES, ...INJECTION, ...LOOKALIKES];
const PLANTED = readJson<Planted[]>(fixturePath('hostile/secrets.planted.json'));
const DAMAGED = recordsIn(fixturePath('hostile/damaged.json'));
const DAMAGED_PLANTED = readJson<Planted[]>(fixturePath('hostile/damaged.planted.json'));

/**
 * The licences that may be published, written out here rather than read from src/lib/licence.ts,
 * so the test is an independent oracle for the fixtures' licence values.
 */
const PUBLISHABLE = new Set([
  'MIT',
  'Apache-2.0',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'ISC',
  '0BSD',
  'Unlicense',
  'CC0-1.0',
  'Zlib',
  'mit',
  'MIT OR GPL-3.0',
  'Apache-2.0 WITH LLVM-exception',
  '(MIT AND BSD-3-Clause)',
]);

/**
 * Look-alikes the scrubber alters on purpose. `pkg@1.2.3.4`: an IPv4 address after `@` is
 * redacted as an ssh or URL host (root@10.0.0.5), which transcripts hold far more often than
 * four-part package versions (see isBenignIp in src/lib/scrub.ts).
 */
const KNOWN_FALSE_POSITIVES = ['installed pkg@1.2.3.4'];

/** The header of an export of Browse's view of every episode, as the JSON file carries it. */
const ATLAS = { title: 'Atlas', url: '/', build: buildStamp('[]', { commit: null, date: null }) };
const EVERY_EPISODE = exportView(parseBrowseState('validation=all'), '/browse/?validation=all');

/** Files that carry data: pages, data files, feeds. Scripts and styles are library code. */
const DATA_EXTENSIONS = new Set(['.html', '.json', '.xml', '.svg', '.txt', '.csv', '.gz']);

function keyOf(record: Json): string {
  return [
    record['source'],
    record['repository_id'],
    record['session_id'],
    record['misalignment_id'],
  ]
    .map(String)
    .join('/');
}

function textFiles(dist: string): string[] {
  return listFiles(dist).filter((file) => TEXT_EXTENSIONS.has(extname(file)));
}

/** Every planted secret found in any reading of any text file of the site. */
function survivingSecrets(dist: string, planted: readonly Planted[]): string[] {
  const leaks: string[] = [];
  for (const file of textFiles(dist)) {
    const readings = readingsOf(join(dist, file));
    for (const { kind, secret } of planted) {
      if (occursIn(readings, secret)) leaks.push(`${file}: ${kind} ${secret}`);
    }
  }
  return leaks;
}

// A description cut short for a meta tag or a card may end inside a marker: `[REDACTED:jwt:7c…`.
const CUT_MARKER = /\[REDACTED(?::[A-Za-z0-9_-]*(?::[0-9a-f]*)?)?…/g;

/** Everything the scrubber would still redact in the site's data-carrying files. */
function scrubberFindings(dist: string): string[] {
  const found: string[] = [];
  for (const file of listFiles(dist).filter((f) => DATA_EXTENSIONS.has(extname(f)))) {
    const { text } = readingsOf(join(dist, file));
    for (const { kind, match } of findSecrets(text.replace(CUT_MARKER, '[REDACTED]…')))
      found.push(`${file}: ${kind} ${match}`);
  }
  return [...new Set(found)];
}

function reportOf(dist: string): Report {
  return readJson<Report>(join(dist, 'data/report.json'));
}

/** input = published + excluded, and each excluded record is named once with a reason. */
function expectAccounted(report: Report, records: readonly Json[]): void {
  const excludedTotal = Object.values(report.excluded).reduce((sum, n) => sum + n, 0);
  expect(report.input).toBe(records.length);
  expect(report.published + excludedTotal).toBe(report.input);
  expect(report.excludedRecords).toHaveLength(excludedTotal);
  const indexes = report.excludedRecords.map((r) => r.index);
  expect(new Set(indexes).size).toBe(indexes.length);
  for (const excluded of report.excludedRecords) {
    expect(excluded.key, `records[${excluded.index}] is not named`).toBeTruthy();
    expect(['license', 'invalid-record', 'duplicate']).toContain(excluded.reason);
    expect(excluded.detail.length).toBeGreaterThan(0);
  }
  for (const reason of ['license', 'invalid-record', 'duplicate'] as const) {
    expect(report.excludedRecords.filter((r) => r.reason === reason)).toHaveLength(
      report.excluded[reason],
    );
  }
}

describe('a site built from the hostile fixtures', () => {
  let input = '';
  let dist = '';
  let files: string[] = [];

  beforeAll(() => {
    input = writeRelease('hostile.json', HOSTILE);
    dist = buildSite(input);
    files = listFiles(dist);
  }, 120_000);

  describe('secrets and personal data', () => {
    it('plants secrets of known families in the fixture, every personal-data kind among them', () => {
      const text = JSON.stringify(SECRETS);
      const kinds = new Set(PLANTED.map((p) => p.kind));
      for (const kind of kinds) expect(REDACTION_KINDS).toContain(kind);
      for (const kind of ['email', 'home-path', 'ip-address', 'private-key', 'jwt'])
        expect(kinds).toContain(kind);
      for (const { secret } of PLANTED) expect(text).toContain(JSON.stringify(secret).slice(1, -1));
    });

    it('leaves no planted secret in any file of the site', () => {
      const leaks = survivingSecrets(dist, PLANTED);
      console.log(
        `[dist-safety] planted secrets: ${PLANTED.length}, surviving in the site: ${leaks.length}`,
      );
      expect(leaks).toEqual([]);
    });

    it('leaves nothing the scrubber would redact in any page or data file', () => {
      expect(scrubberFindings(dist)).toEqual([]);
    });

    it('publishes none of the fields not needed for display', () => {
      const values = SECRETS.filter((r) => 'session_sha' in r).flatMap((r) => [
        String(r['session_sha']),
        String(r['internal_review']),
      ]);
      expect(values.length).toBeGreaterThan(0);
      const seen: string[] = [];
      for (const file of files.filter((f) => DATA_EXTENSIONS.has(extname(f)))) {
        const readings = readingsOf(join(dist, file));
        for (const value of [
          ...values,
          '8675309',
          '73313',
          'session_sha',
          'num_commits',
          'count_id',
        ])
          if (occursIn(readings, value)) seen.push(`${file}: ${value}`);
      }
      expect(seen).toEqual([]);
    });

    it('counts redactions of every planted kind in the report', () => {
      const { redactions } = reportOf(dist);
      for (const kind of new Set(PLANTED.map((p) => p.kind)))
        expect(redactions[kind], kind).toBeGreaterThan(0);
    });
  });

  describe('licences', () => {
    const published = LICENCES.filter((r) => PUBLISHABLE.has(String(r['license_type'])));
    const excluded = LICENCES.filter((r) => !PUBLISHABLE.has(String(r['license_type'])));
    const markerOf = (record: Json) => /zq(?:pub|lic)\d\dx/.exec(String(record['name']))?.[0] ?? '';

    it('mixes permissive, copyleft, unknown, blank and malformed licence values', () => {
      expect(published.length).toBeGreaterThan(5);
      expect(excluded.length).toBeGreaterThan(15);
      expect(new Set(LICENCES.map(markerOf)).size).toBe(LICENCES.length);
    });

    it('shows no text of an excluded episode anywhere in the site', () => {
      const seen: string[] = [];
      for (const file of files.filter((f) => TEXT_EXTENSIONS.has(extname(f)))) {
        const readings = readingsOf(join(dist, file));
        for (const record of excluded) {
          const marker = markerOf(record);
          if (occursIn(readings, marker)) seen.push(`${file}: ${marker}`);
        }
      }
      expect(seen).toEqual([]);
    });

    it('gives an excluded episode no page and its agent no page', () => {
      expect(files.filter((f) => /zqlic|zqagent/.test(f))).toEqual([]);
    });

    it('does publish every permissive episode (the scan above can see markers)', () => {
      const pages = files.filter((f) => f.startsWith('episodes/') && f.endsWith('.html'));
      const text = pages.map((f) => readingsOf(join(dist, f)).text).join('\n');
      for (const record of published) expect(text).toContain(markerOf(record));
    });

    it('excludes exactly the records whose licence is not permissive, naming each', () => {
      const report = reportOf(dist);
      const byLicence = report.excludedRecords
        .filter((r) => r.reason === 'license')
        .map((r) => r.key);
      const expected = HOSTILE.filter((r) => !PUBLISHABLE.has(String(r['license_type']))).map(
        keyOf,
      );
      expect(byLicence.sort()).toEqual(expected.sort());
    });
  });

  describe('look-alikes', () => {
    const strings = LOOKALIKES.flatMap((r) =>
      (r['evidence'] as Array<{ quote: string }>).map((e) => e.quote),
    );

    it('come through unaltered, apart from the documented false positives', () => {
      const pages = files.filter((f) => f.startsWith('episodes/') && f.endsWith('.html'));
      const text = pages.map((f) => readingsOf(join(dist, f)).text).join('\n');
      const altered = strings.filter((s) => !text.includes(s));
      console.log(
        `[dist-safety] look-alikes: ${strings.length}, altered (false positives): ${altered.length}` +
          (altered.length > 0 ? ` — ${altered.map((s) => JSON.stringify(s)).join(', ')}` : ''),
      );
      expect(altered.filter((s) => !KNOWN_FALSE_POSITIVES.includes(s))).toEqual([]);
    });
  });

  describe('script injection, in the HTML as built', () => {
    /** Markup the payloads would create if a page wrote them unescaped. */
    const SIGNATURES = [
      /<script>window\.__pwned/i,
      /<script>alert\(/i,
      /<img src=x onerror/i,
      /<svg onload/i,
      /<\/textarea><script/i,
      /<\/script><script>window/i,
      /<iframe srcdoc/i,
      /<math><mtext>/i,
      /<a href="javascript:/i,
      /<base href="https:\/\/evil/i,
      /<meta http-equiv="refresh"/i,
      /<style>body\{display:none\}/i,
    ];
    /** A page's markup without its quoted attribute values, where `<` is harmless text. */
    const markupOf = (html: string) => html.replace(/="[^"]*"/g, '=""');

    it('plants every payload in the fixture', () => {
      const text = JSON.stringify(INJECTION).replace(/\\"/g, '"');
      for (const signature of SIGNATURES) expect(text).toMatch(signature);
    });

    it('writes no payload into a page as markup', () => {
      const raw: string[] = [];
      for (const file of files.filter((f) => f.endsWith('.html'))) {
        const html = readingsOf(join(dist, file)).raw;
        const markup = markupOf(html);
        for (const signature of SIGNATURES)
          if (signature.test(markup)) raw.push(`${file}: ${signature}`);
      }
      expect(raw).toEqual([]);
    });

    it('emits no javascript: URL in an attribute', () => {
      const bad: string[] = [];
      for (const file of files.filter((f) => f.endsWith('.html'))) {
        const html = readingsOf(join(dist, file)).raw;
        if (/\s(?:href|src|action|formaction|xlink:href)\s*=\s*["']?\s*javascript:/i.test(html))
          bad.push(file);
      }
      expect(bad).toEqual([]);
    });
  });

  describe('the whole dataset', () => {
    const episodePages = () =>
      files.filter((f) => /^episodes\/[^/]+\/index\.html$/.test(f)).map((f) => f.split('/')[1]);
    const browseFile = () => files.find((f) => /^data\/browse\.[0-9a-f]+\.json$/.test(f)) ?? '';
    /** Browse's export of every episode, written as the browser writes it from the data files. */
    const everyEpisode = () =>
      exportFromDataFiles(browseFile().slice('data/'.length), (name) => {
        const bytes = readFileSync(join(dist, 'data', name));
        return JSON.parse((name.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8'));
      });

    it('is no file of the site: no downloads/ folder is built', () => {
      expect(files.filter((f) => f.startsWith('downloads/'))).toEqual([]);
    });

    it('is in the data files the scan reads: every published episode once, no planted secret', () => {
      const { chunkFolder } = readJson<{ chunkFolder: string }>(join(dist, browseFile()));
      const data = files.filter((f) => f.startsWith(`data/${chunkFolder}/`));
      expect(data.filter((f) => f.endsWith('.detail.json.gz')).length).toBeGreaterThan(0);
      for (const file of data) expect(textFiles(dist)).toContain(file);
      expect(survivingSecrets(dist, PLANTED).filter((l) => l.startsWith('data/'))).toEqual([]);
      const records = everyEpisode();
      expect(records).toHaveLength(reportOf(dist).published);
      expect(records.map((r) => r.id).sort()).toEqual(episodePages().sort());
    });

    it('has no planted secret in its JSON or CSV, read as the scan reads files', () => {
      const records = everyEpisode();
      const json = readingsOfText(toJson(records, { atlas: ATLAS, view: EVERY_EPISODE }), '.json');
      const csv = readingsOfText(toCsv(records), '.csv');
      // A quote with a line break or a quote mark is JSON-escaped inside its evidence cell, and
      // the scan's reading of it must give it back whole, or a secret there (a multi-line private
      // key) would be missed.
      const escaped = records
        .flatMap((r) => (r.evidence as ReadonlyArray<{ quote: string }>).map((q) => q.quote))
        .find((q) => JSON.stringify(q).slice(1, -1) !== q);
      expect(escaped).toBeDefined();
      expect(csv.text).toContain(escaped);
      expect(json.text).toContain(escaped);
      for (const readings of [json, csv])
        expect(PLANTED.filter(({ secret }) => occursIn(readings, secret))).toEqual([]);
      const [header, ...rows] = parseCsv(toCsv(records));
      expect(header?.[0]).toBe('id');
      expect(rows).toHaveLength(records.length);
    });
  });

  describe('accounting', () => {
    it('reports input = published + excluded, naming every excluded record', () => {
      expectAccounted(reportOf(dist), HOSTILE);
    });
  });
});

describe('a site built from a damaged file with ATLAS_SKIP_INVALID=1', () => {
  let dist = '';

  beforeAll(() => {
    dist = buildSite(fixturePath('hostile/damaged.json'), { skipInvalid: true });
  }, 120_000);

  it('names every skipped record in the report with its reason', () => {
    const report = reportOf(dist);
    expectAccounted(report, DAMAGED);
    const reasons = Object.fromEntries(report.excludedRecords.map((r) => [r.index, r.reason]));
    expect(reasons).toEqual({
      1: 'invalid-record',
      2: 'invalid-record',
      3: 'invalid-record',
      4: 'invalid-record',
      5: 'duplicate',
      6: 'invalid-record',
      7: 'license',
      9: 'invalid-record',
    });
    expect(report.published).toBe(2);
  });

  it('publishes no secret that a skipped record held, in the report or anywhere else', () => {
    const leaks = survivingSecrets(dist, DAMAGED_PLANTED);
    expect(leaks).toEqual([]);
  });
});
