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

  it('keeps a chunk put in without a request, reads it at once and announces it in a task', async () => {
    const net = deferredFetch();
    const store = new ChunkStore<string>(URLS, 2);
    const heard = vi.fn();
    store.subscribe(heard);
    const version = store.version();
    store.put(1, ['x2', 'x3']);
    expect(store.entry(3)).toBe('x3');
    // A render that follows reads the new version, so entries memoised on it take the chunk in.
    expect(store.version()).not.toBe(version);
    store.ensure([2, 3]);
    expect(net.requested).toEqual([]);
    // A render that came before hears of it: a task later, once for every chunk put in meanwhile.
    expect(heard).not.toHaveBeenCalled();
    store.put(2, ['x4', 'x5']);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(heard).toHaveBeenCalledTimes(1);
    // A chunk already in is not replaced.
    store.put(1, ['y2', 'y3']);
    expect(store.entry(2)).toBe('x2');
  });

  it('keeps a chunk put in while its own request is on the way', async () => {
    const net = deferredFetch();
    const store = new ChunkStore<string>(URLS, 2);
    store.ensure([0]);
    store.put(0, ['x0', 'x1']);
    await net.release('c/0.json');
    // The entries its cards already show stay the same objects.
    expect(store.entry(0)).toBe('x0');
  });

  it('announces an adopted chunk when it comes, without waiting for the rest of its batch', async () => {
    const net = deferredFetch();
    const store = new ChunkStore<string>(URLS, 2);
    const heard = vi.fn();
    store.subscribe(heard);
    let deliver: (entries: string[]) => void = () => undefined;
    store.adopt(0, new Promise((resolve) => (deliver = resolve)));
    expect(store.have()).toEqual(Uint8Array.from([1, 0, 0, 0]));
    // The page asks for rows of the adopted chunk and of another: only the other is requested.
    store.ensure([0, 1, 2]);
    expect(net.requested).toEqual(['c/1.json']);
    deliver(['w0', 'w1']);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(heard).toHaveBeenCalledTimes(1);
    expect(store.entry(1)).toBe('w1');
    expect(store.entry(2)).toBeUndefined();
    await net.release('c/1.json');
    expect(heard).toHaveBeenCalledTimes(2);
    expect(store.have()).toEqual(Uint8Array.from([1, 1, 0, 0]));
  });

  it('fetches an adopted chunk itself when it does not come', async () => {
    const net = deferredFetch();
    const store = new ChunkStore<string>(URLS, 2);
    let fail: (error: Error) => void = () => undefined;
    store.adopt(3, new Promise((_, reject) => (fail = reject)));
    store.ensure([6]);
    expect(net.requested).toEqual([]);
    fail(new Error('the worker could not fetch it'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(net.requested).toEqual(['c/3.json']);
    await net.release('c/3.json');
    expect(store.entry(6)).toBe('a3');
    expect(store.failed).toBe(false);
  });

  it('adopts nothing it has or is fetching already, and minds no failure of what it left', async () => {
    const net = deferredFetch();
    const store = new ChunkStore<string>(URLS, 2);
    store.ensure([0]);
    store.adopt(0, Promise.resolve(['z0', 'z1']));
    await new Promise((resolve) => setTimeout(resolve, 0));
    // Its own request is still on the way, and what was offered was not taken.
    expect(store.entry(0)).toBeUndefined();
    await net.release('c/0.json');
    expect(store.entry(0)).toBe('a0');
    store.adopt(0, Promise.resolve(['z0', 'z1']));
    // A failure of what was not taken is not an unhandled rejection (vitest fails on one).
    store.adopt(0, Promise.reject(new Error('not wanted')));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(store.entry(0)).toBe('a0');
    expect(net.requested).toEqual(['c/0.json']);
  });

  it('reports an adopted chunk that neither comes nor can be fetched, as its own failures', async () => {
    vi.stubGlobal('fetch', () => Promise.resolve(new Response('', { status: 404 })));
    const store = new ChunkStore<string>(URLS, 2);
    const heard = vi.fn();
    store.subscribe(heard);
    store.adopt(1, Promise.reject(new Error('the worker could not fetch it')));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(store.failed).toBe(true);
    expect(heard).toHaveBeenCalledTimes(1);
    expect(store.entry(2)).toBeUndefined();
  });

  it('names the folder its chunk files are in', () => {
    expect(new ChunkStore<string>(['/data/chunk-1a2b/0.json.gz'], 10).folder).toBe(
      '/data/chunk-1a2b/',
    );
  });
});
