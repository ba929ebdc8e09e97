/**
 * The field registry: the one home of every field Browse encodes, filters, sorts, shows and
 * exports. Each entry says how its columns are read from an `Episode` and stored in the browse
 * file, which facets (and URL keys) it offers, which column sort it gives the list and the table,
 * and which columns it adds to an export. The browse-file encoder and decoder
 * (`browse-columns.ts`), the facet definitions (`facet-defs.ts`), the sorts (`sorts.ts`,
 * `ordering.ts`), the export records (`export.ts`), the row codes of the result views and the
 * per-axis codes of the statistics (`stats.ts`) are all derived from this table.
 *
 * Adding a field is one entry here plus its tests: the compiler then asks for nothing else.
 * A field may have no browse column at all and only export text (the episode's link, title,
 * description, reasonings and evidence), read from the text entries the browser fetches.
 *
 * Entries are in export order (the CSV's columns); facets show annotation facets first, then
 * provenance facets, each group in entry order; column sorts follow entry order.
 */
import { dateOfDay, dayOf } from './dates.ts';
import type { ChunkEntry, DetailEntry } from './derive/browser-files.ts';
import { routes, withBase } from './paths.ts';
import type { Episode } from './schema.ts';
import type { Labelled } from './stats.ts';
import {
  ALIGNMENT_GOALS,
  CAUSES,
  CONFIDENCES,
  EVIDENCE_TIERS,
  LOCI,
  PLATFORMS,
  RESOLVERS,
  SEVERITIES,
  SEVERITY_RANK,
  SOURCES,
  STATUSES,
  SYMPTOMS,
  VALIDATION_CATEGORIES,
  VALIDATION_LABELS,
  labelName,
  type LabelInfo,
} from './taxonomy.ts';

type Table = readonly LabelInfo[];

/**
 * How a column is read from an episode and stored: every column holds one integer per episode,
 * -1 for "none", written as fixed-width base-36 characters (`browse-columns.ts`), and decoded
 * to the same integer.
 */
export type ColumnSpec =
  /** The index of the episode's code in a taxonomy table. */
  | { kind: 'table'; table: Table; read: (episode: Episode) => string | null | undefined }
  /** Bit i set when `table[i]` applies. */
  | { kind: 'mask'; table: Table; read: (episode: Episode) => readonly string[] }
  /**
   * The index into a dictionary of the values found in the data (sorted, once each), for open
   * value sets; `seed` values are always in the dictionary. The file carries the dictionary.
   */
  | {
      kind: 'dictionary';
      read: (episode: Episode) => string | null;
      seed?: readonly string[];
      /** How a value reads in a facet (default: as it is). */
      label?: (value: string) => string;
    }
  /**
   * A non-negative integer, stored exactly whatever its size: in `width` base-36 characters up
   * to 36^width − 3 (1,293 at two), and above that as an escape in the slot and the value itself
   * in the file's `overflow`, so a width is chosen for the usual values. A `later` column is
   * left out of the browse file Browse fetches first and sent in a second file, fetched after the
   * first view (or at once when the view needs it): only sorts, the table and exports read it,
   * and per-episode numbers gzip poorly. No facet may read a `later` column.
   */
  | { kind: 'number'; width: number; later?: true; read: (episode: Episode) => number | null };

type RowOf<Cols> = Readonly<Record<keyof Cols & string, number>>;

/** A facet over one column (its values and matching come from the column), or a derived one. */
export type FacetSpec<Cols, K extends string> = {
  /** The facet's URL key. */
  key: K;
  /** Annotation facets come first on the page, then provenance facets. */
  group: 'annotation' | 'provenance';
  /** The fieldset legend; an axis facet defaults to its axis's title. */
  legend?: string;
} & (
  | { column: keyof Cols & string }
  | {
      /** A facet whose one value per row is computed from the field's columns. */
      values: Table;
      value: (row: RowOf<Cols>) => number;
    }
);

