/**
 * Updates that wait their turn: a few run per task, in the order they asked, so that work which
 * arrives all at once (a page of cards whose text came in one batch) is spread over several
 * short tasks instead of one long one, and the first in the list show first.
 */
import { useLayoutEffect, useState } from 'react';

/**
 * Updates run per task. A card's text with its highlighted matches takes about 5 ms on a phone
 * (4× CPU slowdown), so five stay well under the 50 ms of a long task.
 */
export const PER_TASK = 5;

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
 * A value whose changes wait their turn (see above); the first render shows it at once. A card
 * reads its text through this: a page of cards whose texts arrive together fills in a few cards
 * a task, top first.
 */
export function useInTurn<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useLayoutEffect(() => {
    if (Object.is(shown, value)) return;
    return inTurn(() => {
      setShown(() => value);
    });
  }, [value, shown]);
  return shown;
}
