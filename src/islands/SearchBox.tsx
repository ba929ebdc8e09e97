import { useEffect, useId, useState, type SubmitEvent } from 'react';

export interface SearchBoxProps {
  /** The query in the URL. */
  query: string;
  /** Writes a query to the URL (debounced while typing, at once on Enter). */
  onCommit: (query: string) => void;
  /** Called on focus, to start loading the search index early. */
  onWarmUp: () => void;
  busy: boolean;
}

const DEBOUNCE_MS = 250;

/**
 * The search field. What is typed is a draft until it settles (or Enter is pressed), then it is
 * written to the URL and dropped. A draft also remembers the query it started from, so that a
 * query changed elsewhere (Back, "clear all") replaces a draft that is still pending.
 */
export function SearchBox({ query, onCommit, onWarmUp, busy }: SearchBoxProps) {
  const id = useId();
  const [draft, setDraft] = useState<{ text: string; base: string } | null>(null);
  const stale = draft !== null && query !== draft.base;
  // Adjusting state while rendering (not in an effect) avoids a frame showing the stale draft.
  if (stale) setDraft(null);
  const value = draft && !stale ? draft.text : query;

  useEffect(() => {
    if (!draft || query !== draft.base) return;
    const timer = window.setTimeout(() => {
      setDraft(null);
      if (draft.text !== query) onCommit(draft.text);
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [draft, query, onCommit]);

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    setDraft(null);
    if (value !== query) onCommit(value);
  };

  return (
    <form className="browse-search" role="search" onSubmit={submit}>
      <label htmlFor={id}>Search episodes</label>
      <div className="browse-search-row">
        <input
          id={id}
          type="search"
          value={value}
          maxLength={200}
          placeholder="e.g. force push, deleted tests, config"
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${id}-hint`}
          aria-busy={busy || undefined}
          onFocus={onWarmUp}
          onChange={(event) => setDraft({ text: event.target.value, base: query })}
        />
        <button type="submit" className="button">
          Search
        </button>
      </div>
      <p id={`${id}-hint`} className="muted browse-hint">
        Searches titles, descriptions, evidence quotes and contexts, reasoning, agent names and
        episode ids. Prefixes and small typos match.
      </p>
    </form>
  );
}
