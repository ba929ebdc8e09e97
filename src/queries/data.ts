/**
 * The only code that reads the data step's output at build time. Everything is read once and
 * memoised; pages ask these functions, never the files.
 */
import { readFileSync } from 'node:fs';
import type { PaginateFunction } from 'astro';
import { AXES, type AxisSlug } from '../lib/taxonomy.ts';
import {
  agentSummaries as summariesOf,
  cooccurring,
  countLabels,
  headline,
  labelsOf,
  population,
  splitBy,
  validationSplit,
  withLabel,
  type AgentSummary,
  type LabelCount,
} from '../lib/stats.ts';
import { agentSlug, codeSlug } from '../lib/paths.ts';
import { filterQuery } from '../lib/browse-state.ts';
import { dataDir, SIMILAR_FILE, type DataManifest } from '../lib/data-step.ts';
import type { Report } from '../lib/pipeline.ts';
import type { Episode } from '../lib/schema.ts';
import { neighbourIndex, type Neighbours } from '../lib/sessions.ts';
import { buildPart, rendersEpisode } from '../lib/build-part.ts';
import { exampleFor, type LabelKind } from '../lib/definitions.ts';
import type { SimilarEpisode, SimilarLink } from '../lib/similar.ts';
import { agentProfile, type ProfileAxis } from '../lib/profile.ts';
import { monthRows, type MonthRow } from '../lib/chart-data.ts';

// The build passes its own data folder (scripts/build.ts); dev and typecheck use the default.
const DATA_DIR = dataDir(process.env);
const PART = buildPart(process.env);
/** Episodes per page on taxonomy and agent pages. */
const LIST_PAGE_SIZE = 20;
/**
 * Pages of each taxonomy or agent listing that are built; a longer list goes on in Browse, which
 * serves every episode already. Paginated in full, these listings were 68 MB of the 234 MB of
 * dist/ at 16,000 episodes and grew with the corpus (issue 14); cut, they stay the same size.
 */
const LISTED_PAGES = 1;

/** What a listing page says beyond its page: its length in all and the Browse query of it all. */
export interface Listing {
  total: number;
  browse: string;
}

/** The first pages of a list, with where the rest is. */
function listing<P extends Record<string, string>, Q extends object>(
  paginate: PaginateFunction,
  list: readonly Episode[],
  params: P,
  props: Q,
  browse: string,
) {
  return paginate(list.slice(0, LIST_PAGE_SIZE * LISTED_PAGES), {
    params,
    props: { ...props, listing: { total: list.length, browse } satisfies Listing },
    pageSize: LIST_PAGE_SIZE,
  });
}

