/**
 * Every internal URL of the site, in one place. Paths are written without the base; `withBase`
 * adds it, so the same site works at `/` and under a GitHub Pages project path like `/atlas/`.
 */
import type { AxisSlug } from './taxonomy.ts';

/** Joins Astro's base (`/` or `/atlas/`) and a site path (`/browse/`). */
export function withBase(base: string, path: string): string {
  const head = base.endsWith('/') ? base.slice(0, -1) : base;
  return `${head}${path.startsWith('/') ? path : `/${path}`}`;
}

/** Text as a URL segment: lower case, every run of other characters one `-`, none at the ends. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** A label code as a URL segment: `S3` → `s3`, `custom:foo_bar` → `custom-foo-bar`. */
export function codeSlug(code: string): string {
  return slug(code);
}

/** An agent name as a URL segment: `Claude Code` → `claude-code`. */
export function agentSlug(agent: string): string {
  return codeSlug(agent) || 'unknown';
}

/** Which data a view shows: the published episodes, or the full corpus (counts only). */
export type Corpus = 'published' | 'corpus';

/** The axes the trends pages chart. */
export type TrendAxis = 'form' | 'cause';

/** `/trends/` (forms of all episodes), `/trends/cli/`, `/trends/cause/`, `/trends/cause/cli/`. */
function trendsPath(scope: string, axis: TrendAxis): string {
  const parts = [axis === 'form' ? '' : axis, scope === 'all' ? '' : scope].filter(Boolean);
  return `/trends/${parts.map((p) => `${p}/`).join('')}`;
}

export const routes = {
  home: () => '/',
  browse: (query = '') => `/browse/${query ? `?${query}` : ''}`,
  episode: (id: string) => `/episodes/${id}/`,
  taxonomy: () => '/taxonomy/',
  axis: (axis: AxisSlug) => `/taxonomy/${axis}/`,
  label: (axis: AxisSlug, code: string, page = 1) =>
    `/taxonomy/${axis}/${codeSlug(code)}/${page > 1 ? `${page}/` : ''}`,
  agents: () => '/agents/',
  agent: (agent: string, page = 1) => `/agents/${agentSlug(agent)}/${page > 1 ? `${page}/` : ''}`,
  agentRejected: (agent: string, page = 1) =>
    `/agents/${agentSlug(agent)}/rejected/${page > 1 ? `${page}/` : ''}`,
  trends: (scope = 'all', axis: TrendAxis = 'form') => trendsPath(scope, axis),
  compareIndex: () => '/compare/',
  compare: (slug: string) => `/compare/${slug}/`,
  about: () => '/about/',
  method: () => '/method/',
  paper: () => '/paper/',
  /** The full-corpus views: aggregates of every labelled episode, no text. */
  corpus: {
    home: () => '/corpus/',
    taxonomy: () => '/corpus/taxonomy/',
    axis: (axis: AxisSlug) => `/corpus/taxonomy/${axis}/`,
    agents: () => '/corpus/agents/',
    agent: (agent: string) => `/corpus/agents/${agentSlug(agent)}/`,
    compareIndex: () => '/corpus/compare/',
    compare: (slug: string) => `/corpus/compare/${slug}/`,
    trends: (scope = 'all', axis: TrendAxis = 'form') => `/corpus${trendsPath(scope, axis)}`,
  },
  report: () => '/data/report.json',
  dataFile: (name: string) => `/data/${name}`,
};