/** A column sort of the list and the table. */
export interface SortSpec<Cols, S extends string> {
  /** The URL's `sort` value. */
  id: S;
  /** The sort's name in the menu and its column header. */
  name: string;
  /**
   * The sort key of a row, -1 for none (which sorts last both ways). Without one: the column's
   * value, its lowest bit for a mask, and the alphabetical rank of a dictionary value.
   */
  column?: keyof Cols & string;
  key?: (row: RowOf<Cols>) => number;
  /** Most first (turn counts); other sorts start A to Z. */
  descending?: boolean;
}

/** Everything the browser knows of one episode's text: its chunk entry and its detail entry. */
export type EpisodeText = ChunkEntry & DetailEntry;

/** One evidence item as exported. */
export interface ExportEvidence {
  turn: string;
  quote: string;
  context: string;
}

/** One exported value: arrays for multi-valued fields, null where the episode has none. */
export type ExportValue = string | number | null | readonly string[] | readonly ExportEvidence[];

/**
 * What an export column holds, for the data dictionary and for CSV (`export.ts`): `codes` and
 * `pairs` are lists that CSV joins with `;`, `evidence` a list of objects CSV writes as JSON.
 */
export type ExportType =
  'text' | 'integer' | 'date' | 'url' | 'code' | 'codes' | 'pairs' | 'evidence';

/** What an export reads besides the row: the episode's text and where the site is. */
export interface ExportSource {
  text: EpisodeText;
  dict: Dictionaries;
  /** Astro's base (`/` or `/atlas/`). */
  base: string;
  /** `https://example.org`: when given, URLs are absolute. */
  origin?: string | undefined;
}

/**
 * An export column: its name, one sentence for the data dictionary (`about`), and its value.
 * With `column`: a table column's code, a mask's codes (in table order), a dictionary's value, or
 * a number (null for none), typed accordingly. With `value`: read from the row and the episode's
 * text, of the `type` given. `table` (default: the column's) lists its codes in the dictionary;
 * `values` says in words what no table lists.
 */
export type ExportSpec<Cols, X extends string> = {
  name: X;
  about: string;
  table?: Table;
  values?: string;
} & (
  | { column: keyof Cols & string }
  | { type: ExportType; value: (row: RowOf<Cols>, source: ExportSource) => ExportValue }
);

export interface FieldSpec<
  Cols extends Record<string, ColumnSpec>,
  K extends string,
  S extends string,
  X extends string,
> {
  columns: Cols;
  facets?: readonly FacetSpec<Cols, K>[];
  sort?: SortSpec<Cols, S>;
  exports?: readonly ExportSpec<Cols, X>[];
}

function field<
  const Cols extends Record<string, ColumnSpec>,
  const K extends string = never,
  const S extends string = never,
  const X extends string = never,
>(spec: FieldSpec<Cols, K, S, X>): FieldSpec<Cols, K, S, X> {
  return spec;
}

const annotationOf = (episode: Episode) => episode.annotation;
const annotationIn = (source: ExportSource) => source.text.annotation;
const orNull = (value: string | null | undefined): string | null => value ?? null;

