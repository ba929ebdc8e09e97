/**
 * The facets of Browse, derived from the field registry: what each facet offers, in what order,
 * under what legend, and which value a row holds for it.
 */
import {
  FACET_SPECS,
  column,
  type BrowseRow,
  type Dictionaries,
  type DictionaryName,
  type FacetEntry,
  type FacetKey,
} from './fields.ts';
import { AXES, labelTitle, type AxisSlug } from './taxonomy.ts';

/** One value a facet offers. `code` is what the URL holds. */
export interface FacetValue {
  code: string;
  /** How the value reads in a checkbox label or a chip (`S3 · Developer Constraint Violation`). */
  label: string;
}

/**
 * A facet. `single` facets hold one value index per row (-1 for none); `mask` facets hold a
 * bitmask of value indexes (symptoms, causes, evidence tiers).
 */
export interface FacetDef {
  key: FacetKey;
  /** The fieldset legend and the chip prefix. */
  legend: string;
  kind: 'single' | 'mask';
  /** Values in their fixed display order's source: the taxonomy order, or a dictionary's order. */
  values: readonly FacetValue[];
  /** The taxonomy axis whose pill colour the facet's chips carry, if any. */
  axis?: AxisSlug;
  /**
   * Long, open-ended facets (a dictionary's values) that the panel shows collapsed, most
   * frequent first.
   */
  collapsible: boolean;
  /** The value a row holds: an index (single) or a bitmask (mask). */
  value: (row: BrowseRow) => number;
}

function axisOf(facet: FacetKey): (typeof AXES)[number] | undefined {
  return AXES.find((axis) => axis.facet === facet);
}

/** `Form (symptom)`, `Cost (damage severity)`, `Resolution status`: how an axis facet is titled. */
function axisLegend(facet: FacetKey): string {
  const axis = axisOf(facet);
  if (!axis) return facet;
  const { name, field } = axis;
  if (field.toLowerCase().startsWith(name.toLowerCase())) return field;
  return `${name} (${field.toLowerCase()})`;
}

function fromTable(rows: readonly { code: string }[]): FacetValue[] {
  return rows.map((row) => ({ code: row.code, label: labelTitle(row.code) }));
}

/** A facet definition from its registry entry and the browse file's dictionaries. */
function facetDef(spec: FacetEntry, dict: Dictionaries): FacetDef {
  const axis = axisOf(spec.key)?.slug;
  const common = { key: spec.key, legend: spec.legend ?? axisLegend(spec.key) };
  const withAxis = axis ? { axis } : {};
  if (!('column' in spec))
    return {
      ...common,
      kind: 'single',
      values: fromTable(spec.values),
      collapsible: false,
      value: spec.value,
      ...withAxis,
    };
  const source = column(spec.column);
  const name = spec.column;
  const value = (row: BrowseRow) => row[name];
  switch (source.kind) {
    case 'table':
    case 'mask':
      return {
        ...common,
        kind: source.kind === 'mask' ? 'mask' : 'single',
        values: fromTable(source.table),
        collapsible: false,
        value,
        ...withAxis,
      };
    case 'dictionary': {
      const label = source.label ?? ((code: string) => code);
      return {
        ...common,
        kind: 'single',
        values: dict[name as DictionaryName].map((code) => ({ code, label: label(code) })),
        collapsible: true,
        value,
        ...withAxis,
      };
    }
    case 'number':
      throw new Error(`facet ${spec.key}: a number column cannot be a facet`);
  }
}

/** The facet definitions for a browse file's dictionaries, in page order. */
export function facetDefs(dict: Dictionaries): FacetDef[] {
  return FACET_SPECS.map((spec) => facetDef(spec, dict));
}
