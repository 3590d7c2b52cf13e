import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { proactiveParagraph } from "../../src/reports/document/build-narrative.ts";
import { buildReportDocument } from "../../src/reports/document/build-report-document.ts";
import { renderReportDocx } from "../../src/reports/render-docx.ts";
import { renderReportHtml } from "../../src/reports/render-html.ts";
import { renderReportXlsx, SHEET_NAMES } from "../../src/reports/render-xlsx.ts";
import type { AnnualReport } from "../../src/reports/report-types.ts";
import { buildYear, yearSpecs } from "./support/build-year.ts";
import { convertDocx } from "./support/convert-docx.ts";
import { expectNarrativeAgreesWithTables } from "./support/narrative-numbers.ts";
import { docxParagraphs, docxTables, htmlTable } from "./support/read-documents.ts";
import { makeReportFixture, type ReportFixture } from "./support/report-fixture.ts";
import { SAMPLE_TABLE2_2021 } from "./support/table2-figures.ts";

const COLUMNS = [
  "natural_person",
  "commercial_enterprise",
  "research_institution",
  "social_welfare_org",
  "legal_service_org",
  "other_org",
  "total",
] as const;

/** The row labels of table 三 in the national format, 2021 edition (国办公开办函〔2021〕30号), in order. */
const LABELS_2021 = [
  "一、本年新收政府信息公开申请数量",
  "二、上年结转政府信息公开申请数量",
  "（一）予以公开",
  "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
  "1.属于国家秘密",
  "2.其他法律行政法规禁止公开",
  "3.危及“三安全一稳定”",
  "4.保护第三方合法权益",
  "5.属于三类内部事务信息",
  "6.属于四类过程性信息",
  "7.属于行政执法案卷",
  "8.属于行政查询事项",
  "1.本机关不掌握相关政府信息",
  "2.没有现成信息需要另行制作",
  "3.补正后申请内容仍不明确",
  "1.信访举报投诉类申请",
  "2.重复申请",
  "3.要求提供公开出版物",
  "4.无正当理由大量反复申请",
  "5.要求行政机关确认或重新出具已获取信息",
  "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
  "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
  "3.其他",
  "（七）总计",
  "四、结转下年度继续办理",
];
const LABELS_2019 = [...LABELS_2021.slice(0, 20), "（六）其他处理", ...LABELS_2021.slice(23)];
const ROW_KEYS_2021 = [
  "new_received",
  "carried_over",
  "disclosed",
  "partially_disclosed",
  ...[
    "state_secret",
    "prohibited_by_law",
    "security_stability",
    "third_party_rights",
    "internal_affairs",
    "process_information",
    "enforcement_file",
    "administrative_query",
  ].map((k) => `withheld.${k}`),
  ...["not_held", "requires_creation", "unclear_after_supplement"].map((k) => `unavailable.${k}`),
  ...["petition", "duplicate", "publication", "excessive", "confirmation"].map((k) => `not_processed.${k}`),
  ...["supplement_overdue", "fee_unpaid", "other"].map((k) => `other.${k}`),
  "result_total",
  "carried_forward",
];

const figuresOf = (r: AnnualReport, row: string) => COLUMNS.map((c) => r.table3.rows[row]?.[c]);

/** 一's subsections in the 2021 format (国办公开办函〔2021〕30号). */
const SUBHEADINGS = [
  "（一）主动公开",
  "（二）依申请公开",
  "（三）政府信息管理",
  "（四）平台建设",
  "（五）监督保障",
];

async function documentXml(r: AnnualReport): Promise<string> {
  const zip = await JSZip.loadAsync(await renderReportDocx(r));
  return (await zip.file("word/document.xml")?.async("string")) ?? "";
}

