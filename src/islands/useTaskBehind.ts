import { useLayoutEffect, useState } from 'react';

/**
 * A value one task behind: when `value` changes, the render that sees the change still gets the
 * old one, and the new one follows in a task of its own (a `setTimeout` set at commit, so it
 * usually lands before the next frame). Browse's facet panel reads its state and counts through
 * this: a click or a search re-renders the results first and the panel's hundred checkboxes in
 * the next task, instead of both in one long task; preact/compat has no deferred rendering.
 * For the panel to be skipped in the first render, everything else it is given must be stable.
 */
export function useTaskBehind<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useLayoutEffect(() => {
    if (Object.is(shown, value)) return;
    const timer = setTimeout(() => {
      setShown(() => value);
    }, 0);
    return () => {
      clearTimeout(timer);
    };
  }, [value, shown]);
  return shown;
}
