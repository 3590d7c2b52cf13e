import { readFileSync } from "node:fs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemo } from "../../src/demo/load-demo.ts";
import { table3Layout } from "../../src/domain/tabulation/table3-layout.ts";
import { SECTION_HEADINGS } from "../../src/reports/document/build-report-document.ts";
import { renderReportDocx } from "../../src/reports/render-docx.ts";
import { renderReportHtml } from "../../src/reports/render-html.ts";
import type { AnnualReport } from "../../src/reports/report-types.ts";
import type { Actor } from "../../src/services/actor.ts";
import { expectNarrativeAgreesWithTables } from "./support/narrative-numbers.ts";
import { htmlTable } from "./support/read-documents.ts";
import { d, makeReportFixture, type ReportFixture } from "./support/report-fixture.ts";

const REFERENCE = readFileSync(
  new URL("./fixtures/annual-report-2021-township-sample.txt", import.meta.url),
  "utf8",
);
const squeeze = (s: string) => s.replace(/\s+/g, "");

/** The 2021 report of 嵋阳镇人民政府 from the demo data, against the real 2021 township report. */
describe("the demo township's 2021 report", () => {
  let f: ReportFixture;
  let report: AnnualReport;
  let html: string;

  beforeAll(async () => {
    f = await makeReportFixture({ now: new Date("2022-03-01T02:00:00Z") });
    const summary = await loadDemo({
      accounts: f.accounts,
      applications: f.applications,
      calendar: await f.calendars.get(),
      today: d("2022-03-01"),
      fromYear: 2021,
    });
    expect(summary?.applications).toBeGreaterThan(100);
    const admin = (await f.accounts.toActor(
      (
        await f.db
          .selectFrom("users")
          .select("id")
          .where("username", "=", "myz-admin")
          .executeTakeFirstOrThrow()
      ).id,
    )) as Actor;
    await f.reports.putProactive(admin, "myz", 2021, {
      regulations: { issued: 0, repealed: 0, in_force: 0 },
      normative_documents: { issued: 9, repealed: 0, in_force: 9 },
      administrative_licensing: { decisions: 0 },
      administrative_punishment: { decisions: 2 },
      administrative_enforcement: { decisions: 0 },
      administrative_fees: { amount_wan_yuan: 0 },
    });
    await f.reports.putTexts(admin, "myz", 2021, {
      overview:
        "我镇全面贯彻落实《中华人民共和国政府信息公开条例》，按照县政府工作部署要求，结合全镇中心工作，进一步提高政府信息公开工作的质量和实效。",
      problems: "公开的内容和渠道还有待完善，公开的专业性和实效性有待进一步加强。",
      preface: "本报告电子版可在临猗县人民政府网站政府信息公开专栏下载。",
    });
    report = await f.reports.getReport(admin, "myz", 2021);
    html = renderReportHtml(report);
  }, 300_000);
  afterAll(async () => {
    await f?.handle.close();
  });

  it("has the reference's six sections, in order, with the same headings", async () => {
    const referenceHeadings = REFERENCE.split("\n")
      .filter((l) => /^[一二三四五六]、/.test(l))
      .map((l) => l.trim());
    expect(referenceHeadings).toEqual([...SECTION_HEADINGS]);
    expect([...html.matchAll(/<h2>(.*?)<\/h2>/g)].map((m) => m[1])).toEqual(referenceHeadings);
    const xml =
      (await (
        await JSZip.loadAsync(await renderReportDocx(report))
      )
        .file("word/document.xml")
        ?.async("string")) ?? "";
    const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("\n");
    const positions = referenceHeadings.map((h) => text.indexOf(`\n${h}\n`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).toContain("嵋阳镇人民政府2021年政府信息公开工作年度报告");
  });

  it("opens with one preface paragraph, as the reference does, and writes 一 in the parts of the 2021 format", () => {
    const lines = REFERENCE.split("\n").map((l) => l.trim());
    const referencePreface = lines
      .slice(lines.indexOf("年度报告") + 1, lines.indexOf("一、总体情况"))
      .filter((l) => l !== "");
    expect(referencePreface).toHaveLength(1);
    expect(referencePreface[0]).toContain("数据统计期限自2021年1月1日起至2021年12月31日止");
    const preface = html.slice(html.indexOf('<div class="status">'), html.indexOf("<section"));
    const paragraphs = [...preface.matchAll(/<p>(.*?)<\/p>/g)].map((m) => m[1] ?? "");
    expect(paragraphs).toHaveLength(1);
    expect(paragraphs[0]).toMatch(/^本报告根据《中华人民共和国政府信息公开条例》/);
    expect(paragraphs[0]).toContain("本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。");
    expect(paragraphs[0]).toMatch(/本报告电子版可在临猗县人民政府网站政府信息公开专栏下载。$/);
    expect(html).not.toContain("本年报根据");
    const one = html.slice(
      html.indexOf('<section id="section-一">'),
      html.indexOf('<section id="section-二">'),
    );
    expect([...one.matchAll(/<h3>(.*?)<\/h3>/g)].map((m) => m[1])).toEqual([
      "（一）主动公开",
      "（二）依申请公开",
      "（三）政府信息管理",
      "（四）平台建设",
      "（五）监督保障",
    ]);
    // a township is a government: art. 50(四)
    expect(one).toContain('<span class="lead">工作考核、社会评议和责任追究结果情况：</span>');
  });

  it("lays out section 二 in the 2021 format, not the superseded 2019 one of the reference", () => {
    const t2 = htmlTable(html, "table2").text;
    for (const label of [
      "本年制发件数",
      "本年废止件数",
      "现行有效件数",
      "本年处理决定数量",
      "本年收费金额（单位：万元）",
      "行政规范性文件",
    ]) {
      expect(t2).toContain(label);
    }
    for (const old of ["本年新制作数量", "上一年项目数量", "本年增/减", "政府集中采购"])
      expect(t2).not.toContain(old);
    expect(REFERENCE).toContain("本年新制作数量"); // the sample's mistake
  });

  it("prints table 三 and 四 with the labels of the real report", () => {
    for (const row of table3Layout("2021").rows)
      expect(squeeze(REFERENCE), row.label).toContain(squeeze(row.label));
    const t3 = htmlTable(html, "table3");
    expect(t3.bodyRows).toHaveLength(25);
    expect(t3.bodyRows.every((r) => r.figures.length === 7)).toBe(true);
    for (const label of [
      "行政复议",
      "行政诉讼",
      "未经复议直接起诉",
      "复议后起诉",
      "结果维持",
      "结果纠正",
      "其他结果",
      "尚未审结",
      "总计",
    ]) {
      expect(htmlTable(html, "table4").text).toContain(label);
      expect(squeeze(REFERENCE)).toContain(label);
    }
  });

  it("passes its checks and states no figure in the text that disagrees with a table", async () => {
    const received = await f.db
      .selectFrom("applications as a")
      .innerJoin("agencies as g", "g.id", "a.agency_id")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("g.code", "=", "myz")
      .where("a.received_on", ">=", "2021-01-01")
      .where("a.received_on", "<=", "2021-12-31")
      .executeTakeFirstOrThrow();
    expect(report.table3.rows.new_received?.total).toBe(Number(received.n));
    const errors = report.checks.filter((c) => c.severity === "error" && !c.ok);
    expect(errors).toEqual([]);
    expectNarrativeAgreesWithTables(report);
    expect(html).toContain("具体情况见第二部分");
  });
});
