/**
 * The small print of a built page, read from its HTML the way a browser lays out text: inline
 * elements (links, emphasis, code, spans) run on with the text around them, block elements break
 * it. Finds words that the markup joins ("on the<a>taxonomy</a>" reads "on thetaxonomy") and
 * counts with the wrong plural ("1 episodes").
 */

import { decodeEntities } from '../../scripts/site-text.ts';

/** Elements that flow inside a line: no space appears at their edges unless the source has one. */
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'cite',
  'code',
  'data',
  'em',
  'i',
  'kbd',
  'label',
  'mark',
  'q',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
]);
/** Elements whose content is not text a reader sees in the flow. */
const OPAQUE = new Set(['script', 'style', 'svg', 'template', 'title']);

// Comments, tags (attribute values are quoted and hold no `>` in Astro's output) and text.
const TOKEN = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*>|[^<]+/g;

/** The runs of text of a page: each is what one block shows on its lines, inline tags removed. */
export function textRuns(html: string): string[] {
  const runs: string[] = [];
  let run = '';
  let opaque: string | null = null;
  const flush = () => {
    const text = run.replace(/\s+/g, ' ').trim();
    if (text) runs.push(text);
    run = '';
  };
  for (const m of html.matchAll(TOKEN)) {
    const [token, close, rawName] = m;
    if (token.startsWith('<!--')) continue;
    if (rawName === undefined) {
      if (opaque === null) run += decodeEntities(token);
      continue;
    }
    const name = rawName.toLowerCase();
    if (opaque !== null) {
      if (close && name === opaque) opaque = null;
      continue;
    }
    if (OPAQUE.has(name)) {
      if (!close && !token.endsWith('/>')) opaque = name;
      continue;
    }
    // An inline tag leaves a mark where it sat, so the check below can see the seam.
    if (INLINE.has(name)) run += '\uE000';
    else flush();
  }
  flush();
  return runs;
}

// A word or a separator dot that touches, across a tag mark, the next word: "the·taxonomy".
const JOINED = /[\p{L}\p{N},;:·]\uE000+[\p{L}\p{N}·]/gu;

/** Places where markup joins two words: `"the|taxonomy"`, with `|` at the seam. */
export function joinedWords(html: string): string[] {
  const found: string[] = [];
  for (const run of textRuns(html)) {
    for (const m of run.matchAll(JOINED)) {
      const seam = m.index + 1;
      const before = /\S*$/.exec(run.slice(0, seam))?.[0] ?? '';
      const after = /^\S*/.exec(run.slice(seam))?.[0] ?? '';
      found.push(`"${before}|${after}"`.replace(/\uE000/g, ''));
    }
  }
  return found;
}

const NOUNS = 'episodes|sessions|repositories|records|agents|labels|turns|quotes|months|values';
const ONE_MANY = new RegExp(`(?<![\\d.,])\\b1 (?:${NOUNS})\\b`, 'g');

/** Counts of one with a plural noun: `1 episodes`. */
export function wrongPlurals(html: string): string[] {
  return textRuns(html)
    .map((run) => run.replace(/\uE000/g, ''))
    .flatMap((run) =>
      [...run.matchAll(ONE_MANY)].map(
        (m) => `"${run.slice(Math.max(0, m.index - 30), m.index + 30)}"`,
      ),
    );
}
