import { withBase } from '../lib/paths.ts';

/** A site path with Astro's configured base in front. */
export function url(path: string): string {
  return withBase(import.meta.env.BASE_URL, path);
}
