/**
 * Build-time settings of the site that are not data: read once from the environment here, so
 * pages and components never read `process.env` themselves.
 */

let tracker: string | null | undefined;

/**
 * The issue tracker readers report problems to (`ATLAS_ISSUES_URL`, a GitHub `…/issues` URL; the
 * deploy workflow sets it to the repository's), or null when the build was given none.
 */
export function issuesUrl(): string | null {
  if (tracker !== undefined) return tracker;
  const raw = process.env['ATLAS_ISSUES_URL']?.trim();
  if (!raw) return (tracker = null);
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new Error(`ATLAS_ISSUES_URL must be an absolute URL, got ${JSON.stringify(raw)}`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new Error(`ATLAS_ISSUES_URL must be an http(s) URL, got ${JSON.stringify(raw)}`);
  return (tracker = parsed.href);
}
