/**
 * GitHub Pages refuses sites over 1 GB; the build says so before a deploy fails.
 */
export const PAGES_LIMIT_BYTES = 1_000_000_000;
/** Warn a little before the hard limit, so that the next release does not cross it unseen. */
export const PAGES_WARN_BYTES = 0.8 * PAGES_LIMIT_BYTES;

/** A warning for a built site of this size, or null when it fits comfortably. */
export function sizeWarning(bytes: number, files: number): string | null {
  const mb = (bytes / 1e6).toFixed(0);
  if (bytes > PAGES_LIMIT_BYTES)
    return `dist/ is ${mb} MB in ${files} files: over GitHub Pages' 1 GB limit; the deploy will fail.`;
  if (bytes > PAGES_WARN_BYTES)
    return `dist/ is ${mb} MB in ${files} files: within 20% of GitHub Pages' 1 GB limit.`;
  return null;
}
