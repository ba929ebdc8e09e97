/**
 * Record keys and the stable, URL-safe episode ids made from them.
 */
import { slug } from './paths.ts';

/** What identifies an episode in the release: unique per source/repository/session/misalignment. */
export interface EpisodeKey {
  source: string;
  repository: string;
  session: string;
  misalignment: string;
}

/**
 * An id part from the release is accepted only if it could never become an unsafe path:
 * 1–64 letters, digits, `_`, `-` or `.`, starting with a letter or digit.
 */
export const SAFE_ID_PART = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
export const SAFE_ID_PART_RULE =
  'must be 1–64 letters, digits, "_", "-" or "." starting with a letter or digit';

/** `swe/78/session_846/M003`: how a record is named in messages and reports. */
export function keyLabel(key: EpisodeKey): string {
  return [key.source, key.repository, key.session, key.misalignment].join('/');
}

/**
 * The stable id of an episode, used in its URL: `swe-78-s846-m003`. It depends only on the
 * record's key, so it does not change between builds or releases.
 */
export function episodeId(key: EpisodeKey): string {
  const session = slug(key.session.replace(/^session[_-]?/i, 's'));
  return [slug(key.source), slug(key.repository), session, slug(key.misalignment)]
    .filter((part) => part.length > 0)
    .join('-');
}

/** The id of a session (all episodes of one conversation), used to group and link them. */
export function sessionId(key: EpisodeKey): string {
  return episodeId({ ...key, misalignment: '' });
}

/** The id of a repository within its source. */
export function repositoryId(key: Pick<EpisodeKey, 'source' | 'repository'>): string {
  return [slug(key.source), slug(key.repository)].join('-');
}
