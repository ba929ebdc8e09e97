import { memo, useMemo } from 'react';
import type { ChunkEntry, DetailEntry } from '../lib/derive/browser-files.ts';
import type { BrowseRow } from '../lib/fields.ts';
import { formatDate } from '../lib/format.ts';
import { highlightSegments, snippet } from '../lib/highlight.ts';
import { matchingPassage, passagesOf, textFragment } from '../lib/passages.ts';
import { routes, withBase } from '../lib/paths.ts';
import { hiddenMatches, rowCodes } from './episode-text.ts';
import { Highlighted } from './Highlighted.tsx';
import { useInTurn } from './in-turn.ts';
import { LabelPill } from './LabelPill.tsx';

export interface ResultCardProps {
  base: string;
  row: BrowseRow;
  /** The episode's text; undefined while its chunk is loading. */
  entry: ChunkEntry | undefined;
  agent: string;
  category: string | null;
  terms: readonly string[];
  fields: readonly string[] | undefined;
  /** The episode's passages, fetched when the match is in one the card does not show. */
  detail?: DetailEntry | undefined;
}

/** What a card shows before its text has had its turn: the skeleton. */
const BEFORE = { entry: undefined, detail: undefined };

/** One episode in the list view: title link, date, agent, platform, label pills and a snippet. */
/**
 * Memoised: a card re-renders only when its own text, passage or terms change, not whenever
 * another card's text chunk arrives; and its text, when it arrives, waits its turn (in-turn.ts).
 */
export const ResultCard = memo(function ResultCard(props: ResultCardProps) {
  const { base, row, agent, category, terms, fields } = props;
  // The text (and passage) that arrives for a page at once fills the cards in a few per task.
  // Even in the card's first render: a page of cards rendered with their text (a page seen
  // before, or the first cards' text that came with the search hits) would be one long task.
  // Five cards' text in the render of the hits raised Lighthouse's blocking time of Browse with
  // a query from a median of 23 to 63 ms (four runs each, at 16,000 episodes).
  const { entry, detail } = useInTurn(
    useMemo(() => ({ entry: props.entry, detail: props.detail }), [props.entry, props.detail]),
    !props.entry && !props.detail,
    BEFORE,
  );
  const codes = rowCodes(row);
  const passage = detail ? matchingPassage(passagesOf(detail), fields ?? [], terms) : null;
  const elsewhere = hiddenMatches(fields?.filter((field) => field !== passage?.field));
  // The link lands on the matched passage, highlighted by the browser (a URL text fragment).
  const fragment = passage ? textFragment(passage.text, terms) : null;
  return (
    <article className="card result-card" aria-busy={entry ? undefined : true}>
      <h3 className="result-title">
        {entry ? (
          <a href={`${withBase(base, routes.episode(entry.id))}${fragment ? `#${fragment}` : ''}`}>
            <Highlighted segments={highlightSegments(entry.name, terms)} />
          </a>
        ) : (
          <span className="skeleton">Loading episode…</span>
        )}
      </h3>
      <p className="result-meta">
        <time dateTime={codes.date}>{formatDate(codes.date)}</time>
        <span aria-hidden="true"> · </span>
        <span>{agent}</span>
        {codes.platform && (
          <>
            <span aria-hidden="true"> · </span>
            <span>{codes.platform}</span>
          </>
        )}
        {category !== null && <strong className="rejected"> · Rejected in validation</strong>}
      </p>
      {entry && (
        <p className="result-snippet">
          <Highlighted segments={snippet(entry.description, terms)} />
        </p>
      )}
      {passage && (
        <p className="result-passage">
          <span className="result-field">{passage.label}:</span>{' '}
          <Highlighted segments={snippet(passage.text, terms, 200)} />
        </p>
      )}
      <ul className="pills" aria-label="Labels">
        {codes.symptoms.map((code) => (
          <li key={code}>
            <LabelPill axis="form" code={code} />
          </li>
        ))}
        {codes.causes.map((code) => (
          <li key={code}>
            <LabelPill axis="cause" code={code} />
          </li>
        ))}
        {codes.severity && (
          <li>
            <LabelPill axis="cost" code={codes.severity} />
          </li>
        )}
        {category !== null && (
          <li>
            <LabelPill axis="validation" code={category} />
          </li>
        )}
      </ul>
      {elsewhere.length > 0 && (
        <p className="result-also">Also matches in {elsewhere.join(', ')}.</p>
      )}
    </article>
  );
});
