import type { Segment } from '../lib/highlight.ts';

export interface HighlightedProps {
  segments: readonly Segment[];
}

/** Text with its search matches in `<mark>`; every part is rendered as React text. */
export function Highlighted({ segments }: HighlightedProps) {
  return (
    <>
      {segments.map((segment, i) =>
        segment.match ? <mark key={i}>{segment.text}</mark> : segment.text,
      )}
    </>
  );
}
