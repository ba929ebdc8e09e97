import { useEffect, useMemo, useState } from 'react';
import {
  DEFAULT_GROUPS,
  MIN_GROUPS,
  compareQuery,
  compareRows,
  groupName,
  parseCompareGroups,
  type GroupSpec,
} from '../lib/compare-groups.ts';
import type { FacetIndex } from '../lib/facets.ts';
import { routes, withBase } from '../lib/paths.ts';
import { CompareAxisView } from './CompareAxisView.tsx';
import { loadFacetIndex } from './data-source.ts';
import { GroupPicker } from './GroupPicker.tsx';
import { useLocationSearch } from './useUrlState.ts';
import { useExternalStore } from './useExternalStore.ts';
import '../styles/compare.css';

/** Props of the Compare island: the base and the browse file's name; the data is fetched. */
export interface CompareProps {
  /** Astro's base (`/` or `/atlas/`). */
  base: string;
  /** Name of the columnar browse file under `data/` (the one Browse loads). */
  browseFile: string;
}

type Loaded =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; index: FacetIndex; order: Int32Array };

const noChange = () => () => undefined;
const isClient = () => true;
const isServer = () => false;

/** Loads the browse file once (the browser's cache serves it if Browse already did). */
function useIndex(url: string): Loaded {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    loadFacetIndex(url).then(
      ({ index }) => {
        if (live)
          setLoaded({
            status: 'ready',
            index,
            order: Int32Array.from({ length: index.rows.length }, (_, i) => i),
          });
      },
      (error: unknown) => {
        if (live) setLoaded({ status: 'error', message: String(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [url]);
  return loaded;
}

/** Compare: two to four groups a reader picks, every axis side by side; the groups live in the URL. */
export function Compare({ base, browseFile }: CompareProps) {
  const loaded = useIndex(withBase(base, routes.dataFile(browseFile)));
  const [search, navigate] = useLocationSearch();
  const scripted = useExternalStore(noChange, isClient, isServer);
  const groups = useMemo(() => {
    const parsed = parseCompareGroups(search);
    return parsed.length >= MIN_GROUPS ? parsed : [...DEFAULT_GROUPS];
  }, [search]);
  const axes = useMemo(
    () => (loaded.status === 'ready' ? compareRows(loaded.index, groups, loaded.order) : []),
    [loaded, groups],
  );
  const setGroups = (next: readonly GroupSpec[]) => {
    navigate(compareQuery(next), 'push');
  };
  const title = groups.map(groupName).join(' vs ');
  useEffect(() => {
    if (scripted) document.title = `Compare ${title} · Misalignment Atlas`;
  }, [scripted, title]);
  // Without JavaScript the page's static list of comparisons stands alone.
  if (!scripted) return null;
  if (loaded.status === 'loading')
    return (
      <p className="compare-loading" role="status">
        Loading episodes…
      </p>
    );
  if (loaded.status === 'error')
    return (
      <p className="compare-error" role="alert">
        The episodes could not be loaded ({loaded.message}). The prebuilt comparisons above work
        without them.
      </p>
    );
  return (
    <div className="compare-app">
      <GroupPicker
        groups={groups}
        agents={loaded.index.dict.agent}
        minDay={loaded.index.minDay}
        maxDay={loaded.index.maxDay}
        onChange={setGroups}
      />
      <h2 className="compare-title" aria-live="polite">
        {title}
      </h2>
      <p className="muted">
        Each share with its 95% Wilson interval (the whisker, and the range under the share).{' '}
        {groups.length === 2
          ? 'Each difference is tested with a two-proportion z test'
          : 'Each label is tested for a difference across the groups with a chi-square test'}
        ; p-values are corrected with Holm's method for the number of labels on the axis, and a
        corrected p below 0.05 is marked significant (a star after the code in the chart). Groups
        that overlap (an agent and its platform) share episodes, which the tests do not allow for.
        Counts open the episodes in Browse.
      </p>
      {axes.map((axis) => (
        <CompareAxisView key={axis.axis} base={base} axis={axis} groups={groups} />
      ))}
    </div>
  );
}