/** The registry. */
export const FIELDS = [
  field({
    // The episode itself: no browse column, read from its text entry.
    columns: {},
    exports: [
      {
        name: 'id',
        type: 'text',
        about: "The episode's stable id: source, repository, session and misalignment.",
        value: (_row, { text }) => text.id,
      },
      {
        name: 'url',
        type: 'url',
        about: "The episode's page in the atlas.",
        value: (_row, { text, base, origin }) => {
          const path = withBase(base, routes.episode(text.id));
          return origin ? new URL(path, origin).href : path;
        },
      },
      {
        name: 'title',
        type: 'text',
        about: "The episode's title.",
        value: (_row, { text }) => text.name,
      },
    ],
  }),
  field({
    columns: {
      // Days since 1970-01-01 fit three characters until 2097.
      day: { kind: 'number', width: 3, read: (e) => dayOf(e.timestamp) },
    },
    exports: [
      {
        name: 'date',
        type: 'date',
        about: 'The day the session took place.',
        value: (row) => dateOfDay(row.day),
      },
    ],
  }),
  field({
    columns: { agent: { kind: 'dictionary', read: (e) => e.agent } },
    facets: [{ key: 'agent', group: 'provenance', legend: 'Agent', column: 'agent' }],
    sort: { id: 'agent', name: 'Agent', column: 'agent' },
    exports: [
      {
        name: 'agent',
        column: 'agent',
        about: 'The coding agent, as the session names it.',
        values: 'the agent names found in the data',
      },
    ],
  }),
  field({
    columns: { platform: { kind: 'table', table: PLATFORMS, read: (e) => e.platform } },
    facets: [{ key: 'platform', group: 'provenance', legend: 'Platform', column: 'platform' }],
    sort: { id: 'platform', name: 'Platform', column: 'platform' },
    exports: [
      {
        name: 'platform',
        column: 'platform',
        about: 'Whether the agent ran in an editor or a terminal.',
      },
    ],
  }),
  field({
    columns: { source: { kind: 'table', table: SOURCES, read: (e) => e.key.source } },
    facets: [{ key: 'source', group: 'provenance', legend: 'Source', column: 'source' }],
    exports: [{ name: 'source', column: 'source', about: 'The collection the session came from.' }],
  }),
  field({
    columns: { goal: { kind: 'table', table: ALIGNMENT_GOALS, read: (e) => e.alignmentGoal } },
    facets: [{ key: 'goal', group: 'provenance', legend: 'Alignment goal', column: 'goal' }],
    exports: [
      {
        name: 'alignment_goal',
        column: 'goal',
        about: 'The goal of the developer the agent failed.',
      },
    ],
  }),
  field({
    columns: { confidence: { kind: 'table', table: CONFIDENCES, read: (e) => e.confidence } },
    facets: [
      { key: 'confidence', group: 'provenance', legend: 'Confidence', column: 'confidence' },
    ],
    exports: [
      {
        name: 'confidence',
        column: 'confidence',
        about: "The extractor's confidence that this is a misalignment.",
      },
    ],
  }),
  field({
    columns: {
      // -1 for a VALID episode; custom categories found in the data join the known ones.
      category: {
        kind: 'dictionary',
        read: (e) => e.validation.category,
        seed: VALIDATION_CATEGORIES.map((c) => c.code),
        label: labelName,
      },
    },
    facets: [
      {
        key: 'validation',
        group: 'annotation',
        legend: 'Validation',
        values: VALIDATION_LABELS,
        value: (row) => (row.category === -1 ? 0 : 1),
      },
      { key: 'category', group: 'annotation', column: 'category' },
    ],
    exports: [
      {
        name: 'validation',
        type: 'code',
        about: "The validator's verdict.",
        table: VALIDATION_LABELS,
        value: (row) => (row.category === -1 ? 'VALID' : 'INVALID'),
      },
      {
        name: 'category',
        column: 'category',
        about: 'Why the validator rejected an INVALID episode (null for a VALID one).',
        table: VALIDATION_CATEGORIES,
        values:
          'one of the codes above, or custom:<snake_case> for a reason of the validator’s own',
      },
      {
        name: 'validator_note',
        type: 'text',
        about: "The validator's note on the episode.",
        value: (_row, { text }) => orNull(text.validation.note),
      },
    ],
  }),
  field({
    columns: {
      symptoms: {
        kind: 'mask',
        table: SYMPTOMS,
        read: (e) => annotationOf(e)?.symptom.labels ?? [],
      },
    },
    facets: [{ key: 'symptom', group: 'annotation', column: 'symptoms' }],
    sort: { id: 'form', name: 'Form', column: 'symptoms' },
    exports: [
      {
        name: 'symptoms',
        column: 'symptoms',
        about: 'The forms the misalignment took (one or more).',
      },
      {
        name: 's8_descriptor',
        type: 'text',
        about: 'For an S8 episode, the annotator’s short name for its form.',
        value: (_row, source) => orNull(annotationIn(source)?.symptom.otherDescriptor),
      },
      {
        name: 'symptom_reasoning',
        type: 'text',
        about: "The annotator's reasoning for the symptoms.",
        value: (_row, source) => orNull(annotationIn(source)?.symptom.reasoning),
      },
    ],
  }),
  field({
    columns: {
      causes: {
        kind: 'mask',
        table: CAUSES,
        read: (e) => annotationOf(e)?.cause.labels.map((c) => c.code) ?? [],
      },
    },
    facets: [{ key: 'cause', group: 'annotation', column: 'causes' }],
    sort: { id: 'cause', name: 'Cause', column: 'causes' },
    exports: [
      { name: 'causes', column: 'causes', about: 'Why the agent went wrong (one or two).' },
      {
        name: 'cause_reasoning',
        type: 'text',
        about: "The annotator's reasoning for the causes.",
        value: (_row, source) => orNull(annotationIn(source)?.cause.reasoning),
      },
    ],
  }),
  field({
    columns: {
      // Bit i set when some cause has EVIDENCE_TIERS[i].
      tiers: {
        kind: 'mask',
        table: EVIDENCE_TIERS,
        read: (e) =>
          annotationOf(e)?.cause.labels.flatMap((c) => (c.tier === null ? [] : [c.tier])) ?? [],
      },
    },
    facets: [{ key: 'tier', group: 'annotation', legend: 'Evidence tier', column: 'tiers' }],
    exports: [
      { name: 'tiers', column: 'tiers', about: 'The evidence tiers of the causes, each once.' },
      {
        name: 'cause_tiers',
        type: 'pairs',
        about: 'Each cause with the evidence tier of its attribution, as cause:tier (C7 has none).',
        value: (_row, source) => {
          const labels = annotationIn(source)?.cause.labels ?? [];
          return CAUSES.flatMap(({ code }) => {
            const tier = labels.find((c) => c.code === code)?.tier;
            return tier ? [`${code}:${tier}`] : [];
          });
        },
      },
    ],
  }),
  field({
    columns: {
      severity: {
        kind: 'table',
        table: SEVERITIES,
        read: (e) => annotationOf(e)?.outcome.severity,
      },
      locus: { kind: 'table', table: LOCI, read: (e) => annotationOf(e)?.outcome.locus },
    },
    facets: [
      { key: 'severity', group: 'annotation', column: 'severity' },
      { key: 'locus', group: 'annotation', column: 'locus' },
    ],
    sort: {
      id: 'severity',
      name: 'Severity',
      descending: true,
      // An unobservable cost ranks below no damage (see SEVERITY_RANK).
      key: (row) => {
        const code = SEVERITIES[row.severity]?.code;
        return code ? SEVERITY_RANK[code] : -1;
      },
    },
    exports: [
      { name: 'severity', column: 'severity', about: 'How much damage the episode did.' },
      { name: 'locus', column: 'locus', about: 'Where the damage landed (DS2 and DS3 only).' },
      {
        name: 'outcome_reasoning',
        type: 'text',
        about: "The annotator's reasoning for the severity and locus.",
        value: (_row, source) => orNull(annotationIn(source)?.outcome.reasoning),
      },
    ],
  }),
  field({
    columns: {
      status: { kind: 'table', table: STATUSES, read: (e) => annotationOf(e)?.resolution.status },
      resolver: {
        kind: 'table',
        table: RESOLVERS,
        read: (e) => annotationOf(e)?.resolution.resolver,
      },
    },
    facets: [
      { key: 'status', group: 'annotation', column: 'status' },
      { key: 'resolver', group: 'annotation', column: 'resolver' },
    ],
    sort: {
      id: 'resolution',
      name: 'Resolution',
      // RS1 by resolver (RV1…RV3), then RS2: status × 4 + resolver keeps both in one key.
      key: (row) => (row.status < 0 ? -1 : row.status * 4 + (row.resolver + 1)),
    },
    exports: [
      {
        name: 'status',
        column: 'status',
        about: 'Whether the misalignment was resolved in the session.',
      },
      { name: 'resolver', column: 'resolver', about: 'Who resolved it (RS1 only).' },
      {
        name: 'resolution_reasoning',
        type: 'text',
        about: "The annotator's reasoning for the status and resolver.",
        value: (_row, source) => orNull(annotationIn(source)?.resolution.reasoning),
      },
    ],
  }),
  field({
    columns: {
      // Two characters hold counts up to 1,293; a longer session's count goes in the file's
      // overflow, exact. Random per episode, the counts were a third of the first browse file's
      // bytes at 16,000 episodes, so they come later.
      userTurns: { kind: 'number', width: 2, later: true, read: (e) => e.userTurns },
      agentTurns: { kind: 'number', width: 2, later: true, read: (e) => e.agentTurns },
    },
    sort: {
      id: 'turns',
      name: 'Turns',
      descending: true,
      key: (row) =>
        row.userTurns < 0 && row.agentTurns < 0
          ? -1
          : Math.max(row.userTurns, 0) + Math.max(row.agentTurns, 0),
    },
    exports: [
      {
        name: 'user_turns',
        column: 'userTurns',
        about: "The developer's turns in the session (null when unknown).",
      },
      {
        name: 'agent_turns',
        column: 'agentTurns',
        about: "The agent's turns in the session (null when unknown).",
      },
    ],
  }),
  field({
    columns: { licence: { kind: 'dictionary', read: (e) => e.licence } },
    facets: [{ key: 'licence', group: 'provenance', legend: 'Licence', column: 'licence' }],
    exports: [
      {
        name: 'licence',
        column: 'licence',
        about: "The SPDX licence expression of the session's repository.",
        values: 'permissive licences only (the atlas publishes nothing else)',
      },
    ],
  }),
  field({
    // The episode's own words: no browse column, read from its text and detail entries.
    columns: {},
    exports: [
      {
        name: 'description',
        type: 'text',
        about: 'What happened, in a few sentences.',
        value: (_row, { text }) => text.description,
      },
      {
        name: 'evidence',
        type: 'evidence',
        about: 'The quoted turns the episode rests on: each with its turn, quote and context.',
        value: (_row, { text }) =>
          text.evidence.map((e) => ({ turn: e.turn, quote: e.quote, context: e.context })),
      },
    ],
  }),
] as const;

