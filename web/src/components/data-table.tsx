import type { ReactNode } from "react";

export type SortOrder = "asc" | "desc";

export interface Column<T> {
  /** Unique among the columns; the sort key when `sortable`. */
  key: string;
  title: ReactNode;
  render(row: T): ReactNode;
  /** The server sorts the whole list by this column (a click: ascending, descending, none). */
  sortable?: boolean;
  className?: string;
}

const ARIA_SORT = { asc: "ascending", desc: "descending" } as const;
const NEXT_LABEL = { none: "点击升序", asc: "点击降序", desc: "取消排序" } as const;

/**
 * A semantic table in Ant Design's look (styles.css `.data-table`) for the 工作台, which must
 * load little JavaScript: a <caption>, <th scope="col">, sortable headers as buttons with
 * aria-sort, and a box that scrolls sideways on a narrow screen instead of breaking the text.
 * Rows with no data show `empty` below the table, so <tbody> holds only data rows.
 */
export function DataTable<T>(props: {
  caption: string;
  /** Shown to screen readers only, or above the table too. */
  captionVisible?: boolean;
  columns: Column<T>[];
  rows: T[];
  rowKey(row: T): string;
  sort?: { key: string; order: SortOrder } | undefined;
  onSort?(key: string | undefined, order: SortOrder | undefined): void;
  loading?: boolean;
  empty?: ReactNode;
  className?: string;
  size?: "small" | "middle";
}) {
  const { columns, rows, sort, onSort, loading = false, size = "middle" } = props;
  const cycle = (key: string) => {
    if (sort?.key !== key) onSort?.(key, "asc");
    else if (sort.order === "asc") onSort?.(key, "desc");
    else onSort?.(undefined, undefined);
  };
  return (
    <div
      className={`data-table data-table-${size}${props.className ? ` ${props.className}` : ""}`}
      aria-busy={loading}
    >
      <div className="data-table-scroll">
        <table>
          <caption className={props.captionVisible ? "data-table-caption" : "sr-only"}>
            {props.caption}
          </caption>
          <thead>
            <tr>
              {columns.map((c) => {
                const order = sort?.key === c.key ? sort.order : undefined;
                if (!c.sortable)
                  return (
                    <th key={c.key} scope="col" className={c.className}>
                      {c.title}
                    </th>
                  );
                return (
                  <th
                    key={c.key}
                    scope="col"
                    className={`sortable${c.className ? ` ${c.className}` : ""}`}
                    aria-sort={order ? ARIA_SORT[order] : "none"}
                  >
                    <button type="button" onClick={() => cycle(c.key)} title={NEXT_LABEL[order ?? "none"]}>
                      <span>{c.title}</span>
                      <span className={`sort-mark sort-${order ?? "none"}`} aria-hidden="true" />
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={props.rowKey(row)}>
                {columns.map((c) => (
                  <td key={c.key} className={c.className}>
                    {c.render(row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length === 0 && !loading && <p className="data-table-empty">{props.empty ?? "暂无数据"}</p>}
      {loading && (
        <div className="data-table-loading" role="status">
          正在载入……
        </div>
      )}
    </div>
  );
}
