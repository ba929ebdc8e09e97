import { plural } from '../lib/format.ts';

export interface ZeroResultsProps {
  /** The one filter whose removal helps most, or null when no single removal helps. */
  hint: { text: string; count: number } | null;
  onDrop: () => void;
  /** A query that would find something, from the index's own words, or null. */
  suggestion: string | null;
  onSuggest: () => void;
}

/** What to say when nothing matches: which filter to drop, and a button that drops it. */
export function ZeroResults({ hint, onDrop, suggestion, onSuggest }: ZeroResultsProps) {
  return (
    <div className="zero-results">
      <p>No episodes match all of these filters.</p>
      {suggestion !== null && (
        <p className="did-you-mean">
          Did you mean{' '}
          <button type="button" className="link-button" onClick={onSuggest}>
            {suggestion}
          </button>
          ?
        </p>
      )}
      {hint ? (
        <p>
          Removing <strong>{hint.text}</strong> would show {plural(hint.count, 'episode')}.{' '}
          <button type="button" className="button" onClick={onDrop}>
            Remove that filter
            <span className="visually-hidden">: {hint.text}</span>
          </button>
        </p>
      ) : (
        <p>No single filter is to blame: try clearing all filters.</p>
      )}
    </div>
  );
}