// ——— Names derived from the registry ———

type Parts<F> =
  F extends FieldSpec<infer Cols, infer K, infer S, infer X>
    ? { columns: Cols; facet: K; sort: S; export: X }
    : never;
type Fields = Parts<(typeof FIELDS)[number]>;
type KeysOf<C> = C extends unknown ? keyof C & string : never;
type DictionaryKeysOf<C> = C extends unknown
  ? { [K in keyof C]: C[K] extends { kind: 'dictionary' } ? K : never }[keyof C] & string
  : never;

/** A column of the browse file (and a property of `BrowseRow`). */
export type ColumnName = KeysOf<Fields['columns']>;
/** A dictionary column: the file carries the list of its values. */
export type DictionaryName = DictionaryKeysOf<Fields['columns']>;
/** A facet's URL key. */
export type FacetKey = Fields['facet'];
/** The URL's `sort` value of a column sort. */
export type ColumnSortId = Fields['sort'];
/** An export column that a field provides. */
export type FieldExportName = Fields['export'];

/** One episode as Browse filters, counts and sorts it: `index` and one integer per column. */
export type BrowseRow = { readonly index: number } & Record<ColumnName, number>;
/** The dictionaries of the dictionary columns. */
export type Dictionaries = Record<DictionaryName, string[]>;

