import { z } from "zod";
import { assertNever } from "../../domain/assert-never.ts";
import type { Edition } from "../../domain/tabulation/table3-types.ts";
import { type Table2Figures, type Table2ValueKind, table2Layout } from "./table2-layout.ts";

const LIMIT = 1_000_000_000;

function value(kind: Table2ValueKind) {
  const base = z.number({ error: "应为数字" }).max(LIMIT, `不能大于 ${LIMIT}`);
  switch (kind) {
    case "count":
      return base.int("应为整数").min(0, "不能为负数");
    case "signed":
      return base.int("应为整数").min(-LIMIT, `不能小于 ${-LIMIT}`);
    case "amount":
      return base
        .min(0, "不能为负数")
        .refine((n) => Math.abs(n * 10_000 - Math.round(n * 10_000)) < 1e-6, "最多保留 4 位小数");
    default:
      return assertNever(kind, "table 二 value kind");
  }
}

function buildSchema(edition: Edition) {
  const rows: Record<string, z.ZodType<Record<string, number>>> = {};
  for (const section of table2Layout(edition).sections) {
    const shape = Object.fromEntries(section.columns.map((c) => [c.key, value(c.kind)]));
    for (const row of section.rows) rows[row.key] = z.strictObject(shape);
  }
  return z.strictObject(rows);
}

/**
 * Table 二 of the 2021 edition (国办公开办函〔2021〕30号): 规章 and 行政规范性文件 × 本年制发件数 /
 * 本年废止件数 / 现行有效件数; 行政许可, 行政处罚, 行政强制 × 本年处理决定数量; 行政事业性收费 ×
 * 本年收费金额（万元）. Every cell is required (0 when none).
 */
export const ZTable2Edition2021 = buildSchema("2021");

/**
 * Table 二 of the 2019 edition (国办公开办函〔2019〕60号), for the 2019 and 2020 reports: 规章, 规范性文件
 * × 本年新制作数量 / 本年新公开数量 / 对外公开总数量; 行政许可, 其他对外管理服务事项, 行政处罚, 行政强制 ×
 * 上一年项目数量 / 本年增/减 / 处理决定数量; 行政事业性收费 × 上一年项目数量 / 本年增/减; 政府集中采购 ×
 * 采购项目数量 / 采购总金额.
 */
export const ZTable2Edition2019 = buildSchema("2019");

export function table2Schema(edition: Edition): z.ZodType<Table2Figures> {
  return edition === "2019" ? ZTable2Edition2019 : ZTable2Edition2021;
}
