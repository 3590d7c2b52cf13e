import { describe, expect, it } from "vitest";
import { publicationDueOn } from "../../src/reports/publication-due.ts";
import {
  checkFees,
  checkOverviewTexts,
  checkPreface,
  checkTable2Continuity,
  checkTexts,
} from "../../src/reports/report-checks.ts";
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
    expect(
      checkTexts({ ...EMPTY_TEXTS, proactive: "通过政府网站主动公开政府信息120条。" }).message,
    ).toContain("一（一）主动公开中有“120条”");
  });

  it("W2 warns about each empty part of 一; the 考核 part is asked of governments and townships only", () => {
    const all = {
      ...EMPTY_TEXTS,
      proactive: "a",
      requests: "b",
      management: "c",
      platforms: "d",
      oversight: "e",
      assessment: "f",
    };
    for (const kind of ["government", "township", "department"] as const)
      expect(checkOverviewTexts(kind, all)).toMatchObject({ id: "W2", ok: true, severity: "warning" });
    const { assessment: _none, ...withoutAssessment } = all;
    const noAssessment = { ...withoutAssessment, assessment: "  \n" };
    expect(checkOverviewTexts("department", noAssessment).ok).toBe(true);
    for (const kind of ["government", "township"] as const) {
      expect(checkOverviewTexts(kind, noAssessment)).toEqual({
        id: "W2",
        ok: false,
        severity: "warning",
        message:
          "W2 一、总体情况有1个部分尚未填写（系统只生成已知的数字）：一（五）监督保障中的工作考核、社会评议和责任追究结果情况",
      });
    }
    expect(checkOverviewTexts("department", { ...all, management: "", platforms: "" }).message).toBe(
      "W2 一、总体情况有2个部分尚未填写（系统只生成已知的数字）：一（三）政府信息管理、一（四）平台建设",
    );
  });

  it("W3 compares the 信息处理费 of 六 with table 二 (八) 行政事业性收费, not the reverse", () => {
    const facts = (count: number, amountYuan: number) => ({
      receivedByChannel: { in_person: 0, post: 0, ordinary_letter: 0, online: 0, fax: 0 },
      fees: { count, amountYuan },
      timeliness: null,
    });
    const table2 = (wan: number) => ({
      ...SAMPLE_TABLE2_2021,
      administrative_fees: { amount_wan_yuan: wan },
    });
    const w3 = (count: number, yuan: number, wan: number, entered = true) =>
      checkFees({ edition: "2021", table2: table2(wan), table2Entered: entered, facts: facts(count, yuan) });
    expect(w3(2, 1400, 0)).toEqual({
      id: "W3",
      ok: false,
      severity: "warning",
      message:
        "W3 六、信息处理费与表二（八）行政事业性收费：六、其他需要报告的事项中本年度收取信息处理费2件共1400元，" +
        "而表二（八）行政事业性收费本年收费金额为0：信息处理费属于行政事业性收费，请核对表二（八）",
    });
    expect(w3(2, 1400, 0.1).message).toBe(
      "W3 六、信息处理费与表二（八）行政事业性收费：六、其他需要报告的事项中本年度收取信息处理费2件共1400元（0.14万元），" +
        "多于表二（八）行政事业性收费本年收费金额0.1万元，请核对",
    );
    expect(w3(2, 1400, 0.1).ok).toBe(false);
    expect(w3(2, 1400, 0.14)).toMatchObject({ ok: true });
    expect(w3(2, 1400, 12.5).message).toContain("表二（八）本年收费金额12.5万元：成立");
    // (八) holds the agency's other administrative fees too: no 信息处理费 is not a contradiction.
    expect(w3(0, 0, 12.5)).toMatchObject({ ok: true, message: expect.stringContaining("未收取信息处理费") });
    expect(w3(2, 1400, 0, false)).toMatchObject({ ok: true, message: expect.stringContaining("未核对") });
    expect(
      checkFees({ edition: "2019", table2: zeroTable2("2019"), table2Entered: true, facts: facts(2, 1400) }),
    ).toMatchObject({ ok: true, message: expect.stringContaining("2019年版") });
  });

  it("W4 warns when the preface text states the basis or the period again", () => {
    expect(checkPreface("本报告电子版可在县政府网站下载。如有疑问请与党政办联系。")).toMatchObject({
      id: "W4",
      ok: true,
    });
    const repeated = checkPreface(
      "本年报根据《中华人民共和国政府信息公开条例》有关规定，由某镇人民政府综合本年度政府信息公开工作情况编制而成。",
    );
    expect(repeated).toMatchObject({ id: "W4", ok: false, severity: "warning" });
    expect(repeated.message).toContain("“根据《中华人民共和国政府信息公开条例》”");
    expect(checkPreface("数据统计期限自2025年1月1日起至2025年12月31日止。").ok).toBe(false);
  });

  it("dates publication by art. 49: departments 31 January, governments and townships 31 March", () => {
    expect(publicationDueOn("department", 2025)).toBe("2026-01-31");
    expect(publicationDueOn("government", 2025)).toBe("2026-03-31");
    expect(publicationDueOn("township", 2025)).toBe("2026-03-31");
  });
});
