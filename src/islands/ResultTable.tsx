import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { useMemo } from 'react';
import type { ChunkEntry } from '../lib/derive/browser-files.ts';
import type { BrowseRow, ColumnSortId } from '../lib/fields.ts';
import { formatCount } from '../lib/format.ts';
import { highlightSegments } from '../lib/highlight.ts';
import { routes, withBase } from '../lib/paths.ts';
import { sortName, type Sort } from '../lib/sorts.ts';
import { rowCodes } from './episode-text.ts';
import { Highlighted } from './Highlighted.tsx';
import { labelName } from '../lib/taxonomy.ts';
import { LabelPill } from './LabelPill.tsx';
import type { ResultViewProps } from './ResultList.tsx';

/** A sortable column: the sort it sets ('date' toggles between the two date sorts). */
type ColumnSort = 'date' | ColumnSortId;

interface ColumnMeta {
  sort?: ColumnSort;
  numeric?: boolean;
}

interface TableRow {
  row: BrowseRow;
  entry: ChunkEntry | undefined;
  href: string | undefined;
  agent: string;
  terms: readonly string[];
}

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- carries the meta type into TanStack's inference
const features = tableFeatures({ columnMeta: {} as ColumnMeta });
const helper = createColumnHelper<typeof features, TableRow>();

// Sorting is ours (src/lib/facets.ts) so that the list and the table agree: the table receives
// rows already in order, and its headers only ask for a new order.
const columns = helper.columns([
  helper.accessor((r) => rowCodes(r.row).date, {
    id: 'date',
    header: 'Date',
    meta: { sort: 'date' },
    cell: (info) => <time dateTime={info.getValue()}>{info.getValue()}</time>,
  }),
  helper.display({
    id: 'title',
    header: 'Episode',
    cell: ({ row }) => {
      const { entry, href, terms } = row.original;
      return entry && href ? (
        <a href={href}>
          <Highlighted segments={highlightSegments(entry.name, terms)} />
        </a>
      ) : (
        <span className="skeleton">Loading…</span>
      );
    },
  }),
  helper.accessor('agent', { header: sortName('agent'), meta: { sort: 'agent' } }),
  helper.accessor((r) => rowCodes(r.row).platform ?? '', {
    id: 'platform',
    header: sortName('platform'),
    meta: { sort: 'platform' },
  }),
  helper.display({
    id: 'form',
    header: sortName('form'),
    meta: { sort: 'form' },
    cell: ({ row }) => <Codes axis="form" codes={rowCodes(row.original.row).symptoms} />,
  }),
  helper.display({
    id: 'cause',
    header: sortName('cause'),
    meta: { sort: 'cause' },
    cell: ({ row }) => <Codes axis="cause" codes={rowCodes(row.original.row).causes} />,
  }),
  helper.display({
    id: 'severity',
    header: sortName('severity'),
    meta: { sort: 'severity' },
    cell: ({ row }) => {
      const code = rowCodes(row.original.row).severity;
      return <Codes axis="cost" codes={code ? [code] : []} />;
    },
  }),
  helper.display({
    id: 'resolution',
    header: sortName('resolution'),
    meta: { sort: 'resolution' },
    cell: ({ row }) => {
      const { status, resolver } = rowCodes(row.original.row);
      // A resolver implies RS1 (resolved), so the narrow cell shows the resolver alone.
      if (resolver) return <LabelPill axis="resolver" code={resolver} compact />;
      return <Codes axis="resolution" codes={status ? [status] : []} />;
    },
  }),
  helper.display({
    id: 'turns',
    header: sortName('turns'),
    meta: { sort: 'turns', numeric: true },
    cell: ({ row }) => {
      const { userTurns, agentTurns } = row.original.row;
      if (userTurns < 0 && agentTurns < 0) return <span className="muted">–</span>;
      const total = Math.max(userTurns, 0) + Math.max(agentTurns, 0);
      return (
        <span title={`${Math.max(userTurns, 0)} user, ${Math.max(agentTurns, 0)} agent`}>
          {formatCount(total)}
        </span>
      );
    },
  }),
]);

