/**
 * An agent's profile: on every axis, each label's share of the agent's episodes beside its share
 * of the whole atlas (or corpus), with the paper's denominators (`POPULATIONS` in stats.ts). The
 * difference is tested against every OTHER agent's episodes (the whole includes the agent, so it
 * is not an independent sample): a two-proportion z test, Holm-corrected over the axis's labels.
 */
import {
  compareAxis,
  PROFILE_AXES,
  tallyEpisodes,
  tallyRest,
  type Cell,
  type Tally,
} from './compare.ts';
import { wilson } from './proportions.ts';
import { labelsOf, type Labelled } from './stats.ts';
import type { AxisSlug } from './taxonomy.ts';

export interface ProfileRow {
  code: string;
  name: string;
  /** The agent's episodes. */
  own: Cell;
  /** Every episode, the agent's included. */
  overall: Cell;
  /** Share of the agent minus share of every other agent. */
  difference: number;
  pAdjusted: number;
  /** Significant after correction: the agent differs from the rest, up or down. */
  marked: 'higher' | 'lower' | null;
}

export interface ProfileAxis {
  axis: AxisSlug;
  name: string;
  /** What the shares are of, in words (the paper's denominator). */
  of: string;
  rows: ProfileRow[];
}

/**
 * Each list's tally per axis, made once: every agent's profile is drawn against the same whole,
 * and each agent's rest is that tally less the agent's own (instead of counting every other
 * agent's episodes again, per agent). Lists are never changed once made; the cache is weak.
 */
const wholeTallies = new WeakMap<readonly Labelled[], Map<AxisSlug, Tally>>();

function wholeTally(episodes: readonly Labelled[], axis: AxisSlug): Tally {
  let byAxis = wholeTallies.get(episodes);
  if (!byAxis) wholeTallies.set(episodes, (byAxis = new Map<AxisSlug, Tally>()));
  let tally = byAxis.get(axis);
  if (!tally) byAxis.set(axis, (tally = tallyEpisodes(episodes, axis)));
  return tally;
}

/** Every profile axis of one agent's episodes against the whole. */
export function agentProfile(agent: string, episodes: readonly Labelled[]): ProfileAxis[] {
  const own = episodes.filter((e) => e.agent === agent);
  return PROFILE_AXES.map((axis) => {
    const mine = tallyEpisodes(own, axis);
    return compareAxis(axis, labelsOf(episodes, axis), [
      mine,
      tallyRest(wholeTally(episodes, axis), mine),
    ]);
  }).map((axis) => ({
    axis: axis.axis,
    name: axis.name,
    of: axis.of,
    rows: axis.labels.map((label) => {
      const [mine, others] = label.cells as [Cell, Cell];
      const count = mine.count + others.count;
      const total = mine.total + others.total;
      const difference = label.difference ?? 0;
      return {
        code: label.code,
        name: label.name,
        own: mine,
        overall: { count, total, share: total ? count / total : 0, interval: wilson(count, total) },
        difference,
        pAdjusted: label.pAdjusted,
        marked: label.significant ? (difference > 0 ? 'higher' : 'lower') : null,
      };
    }),
  }));
}
