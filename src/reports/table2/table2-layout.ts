/**
 * Table 二 (主动公开政府信息情况, art. 20) of both national formats: its sections, rows and
 * columns with the exact labels, and the JSON keys of API.md `table2` (`table2[row][column]`).
 * The zod schemas of the PUT body, the grids of every renderer and the narrative all read this.
 */
import type { Edition } from "../../domain/tabulation/table3-types.ts";

/** count: a whole number ≥ 0; signed: a whole number (本年增/减); amount: ≥ 0, up to 4 decimals. */
export type Table2ValueKind = "count" | "signed" | "amount";

export interface Table2Column {
  key: string;
  label: string;
  kind: Table2ValueKind;
}

export interface Table2Section {
  /** 第二十条第（一）项 … */
  heading: string;
  columns: readonly Table2Column[];
  rows: readonly { key: string; label: string }[];
}

export interface Table2Layout {
  edition: Edition;
  title: string;
  sections: readonly Table2Section[];
}

export const TABLE2_TITLE = "二、主动公开政府信息情况";
const CONTENT = "信息内容";

const decisions2021: Table2Column = { key: "decisions", label: "本年处理决定数量", kind: "count" };

const LAYOUT_2021: Table2Layout = {
  edition: "2021",
  title: TABLE2_TITLE,
  sections: [
    {
      heading: "第二十条第（一）项",
      columns: [
        { key: "issued", label: "本年制发件数", kind: "count" },
        { key: "repealed", label: "本年废止件数", kind: "count" },
        { key: "in_force", label: "现行有效件数", kind: "count" },
      ],
      rows: [
        { key: "regulations", label: "规章" },
        { key: "normative_documents", label: "行政规范性文件" },
      ],
    },
    {
      heading: "第二十条第（五）项",
      columns: [decisions2021],
      rows: [{ key: "administrative_licensing", label: "行政许可" }],
    },
    {
      heading: "第二十条第（六）项",
      columns: [decisions2021],
      rows: [
        { key: "administrative_punishment", label: "行政处罚" },
        { key: "administrative_enforcement", label: "行政强制" },
      ],
    },
    {
      heading: "第二十条第（八）项",
      columns: [{ key: "amount_wan_yuan", label: "本年收费金额（单位：万元）", kind: "amount" }],
      rows: [{ key: "administrative_fees", label: "行政事业性收费" }],
    },
  ],
};

const items2019: Table2Column[] = [
  { key: "previous_items", label: "上一年项目数量", kind: "count" },
  { key: "change", label: "本年增/减", kind: "signed" },
  { key: "decisions", label: "处理决定数量", kind: "count" },
];

const LAYOUT_2019: Table2Layout = {
  edition: "2019",
  title: TABLE2_TITLE,
  sections: [
    {
      heading: "第二十条第（一）项",
      columns: [
        { key: "produced", label: "本年新制作数量", kind: "count" },
        { key: "published", label: "本年新公开数量", kind: "count" },
        { key: "total_published", label: "对外公开总数量", kind: "count" },
      ],
      rows: [
        { key: "regulations", label: "规章" },
        { key: "normative_documents", label: "规范性文件" },
      ],
    },
    {
      heading: "第二十条第（五）项",
      columns: items2019,
      rows: [
        { key: "administrative_licensing", label: "行政许可" },
        { key: "other_management_services", label: "其他对外管理服务事项" },
      ],
    },
    {
      heading: "第二十条第（六）项",
      columns: items2019,
      rows: [
        { key: "administrative_punishment", label: "行政处罚" },
        { key: "administrative_enforcement", label: "行政强制" },
      ],
    },
    {
      heading: "第二十条第（八）项",
      columns: items2019.slice(0, 2),
      rows: [{ key: "administrative_fees", label: "行政事业性收费" }],
    },
    {
      heading: "第二十条第（九）项",
      columns: [
        { key: "projects", label: "采购项目数量", kind: "count" },
        { key: "total_amount", label: "采购总金额", kind: "amount" },
      ],
      rows: [{ key: "centralized_procurement", label: "政府集中采购" }],
    },
  ],
};

/** The header of each section's first column. */
export const TABLE2_CONTENT_LABEL = CONTENT;

/** Table 二 of an edition, in the order of the national format. */
export function table2Layout(edition: Edition): Table2Layout {
  return edition === "2019" ? LAYOUT_2019 : LAYOUT_2021;
}

/** Table 二 figures: `figures[row][column]`, every cell of the edition present. */
export type Table2Figures = Record<string, Record<string, number>>;

/** Every cell of an edition with an explicit 0. */
export function zeroTable2(edition: Edition): Table2Figures {
  const figures: Table2Figures = {};
  for (const section of table2Layout(edition).sections) {
    for (const row of section.rows) {
      figures[row.key] = Object.fromEntries(section.columns.map((c) => [c.key, 0]));
    }
  }
  return figures;
}

/** Every cell, in document order, with its labels (for diffs, sums and messages). */
export function table2Cells(
  edition: Edition,
): { row: string; column: string; name: string; kind: Table2ValueKind }[] {
  return table2Layout(edition).sections.flatMap((section) =>
    section.rows.flatMap((row) =>
      section.columns.map((column) => ({
        row: row.key,
        column: column.key,
        name: `${row.label}—${column.label}`,
        kind: column.kind,
      })),
    ),
  );
}
