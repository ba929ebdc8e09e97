import type { ChunkEntry, DetailEntry } from '../lib/derive/browser-files.ts';
import type { FacetIndex } from '../lib/facets.ts';
import type { BrowseRow } from '../lib/fields.ts';
import { ResultCard } from './ResultCard.tsx';

export interface ResultViewProps {
  base: string;
  index: FacetIndex;
  /** The visible page of rows, in result order. */
  rows: readonly BrowseRow[];
  entries: readonly (ChunkEntry | undefined)[];
  terms: ReadonlyMap<number, readonly string[]>;
  fields: ReadonlyMap<number, readonly string[]>;
  /** The passages of rows whose match is in text the card does not show, once fetched. */
  details: ReadonlyMap<number, DetailEntry>;
}

const NO_TERMS: readonly string[] = [];

/** The list view: the visible page as cards. */
export function ResultList({
  base,
  index,
  rows,
  entries,
  terms,
  fields,
  details,
}: ResultViewProps) {
  return (
    <ol className="result-list">
      {rows.map((row, i) => (
        <li key={row.index}>
          <ResultCard
            base={base}
            row={row}
            entry={entries[i]}
            agent={index.dict.agent[row.agent] ?? 'Unknown'}
            category={row.category >= 0 ? (index.dict.category[row.category] ?? null) : null}
            terms={terms.get(row.index) ?? NO_TERMS}
            fields={fields.get(row.index)}
            detail={details.get(row.index)}
          />
        </li>
      ))}
    </ol>
  );
}
