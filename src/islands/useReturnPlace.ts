/**
 * Back from an episode should land where the reader left the results, not at the top of the
 * page: Browse is rebuilt after the data arrives, too late for the browser's own scroll
 * restoration. So the place (scroll position and the result link followed) is kept in the
 * history entry itself, and put back once the results it points into are on the page.
 */
import { useEffect, type RefObject } from 'react';
import { flushHistory } from './useUrlState.ts';

const KEY = 'atlasReturn';

interface Place {
  y: number;
  /** The `href` of the result link that was followed, if one was. */
  href: string | null;
}

function savedPlace(): Place | null {
  const state: unknown = window.history.state;
  if (typeof state !== 'object' || state === null || !(KEY in state)) return null;
  const place = (state as Record<string, unknown>)[KEY] as Partial<Place> | undefined;
  return typeof place?.y === 'number'
    ? { y: place.y, href: typeof place.href === 'string' ? place.href : null }
    : null;
}

function writePlace(place: Place | null): void {
  // Onto the entry of the state shown, not the one before a change still to be written.
  flushHistory();
  const state: unknown = window.history.state;
  const rest = Object.fromEntries(
    Object.entries(typeof state === 'object' && state !== null ? state : {}).filter(
      ([key]) => key !== KEY,
    ),
  );
  window.history.replaceState(place ? { ...rest, [KEY]: place } : rest, '');
}

/**
 * Saves the place when a link inside `container` is followed or the page is left, and restores
 * it (scroll, then focus on the link followed) once `ready` says the results are rendered.
 */
export function useReturnPlace(container: RefObject<HTMLElement | null>, ready: boolean): void {
  useEffect(() => {
    // Browse puts the place back itself; the browser's attempt comes before the results exist.
    window.history.scrollRestoration = 'manual';
    const onClick = (event: MouseEvent) => {
      const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (link && container.current?.contains(link))
        writePlace({ y: window.scrollY, href: link.getAttribute('href') });
    };
    const onLeave = () => {
      if (!savedPlace()) writePlace({ y: window.scrollY, href: null });
    };
    // A page kept whole in the back-forward cache is already where it was left.
    const onShow = (event: PageTransitionEvent) => {
      if (event.persisted) writePlace(null);
    };
    document.addEventListener('click', onClick, true);
    window.addEventListener('pagehide', onLeave);
    window.addEventListener('pageshow', onShow);
    return () => {
      document.removeEventListener('click', onClick, true);
      window.removeEventListener('pagehide', onLeave);
      window.removeEventListener('pageshow', onShow);
      window.history.scrollRestoration = 'auto';
    };
  }, [container]);

  useEffect(() => {
    if (!ready) return;
    const place = savedPlace();
    if (!place) return;
    let frame = 0;
    let tries = 0;
    const restore = () => {
      const links = container.current?.querySelectorAll<HTMLAnchorElement>('a[href]') ?? [];
      const link = [...links].find((a) => a.getAttribute('href') === place.href);
      // The table view arrives a moment after the data (its code is loaded on demand).
      if (place.href && !link && tries++ < 120) {
        frame = window.requestAnimationFrame(restore);
        return;
      }
      window.scrollTo(0, place.y);
      link?.focus({ preventScroll: true });
      writePlace(null);
    };
    restore();
    return () => window.cancelAnimationFrame(frame);
  }, [container, ready]);
}
