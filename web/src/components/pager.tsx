/** The page numbers shown: the first, the last, two around the current one, gaps as null. */
export function pageNumbers(current: number, pages: number): (number | null)[] {
  const out: (number | null)[] = [];
  for (let p = 1; p <= pages; p++) {
    if (p === 1 || p === pages || Math.abs(p - current) <= 2) out.push(p);
    else if (out[out.length - 1] !== null) out.push(null);
  }
  return out;
}

/**
 * 共 N 件 and the page buttons (上一页, the numbers, 下一页) in a <nav aria-label="分页">, the
 * current page marked aria-current; each number's accessible name is 第 N 页.
 */
export function Pager(props: {
  page: number;
  pageSize: number;
  total: number;
  onChange(page: number): void;
}) {
  const { page, pageSize, total, onChange } = props;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav className="pager" aria-label="分页">
      <span className="pager-total">共 {total} 件</span>
      <button
        type="button"
        className="pager-button"
        disabled={page <= 1}
        onClick={() => onChange(page - 1)}
        aria-label="上一页"
      >
        ‹
      </button>
      {pageNumbers(page, pages).map((p, i) =>
        p === null ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: a gap has no identity but its place
          <span key={`gap-${i}`} className="pager-gap" aria-hidden="true">
            …
          </span>
        ) : (
          <button
            key={p}
            type="button"
            aria-label={`第 ${p} 页`}
            aria-current={p === page ? "page" : undefined}
            className={p === page ? "pager-button pager-current" : "pager-button"}
            onClick={() => p !== page && onChange(p)}
          >
            {p}
          </button>
        ),
      )}
      <button
        type="button"
        className="pager-button"
        disabled={page >= pages}
        onClick={() => onChange(page + 1)}
        aria-label="下一页"
      >
        ›
      </button>
    </nav>
  );
}
