import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChunkStore } from '../../src/islands/data-source.ts';

/** A fetch whose responses the test releases one by one. */
function deferredFetch() {
  const waiting = new Map<string, () => void>();
  const requested: string[] = [];
  vi.stubGlobal('fetch', (url: string) => {
    requested.push(url);
    return new Promise<Response>((resolve) => {
      const n = Number(/(\d+)\.json$/.exec(url)?.[1]);
      waiting.set(url, () => {
        resolve(new Response(JSON.stringify([`a${n}`, `b${n}`])));
      });
    });
  });
  return {
    requested,
    release: async (url: string) => {
      waiting.get(url)?.();
      // Let the response body and the store's handlers run.
      await new Promise((resolve) => setTimeout(resolve, 5));
    },
  };
}

const URLS = ['c/0.json', 'c/1.json', 'c/2.json', 'c/3.json'];

describe('ChunkStore', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('requests a page’s chunks at once and announces them once, when the last arrives', async () => {
    const net = deferredFetch();
    const store = new ChunkStore<string>(URLS, 2);
    const heard = vi.fn();
    store.subscribe(heard);
    store.ensure([0, 3, 5, 1]);
    expect(net.requested).toEqual(['c/0.json', 'c/1.json', 'c/2.json']);
    // Asking again while they load starts nothing new.
    store.ensure([0, 3, 5, 1]);
    expect(net.requested).toHaveLength(3);
    await net.release('c/1.json');
    await net.release('c/0.json');
    expect(heard).not.toHaveBeenCalled();
    expect(store.entry(3)).toBe('b1');
    await net.release('c/2.json');
    expect(heard).toHaveBeenCalledTimes(1);
    expect([0, 1, 3, 5].map((i) => store.entry(i))).toEqual(['a0', 'b0', 'b1', 'b2']);
    // Loaded chunks are kept: nothing is requested or announced again.
    store.ensure([0, 5]);
    expect(net.requested).toHaveLength(3);
    expect(heard).toHaveBeenCalledTimes(1);
  });

  it('announces a finished batch even while another is still loading', async () => {
    const net = deferredFetch();
    const store = new ChunkStore<string>(URLS, 2);
    const heard = vi.fn();
    store.subscribe(heard);
    store.ensure([0]);
    store.ensure([6]);
    await net.release('c/3.json');
    expect(heard).toHaveBeenCalledTimes(1);
    expect(store.entry(6)).toBe('a3');
    expect(store.entry(0)).toBeUndefined();
    await net.release('c/0.json');
    expect(heard).toHaveBeenCalledTimes(2);
  });

  it('reports a chunk that cannot be fetched once its batch is done', async () => {
    vi.stubGlobal('fetch', () => Promise.resolve(new Response('', { status: 404 })));
    const store = new ChunkStore<string>(URLS, 2);
    const heard = vi.fn();
    store.subscribe(heard);
    store.ensure([0, 2]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(heard).toHaveBeenCalledTimes(1);
    expect(store.failed).toBe(true);
  });

  it('loads every row for an export, reporting progress, and announces what arrived', async () => {
    const net = deferredFetch();
    const store = new ChunkStore<string>(URLS, 2);
    const heard = vi.fn();
    store.subscribe(heard);
    const shares: number[] = [];
    const all = store.entries([7, 0], (share) => shares.push(share));
    await net.release('c/3.json');
    await net.release('c/0.json');
    expect(await all).toEqual(['b3', 'a0']);
    expect(shares).toEqual([0.5, 1]);
    expect(heard).toHaveBeenCalled();
  });

  it('sends the requests of a store behind another once that one’s are in', async () => {
    const net = deferredFetch();
    const cards = new ChunkStore<string>(URLS, 2);
    const details = new ChunkStore<string>(['d/0.json', 'd/1.json'], 2, cards);
    cards.ensure([0, 2]);
    details.ensure([0]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(net.requested).toEqual(['c/0.json', 'c/1.json']);
    await net.release('c/0.json');
    expect(net.requested).toHaveLength(2);
    await net.release('c/1.json');
    expect(net.requested).toEqual(['c/0.json', 'c/1.json', 'd/0.json']);
    await net.release('d/0.json');
    expect(details.entry(1)).toBe('b0');
    // With nothing ahead of it, a store behind another asks at once.
    details.ensure([2]);
    expect(net.requested).toHaveLength(4);
  });
});
