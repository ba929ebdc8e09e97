import type { AxisComparison } from '../lib/compare.ts';
import { groupCellQuery, groupName, type GroupSpec } from '../lib/compare-groups.ts';
import { formatCount, formatP, formatPoints, formatShare } from '../lib/format.ts';
import { routes, withBase } from '../lib/paths.ts';
import { IntervalChart } from './IntervalChart.tsx';

interface Props {
  base: string;
  axis: AxisComparison;
  groups: readonly GroupSpec[];
}

/** One axis compared: an interval chart (one lane per group) and the same figures as a table. */
export function CompareAxisView({ base, axis, groups }: Props) {
  const id = `compare-${axis.axis}`;
  const href = (g: number, code: string) => {
    const group = groups[g];
    return group ? withBase(base, routes.browse(groupCellQuery(group, axis.axis, code))) : '#';
  };
  return (
    <section aria-labelledby={id} className="compare-axis">
      <h3 id={id}>{axis.name}</h3>
      <p className="muted">Shares of {axis.of}.</p>
      <div className="compare-side">
        <IntervalChart comparison={axis} labelledBy={id} />
        <div className="table-scroll">
          <table className="compare-table">
            <caption className="visually-hidden">
              {axis.name}: shares of {axis.of} in each group
            </caption>
            <thead>
              <tr>
                <th scope="col">Label</th>
                {groups.map((g, i) => (
                  <th scope="col" className="num" key={`${g.kind}:${g.value}`}>
                    <span className={`swatch g${i}`} aria-hidden="true" />
                    {groupName(g)}
                    <span className="muted"> (of {formatCount(axis.totals[i] ?? 0)})</span>
                  </th>
                ))}
                {groups.length === 2 && (
                  <th scope="col" className="num">
                    Difference, points
                  </th>
                )}
                <th scope="col" className="num">
                  p (Holm)
                </th>
              </tr>
            </thead>
            <tbody>
              {axis.labels.map((l) => (
                <tr key={l.code} className={l.significant ? 'significant' : undefined}>
                  <th scope="row">
                    <span className="code">{l.code}</span> {l.name}
                  </th>
                  {l.cells.map((cell, g) => (
                    <td className="num" key={g}>
                      <strong>{formatShare(cell.share)}</strong>
                      <span className="muted interval">
                        {formatShare(cell.interval.low)}–{formatShare(cell.interval.high)}
                      </span>
                      <a href={href(g, l.code)}>
                        {formatCount(cell.count)}
                        <span className="visually-hidden">
                          {' '}
                          {groups[g] ? groupName(groups[g]) : ''} episodes with {l.code}
                        </span>
                      </a>
                    </td>
                  ))}
                  {groups.length === 2 && (
                    <td className="num">
                      {l.difference === null ? '' : formatPoints(l.difference)}
                    </td>
                  )}
                  <td className="num">
                    {formatP(l.pAdjusted)}
                    {l.significant && <strong className="mark"> significant</strong>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}
