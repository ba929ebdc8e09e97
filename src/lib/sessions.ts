/**
 * Sessions and repositories: which episodes share a conversation, and which sessions of the same
 * repository come before and after one another.
 */
import { repositoryId, sessionId } from './ids.ts';
import type { Episode } from './schema.ts';

export interface SessionInfo {
  id: string;
  /** Episodes of the session, by misalignment id. */
  episodes: Episode[];
  timestamp: string;
}

export interface Neighbours {
  /** The other episodes of the same session. */
  sameSession: Episode[];
  /** The first episode of the previous and next session of the same repository that has episodes. */
  previousSession: Episode | undefined;
  nextSession: Episode | undefined;
  /** Position of this session among the repository's sessions (1-based) and their number. */
  sessionNumber: number;
  sessionCount: number;
}

/** Builds a lookup from episode id to its neighbours, in one pass over all episodes. */
export function neighbourIndex(episodes: readonly Episode[]): Map<string, Neighbours> {
  const sessions = new Map<string, SessionInfo>();
  for (const episode of episodes) {
    const id = sessionId(episode.key);
    const session = sessions.get(id) ?? { id, episodes: [], timestamp: episode.timestamp };
    session.episodes.push(episode);
    if (episode.timestamp < session.timestamp) session.timestamp = episode.timestamp;
    sessions.set(id, session);
  }
  const byRepo = new Map<string, SessionInfo[]>();
  for (const session of sessions.values()) {
    session.episodes.sort((a, b) => (a.key.misalignment < b.key.misalignment ? -1 : 1));
    const repo = repositoryId((session.episodes[0] as Episode).key);
    byRepo.set(repo, [...(byRepo.get(repo) ?? []), session]);
  }
  const index = new Map<string, Neighbours>();
  for (const list of byRepo.values()) {
    list.sort((a, b) =>
      a.timestamp === b.timestamp ? (a.id < b.id ? -1 : 1) : a.timestamp < b.timestamp ? -1 : 1,
    );
    list.forEach((session, i) => {
      for (const episode of session.episodes) {
        index.set(episode.id, {
          sameSession: session.episodes.filter((e) => e.id !== episode.id),
          previousSession: list[i - 1]?.episodes[0],
          nextSession: list[i + 1]?.episodes[0],
          sessionNumber: i + 1,
          sessionCount: list.length,
        });
      }
    });
  }
  return index;
}
