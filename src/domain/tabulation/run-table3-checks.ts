import { table3Layout } from "./table3-layout.ts";
import type {
  Check,
  CheckId,
  Table3Column,
  Table3DataRow,
  Table3Layout,
  Table3Like,
} from "./table3-types.ts";

type Cells = Readonly<Partial<Record<Table3Column, number>>>;

const MAX_LISTED = 5;

/** A cell's value; NaN when missing or not a number, so that every sum and comparison fails. */
function cell(cells: Cells | undefined, column: Table3Column): number {
  const value = cells?.[column];
  return typeof value === "number" ? value : Number.NaN;
}

function show(value: number): string {
  return Number.isNaN(value) ? "缺失" : String(value);
}

function report(id: CheckId, rule: string, failures: readonly string[]): Check {
  if (failures.length === 0) return { id, ok: true, message: `${id} ${rule}：成立` };
  const listed = failures.slice(0, MAX_LISTED).join("；");
  const more = failures.length > MAX_LISTED ? `；等共 ${failures.length} 处` : "";
  return { id, ok: false, message: `${id} ${rule}：不成立——${listed}${more}` };
}

function dataRows(layout: Table3Layout): Table3DataRow[] {
  return layout.rows.filter((row): row is Table3DataRow => row.kind === "data");
}

function checkBalance(table: Table3Like, layout: Table3Layout): Check {
  const { new_received: a, carried_over: b, result_total: c, carried_forward: d } = table.rows;
  const failures: string[] = [];
  for (const column of layout.columns) {
    const [na, nb, nc, nd] = [
      cell(a, column.key),
      cell(b, column.key),
      cell(c, column.key),
      cell(d, column.key),
    ];
    if (na + nb !== nc + nd) {
      failures.push(
        `“${column.label}”列：一（${show(na)}）+ 二（${show(nb)}）= ${show(na + nb)}，` +
          `三（七）（${show(nc)}）+ 四（${show(nd)}）= ${show(nc + nd)}`,
      );
    }
  }
  return report("K1", "一 + 二 = 三（七）+ 四", failures);
}

function checkResultTotal(table: Table3Like, layout: Table3Layout): Check {
  const leaves = dataRows(layout).filter((row) => row.outcomes.length > 0);
  const failures: string[] = [];
  for (const column of layout.columns) {
    const total = cell(table.rows.result_total, column.key);
    const sum = leaves.reduce((acc, row) => acc + cell(table.rows[row.key], column.key), 0);
    if (total !== sum) {
      failures.push(`“（七）总计”行、“${column.label}”列为 ${show(total)}，各办理结果行之和为 ${show(sum)}`);
    }
  }
  return report("K2", "（七）总计 = 各办理结果行之和", failures);
}

function checkRowTotals(table: Table3Like, layout: Table3Layout): Check {
  const parts = layout.columns.filter((column) => column.key !== "total");
  const failures: string[] = [];
  for (const row of dataRows(layout)) {
    const cells = table.rows[row.key];
    const total = cell(cells, "total");
    const sum = parts.reduce((acc, column) => acc + cell(cells, column.key), 0);
    if (total !== sum) failures.push(`“${row.name}”行：“总计”列为 ${show(total)}，六列之和为 ${show(sum)}`);
  }
  return report("K3", "总计列 = 六列之和", failures);
}

function checkCarriedOver(table: Table3Like, layout: Table3Layout, previous: Cells | undefined): Check {
  const rule = "本年“二、上年结转” = 上年“四、结转下年度继续办理”";
  if (previous === undefined) {
    return {
      id: "K4",
      ok: true,
      skipped: true,
      message: `K4 ${rule}：未核对——上一年度尚未关闭，没有可比对的上年数据`,
    };
  }
  const failures: string[] = [];
  for (const column of layout.columns) {
    const now = cell(table.rows.carried_over, column.key);
    const before = cell(previous, column.key);
    if (now !== before) failures.push(`“${column.label}”列：本年二为 ${show(now)}，上年四为 ${show(before)}`);
  }
  return report("K4", rule, failures);
}

function checkCells(table: Table3Like, layout: Table3Layout): Check {
  const rows = dataRows(layout);
  const known = new Set<string>(rows.map((row) => row.key));
  const failures = Object.keys(table.rows)
    .filter((key) => !known.has(key))
    .map((key) => `表中有${layout.edition}年版没有的行“${key}”`);
  for (const row of rows) {
    for (const column of layout.columns) {
      const value = table.rows[row.key]?.[column.key];
      if (value === undefined) failures.push(`“${row.name}”行、“${column.label}”列缺失`);
      else if (!Number.isSafeInteger(value) || value < 0) {
        failures.push(`“${row.name}”行、“${column.label}”列为 ${String(value)}，不是非负整数`);
      }
    }
  }
  return report("K5", "每个单元格均为非负整数，行列齐全", failures);
}

/**
 * Checks K1–K5 of DOMAIN.md §7 on a table 三, computed from its cells, in the order K1…K5.
 * `previousCarriedForward` is row 四 of the closed previous year; without it K4 is reported as
 * not checked (ok).
 */
export function runTable3Checks(table: Table3Like, previousCarriedForward?: Cells): Check[] {
  const layout = table3Layout(table.edition);
  return [
    checkBalance(table, layout),
    checkResultTotal(table, layout),
    checkRowTotals(table, layout),
    checkCarriedOver(table, layout, previousCarriedForward),
    checkCells(table, layout),
  ];
}
