import { useState } from 'react';
import type { BrowseState } from '../lib/browse-state.ts';
import type { DetailEntry } from '../lib/derive/browser-files.ts';
import {
  exportFileName,
  exportRecord,
  exportView,
  toCsv,
  toJson,
  type ExportHeader,
} from '../lib/export.ts';
import type { FacetIndex } from '../lib/facets.ts';
import { plural } from '../lib/format.ts';
import type { ChunkStore } from './data-source.ts';
import type { LaterStore } from './later-columns.ts';

export interface ExportButtonsProps {
  base: string;
  siteOrigin: string | undefined;
  /** Which atlas and build the download comes from. */
  atlas: ExportHeader['atlas'];
  index: FacetIndex;
  chunks: ChunkStore;
  details: ChunkStore<DetailEntry>;
  /** The turn counts, which an export writes and Browse may not have fetched yet. */
  later: LaterStore;
  /** The view being exported: its name and (in JSON) its query and filters come from it. */
  state: BrowseState;
  /** Every matching row index, in result order. */
  matches: readonly number[];
}

const FORMATS = ['csv', 'json'] as const;
type Format = (typeof FORMATS)[number];

function download(name: string, type: string, contents: string): void {
  const url = URL.createObjectURL(new Blob([contents], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // Give the browser a moment to start the download before the URL goes.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Downloads the whole current result set (not just the page) as CSV or JSON, with every
 * published field: the text of episodes not yet shown is fetched first (card text and details).
 */
export function ExportButtons(props: ExportButtonsProps) {
  const { base, siteOrigin, atlas, index, chunks, details, later, state, matches } = props;
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  const run = async (format: Format) => {
    setBusy(true);
    setStatus('Preparing the download…');
    try {
      const shares = [0, 0];
      const progress = (which: number) => (share: number) => {
        shares[which] = share;
        setStatus(
          `Loading episode text… ${Math.round(((shares[0] ?? 0) + (shares[1] ?? 0)) * 50)}%`,
        );
      };
      const [entries, extra] = await Promise.all([
        chunks.entries(matches, progress(0)),
        details.entries(matches, progress(1)),
        later.load(),
      ]);
      const ctx = { dict: index.dict, base, origin: siteOrigin };
      const records = matches.map((i, k) => {
        const row = index.rows[i];
        const entry = entries[k];
        const detail = extra[k];
        if (!row || !entry || !detail) throw new Error(`episode ${i} is missing`);
        return exportRecord(row, { ...entry, ...detail }, ctx);
      });
      const name = exportFileName(state, format);
      if (format === 'csv') download(name, 'text/csv;charset=utf-8', toCsv(records));
      else {
        const view = exportView(state, window.location.href);
        download(name, 'application/json', toJson(records, { atlas, view }));
      }
      setStatus(`Downloaded ${plural(records.length, 'episode')} as ${format.toUpperCase()}.`);
    } catch (error) {
      setStatus(`The download failed: ${String(error)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="export">
      <span className="export-label">Download {plural(matches.length, 'result')}:</span>
      {FORMATS.map((format) => (
        <button
          key={format}
          type="button"
          className="button"
          disabled={busy || matches.length === 0}
          onClick={() => void run(format)}
        >
          <span className="visually-hidden">Download results as </span>
          {format.toUpperCase()}
        </button>
      ))}
      <span className="export-status muted" role="status">
        {status}
      </span>
    </div>
  );
}
