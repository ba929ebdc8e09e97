import { useState } from 'react';
import { useExternalStore } from './useExternalStore.ts';
import type { ExportHeader } from '../lib/export.ts';
import { routes, withBase } from '../lib/paths.ts';
import { BrowseView } from './BrowseView.tsx';
import { useBrowseData } from './useBrowseData.ts';
import { useUrlState } from './useUrlState.ts';
import { viewNeedsLater } from './later-columns.ts';
import './browse.css';

/** Props of the Browse island: file names and the base only; the data is fetched. */
export interface BrowseProps {
  /** Astro's base (`/` or `/atlas/`). */
  base: string;
  /** Name of the columnar browse file under `data/`. */
  browseFile: string;
  /** Name of the search index's base file (its shards sit beside it). */
  searchFile: string;
  /** `https://example.org`: makes exported URLs absolute. */
  siteOrigin?: string;
  /** Which atlas and build an export comes from (recorded in JSON exports). */
  atlas: ExportHeader['atlas'];
}

const noChange = () => () => undefined;
const isClient = () => true;
const isServer = () => false;

/** Browse: loads the browse file, then hands over to the view. */
export function Browse({ base, browseFile, searchFile, siteOrigin, atlas }: BrowseProps) {
  const [state, navigate] = useUrlState();
  // Whether the view the page opens on needs the second browse file at once (kept from the start).
  const [laterAtOnce] = useState(() => viewNeedsLater(state));
  const data = useBrowseData(withBase(base, routes.dataFile(browseFile)), laterAtOnce);
  const scripted = useExternalStore(noChange, isClient, isServer);
  // The server's render says nothing: without JavaScript a "Loading…" would never end, and the
  // page's <noscript> note says what works instead.
  if (!scripted) return null;
  if (data.status === 'loading') {
    return (
      <p className="browse-loading" role="status">
        Loading episodes…
      </p>
    );
  }
  if (data.status === 'error') {
    return (
      <div className="browse-error" role="alert">
        <p>The episode list could not be loaded ({data.message}).</p>
        <p>
          The <a href={withBase(base, routes.taxonomy())}>taxonomy</a> and{' '}
          <a href={withBase(base, routes.agents())}>agent</a> pages count every label and agent and
          list the newest episodes of each without it.
        </p>
      </div>
    );
  }
  return (
    <BrowseView
      base={base}
      siteOrigin={siteOrigin}
      atlas={atlas}
      searchUrl={withBase(base, routes.dataFile(searchFile))}
      index={data.index}
      chunks={data.chunks}
      details={data.details}
      later={data.later}
      state={state}
      navigate={navigate}
    />
  );
}
