/**
 * Updates that wait their turn: a few run per task, in the order they asked, so that work which
 * arrives all at once (a page of cards whose text came in one batch) is spread over several
 * short tasks instead of one long one, and the first in the list show first.
 */
import { useLayoutEffect, useState } from 'react';
import { PER_TASK } from './per-task.ts';

const waiting = new Set<() => void>();
let scheduled = false;

function runSome(): void {
  scheduled = false;
  let n = 0;
  for (const run of waiting) {
    if (n++ === PER_TASK) break;
    waiting.delete(run);
    run();
  }
  schedule();
}

function schedule(): void {
  if (scheduled || waiting.size === 0) return;
  scheduled = true;
  setTimeout(runSome, 0);
}

/** Queues `run` for a later task; the function returned takes it out of the queue. */
export function inTurn(run: () => void): () => void {
  const own = () => {
    run();
  };
  waiting.add(own);
  schedule();
  return () => {
    waiting.delete(own);
  };
}

/**
 * A value whose changes wait their turn (see above). The first render shows it at once, or, not
 * `atOnce`, shows `before` and lets the value wait its turn too. A card reads its text through
 * this: a page of cards whose texts arrive together, or are there when it renders, fills in a
 * few cards a task, top first.
 */
export function useInTurn<T>(value: T, atOnce = true, before: T = value): T {
  const [shown, setShown] = useState(atOnce ? value : before);
  useLayoutEffect(() => {
    if (Object.is(shown, value)) return;
    return inTurn(() => {
      setShown(() => value);
    });
  }, [value, shown]);
  return shown;
}
