/**
 * How an episode is cited: a BibTeX entry for the episode itself, with the paper as its source.
 * The entry is read by BibTeX and by people; its text comes from the chats, so every character
 * BibTeX or LaTeX treats specially is escaped.
 */
import type { Episode } from './schema.ts';
import { keyLabel } from './ids.ts';
import { PAPER_CITATION } from './paper-figures.ts';

const LATEX_SPECIAL: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  '&': '\\&',
  '#': '\\#',
  $: '\\$',
  _: '\\_',
  '^': '\\^{}',
  '~': '\\~{}',
};

/** Escapes text for a BibTeX field value in braces: braces stay balanced, nothing is a command. */
export function bibtexEscape(text: string): string {
  return text.replace(/[\\{}%&#$_^~]/g, (c) => LATEX_SPECIAL[c] ?? c).replace(/\s+/g, ' ');
}

/** The atlas's name, as citations and exports give it. */
export const ATLAS_TITLE = 'Coding Agent Misalignment Atlas';

/** The BibTeX key of an episode: `atlas-swe-78-s846-m002` (ids are already lower-case slugs). */
export function bibtexKey(episode: Pick<Episode, 'id'>): string {
  return `atlas-${episode.id}`;
}

/** A `@misc` entry for one episode: its title, key and permalink, with the paper as its source. */
export function episodeBibtex(
  episode: Pick<Episode, 'id' | 'name' | 'key' | 'timestamp'>,
  permalink: string,
): string {
  const fields: Array<[string, string]> = [
    ['title', `{${bibtexEscape(episode.name)}}`],
    ['howpublished', ATLAS_TITLE],
    ['year', episode.timestamp.slice(0, 4)],
    ['url', permalink],
    [
      'note',
      `Episode ${bibtexEscape(keyLabel(episode.key))}. Source: ${bibtexEscape(PAPER_CITATION)}`,
    ],
  ];
  const width = Math.max(...fields.map(([name]) => name.length));
  const body = fields.map(([name, value]) => `  ${name.padEnd(width)} = {${value}}`).join(',\n');
  return `@misc{${bibtexKey(episode)},\n${body}\n}`;
}

/**
 * The link that opens a new issue on the atlas's tracker (a GitHub `…/issues` URL) with the
 * title and body filled in, so a reader can report leaked data or a wrong label in two clicks.
 */
export function problemReportUrl(
  tracker: string,
  about: { id: string; permalink: string } | null,
): string {
  const title = about ? `Problem with episode ${about.id}` : 'Problem with the atlas';
  const body = about
    ? `Episode: ${about.permalink}\n\nWhat is wrong (leaked personal data or a secret, a wrong label, something else):\n`
    : 'Page:\n\nWhat is wrong:\n';
  const params = new URLSearchParams({ title, body });
  const root = tracker.endsWith('/') ? tracker.slice(0, -1) : tracker;
  return `${root}/new?${params.toString()}`;
}
