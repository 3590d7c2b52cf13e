import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { civilDateInChina } from "../../src/domain/civil-date.ts";
import { type BrowserSuite, startBrowserSuite } from "./support/browser-suite.ts";
import { choose, waitForText } from "./support/ui-helpers.ts";

const TODAY = civilDateInChina(new Date());
/** Last year: every date of the ledger lies in the past, and its cases reach into this year. */
const Y = Number(TODAY.slice(0, 4)) - 1;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

type LedgerRow = Record<string, string>;

/** Four cases of last year: 2 disclosed, 1 partly disclosed (an enterprise), 1 still open. */
const ROWS: LedgerRow[] = [
  {
    编号: `${Y}-001`,
    收到日期: `${Y}-03-03`,
    申请方式: "网络申请",
    申请人类型: "自然人",
    申请人: "张甲",
    申请内容: "本镇道路修缮工程的招标文件",
    答复日期: `${Y}-03-10`,
    答复结果: "予以公开",
  },
  {
    编号: `${Y}-002`,
    收到日期: `${Y}-03-04`,
    申请方式: "当面申请",
    申请人类型: "商业企业",
    申请人: "某建筑有限公司",
    申请内容: "本镇集贸市场改造项目的验收报告",
    答复日期: `${Y}-03-12`,
    答复结果: "部分公开",
  },
  {
    编号: `${Y}-003`,
    收到日期: `${Y}-04-01`,
    申请方式: "网络申请",
    申请人类型: "自然人",
    申请人: "李丙",
    申请内容: "本镇低保名单的公示材料",
    答复日期: `${Y}-04-08`,
    答复结果: "予以公开了",
  },
  {
    编号: `${Y}-004`,
    收到日期: `${Y}-12-20`,
    申请方式: "网络申请",
    申请人类型: "自然人",
    申请人: "王丁",
    申请内容: "本镇河道整治的资金拨付文件",
  },
];

/** The template's 台账 sheet with `rows` below its header row, as the bytes of an XLSX file. */
async function ledgerFile(template: Buffer, rows: LedgerRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet("台账");
  if (!sheet) throw new Error("模板中没有“台账”工作表");
  const columnOf = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    columnOf.set(String(cell.value), col);
  });
  rows.forEach((values, i) => {
    const row = sheet.getRow(i + 2);
    for (const [header, value] of Object.entries(values)) {
      const col = columnOf.get(header);
      if (col === undefined) throw new Error(`模板中没有“${header}”列`);
      row.getCell(col).value = value;
    }
    row.commit();
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Clicks a button that downloads, and returns the file's name and bytes. */
async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: button }).click(),
  ]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

async function pick(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.locator(".ledger-import input[type=file]").setInputFiles({ name, mimeType: XLSX, buffer });
  await waitForText(page.locator(".ant-upload-list"), name);
}

/** 校验（试导入）, then waits until the report names this file (a report comes only with a result). */
async function dryRun(page: Page, name: string): Promise<void> {
  await page.getByRole("button", { name: "校验（试导入）" }).click();
  await waitForText(page.locator(".import-summary"), name);
}

/**
 * 正式导入 through the typed confirmation. Checks that the page asked for the answer as a stream
 * of lines and got one (Chromium need not keep the body of a streamed response to read back).
 */
async function realRun(page: Page): Promise<void> {
  await page.getByRole("button", { name: "正式导入" }).click();
  const dialog = page.getByRole("dialog");
  const ok = dialog.getByRole("button", { name: "正式导入" });
  await ok.waitFor();
  expect(await ok.isDisabled()).toBe(true);
  await dialog.getByLabel("确认文字").fill("确认导入");
  const answer = page.waitForResponse((r) => r.url().includes("/imports?dryRun=false"));
  await ok.click();
  await dialog.waitFor({ state: "hidden" });
  const response = await answer;
  expect(response.request().headers().accept).toContain("application/x-ndjson");
  expect(response.headers()["content-type"]).toContain("application/x-ndjson");
}

function errorRows(page: Page) {
  return page.locator(".import-errors .ant-table-row");
}

