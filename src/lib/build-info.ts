/**
 * Which build of the atlas produced a page or a file: the one home of the build's identity.
 * The data step stamps it into its manifest from what the build knows (the published data's
 * content hash, and the commit and its date when the checkout has them); pages and exports read
 * it from there. No wall-clock time: the same data and commit give the same stamp.
 */
import { createHash } from 'node:crypto';

export interface BuildStamp {
  /** `<data hash>` or `<data hash>-<commit prefix>`: short enough to quote. */
  id: string;
  /** The commit of the atlas's code, when known. */
  commit: string | null;
  /** That commit's date (ISO 8601), when known. */
  date: string | null;
  /** A hash of the published episodes: changes whenever what was published does. */
  data: string;
}

/** What the checkout says about the code being built (`GITHUB_SHA` or `git`), if anything. */
export interface SourceRevision {
  commit?: string | null | undefined;
  date?: string | null | undefined;
}

const COMMIT = /^[0-9a-f]{7,64}$/;

/** The stamp of a build that published `publishedJson` from `revision`. */
export function buildStamp(publishedJson: string, revision: SourceRevision): BuildStamp {
  const data = createHash('sha256').update(publishedJson).digest('hex').slice(0, 10);
  const commit = revision.commit && COMMIT.test(revision.commit) ? revision.commit : null;
  return {
    id: commit ? `${data}-${commit.slice(0, 7)}` : data,
    commit,
    date: commit ? (revision.date ?? null) : null,
    data,
  };
}