describe("the report documents", () => {
  let f: ReportFixture;
  let report: AnnualReport;

  beforeAll(async () => {
    f = await makeReportFixture({ now: new Date("2026-03-20T02:00:00Z") });
    const views = await buildYear(f, yearSpecs());
    // Letters numbered in 2025: three replies and one receipt (a 2026 reply is not counted).
    for (const label of ["outcome disclosed", "consulted", "fee paid", "2026"]) {
      await f.letters.issueLetter(f.actors.approver, views.get(label)?.id ?? "", "reply");
    }
    await f.letters.issueLetter(f.actors.approver, views.get("consulted")?.id ?? "", "receipt");
    await f.reports.putProactive(f.actors.admin, "town", 2025, SAMPLE_TABLE2_2021);
    await f.reports.putTexts(f.actors.admin, "town", 2025, {
      overview: "2025年，本镇认真贯彻落实《条例》，坚持以公开为常态。\n健全公开制度，规范办理流程。",
      preface: "本报告电子版可在县人民政府网站下载。\n如有疑问，请与党政办公室联系。",
      requests: "严格执行登记、审核、答复、送达各环节要求。",
      platforms: "加强政府网站信息公开专栏管理。",
      assessment: "将政府信息公开工作纳入年度目标责任考核。",
      problems: "公开的内容和渠道还有待完善。",
    });
    report = await f.reports.getReport(f.actors.admin, "town", 2025);
  }, 120_000);
  afterAll(async () => {
    await f?.handle.close();
  });

  it("states in the text exactly the figures of the tables", () => {
    expectNarrativeAgreesWithTables(report);
  });

  it("opens with one preface paragraph: the basis, the parts, the period, then the agency's contacts", async () => {
    // Before: the system's paragraph and the agency's text (“本年报根据《条例》有关规定…”) were two.
    const doc = buildReportDocument(report);
    expect(doc.preface).toEqual([
      {
        kind: "paragraph",
        text:
          "本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）第四十九条、第五十条的规定，由某镇人民政府编制。" +
          "全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、" +
          "存在的主要问题及改进情况、其他需要报告的事项六个部分。本报告所列数据的统计期限自2025年1月1日起至2025年12月31日止。" +
          "本报告电子版可在县人民政府网站下载。如有疑问，请与党政办公室联系。",
      },
    ]);
    const html = renderReportHtml(report);
    const beforeSections = html.slice(html.indexOf('<div class="status">'), html.indexOf("<section"));
    expect(beforeSections.match(/<p>/g)).toHaveLength(1);
    const paragraphs = docxParagraphs(await documentXml(report));
    const first = paragraphs.indexOf("一、总体情况");
    expect(paragraphs.slice(2, first)).toEqual([
      doc.preface[0]?.kind === "paragraph" ? doc.preface[0].text : "",
    ]);
    expect(paragraphs.filter((p) => p.includes("本报告根据")).length).toBe(1);
  });

  it("writes 一 with the five parts of the 2021 format, the township's 考核 part inside （五）, figures from the tables", async () => {
    const one = buildReportDocument(report).sections[0]?.blocks ?? [];
    const texts = one.map((b) =>
      b.kind === "subheading" ? `#${b.text}` : b.kind === "paragraph" ? b.text : "",
    );
    const at = (heading: string) => texts.indexOf(`#${heading}`);
    expect(texts.filter((t) => t.startsWith("#")).map((t) => t.slice(1))).toEqual(SUBHEADINGS);
    expect(texts.slice(0, at("（一）主动公开"))).toEqual([
      "2025年，本镇认真贯彻落实《条例》，坚持以公开为常态。",
      "健全公开制度，规范办理流程。",
    ]);
    const part = (heading: string, next?: string) =>
      texts.slice(at(heading) + 1, next === undefined ? undefined : at(next));
    expect(part("（一）主动公开", "（二）依申请公开")).toEqual([proactiveParagraph(report)]);
    expect(part("（一）主动公开", "（二）依申请公开")[0]).toMatch(
      /^本年度制发规章1件、废止0件，现行有效规章3件/,
    );
    const requests = part("（二）依申请公开", "（三）政府信息管理");
    expect(requests.map((p) => p.slice(0, 5))).toEqual([
      "本年度新收",
      "本年度办结",
      "本年度作出",
      "本年度出具",
      "本年度因政",
      "严格执行登",
    ]);
    expect(report.facts.letters).toEqual({
      receipt: 1,
      supplement_notice: 0,
      extension_notice: 0,
      consultation_letter: 0,
      fee_notice: 0,
      reply: 3,
    });
    expect(requests[3]).toBe("本年度出具登记回执1份、答复书3份。");
    expect(requests[0]).toMatch(
      new RegExp(`^本年度新收政府信息公开申请${report.table3.rows.new_received?.total}件`),
    );
    expect(requests[4]).toMatch(
      new RegExp(`^本年度因政府信息公开被申请行政复议${report.table4.administrative_review.total}件`),
    );
    expect(part("（三）政府信息管理", "（四）平台建设")).toEqual(["无。"]);
    expect(part("（四）平台建设", "（五）监督保障")).toEqual(["加强政府网站信息公开专栏管理。"]);
    const five = one.slice(one.findIndex((b) => b.kind === "subheading" && b.text === "（五）监督保障") + 1);
    expect(five).toEqual([
      { kind: "paragraph", text: "无。" },
      {
        kind: "paragraph",
        lead: "工作考核、社会评议和责任追究结果情况：",
        text: "将政府信息公开工作纳入年度目标责任考核。",
      },
    ]);
    expectNarrativeAgreesWithTables(report);
    const html = renderReportHtml(report);
    const section = html.slice(
      html.indexOf('<section id="section-一">'),
      html.indexOf('<section id="section-二">'),
    );
    expect([...section.matchAll(/<h3>(.*?)<\/h3>/g)].map((m) => m[1])).toEqual(SUBHEADINGS);
    expect(section).toContain(
      '<p><span class="lead">工作考核、社会评议和责任追究结果情况：</span>将政府信息公开工作纳入年度目标责任考核。</p>',
    );
    const paragraphs = docxParagraphs(await documentXml(report));
    const positions = SUBHEADINGS.map((h) => paragraphs.indexOf(h));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(paragraphs).toContain(
      "工作考核、社会评议和责任追究结果情况：将政府信息公开工作纳入年度目标责任考核。",
    );
  });

  it("leaves the 考核 part out of a department's report (art. 50(四) asks it of governments)", async () => {
    await f.reports.putTexts(f.actors.deptadmin, "dept", 2025, {
      oversight: "接受社会监督。",
      assessment: "不应出现",
    });
    const dept = await f.reports.getReport(f.actors.deptadmin, "dept", 2025);
    const one = buildReportDocument(dept).sections[0]?.blocks ?? [];
    expect(one.flatMap((b) => (b.kind === "subheading" ? [b.text] : []))).toEqual(SUBHEADINGS);
    expect(one.some((b) => b.kind === "paragraph" && b.lead !== undefined)).toBe(false);
    expect(renderReportHtml(dept)).not.toContain("不应出现");
    expect(renderReportHtml(dept)).not.toContain("责任追究结果情况");
    expect(dept.narrative.overview.map((p) => p.textKey)).not.toContain("assessment");
    expect(dept.checks.find((c) => c.id === "W2")?.message).toBe(
      "W2 一、总体情况有4个部分尚未填写（系统只生成已知的数字）：一（一）主动公开、一（二）依申请公开、一（三）政府信息管理、一（四）平台建设",
    );
    expectNarrativeAgreesWithTables(dept);
  });

  it("lays out table 三 in HTML with the 25 rows and 7 figure columns of the 2021 edition", () => {
    const html = renderReportHtml(report);
    const t = htmlTable(html, "table3");
    expect(t.bodyRows).toHaveLength(25);
    expect(t.bodyRows.map((r) => r.labels.at(-1))).toEqual(LABELS_2021);
    t.bodyRows.forEach((row, i) => {
      expect(row.figures).toHaveLength(7);
      expect(row.figures, LABELS_2021[i]).toEqual(figuresOf(report, ROW_KEYS_2021[i] as string));
    });
    expect(t.headerText).toContain("本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和");
    expect(html).toContain('<th colspan="3" rowspan="3">');
    expect(html).toContain('<th colspan="5">法人或其他组织</th>');
    expect(html).toContain("@page { size: A4");
    for (const heading of ["一、总体情况", "二、主动公开政府信息情况", "六、其他需要报告的事项"])
      expect(html).toContain(`<h2>${heading}</h2>`);
  });

  it("uses the 2019 edition for 2020: 23 rows with one （六）其他处理 row", async () => {
    const r2020 = await f.reports.getReport(f.actors.admin, "town", 2020);
    expect(r2020.edition).toBe("2019");
    const t = htmlTable(renderReportHtml(r2020), "table3");
    expect(t.bodyRows.map((r) => r.labels.at(-1))).toEqual(LABELS_2019);
    expect(t.bodyRows.every((r) => r.figures.length === 7 && r.figures.every((n) => n === 0))).toBe(true);
    const t2 = htmlTable(renderReportHtml(r2020), "table2");
    expect(t2.text).toContain("本年新制作数量");
    expect(t2.text).toContain("政府集中采购");
  });

  it("writes the DOCX with the three tables, merged header cells, the numbers and Chinese fonts on A4", async () => {
    const zip = await JSZip.loadAsync(await renderReportDocx(report));
    const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
    const tables = docxTables(xml);
    expect(tables).toHaveLength(3);
    const [t2, t3, t4] = tables as [
      (typeof tables)[number],
      (typeof tables)[number],
      (typeof tables)[number],
    ];
    expect(t3.xml).toContain('<w:gridSpan w:val="3"/>');
    expect(t3.xml).toContain('<w:gridSpan w:val="5"/>');
    expect(t3.xml).toMatch(/<w:vMerge w:val="restart"\/>/);
    expect(t3.xml).toMatch(/<w:vMerge(?: w:val="continue")?\/>/);
    expect(t3.rows).toHaveLength(3 + 25);
    t3.rows.slice(3).forEach((cells, i) => {
      expect(cells.slice(-7).map(Number), LABELS_2021[i]).toEqual(
        figuresOf(report, ROW_KEYS_2021[i] as string),
      );
    });
    expect(t4.rows.at(-1)?.map(Number)).toEqual(
      Object.values(report.table4).flatMap((c) => Object.values(c)),
    );
    expect(t2.rows.find((r) => r[0] === "行政许可")?.[1]).toBe("152");
    for (const font of ["仿宋_GB2312", "宋体", "黑体"]) expect(xml).toContain(`w:eastAsia="${font}"`);
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toContain(`${report.agencyName}2025年政府信息公开工作年度报告`);
  });

  it("writes the XLSX: three sheets with merged headers and the same numbers, A4 fit to width", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderReportXlsx(report)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(Object.values(SHEET_NAMES));
    const s3 = wb.getWorksheet(SHEET_NAMES.table3) as ExcelJS.Worksheet;
    ROW_KEYS_2021.forEach((key, i) => {
      const row = s3.getRow(5 + i);
      expect(String(row.getCell(3).value ?? row.getCell(2).value ?? row.getCell(1).value)).toBeTruthy();
      expect(
        [4, 5, 6, 7, 8, 9, 10].map((c) => row.getCell(c).value),
        key,
      ).toEqual(figuresOf(report, key));
    });
    expect(s3.getCell("A2").isMerged).toBe(true);
    expect(s3.getCell("C4").master.address).toBe("A2");
    expect(s3.getCell("H3").master.address).toBe("E3");
    expect(s3.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1 });
    const s4 = wb.getWorksheet(SHEET_NAMES.table4) as ExcelJS.Worksheet;
    expect(s4.getRow(5).values).toEqual([
      undefined,
      ...Object.values(report.table4).flatMap((c) => Object.values(c)),
    ]);
    const s2 = wb.getWorksheet(SHEET_NAMES.table2) as ExcelJS.Worksheet;
    expect(s2.getColumn(1).values).toContain("行政规范性文件");
  });

  it("converts to PDF with LibreOffice and to page images", async () => {
    const { pages, images } = await convertDocx(await renderReportDocx(report), "report-2025");
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(pages).toBeLessThanOrEqual(8);
    expect(images).toHaveLength(pages);
  }, 180_000);
});