/** The cells of a table 三 row in the tab shown, as numbers by column. */
async function table3Row(page: Page, row: string): Promise<Record<string, number>> {
  const cells = page.locator(
    `.import-tables [role=tabpanel][aria-hidden=false] table.table3 tr[data-row='${row}'] td[data-column]`,
  );
  const out: Record<string, number> = {};
  for (const cell of await cells.all()) {
    out[(await cell.getAttribute("data-column")) ?? ""] = Number(await cell.textContent());
  }
  return out;
}

const zeros = {
  natural_person: 0,
  commercial_enterprise: 0,
  research_institution: 0,
  social_welfare_org: 0,
  legal_service_org: 0,
  other_org: 0,
  total: 0,
};

describe("台账导入 (browser)", () => {
  let s: BrowserSuite;
  let template: Buffer;
  beforeAll(async () => {
    s = await startBrowserSuite("ledger-import");
  });
  afterAll(async () => {
    await s?.close();
  });

  it("the agency admin checks a ledger, sees the unknown 答复结果 with its suggestion, fixes it, sees table 三 and imports it", async () => {
    const page = await s.openAs("townadmin");
    await page.getByRole("menuitem", { name: "系统管理" }).click();
    await page.getByRole("link", { name: "台账导入" }).click();
    await page.getByRole("heading", { name: "台账导入" }).waitFor();

    const tpl = await download(page, "下载模板");
    expect(tpl.name).toBe("政府信息公开申请台账（导入模板）.xlsx");
    template = tpl.bytes;

    await pick(page, "台账.xlsx", await ledgerFile(template, ROWS));
    await dryRun(page, "台账.xlsx");
    const summary = page.locator(".import-summary");
    expect(await summary.locator("td").allTextContents()).toEqual(["台账.xlsx", "4", "1"]);
    expect(await errorRows(page).count()).toBe(1);
    const [rowNo, column, text] = await errorRows(page).first().locator("td").allTextContents();
    expect([rowNo, column]).toEqual(["4", "答复结果"]);
    expect(text).toContain("“予以公开了”不是表三的办理结果。是否为“予以公开”？");
    expect(await page.getByRole("button", { name: "正式导入" }).isDisabled()).toBe(true);
    await s.shot(page, "dry-run-error");

    const fixed = ROWS.map((r) => (r.答复结果 === "予以公开了" ? { ...r, 答复结果: "予以公开" } : r));
    await pick(page, "台账（已改正）.xlsx", await ledgerFile(template, fixed));
    expect(await page.getByRole("button", { name: "正式导入" }).isDisabled()).toBe(true);
    await dryRun(page, "台账（已改正）.xlsx");
    expect(await summary.locator("td").allTextContents()).toEqual(["台账（已改正）.xlsx", "4", "0"]);
    await waitForText(page.locator(".import-check"), "校验通过：4 行均可导入");
    expect(await page.locator(".import-tables .ant-tabs-tab").allTextContents()).toEqual(
      Array.from({ length: Number(TODAY.slice(0, 4)) - Y + 1 }, (_, i) => `${Y + i}年`),
    );
    expect(await table3Row(page, "new_received")).toEqual({
      ...zeros,
      natural_person: 3,
      commercial_enterprise: 1,
      total: 4,
    });
    expect(await table3Row(page, "disclosed")).toEqual({ ...zeros, natural_person: 2, total: 2 });
    expect(await table3Row(page, "partially_disclosed")).toEqual({
      ...zeros,
      commercial_enterprise: 1,
      total: 1,
    });
    expect(await table3Row(page, "carried_forward")).toEqual({ ...zeros, natural_person: 1, total: 1 });
    await s.shot(page, "dry-run-table3");

    await realRun(page);
    await waitForText(page.locator(".ant-result"), "已向“某镇人民政府”导入 4 件申请");
    const bar = page.getByRole("progressbar", { name: "导入进度" });
    expect(await bar.getAttribute("aria-valuenow")).toBe("100");
    await s.shot(page, "imported");

    // Written, not only shown: the year's report counts the cases.
    const report = await s.api<{ table3: { rows: Record<string, Record<string, number>> } }>(
      "townadmin",
      "GET",
      `/api/v1/agencies/town/reports/${Y}`,
    );
    expect(report.body.table3.rows.disclosed?.natural_person).toBe(2);
    await page.getByRole("button", { name: "到工作台查看" }).click();
    await waitForText(page.locator(".worklist"), "王丁");
  });

  it("a real run refused because another admin imported the same rows meanwhile shows the rows (422)", async () => {
    const rows = [{ ...(ROWS[0] as LedgerRow), 编号: `${Y}-101`, 申请人: "赵戊" }];
    const file = await ledgerFile(template, rows);
    const first = await s.openAs("townadmin", "/admin/ledger-import");
    await pick(first, "第二批.xlsx", file);
    await dryRun(first, "第二批.xlsx");
    await waitForText(first.locator(".import-check"), "校验通过：1 行均可导入");

    const second = await s.openAs("townadmin", "/admin/ledger-import");
    await pick(second, "第二批.xlsx", file);
    await dryRun(second, "第二批.xlsx");
    await realRun(second);
    await waitForText(second.locator(".ant-result"), "导入 1 件申请");

    await realRun(first);
    const alert = first.locator(".import-failure");
    await waitForText(alert, "导入被拒绝，未写入任何申请");
    expect(await alert.textContent()).toContain("未导入任何申请");
    const [rowNo, column, text] = await errorRows(first).first().locator("td").allTextContents();
    expect([rowNo, column]).toEqual(["2", "编号"]);
    expect(text).toContain("这一行可能已经导入过");
    expect(await first.getByRole("button", { name: "正式导入" }).isDisabled()).toBe(true);
    await s.shot(first, "refused-422");
  });

  it("the system admin picks the agency and exports its ledger in the import format", async () => {
    const page = await s.openAs("sysadmin", "/admin/ledger-import");
    await page.getByRole("heading", { name: "台账导入" }).waitFor();
    expect(await page.locator(".ant-upload-disabled").count()).toBeGreaterThan(0);
    expect(await page.getByRole("button", { name: "导出本机关台账" }).isDisabled()).toBe(true);
    await choose(page, page, "机关", "某镇人民政府");
    await choose(page, page, "导出年度", `${Y}年`);
    const ledger = await download(page, "导出本机关台账");
    expect(ledger.name).toBe(`某镇人民政府政府信息公开申请台账（${Y}年收到）.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(ledger.bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("台账");
    const numbers: string[] = [];
    sheet?.eachRow((row, n) => {
      if (n > 1) numbers.push(String(row.getCell(1).value));
    });
    expect(numbers.sort()).toEqual([`${Y}-001`, `${Y}-002`, `${Y}-003`, `${Y}-004`, `${Y}-101`]);
    await s.shot(page, "system-admin-export");
  });

  it("says plainly when the file is not a workbook, too large (413), or the connection fails", async () => {
    const page = await s.openAs("townadmin", "/admin/ledger-import");
    const alert = page.locator(".import-failure");

    await pick(page, "不是表格.xlsx", Buffer.from("编号,收到日期\n"));
    await page.getByRole("button", { name: "校验（试导入）" }).click();
    await waitForText(alert, "文件不是有效的 XLSX 工作簿");

    await pick(page, "太大.xlsx", Buffer.alloc(21 * 1024 * 1024, 0x50));
    await page.getByRole("button", { name: "校验（试导入）" }).click();
    await waitForText(alert, "文件过大（上限 20 MB）");
    await s.shot(page, "too-large");

    // A connection lost on the way: the one case the real server cannot be made to produce.
    await page.route("**/api/v1/agencies/*/imports**", (route) => route.abort("internetdisconnected"));
    await pick(page, "台账.xlsx", await ledgerFile(template, ROWS));
    await page.getByRole("button", { name: "校验（试导入）" }).click();
    await waitForText(alert, "无法连接服务器，请检查网络后重试");
  });
});
