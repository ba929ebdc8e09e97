/**
 * The site's absolute URL (canonical links, citations, Open Graph tags, the sitemap and the URLs
 * in CSV exports). A deploy must name the real one; other builds may use a placeholder, and say so.
 */

/** Stands in for the real address in local and test builds. */
export const PLACEHOLDER_SITE = 'https://atlas.example.org';

export type SiteUrl = { ok: true; site: string; note?: string } | { ok: false; error: string };

/**
 * Picks the site URL from `ATLAS_SITE`. `deploy` (the deploy workflow sets `ATLAS_DEPLOY=1`)
 * makes a missing, malformed or placeholder URL an error instead of a note.
 */
export function siteUrl(value: string | undefined, deploy: boolean): SiteUrl {
  const given = value?.trim() ?? '';
  if (given === '' || given === PLACEHOLDER_SITE) {
    if (deploy)
      return {
        ok: false,
        error:
          'ATLAS_SITE must be set to the real site URL (e.g. https://<owner>.github.io) for a deploy ' +
          '(ATLAS_DEPLOY=1): citations, canonical links and CSV URLs would point at ' +
          `${PLACEHOLDER_SITE}.`,
      };
    return {
      ok: true,
      site: PLACEHOLDER_SITE,
      note:
        `ATLAS_SITE is not set: citations, canonical links and CSV URLs use the placeholder ` +
        `${PLACEHOLDER_SITE} (fine for a local or test build, not for publishing).`,
    };
  }
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    return { ok: false, error: `ATLAS_SITE is not a URL: ${JSON.stringify(given)}` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { ok: false, error: `ATLAS_SITE must be an http(s) URL, not ${url.protocol}` };
  return { ok: true, site: url.origin };
}
