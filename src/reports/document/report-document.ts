/**
 * The report document as the renderers see it (HTML, DOCX, XLSX): a title, the preface and the
 * six sections of DOMAIN.md §8 (一 with the subsections of the 2021 format), with the tables as grids of merged cells. Built once from the
 * report JSON (buildReportDocument), so every format shows the same words and the same numbers.
 */

/** One cell that starts at this position; a merged cell covers `colSpan` × `rowSpan` positions. */
export interface GridCell {
  text: string;
  colSpan?: number;
  rowSpan?: number;
  /** A header cell (bold, centred). */
  header?: boolean;
  /** A figure: right-aligned in XLSX as a number, with its row and column keys. */
  value?: { row: string; column: string; amount: number };
  align?: "left" | "center";
}

export interface GridTable {
  id: "table2" | "table3" | "table4";
  /** The number of grid columns. */
  columnCount: number;
  /** Relative column widths (their sum is the table's width), one per grid column. */
  widths: readonly number[];
  /** The header rows (repeated on each printed page). */
  headerRows: number;
  /** Row by row, the cells that start in that row (as in HTML). */
  rows: readonly GridCell[][];
  /** A line printed above the table, e.g. the unit; optional. */
  caption?: string;
}

export type ReportBlock =
  /** `lead`: a run-in title printed before the text in the subheading's font (“1.…。” style). */
  | { kind: "paragraph"; text: string; lead?: string }
  | { kind: "subheading"; text: string }
  | { kind: "table"; table: GridTable };

export interface ReportSection {
  /** 一 … 六 */
  number: string;
  /** 一、总体情况 … */
  heading: string;
  blocks: ReportBlock[];
}

export interface ReportDocument {
  /** “<机关名称><年度>年政府信息公开工作年度报告” */
  title: string;
  /** A note under the title: draft / version. */
  status: string;
  /** Exactly one paragraph: the basis, the parts, the period and the agency's contact sentences. */
  preface: ReportBlock[];
  sections: ReportSection[];
}

/** A cell with its absolute position in the grid. */
export interface PlacedCell {
  row: number;
  column: number;
  rowSpan: number;
  colSpan: number;
  cell: GridCell;
}

/** Positions of the cells of a grid (the HTML table model), for formats that need coordinates. */
export function placeCells(table: GridTable): PlacedCell[] {
  const taken = new Set<string>();
  const placed: PlacedCell[] = [];
  table.rows.forEach((cells, row) => {
    let column = 0;
    for (const cell of cells) {
      while (taken.has(`${row}:${column}`)) column++;
      const rowSpan = cell.rowSpan ?? 1;
      const colSpan = cell.colSpan ?? 1;
      for (let r = row; r < row + rowSpan; r++)
        for (let c = column; c < column + colSpan; c++) taken.add(`${r}:${c}`);
      placed.push({ row, column, rowSpan, colSpan, cell });
      column += colSpan;
    }
  });
  return placed;
}
