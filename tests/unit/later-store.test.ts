import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeColumns, encodeColumns, splitLater } from '../../src/lib/browse-columns.ts';
import { LaterStore } from '../../src/islands/later-columns.ts';
import { episodeOf, validRecord } from './helpers.ts';

const episodes = [
  episodeOf(validRecord({ misalignment_id: 'M001', user_turns: 7, agent_turns: 9 })),
  episodeOf(validRecord({ misalignment_id: 'M002', user_turns: 2, agent_turns: 3 })),
];
const { first, later } = splitLater(encodeColumns(episodes, 10), 'browse-later.0123456789.json');

/** Answers each request with the next of `replies` (a status, or the later file). */
function stubFetch(replies: Array<number | 'file'>) {
  const requested: string[] = [];
  vi.stubGlobal('fetch', (url: string) => {
    requested.push(url);
    const reply = replies.shift();
    return Promise.resolve(
      reply === 'file'
        ? new Response(JSON.stringify(later))
        : new Response('', { status: typeof reply === 'number' ? reply : 500 }),
    );
  });
  return requested;
}

describe('LaterStore', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('waits, then holds the turn counts in the rows it was given', async () => {
    stubFetch(['file']);
    const rows = decodeColumns(first);
    const store = new LaterStore('later.json', rows);
    expect(store.status()).toBe('waiting');
    expect(rows.map((r) => r.userTurns)).toEqual([-1, -1]);
    await store.load();
    expect(store.status()).toBe('ready');
    expect(rows.map((r) => [r.userTurns, r.agentTurns]).sort()).toEqual([
      [2, 3],
      [7, 9],
    ]);
  });

  it('says when a fetch failed, tells its listeners, and tries again on the next load', async () => {
    const requested = stubFetch([404, 'file']);
    const store = new LaterStore('later.json', decodeColumns(first));
    const heard = vi.fn();
    store.subscribe(heard);
    await expect(store.load()).rejects.toThrow(/HTTP 404/);
    expect(store.status()).toBe('failed');
    expect(heard).toHaveBeenCalledTimes(1);
    await store.load();
    expect(store.status()).toBe('ready');
    expect(requested).toEqual(['later.json', 'later.json']);
  });

  it('fails, rather than staying stuck, on a file that does not fit the rows', async () => {
    stubFetch(['file', 'file']);
    const store = new LaterStore('later.json', decodeColumns(first, 0, 1));
    await expect(store.load()).rejects.toThrow(/2 rows, the list 1/);
    expect(store.status()).toBe('failed');
    await expect(store.load()).rejects.toThrow(/2 rows/);
  });

  it('is ready from the start without a second file', () => {
    expect(new LaterStore(null, []).status()).toBe('ready');
  });
});