/** A registry column with its name. */
export type Column = ColumnSpec & { name: ColumnName };

/** Every column, in registry order. */
export const COLUMNS: readonly Column[] = FIELDS.flatMap((f) =>
  Object.entries(f.columns as Record<string, ColumnSpec>).map(([name, spec]) => ({
    ...spec,
    name: name as ColumnName,
  })),
);

/** Whether a column comes in the second browse file (see `later` on a number column). */
export function isLater(spec: ColumnSpec): boolean {
  return spec.kind === 'number' && spec.later === true;
}

/**
 * The column sorts that read a `later` column: a sort reads its field's columns, so a field with
 * one makes its sort wait for the second browse file.
 */
const LATER_SORTS: ReadonlySet<string> = new Set(
  FIELDS.flatMap((f) =>
    f.sort && Object.values(f.columns as Record<string, ColumnSpec>).some(isLater)
      ? [f.sort.id]
      : [],
  ),
);

/** Whether a sort (by its URL value) needs the second browse file. */
export function sortNeedsLater(sort: string): boolean {
  return LATER_SORTS.has(sort);
}

/** A column by name. */
export function column(name: ColumnName): Column {
  const found = COLUMNS.find((c) => c.name === name);
  if (!found) throw new Error(`unknown column ${name}`);
  return found;
}

