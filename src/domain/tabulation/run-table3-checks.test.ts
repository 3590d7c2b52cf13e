import { describe, expect, it } from "vitest";
import { parseCivilDate } from "../civil-date.ts";
import { runTable3Checks } from "./run-table3-checks.ts";
import type { Table3, Table3Row } from "./table3-types.ts";
import { tabulateTable3 } from "./tabulate-table3.ts";

const TABLE = tabulateTable3(
  [
    {
      id: "a",
      applicantType: "natural_person",
      receivedOn: parseCivilDate("2024-03-01"),
      outcome: "disclosed",
      dispositionOn: parseCivilDate("2024-03-10"),
    },
    {
      id: "b",
      applicantType: "commercial_enterprise",
      receivedOn: parseCivilDate("2024-11-01"),
      outcome: null,
      dispositionOn: null,
    },
  ],
  2024,
);

/** A deep copy whose rows can be edited by key, as a table read back from JSON would be. */
function copyRows(table: Table3): {
  edition: Table3["edition"];
  rows: Record<string, Table3Row | undefined>;
} {
  const copy = structuredClone(table);
  return { edition: copy.edition, rows: copy.rows };
}

function failed(checks: ReturnType<typeof runTable3Checks>) {
  return Object.fromEntries(checks.filter((check) => !check.ok).map((check) => [check.id, check.message]));
}

describe("runTable3Checks", () => {
  it("passes a produced table", () => {
    expect(failed(runTable3Checks(TABLE))).toEqual({});
  });

  it("reports a corrupted leaf cell in K2 and K3, naming the row and the column", () => {
    const table = copyRows(TABLE);
    const leaf = table.rows["withheld.enforcement_file"];
    if (leaf === undefined) throw new Error("row missing");
    leaf.research_institution = 2;
    expect(failed(runTable3Checks(table))).toEqual({
      K2: "K2 （七）总计 = 各办理结果行之和：不成立——“（七）总计”行、“科研机构”列为 0，各办理结果行之和为 2",
      K3: "K3 总计列 = 六列之和：不成立——“（三）不予公开—7.属于行政执法案卷”行：“总计”列为 0，六列之和为 2",
    });
  });

  it("reports a corrupted row 一 in K1 and K3", () => {
    const table = copyRows(TABLE);
    const first = table.rows.new_received;
    if (first === undefined) throw new Error("row missing");
    first.natural_person = 4;
    const failures = failed(runTable3Checks(table));
    expect(failures.K1).toBe(
      "K1 一 + 二 = 三（七）+ 四：不成立——“自然人”列：一（4）+ 二（0）= 4，三（七）（1）+ 四（0）= 1",
    );
    expect(failures.K3).toContain("“一、本年新收政府信息公开申请数量”行：“总计”列为 2，六列之和为 5");
  });

  it("reports negative, fractional and missing cells, missing rows and foreign rows in K5", () => {
    const table = copyRows(TABLE);
    table.rows.disclosed = { ...TABLE.rows.disclosed, other_org: -1, natural_person: 0.5 };
    table.rows.carried_forward = undefined;
    table.rows.other = TABLE.rows.disclosed;
    const k5 = runTable3Checks(table).find((check) => check.id === "K5");
    expect(k5?.ok).toBe(false);
    expect(k5?.message).toContain("表中有2021年版没有的行“other”");
    expect(k5?.message).toContain("“（一）予以公开”行、“自然人”列为 0.5，不是非负整数");
    expect(k5?.message).toContain("“（一）予以公开”行、“其他”列为 -1，不是非负整数");
    expect(k5?.message).toContain("“四、结转下年度继续办理”行、“自然人”列缺失");
    expect(k5?.message).toContain("等共 10 处");
  });

  it("reports K4 as not checked, and ok, without the previous year", () => {
    expect(runTable3Checks(TABLE)[3]).toEqual({
      id: "K4",
      ok: true,
      skipped: true,
      message:
        "K4 本年“二、上年结转” = 上年“四、结转下年度继续办理”：未核对——上一年度尚未关闭，没有可比对的上年数据",
    });
  });
});
