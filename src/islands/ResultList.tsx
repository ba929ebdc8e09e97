import { useLayoutEffect, useState } from 'react';
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

/**
 * New cards a changed page renders in the task that changes it: a screenful on a tall screen, and
 * the ten whose text the bench and the search worker count as the first. The others follow a task
 * later, so that a facet click renders a third of the cards before the next frame.
 */
const FIRST_CARDS = 10;

/**
 * Which rows to render as cards: every row in the list's first render; after a change, the first
 * `first` rows and those already rendered as cards, and every row a task later (the rest hold a
 * place meanwhile). Rows are compared by index, so a page that keeps its rows keeps its cards.
 */
function useStaged(
  rows: readonly BrowseRow[],
  first: number,
): (row: BrowseRow, at: number) => boolean {
  const [whole, setWhole] = useState(rows);
  const complete = whole === rows;
  useLayoutEffect(() => {
    if (complete) return;
    const timer = setTimeout(() => {
      setWhole(rows);
    }, 0);
    return () => {
      clearTimeout(timer);
    };
  }, [rows, complete]);
  if (complete) return () => true;
  const kept = new Set(whole.map((row) => row.index));
  return (row, at) => at < first || kept.has(row.index);
}

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
  const rendered = useStaged(rows, FIRST_CARDS);
  return (
    <ol className="result-list">
      {rows.map((row, i) =>
        rendered(row, i) ? (
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
        ) : (
          // A card's place, for the task until it renders: an empty card about as tall, so the
          // list keeps its height; it counts as loading, like a card whose text has not arrived.
          <li key={row.index} className="card result-pending" aria-busy="true">
            <span className="visually-hidden">Loading episode…</span>
          </li>
        ),
      )}
    </ol>
  );
}
