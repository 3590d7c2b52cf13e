import { table3Layout } from "../../domain/tabulation/table3-layout.ts";
import type { Edition, Table3LayoutRow } from "../../domain/tabulation/table3-types.ts";
import { TABLE4_LAYOUT } from "../../domain/tabulation/table4-layout.ts";
import type { Table4 } from "../../domain/tabulation/table4-types.ts";
import type { Table3Json } from "../report-types.ts";
import { TABLE2_CONTENT_LABEL, type Table2Figures, table2Layout } from "../table2/table2-layout.ts";
import { formatAmount } from "./format-number.ts";
import type { GridCell, GridTable } from "./report-document.ts";

const head = (text: string, span: Partial<Pick<GridCell, "colSpan" | "rowSpan">> = {}): GridCell => ({
  text,
  header: true,
  ...span,
});

const figure = (row: string, column: string, amount: number, colSpan?: number): GridCell => ({
  text: formatAmount(amount),
  value: { row, column, amount },
  ...(colSpan && colSpan > 1 ? { colSpan } : {}),
});

/** Table 二: four columns; a section with fewer figures lets its last one span the rest. */
export function table2Grid(edition: Edition, figures: Table2Figures): GridTable {
  const rows: GridCell[][] = [];
  for (const section of table2Layout(edition).sections) {
    rows.push([head(section.heading, { colSpan: 4 })]);
    const spanOf = (i: number) => (i === section.columns.length - 1 ? 4 - section.columns.length : 1);
    rows.push([
      head(TABLE2_CONTENT_LABEL),
      ...section.columns.map((c, i) => head(c.label, { colSpan: spanOf(i) })),
    ]);
    for (const row of section.rows) {
      rows.push([
        { text: row.label, align: "center" },
        ...section.columns.map((c, i) => figure(row.key, c.key, figures[row.key]?.[c.key] ?? 0, spanOf(i))),
      ]);
    }
  }
  return { id: "table2", columnCount: 4, widths: [16, 14, 14, 14], headerRows: 0, rows };
}

/** How many data rows a heading of table 三 spans: its leaves (a group) or every result row. */
function spannedRows(rows: readonly Table3LayoutRow[], from: number): number {
  const indent = rows[from]?.indent ?? 0;
  let n = 0;
  for (let i = from + 1; i < rows.length; i++) {
    const row = rows[i] as Table3LayoutRow;
    if (row.indent <= indent) break;
    if (row.kind === "data") n++;
  }
  return n;
}

/**
 * Table 三 as the national format draws it: three label columns (三、本年度办理结果 and the groups
 * with leaves are merged down), seven figure columns under 申请人情况 / 自然人 / 法人或其他组织 / 总计,
 * and the 勾稽关系 note in the corner.
 */
export function table3Grid(edition: Edition, table3: Table3Json): GridTable {
  const layout = table3Layout(edition);
  const orgs = layout.columns.filter((c) => c.parent !== null);
  const [natural, total] = [layout.columns[0], layout.columns.at(-1)];
  const rows: GridCell[][] = [
    [head(layout.note, { colSpan: 3, rowSpan: 3 }), head(layout.columnsHeader, { colSpan: 7 })],
    [
      head(natural?.label ?? "", { rowSpan: 2 }),
      head(orgs[0]?.parent ?? "", { colSpan: 5 }),
      head(total?.label ?? "", { rowSpan: 2 }),
    ],
    orgs.map((c) => head(c.label)),
  ];
  let pending: GridCell[] = [];
  layout.rows.forEach((row, i) => {
    if (row.kind === "heading") {
      pending.push({ text: row.label, rowSpan: spannedRows(layout.rows, i), align: "center" });
      return;
    }
    const colSpan = 3 - row.indent;
    const label: GridCell = { text: row.label, align: "left", ...(colSpan > 1 ? { colSpan } : {}) };
    const cells = layout.columns.map((c) => figure(row.key, c.key, table3.rows[row.key]?.[c.key] ?? 0));
    rows.push([...pending, label, ...cells]);
    pending = [];
  });
  return { id: "table3", columnCount: 10, widths: [8, 10, 25, 7, 7, 7, 7, 7, 7, 7], headerRows: 3, rows };
}

/** Table 四: 行政复议 (five columns) and 行政诉讼 in two groups of five; one row of fifteen figures. */
export function table4Grid(table4: Table4): GridTable {
  const layout = TABLE4_LAYOUT;
  const top: GridCell[] = [];
  const middle: GridCell[] = [];
  const bottom: GridCell[] = [];
  const figures: GridCell[] = [];
  for (const group of layout.groups) {
    top.push(head(group.label, { colSpan: layout.columns.length * group.kinds.length }));
    for (const kind of group.kinds) {
      const label = layout.kindLabels[kind];
      if (label === null) middle.push(...layout.columns.map((c) => head(c.label, { rowSpan: 2 })));
      else {
        middle.push(head(label, { colSpan: layout.columns.length }));
        bottom.push(...layout.columns.map((c) => head(c.label)));
      }
      figures.push(...layout.columns.map((c) => figure(kind, c.key, table4[kind][c.key])));
    }
  }
  const widths = Array.from({ length: 15 }, () => 6);
  return { id: "table4", columnCount: 15, widths, headerRows: 3, rows: [top, middle, bottom, figures] };
}
