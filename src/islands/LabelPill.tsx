import { labelName, type AxisSlug } from '../lib/taxonomy.ts';

export interface LabelPillProps {
  axis: AxisSlug;
  code: string;
  /** Show the code only, with the name for screen readers and as a tooltip (table cells). */
  compact?: boolean;
}

/** The island's twin of `Pill.astro`: code and name, coloured by axis (never by colour alone). */
export function LabelPill({ axis, code, compact = false }: LabelPillProps) {
  const name = labelName(code);
  const showCode = /^[A-Z]{1,2}\d$/.test(code);
  return (
    <span className="pill" data-axis={axis} title={compact ? name : undefined}>
      {/* The space keeps code and name apart when copied or read aloud, not only on screen. */}
      {showCode && <span className="code">{code}</span>}{' '}
      {compact && showCode ? <span className="visually-hidden">{name}</span> : <span>{name}</span>}
    </span>
  );
}
