/**
 * The three core files joined into one corpus: every session, and every candidate episode with
 * its labels when it is valid. Rows that do not join (an episode whose session is missing from
 * the session mapping, a valid candidate without annotation) are counted, not fatal.
 */
import type { CoreRows, CoreSession, CorpusEpisode } from './schema.ts';
import { sessionLabel } from './parse.ts';

/** What did not join, for the report and the `/paper/` page. */
export interface JoinReport {
  /** Episodes (candidates or annotated rows) whose session is not in the session mapping. */
  episodesWithoutSession: number;
  /** The first few such sessions, named. */
  missingSessions: string[];
  /** VALID candidates with no row in the annotated file. */
  validWithoutAnnotation: number;
  /** Annotated rows with no candidate in the validated file (kept as valid episodes). */
  annotatedWithoutCandidate: number;
}

export interface Corpus {
  sessions: CoreSession[];
  /** Every candidate, newest session first; valid ones carry their labels. */
  episodes: CorpusEpisode[];
  join: JoinReport;
}

const SHOWN_MISSING = 10;

/** `source/repository/session number`: the session an episode belongs to, as the mapping keys it. */
export function sessionKeyOf(row: {
  source: string;
  repository: string;
  sessionNumber: number;
}): string {
  return sessionLabel(row.source, row.repository, row.sessionNumber);
}

function episodeKeyOf(episode: { key: CorpusEpisode['key'] }): string {
  const { source, repository, session, misalignment } = episode.key;
  return `${source}/${repository}/${session}/${misalignment}`;
}

/** Joins the three files. */
export function joinCorpus(rows: CoreRows): Corpus {
  const annotations = new Map(rows.annotated.map((row) => [episodeKeyOf(row), row]));
  const used = new Set<string>();
  let validWithoutAnnotation = 0;
  const episodes: CorpusEpisode[] = rows.validated.map((candidate) => {
    const key = episodeKeyOf(candidate);
    const annotated = candidate.validation.label === 'VALID' ? annotations.get(key) : undefined;
    if (annotated) used.add(key);
    else if (candidate.validation.label === 'VALID') validWithoutAnnotation += 1;
    return { ...candidate, annotation: annotated?.annotation ?? null };
  });
  let annotatedWithoutCandidate = 0;
  for (const row of rows.annotated) {
    if (used.has(episodeKeyOf(row))) continue;
    annotatedWithoutCandidate += 1;
    episodes.push({ ...row, validation: { label: 'VALID', category: null } });
  }

  const sessionKeys = new Set(rows.sessions.map(sessionKeyOf));
  const missing = new Set<string>();
  let episodesWithoutSession = 0;
  for (const episode of episodes) {
    const key = sessionKeyOf({ ...episode.key, sessionNumber: episode.sessionNumber });
    if (sessionKeys.has(key)) continue;
    episodesWithoutSession += 1;
    missing.add(key);
  }
  return {
    sessions: rows.sessions,
    episodes,
    join: {
      episodesWithoutSession,
      missingSessions: [...missing].slice(0, SHOWN_MISSING),
      validWithoutAnnotation,
      annotatedWithoutCandidate,
    },
  };
}
