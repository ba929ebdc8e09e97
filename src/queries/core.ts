/**
 * The full corpus at build time: read once from the data step's `core.json`, every aggregate
 * computed once per build and memoised. Pages ask these functions, never the file.
 */
import { readFileSync } from 'node:fs';
import type { CoreData, CoreReport } from '../lib/core/step.ts';
import type { CorpusEpisode } from '../lib/core/schema.ts';
import { reproduce, tally, type Section } from '../lib/core/reproduce.ts';
import { agentSummaries, corpusTotals } from '../lib/core/figures.ts';
import { agentSlug } from '../lib/paths.ts';
import { countLabels, headline, population, type LabelCount } from '../lib/stats.ts';
import type { AxisSlug } from '../lib/taxonomy.ts';
import { agentProfile, type ProfileAxis } from '../lib/profile.ts';
import { monthRows, type MonthRow } from '../lib/chart-data.ts';

const DATA_DIR = process.env['ATLAS_DATA_DIR'] || '.atlas';

let core: CoreData | undefined;

function coreData(): CoreData {
  if (!core) {
    try {
      core = JSON.parse(readFileSync(`${DATA_DIR}/core.json`, 'utf8')) as CoreData;
    } catch (error) {
      throw new Error(
        `Cannot read ${DATA_DIR}/core.json: run the data step first (npm run data).`,
        {
          cause: error,
        },
      );
    }
  }
  return core;
}

/** Which core the build used, its row counts and what did not join. */
export function coreReport(): CoreReport {
  return coreData().report;
}

/** Every candidate of the full corpus, valid ones with their labels (no text). */
export function corpusEpisodes(): CorpusEpisode[] {
  return coreData().episodes;
}

let sections: Section[] | undefined;

/** The `/paper/` page's comparisons, computed once. */
export function paperSections(): Section[] {
  sections ??= reproduce(coreData());
  return sections;
}

/** How many of the paper's figures were compared and how many match. */
export function paperTally() {
  return tally(paperSections());
}

const labelCountCache = new Map<AxisSlug, LabelCount[]>();

/** Label counts of an axis over the full corpus, once per build. */
export function corpusLabelCounts(axis: AxisSlug): LabelCount[] {
  let counts = labelCountCache.get(axis);
  if (!counts) {
    counts = countLabels(corpusEpisodes(), axis);
    labelCountCache.set(axis, counts);
  }
  return counts;
}

/** How many corpus episodes an axis's shares are computed over. */
export function corpusPopulationSize(axis: AxisSlug): number {
  return population(corpusEpisodes(), axis).length;
}

let byAgent: Map<string, CorpusEpisode[]> | undefined;

/** One agent's corpus episodes, grouped once per build. */
export function corpusEpisodesOfAgent(agent: string): CorpusEpisode[] {
  if (!byAgent) {
    byAgent = new Map();
    for (const episode of corpusEpisodes()) {
      const list = byAgent.get(episode.agent) ?? [];
      list.push(episode);
      byAgent.set(episode.agent, list);
    }
  }
  return byAgent.get(agent) ?? [];
}

let agents: ReturnType<typeof agentSummaries> | undefined;

/** Every agent of the full corpus (sessions without episodes included), most candidates first. */
export function corpusAgents() {
  agents ??= agentSummaries(coreData());
  return agents;
}

/** One page per agent of the full corpus. */
export function corpusAgentPaths() {
  return corpusAgents().map(({ agent }) => ({
    params: { agent: agentSlug(agent) },
    props: { agent },
  }));
}

/** One agent's row of the corpus summary; throws for an agent the corpus does not have. */
export function corpusAgentSummary(agent: string) {
  const summary = corpusAgents().find((row) => row.agent === agent);
  if (!summary) throw new Error(`No agent ${agent} in the corpus`);
  return summary;
}

/** True when the full corpus has the agent. */
export function corpusHasAgent(agent: string): boolean {
  return corpusAgents().some((row) => row.agent === agent);
}

let corpusHeadlineCache: ReturnType<typeof headline> | undefined;

/**
 * The overview's headline figures for the full corpus: sessions and repositories are those of
 * the session mapping (every session analysed), the rest counted over the candidates.
 */
export function corpusHeadline(): ReturnType<typeof headline> {
  if (!corpusHeadlineCache) {
    const totals = corpusTotals(coreData());
    corpusHeadlineCache = {
      ...headline(corpusEpisodes()),
      sessions: totals.sessions,
      repositories: totals.repositories,
    };
  }
  return corpusHeadlineCache;
}

const profiles = new Map<string, ProfileAxis[]>();

/** One agent's corpus episodes per month, valid and rejected (linked to its published ones). */
export function corpusAgentMonths(agent: string): MonthRow[] {
  return monthRows(corpusEpisodesOfAgent(agent), { agent: [agent] });
}

/** An agent's profile on every axis against the whole corpus, once per agent. */
export function corpusAgentProfile(agent: string): ProfileAxis[] {
  let found = profiles.get(agent);
  if (!found) {
    found = agentProfile(agent, corpusEpisodes());
    profiles.set(agent, found);
  }
  return found;
}
