/**
 * `useSyncExternalStore` that honours `getServerSnapshot` in the server render. The islands run on
 * Preact (preact/compat), whose version ignores the third argument and always calls
 * `getSnapshot`, which on the server would touch `window`. Every island that reads a browser-only
 * store renders nothing on the server, so hydration never compares the two snapshots' output.
 */
import { useSyncExternalStore } from 'react';

const onServer = typeof window === 'undefined';

export function useExternalStore<T>(
  subscribe: (onChange: () => void) => () => void,
  getSnapshot: () => T,
  getServerSnapshot: () => T,
): T {
  return useSyncExternalStore(
    subscribe,
    onServer ? getServerSnapshot : getSnapshot,
    getServerSnapshot,
  );
}
