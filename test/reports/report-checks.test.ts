import { describe, expect, it } from "vitest";
import { publicationDueOn } from "../../src/reports/publication-due.ts";
import { checkTable2Continuity, checkTexts } from "../../src/reports/report-checks.ts";
import { EMPTY_TEXTS } from "../../src/reports/report-types.ts";
import { table2Cells, zeroTable2 } from "../../src/reports/table2/table2-layout.ts";
import { ZTable2Edition2019, ZTable2Edition2021 } from "../../src/reports/table2/table2-schema.ts";
import { SAMPLE_TABLE2_2021 } from "./support/table2-figures.ts";

describe("table 二 schemas", () => {
  it("accept the 2021 edition's figures and refuse negative, fractional or missing counts", () => {
    expect(ZTable2Edition2021.parse(SAMPLE_TABLE2_2021)).toEqual(SAMPLE_TABLE2_2021);
    expect(
      ZTable2Edition2021.safeParse({
        ...SAMPLE_TABLE2_2021,
        regulations: { issued: 1.5, repealed: 0, in_force: 1 },
      }).success,
    ).toBe(false);
    const { administrative_fees: _fees, ...missing } = SAMPLE_TABLE2_2021;
    expect(ZTable2Edition2021.safeParse(missing).success).toBe(false);
    expect(
      ZTable2Edition2021.safeParse({
        ...SAMPLE_TABLE2_2021,
        administrative_fees: { amount_wan_yuan: 1.23456 },
      }).success,
    ).toBe(false);
    expect(ZTable2Edition2021.safeParse({ ...SAMPLE_TABLE2_2021, extra: { x: 1 } }).success).toBe(false);
  });

  it("accept the 2019 edition's figures, where 本年增/减 may be negative", () => {
    const figures = zeroTable2("2019");
    (figures.administrative_licensing as Record<string, number>).change = -3;
    expect(ZTable2Edition2019.parse(figures)).toEqual(figures);
    expect(ZTable2Edition2019.safeParse(SAMPLE_TABLE2_2021).success).toBe(false);
    expect(table2Cells("2019")).toHaveLength(6 + 12 + 2 + 2);
    expect(table2Cells("2021")).toHaveLength(6 + 3 + 1);
  });
});

describe("the report's own checks", () => {
  const with2021 = (regulations: number[], normative: number[]) => ({
    ...SAMPLE_TABLE2_2021,
    regulations: {
      issued: regulations[0] ?? 0,
      repealed: regulations[1] ?? 0,
      in_force: regulations[2] ?? 0,
    },
    normative_documents: {
      issued: normative[0] ?? 0,
      repealed: normative[1] ?? 0,
      in_force: normative[2] ?? 0,
    },
  });

  it("T2 warns when 现行有效 ≠ last year's 现行有效 + 制发 − 废止", () => {
    const last = { edition: "2021" as const, table2: with2021([0, 0, 2], [0, 0, 5]) };
    expect(checkTable2Continuity("2021", with2021([1, 0, 3], [6, 2, 9]), last)).toMatchObject({
      ok: true,
      severity: "warning",
    });
    const bad = checkTable2Continuity("2021", with2021([1, 0, 3], [6, 2, 10]), last);
    expect(bad).toMatchObject({ id: "T2", ok: false, severity: "warning" });
    expect(bad.message).toContain(
      "“行政规范性文件”：上年现行有效 5 + 本年制发 6 − 本年废止 2 = 9，填报的现行有效为 10",
    );
    expect(
      checkTable2Continuity("2021", with2021([1, 0, 3], [6, 2, 10]), {
        edition: "2019",
        table2: zeroTable2("2019"),
      }).message,
    ).toContain("未核对");
    expect(checkTable2Continuity("2021", with2021([1, 0, 3], [6, 2, 10]), null)).toMatchObject({ ok: true });
  });

  it("W1 warns about counts written by hand in the texts", () => {
    expect(checkTexts(EMPTY_TEXTS).ok).toBe(true);
    const w = checkTexts({ ...EMPTY_TEXTS, overview: "2021年累计主动公开政府信息6条。" });
    expect(w).toMatchObject({ id: "W1", ok: false, severity: "warning" });
    expect(w.message).toContain("“6条”");
  });

  it("dates publication by art. 49: departments 31 January, governments and townships 31 March", () => {
    expect(publicationDueOn("department", 2025)).toBe("2026-01-31");
    expect(publicationDueOn("government", 2025)).toBe("2026-03-31");
    expect(publicationDueOn("township", 2025)).toBe("2026-03-31");
  });
});