function Codes({
  axis,
  codes,
}: {
  axis: 'form' | 'cause' | 'cost' | 'resolution';
  codes: readonly string[];
}) {
  if (codes.length === 0) return <span className="muted">–</span>;
  return (
    <span className="code-list">
      {codes.map((code) => (
        <LabelPill key={code} axis={axis} code={code} compact />
      ))}
    </span>
  );
}

/** Every label code shown on the page, by axis (form, cause, severity, resolution, resolver). */
function codesOnPage(rows: readonly BrowseRow[]): string[] {
  const groups: Set<string>[] = [new Set(), new Set(), new Set(), new Set(), new Set()];
  for (const row of rows) {
    const c = rowCodes(row);
    const add = (group: number, codes: readonly (string | null | undefined)[]) => {
      for (const code of codes) if (code) groups[group]?.add(code);
    };
    add(0, c.symptoms);
    add(1, c.causes);
    add(2, [c.severity]);
    add(3, c.resolver ? [] : [c.status]);
    add(4, [c.resolver]);
  }
  const byNumber = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
  return groups.flatMap((group) => [...group].sort(byNumber));
}

/**
 * The names of the codes in the table, in sight under it: the cells have room for codes only
 * (beside the facet panel), and a title or a hidden name helps only a pointer or a screen reader.
 */
function CodeKey({ rows }: { rows: readonly BrowseRow[] }) {
  const codes = codesOnPage(rows);
  if (codes.length === 0) return null;
  return (
    <div className="code-key">
      <p className="code-key-title">Codes in this table</p>
      <ul className="inline-list">
        {codes.map((code) => (
          <li key={code}>
            <span className="code">{code}</span> {labelName(code)}
          </li>
        ))}
      </ul>
    </div>
  );
}

export interface ResultTableProps extends ResultViewProps {
  sort: Sort;
  desc: boolean;
  /** Sort by a column: the header asks, Browse decides the direction and writes the URL. */
  onSort: (column: ColumnSort) => void;
}

function ariaSort(
  column: ColumnSort,
  sort: Sort,
  desc: boolean,
): 'ascending' | 'descending' | undefined {
  if (column === 'date') {
    if (sort === 'date-desc') return 'descending';
    if (sort === 'date-asc') return 'ascending';
    return undefined;
  }
  if (sort !== column) return undefined;
  return desc ? 'descending' : 'ascending';
}

const NO_TERMS: readonly string[] = [];

/** The table view of the visible page (TanStack Table renders; the order comes from Browse). */
export function ResultTable({
  base,
  index,
  rows,
  entries,
  terms,
  sort,
  desc,
  onSort,
}: ResultTableProps) {
  const data = useMemo<TableRow[]>(
    () =>
      rows.map((row, i) => {
        const entry = entries[i];
        return {
          row,
          entry,
          href: entry ? withBase(base, routes.episode(entry.id)) : undefined,
          agent: index.dict.agent[row.agent] ?? 'Unknown',
          terms: terms.get(row.index) ?? NO_TERMS,
        };
      }),
    [rows, entries, base, index, terms],
  );
  const table = useTable({ features, columns, data, getRowId: (r) => String(r.row.index) });
  return (
    <>
      {/* The wrapper scrolls sideways on narrow screens, so keyboard users must be able to focus it. */}
      <div
        className="table-scroll result-table-wrap"
        role="region"
        aria-label="Episodes table"
        tabIndex={0}
      >
        <table className="result-table">
          <caption className="visually-hidden">
            Episodes on this page. Column headers with buttons sort the whole result.
          </caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const meta = header.column.columnDef.meta;
                  const sorted = meta?.sort ? ariaSort(meta.sort, sort, desc) : undefined;
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={sorted}
                      className={meta?.numeric ? 'num' : undefined}
                    >
                      {meta?.sort ? (
                        <button
                          type="button"
                          className="sort-button"
                          onClick={() => meta.sort && onSort(meta.sort)}
                        >
                          <table.FlexRender header={header} />
                          <span className="sort-mark" aria-hidden="true">
                            {sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : '↕'}
                          </span>
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} aria-busy={row.original.entry ? undefined : true}>
                {row.getAllCells().map((cell) => (
                  <td
                    key={cell.id}
                    className={cell.column.columnDef.meta?.numeric ? 'num' : undefined}
                  >
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <CodeKey rows={rows} />
    </>
  );
}

export type { ColumnSort };