/** The codes a row holds in a table or mask column (none for -1 or no bit). */
export function columnCodes(row: BrowseRow, name: ColumnName): string[] {
  const spec = column(name);
  const value = row[name];
  if (spec.kind === 'table') {
    const code = value >= 0 ? spec.table[value]?.code : undefined;
    return code ? [code] : [];
  }
  if (spec.kind === 'mask')
    return spec.table.flatMap((entry, bit) => (value & (1 << bit) ? [entry.code] : []));
  throw new Error(`column ${name} holds no codes`);
}

/** The one code a row holds in a table column, or null. */
export function columnCode(row: BrowseRow, name: ColumnName): string | null {
  return columnCodes(row, name)[0] ?? null;
}

/** A facet spec with the names resolved. */
export type FacetEntry = FacetSpec<Record<ColumnName, ColumnSpec>, FacetKey>;

/** Every facet in page order: annotation facets, then provenance facets, each in registry order. */
export const FACET_SPECS: readonly FacetEntry[] = (['annotation', 'provenance'] as const).flatMap(
  (group) =>
    FIELDS.flatMap((f): readonly FacetEntry[] => f.facets ?? []).filter((s) => s.group === group),
);

/** Facet keys, in the order they appear on the page and in the URL. */
export const FACET_KEYS: readonly FacetKey[] = FACET_SPECS.map((spec) => spec.key);

/** The column a facet reads (for an axis's statistics); a derived facet has none. */
export function facetColumn(key: FacetKey): ColumnName {
  const spec = FACET_SPECS.find((s) => s.key === key);
  if (!spec || !('column' in spec)) throw new Error(`facet ${key} reads no single column`);
  return spec.column;
}

/** A column sort with its names resolved. */
export type SortEntry = SortSpec<Record<ColumnName, ColumnSpec>, ColumnSortId>;

/** The column sorts, in registry order (the table's column order). */
export const COLUMN_SORTS: readonly SortEntry[] = FIELDS.flatMap((f): readonly SortEntry[] =>
  f.sort ? [f.sort] : [],
);

/** An export spec with its names resolved. */
export type ExportEntry = ExportSpec<Record<ColumnName, ColumnSpec>, FieldExportName>;

/** The export columns the fields provide, in registry order. */
export const FIELD_EXPORTS: readonly ExportEntry[] = FIELDS.flatMap(
  (f): readonly ExportEntry[] => f.exports ?? [],
);

/** The integer a column stores for an episode, given the dictionaries. */
export function columnValue(spec: Column, episode: Episode, dict: Dictionaries): number {
  switch (spec.kind) {
    case 'table': {
      const code = spec.read(episode);
      return code == null ? -1 : spec.table.findIndex((entry) => entry.code === code);
    }
    case 'mask': {
      const codes = spec.read(episode);
      return spec.table.reduce(
        (mask, entry, bit) => (codes.includes(entry.code) ? mask | (1 << bit) : mask),
        0,
      );
    }
    case 'dictionary': {
      const value = spec.read(episode);
      return value === null ? -1 : dict[spec.name as DictionaryName].indexOf(value);
    }
    case 'number':
      return spec.read(episode) ?? -1;
  }
}

/**
 * The codes an episode carries in a table, mask or dictionary column (for the statistics). The
 * statistics ask only for the columns of the taxonomy's axes, whose reads look at nothing but the
 * labels and the validation category, which every `Labelled` row has, text-free corpus rows too
 * (tests/unit/fields.test.ts reads such a row).
 */
export function episodeCodes(name: ColumnName, labelled: Labelled): string[] {
  const spec = column(name);
  const episode = labelled as Episode;
  switch (spec.kind) {
    case 'mask':
      return [...spec.read(episode)];
    case 'number':
      throw new Error(`column ${name} holds no codes`);
    default: {
      const code = spec.read(episode);
      return code ? [code] : [];
    }
  }
}
