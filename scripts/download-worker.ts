/**
 * The whole-dataset download, on a thread of its own: `scripts/build-data.ts` starts this once the
 * episodes are written, beside the similar episodes, while the main thread derives the browser
 * files. It stamps the file with the same build stamp as the manifest (the same published text
 * and revision), and is stored gzip-compressed like every `.gz` file of the data step.
 */
import { readFileSync } from 'node:fs';
import { workerData } from 'node:worker_threads';
import { buildStamp, type SourceRevision } from '../src/lib/build-info.ts';
import { datasetJson, type SiteLocation } from '../src/lib/derive/dataset.ts';
import type { Episode } from '../src/lib/schema.ts';
import { fileEffects } from './cli.ts';

const { episodes, out, site, revision } = workerData as {
  episodes: string;
  out: string;
  site: SiteLocation;
  revision: SourceRevision;
};
const published = readFileSync(episodes, 'utf8');
fileEffects(true).write(
  out,
  datasetJson(JSON.parse(published) as Episode[], site, buildStamp(published, revision)),
);
