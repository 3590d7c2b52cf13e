import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderReportDocx } from "../../src/reports/render-docx.ts";
import { renderReportHtml } from "../../src/reports/render-html.ts";
import { renderReportXlsx, SHEET_NAMES } from "../../src/reports/render-xlsx.ts";
import type { AnnualReport } from "../../src/reports/report-types.ts";
import { buildYear, yearSpecs } from "./support/build-year.ts";
import { convertDocx } from "./support/convert-docx.ts";
import { expectNarrativeAgreesWithTables } from "./support/narrative-numbers.ts";
import { docxTables, htmlTable } from "./support/read-documents.ts";
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

describe("the report documents", () => {
  let f: ReportFixture;
  let report: AnnualReport;

  beforeAll(async () => {
    f = await makeReportFixture({ now: new Date("2026-03-20T02:00:00Z") });
    await buildYear(f, yearSpecs());
    await f.reports.putProactive(f.actors.admin, "town", 2025, SAMPLE_TABLE2_2021);
    await f.reports.putTexts(f.actors.admin, "town", 2025, {
      overview: "2025年，本镇认真贯彻落实《条例》，坚持以公开为常态。\n健全公开制度，规范办理流程。",
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
