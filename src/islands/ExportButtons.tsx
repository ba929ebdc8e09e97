import { useState } from 'react';
import { exportRecord, toCsv, toJson } from '../lib/export.ts';
import type { FacetIndex } from '../lib/facets.ts';
import { plural } from '../lib/format.ts';
import type { ChunkStore } from './data-source.ts';

export interface ExportButtonsProps {
  base: string;
  siteOrigin: string | undefined;
  index: FacetIndex;
  chunks: ChunkStore;
  /** Every matching row index, in result order. */
  matches: readonly number[];
}

type Format = 'csv' | 'json';

function download(name: string, type: string, contents: string): void {
  const url = URL.createObjectURL(new Blob([contents], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // Give the browser a moment to start the download before the URL goes.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Downloads the whole current result set (not just the page) as CSV or JSON. */
export function ExportButtons({ base, siteOrigin, index, chunks, matches }: ExportButtonsProps) {
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  const run = async (format: Format) => {
    setBusy(true);
    setStatus('Preparing the download…');
    try {
      const entries = await chunks.entries(matches, (share) =>
        setStatus(`Loading episode text… ${Math.round(share * 100)}%`),
      );
      const ctx = { dict: index.dict, base, origin: siteOrigin };
      const records = matches.map((i, k) => {
        const row = index.rows[i];
        const entry = entries[k];
        if (!row || !entry) throw new Error(`episode ${i} is missing`);
        return exportRecord(row, entry, ctx);
      });
      if (format === 'csv')
        download('misalignment-episodes.csv', 'text/csv;charset=utf-8', toCsv(records));
      else download('misalignment-episodes.json', 'application/json', toJson(records));
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
      <button
        type="button"
        className="button"
        disabled={busy || matches.length === 0}
        onClick={() => void run('csv')}
      >
        <span className="visually-hidden">Download results as </span>CSV
      </button>
      <button
        type="button"
        className="button"
        disabled={busy || matches.length === 0}
        onClick={() => void run('json')}
      >
        <span className="visually-hidden">Download results as </span>JSON
      </button>
      <span className="export-status muted" role="status">
        {status}
      </span>
    </div>
  );
}
