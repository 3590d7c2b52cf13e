// Personal data (个人信息保护法, issue 10) in the UI: the worklist shows masked ID numbers, the case
// page shows the full one to the handling agency, and the administrator's 访问日志 lists that read.
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, civilDateInChina } from "../../src/domain/civil-date.ts";
import { LEDGER_COLUMNS } from "../../src/imports/ledger-columns.ts";
import { type BrowserSuite, startBrowserSuite } from "./support/browser-suite.ts";
import { waitForText } from "./support/ui-helpers.ts";

const TODAY = civilDateInChina(new Date());
const ID = "110101199003071234";
const PHONE = "13611111111";
const MASKED_ID = "1101**********1234";

describe("personal data (browser)", () => {
  let s: BrowserSuite;
  let created: { id: string; trackingNo: string };
  beforeAll(async () => {
    s = await startBrowserSuite("personal-data");
    const r = await s.api<{ id: string; trackingNo: string }>("clerk", "POST", "/api/v1/applications", {
      agencyCode: "town",
      channel: "online",
      receivedOn: addDays(TODAY, -1),
      applicant: {
        type: "natural_person",
        name: "张三",
        idNumber: ID,
        phone: PHONE,
        address: "某镇幸福路八号",
      },
      description: "申请公开：本镇道路修缮工程的招标文件",
      handlerUsername: "handler",
    });
    expect(r.status).toBe(201);
    created = r.body;
  });
  afterAll(async () => {
    await s?.close();
  });

  it("the worklist shows the masked ID number, never the full one", async () => {
    const page = await s.openAs("handler");
    const row = page.locator(".worklist tbody tr").filter({ hasText: created.trackingNo });
    await waitForText(row, MASKED_ID);
    expect(await page.locator(".worklist").textContent()).not.toContain(ID);
    expect(await page.content()).not.toContain(PHONE);
    await s.shot(page, "worklist-masked");
  });

  it("the supervisor's case page is masked too", async () => {
    const page = await s.openAs("supervisor", `/applications/${created.id}`);
    await waitForText(page.locator(".applicant-id-number"), MASKED_ID);
    await waitForText(page.locator("body"), "已脱敏");
    expect(await page.content()).not.toContain(ID);
    await s.shot(page, "case-page-supervisor-masked");
  });

  it("the case page shows the full ID number to the handler, and the access log lists that read", async () => {
    const page = await s.openAs("handler");
    const reads: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "GET" && r.url().endsWith(`/api/v1/applications/${created.id}`)) reads.push(r.url());
    });
    await page.goto(`${s.baseUrl}/applications/${created.id}`);
    await waitForText(page.locator(".applicant-id-number"), ID);
    await waitForText(page.locator("body"), "本次查看已记入访问日志");
    await s.shot(page, "case-page-full");
    // one read per mount of the page (StrictMode mounts twice in the tests' development bundle)
    expect(reads.length).toBeGreaterThanOrEqual(1);

    const admin = await s.openAs("townadmin");
    await admin.getByRole("menuitem", { name: "系统管理" }).click();
    await admin.getByRole("link", { name: "访问日志" }).click();
    await admin.getByRole("heading", { name: "访问日志" }).waitFor();
    const table = admin.locator(".ant-table");
    const rows = admin.locator(".ant-table-row").filter({ hasText: created.trackingNo });
    // every answer that carried the full values is listed: no more, no less
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(reads.length);
    const read = rows.first();
    await waitForText(read, "李承办（handler）");
    await waitForText(read, "证件号码");
    await waitForText(read, "查看申请详情");
    // the log names the fields, never their values
    expect(await table.textContent()).not.toContain(ID);
    await s.shot(admin, "access-log");

    await admin.getByLabel("用户名").fill("clerk");
    await admin.getByRole("button", { name: /查\s?询/ }).click();
    await waitForText(admin.locator(".ant-table"), "没有符合条件的访问记录");
    await s.shot(admin, "access-log-filtered");
  });

  it("the admin's ledger export is masked unless asked for in full, and the full one is in the access log", async () => {
    const page = await s.openAs("townadmin", "/admin/ledger-import");
    /** The downloaded ledger's 证件号码 cells. */
    const exportedIds = async () => {
      const [file] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "导出本机关台账" }).click(),
      ]);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await readFile(await file.path())) as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet("台账");
      const column = LEDGER_COLUMNS.indexOf("证件号码") + 1;
      const ids: string[] = [];
      sheet?.eachRow((row, n) => {
        if (n > 1) ids.push(String(row.getCell(column).value));
      });
      return ids;
    };
    const ledgerExports = async () => {
      const r = await s.api<{ items: { kind: string }[] }>(
        "townadmin",
        "GET",
        "/api/v1/agencies/town/access-log",
      );
      return r.body.items.filter((i) => i.kind === "ledger_export").length;
    };
    expect(await exportedIds()).toEqual([MASKED_ID]);
    expect(await ledgerExports()).toBe(0);
    await page.getByRole("checkbox", { name: /含完整证件号码和联系电话/ }).check();
    await s.shot(page, "ledger-export-full");
    expect(await exportedIds()).toEqual([ID]);
    expect(await ledgerExports()).toBe(1);
    await page.goto(`${s.baseUrl}/admin/access-log`);
    await waitForText(page.locator(".ant-table"), "导出完整台账");
    await s.shot(page, "access-log-ledger-export");
  });
});
