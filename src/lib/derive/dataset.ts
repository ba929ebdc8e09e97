/**
 * The header every export carries, saying which atlas and which build of it the file comes from.
 * The whole published dataset is Browse's export of its view of every episode, written in the
 * browser from the text chunks and detail files (`browser-files.ts`); no file of it is built.
 */
import type { ExportHeader } from '../export.ts';
import type { BuildStamp } from '../build-info.ts';
import { ATLAS_TITLE } from '../cite.ts';
import { routes, withBase } from '../paths.ts';

/** Where the site is: its base, and its origin when the build knows it. */
export interface SiteLocation {
  base: string;
  origin?: string | undefined;
}

/** Which atlas, and which build of it, an export comes from. */
export function exportAtlas(
  { base, origin }: SiteLocation,
  build: BuildStamp,
): ExportHeader['atlas'] {
  const home = withBase(base, routes.home());
  return { title: ATLAS_TITLE, url: origin ? new URL(home, origin).href : home, build };
}
