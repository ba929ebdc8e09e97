/**
 * What the pages that offer downloads need at build time: the header every export carries (the
 * atlas and its build), and Browse's view of every episode, whose CSV and JSON exports are the
 * whole published dataset.
 *
 * There is no static file of the whole dataset: it holds the same records as the text chunks and
 * detail files the site ships for Browse anyway, and it cost dist/ 12.5 MB gzip-compressed at
 * 16,000 episodes (docs/exports.md). Browse writes it in the browser with the same export code as
 * any view.
 */
import { filterQuery } from '../lib/browse-state.ts';
import { ATLAS_TITLE } from '../lib/cite.ts';
import type { ExportHeader } from '../lib/export.ts';
import { routes, withBase } from '../lib/paths.ts';
import { dataManifest } from './data.ts';

/** Where the site is: its base, and its origin when the build knows it. */
interface SiteLocation {
  base: string;
  origin?: string | undefined;
}

/** Which atlas, and which build of it, an export comes from. */
export function exportAtlas({ base, origin }: SiteLocation): ExportHeader['atlas'] {
  const home = withBase(base, routes.home());
  const url = origin ? new URL(home, origin).href : home;
  return { title: ATLAS_TITLE, url, build: dataManifest().build };
}

/** Browse's view of every episode, VALID and INVALID, whose exports are the whole dataset. */
export function everyEpisodeView(site: SiteLocation): string {
  return withBase(site.base, routes.browse(filterQuery({ validation: [] })));
}