function readJson(name: string): unknown {
  try {
    return JSON.parse(readFileSync(`${DATA_DIR}/${name}`, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read ${DATA_DIR}/${name}: run the data step first (npm run data).`, {
      cause: error,
    });
  }
}

let episodes: Episode[] | undefined;
let manifest: DataManifest | undefined;

/** Every published episode, in the canonical order (newest first). */
export function allEpisodes(): Episode[] {
  episodes ??= readJson('episodes.json') as Episode[];
  return episodes;
}

export function dataManifest(): DataManifest {
  manifest ??= readJson('manifest.json') as DataManifest;
  return manifest;
}

export function dataReport(): Report {
  return dataManifest().report;
}

/** The bytes of a browser file written by the data step (gzip when its name ends in `.gz`). */
export function browserFile(name: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(readFileSync(`${DATA_DIR}/public/${name}`));
}

let neighbours: Map<string, Neighbours> | undefined;

/** Same-session episodes and previous/next sessions of the repository, for an episode page. */
export function neighboursOf(id: string): Neighbours {
  neighbours ??= neighbourIndex(allEpisodes());
  const found = neighbours.get(id);
  if (!found) throw new Error(`No episode ${id}`);
  return found;
}

let similar: Record<string, SimilarLink[]> | undefined;
let byId: Map<string, Episode> | undefined;

/** Up to five similar episodes of other sessions, as the data step computed them. */
export function similarTo(id: string): SimilarEpisode[] {
  similar ??= readJson(SIMILAR_FILE) as Record<string, SimilarLink[]>;
  byId ??= new Map(allEpisodes().map((episode) => [episode.id, episode]));
  return (similar[id] ?? []).map(({ id: other, ...rest }) => {
    const episode = byId?.get(other);
    if (!episode) throw new Error(`${SIMILAR_FILE}: ${id} names ${other}, which is not published`);
    return { episode, ...rest };
  });
}

/** One static path per published episode (per episode of this process's part of the build). */
export function episodePaths() {
  return allEpisodes()
    .filter((_, position) => rendersEpisode(PART, position))
    .map((episode) => ({ params: { id: episode.id }, props: { episode } }));
}

/**
 * The browser files as pages: only for `astro dev` and a bare `astro build`. `npm run build`
 * copies them from the data step's folder instead, which costs no page renders.
 */
export function browserFilePaths() {
  if (PART !== 'all') return [];
  return dataManifest().files.map((file) => ({ params: { file } }));
}

/** One path per taxonomy axis. */
export function axisPaths() {
  return AXES.map((axis) => ({ params: { axis: axis.slug }, props: { axis: axis.slug } }));
}

/** One list per label of every axis, of its newest episodes (custom validation categories included). */
export function labelPaths(paginate: PaginateFunction) {
  const episodes = allEpisodes();
  return AXES.flatMap((axis) =>
    labelsOf(episodes, axis.slug).flatMap((label) =>
      listing(
        paginate,
        withLabel(episodes, axis.slug, label.code),
        { axis: axis.slug, code: codeSlug(label.code) },
        { axis: axis.slug, code: label.code },
        // The listing holds valid and rejected episodes alike, and so does this query.
        filterQuery(
          axis.slug === 'validation'
            ? { validation: ['INVALID'], category: [label.code] }
            : { [axis.facet]: [label.code], validation: [] },
        ),
      ),
    ),
  );
}

let summaries: AgentSummary[] | undefined;

/** Agents with their episode counts and platforms, most episodes first. */
export function agentSummaries(): AgentSummary[] {
  summaries ??= summariesOf(allEpisodes());
  return summaries;
}

/**
 * One list per agent of its newest VALID episodes (what a reader of the paper means by an
 * episode), with where the rest is; an agent with none still gets its page, with its profile's
 * empty state.
 */
export function agentPaths(paginate: PaginateFunction) {
  return agentSummaries().flatMap(({ agent }) =>
    listing(
      paginate,
      episodesOfAgent(agent).filter((e) => e.validation.label === 'VALID'),
      { agent: agentSlug(agent) },
      { agent },
      filterQuery({ agent: [agent] }),
    ),
  );
}

/** One list per agent with rejected candidates, of its newest ones, labelled as such. */
export function rejectedAgentPaths(paginate: PaginateFunction) {
  return agentSummaries().flatMap(({ agent }) => {
    const rejected = episodesOfAgent(agent).filter((e) => e.validation.label === 'INVALID');
    return rejected.length === 0
      ? []
      : listing(
          paginate,
          rejected,
          { agent: agentSlug(agent) },
          { agent },
          filterQuery({ agent: [agent], validation: ['INVALID'] }),
        );
  });
}

const profiles = new Map<string, ProfileAxis[]>();

/** An agent's profile on every axis against the whole atlas, once per agent. */
export function agentProfileOf(agent: string): ProfileAxis[] {
  let found = profiles.get(agent);
  if (!found) {
    found = agentProfile(agent, allEpisodes());
    profiles.set(agent, found);
  }
  return found;
}

const labelCountCache = new Map<AxisSlug, LabelCount[]>();

/** Label counts of an axis over all episodes, counted once per build (pages ask repeatedly). */
export function labelCounts(axis: AxisSlug): LabelCount[] {
  let counts = labelCountCache.get(axis);
  if (!counts) {
    counts = countLabels(allEpisodes(), axis);
    labelCountCache.set(axis, counts);
  }
  return counts;
}

/** True when the label has a published taxonomy page (custom categories only when published). */
export function hasLabelPage(axis: AxisSlug, code: string): boolean {
  return labelCounts(axis).some((label) => label.code === code);
}

let byAgent: Map<string, Episode[]> | undefined;

/** One agent's episodes (newest first), grouped once per build. */
export function episodesOfAgent(agent: string): Episode[] {
  if (!byAgent) {
    byAgent = new Map();
    for (const episode of allEpisodes()) {
      const list = byAgent.get(episode.agent) ?? [];
      list.push(episode);
      byAgent.set(episode.agent, list);
    }
  }
  return byAgent.get(agent) ?? [];
}

/** The published episode that best shows a label (see `exampleFor`), chosen once per build. */
export function labelExample(kind: LabelKind, code: string): Episode | undefined {
  return exampleFor(allEpisodes(), kind, code);
}

/** One agent's episodes per month, valid and rejected, each month linked to Browse. */
export function agentMonths(agent: string): MonthRow[] {
  return monthRows(episodesOfAgent(agent), { agent: [agent] });
}

/** One agent's episode counts: all, VALID and INVALID. */
export function agentSplit(agent: string) {
  return validationSplit(episodesOfAgent(agent));
}

/** The headline figures of the overview. */
export function headlineFigures() {
  return headline(allEpisodes());
}

/** How many episodes an axis's shares are computed over. */
export function populationSize(axis: AxisSlug): number {
  return population(allEpisodes(), axis).length;
}

/** One label's count and share on its axis. */
export function labelCount(axis: AxisSlug, code: string): LabelCount | undefined {
  return labelCounts(axis).find((c) => c.code === code);
}

/** How a label splits by platform and by agent. */
export function labelSplits(axis: AxisSlug, code: string) {
  const episodes = allEpisodes();
  return {
    platform: splitBy(episodes, axis, code, (e) => e.platform),
    agent: splitBy(episodes, axis, code, (e) => e.agent),
  };
}

/** What the episodes carrying a label also carry on the companion axes. */
export function labelCompanions(axis: AxisSlug, code: string) {
  return cooccurring(allEpisodes(), axis, code);
}

/** Whether the site was built from the bundled sample. */
export function isSample(): boolean {
  return dataReport().sample;
}
