import { formatCount } from '../lib/format.ts';

export interface PaginationProps {
  page: number;
  pageCount: number;
  onPage: (page: number) => void;
}

/** The page numbers to offer: first, last, and the current page's neighbours, with gaps. */
function pageList(page: number, count: number): (number | null)[] {
  const wanted = new Set([1, count, page - 1, page, page + 1].filter((p) => p >= 1 && p <= count));
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  sorted.forEach((p, i) => {
    const prev = sorted[i - 1];
    if (prev !== undefined && p - prev > 1) out.push(null);
    out.push(p);
  });
  return out;
}

/** Previous / numbered / next page buttons; each click is a new history entry. */
export function Pagination({ page, pageCount, onPage }: PaginationProps) {
  if (pageCount <= 1) return null;
  return (
    <nav className="pagination" aria-label="Result pages">
      <button
        type="button"
        className="button"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
      >
        <span aria-hidden="true">←</span> Previous
      </button>
      <ul>
        {pageList(page, pageCount).map((p, i) =>
          p === null ? (
            <li key={`gap-${i}`} aria-hidden="true" className="muted">
              …
            </li>
          ) : (
            <li key={p}>
              <button
                type="button"
                className="button page-number"
                aria-current={p === page ? 'page' : undefined}
                aria-label={`Page ${formatCount(p)}`}
                onClick={() => onPage(p)}
              >
                {formatCount(p)}
              </button>
            </li>
          ),
        )}
      </ul>
      <button
        type="button"
        className="button"
        disabled={page >= pageCount}
        onClick={() => onPage(page + 1)}
      >
        Next <span aria-hidden="true">→</span>
      </button>
    </nav>
  );
}
