/**
 * The release's layout variants, folded into the one nested layout the schema validates.
 * See `docs/data-format.md`: id and validation spellings, and the flattened annotation of
 * `annotated_misalignments.json`.
 */
import { CAUSES, SYMPTOMS } from './taxonomy.ts';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const FLAT_KEYS = [
  ...SYMPTOMS.map((s) => s.code),
  ...CAUSES.map((c) => c.code),
  'damage_severity',
  'resolution_status',
  'symptom_reasoning',
  'cause_reasoning',
];

/** Moves `from` to `to` when `to` is absent; the first spelling present wins. */
function alias(record: Json, to: string, ...from: string[]): void {
  if (to in record) return;
  for (const key of from) {
    if (key in record) {
      record[to] = record[key];
      return;
    }
  }
}

function unflatten(record: Json): void {
  const symptoms = SYMPTOMS.map((s) => s.code).filter((code) => record[code] === true);
  const causes = CAUSES.map((c) => c.code)
    .filter((code) => record[code] !== null && record[code] !== undefined && record[code] !== false)
    .map((code) => {
      const tier = record[code];
      return tier === 'not_applicable' || tier === true
        ? { label: code }
        : { label: code, evidence_tier: tier };
    });
  const hasAny =
    symptoms.length > 0 ||
    causes.length > 0 ||
    record['damage_severity'] != null ||
    record['resolution_status'] != null;
  if (!hasAny) return;
  record['symptom'] = {
    reasoning: record['symptom_reasoning'] ?? '',
    labels: symptoms,
    other_descriptor: record['symptom_other_descriptor'] ?? null,
  };
  record['cause'] = { reasoning: record['cause_reasoning'] ?? '', labels: causes };
  record['outcome'] = {
    reasoning: record['outcome_reasoning'] ?? '',
    damage_severity: record['damage_severity'],
    damage_locus: record['damage_locus'] ?? null,
  };
  record['resolution'] = {
    reasoning: record['resolution_reasoning'] ?? '',
    status: record['resolution_status'],
    resolver: record['resolver'] ?? null,
  };
}

/**
 * Returns a copy of one release record in the nested layout with canonical field names.
 * Anything that is not an object is returned as it is, for the schema to reject.
 */
export function normaliseLayout(input: unknown): unknown {
  if (!isObject(input)) return input;
  const record: Json = { ...input };
  alias(record, 'misalignment_id', 'misalignment-id', 'id');
  alias(record, 'label', 'validation_label');
  alias(record, 'note', 'validation_note');
  alias(record, 'invalid_category', 'validation_category');
  if (record['label'] === undefined) record['label'] = 'VALID';
  if (record['invalid_category'] === undefined) record['invalid_category'] = null;
  if (record['note'] === undefined) record['note'] = null;
  const nested = ['symptom', 'cause', 'outcome', 'resolution'].some((k) => isObject(record[k]));
  if (!nested && FLAT_KEYS.some((key) => key in record)) unflatten(record);
  return record;
}

/**
 * Finds the array of records in a parsed release file: the file is an array, or an object
 * holding it under `misalignments` or `records`. Returns a message when it is neither.
 */
export function recordsOf(file: unknown): { records: unknown[] } | { error: string } {
  if (Array.isArray(file)) return { records: file };
  if (isObject(file)) {
    for (const key of ['misalignments', 'records']) {
      const value = file[key];
      if (Array.isArray(value)) return { records: value };
    }
    const keys = Object.keys(file).slice(0, 5).join(', ') || 'none';
    return {
      error: `expected an array of records, or an object with the array under "misalignments" or "records"; found an object with keys: ${keys}`,
    };
  }
  const kind = file === null ? 'null' : typeof file;
  return { error: `expected an array of records, found ${kind}` };
}
