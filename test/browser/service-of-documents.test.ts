import { readFile } from "node:fs/promises";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { civilDateInChina } from "../../src/domain/civil-date.ts";
import { type BrowserSuite, startBrowserSuite } from "./support/browser-suite.ts";
import { choose, dialog, fillDate, runAction, waitForText } from "./support/ui-helpers.ts";

/*
 * Dates of the 2026 calendar (no holiday in March; 清明 is 04-06), worked by hand:
 * registered by post Mon 03-02; supplement notice posted Tue 03-03; the reminder to record the
 * receipt 5 WD later: 03-04, 05, 06, 09, 10 → Tue 03-10. Signed for Fri 03-06 (not counted);
 * the 15-WD window: 03-09..13 (5), 03-16..20 (10), 03-23..27 (15) → Fri 03-27.
 */
const RECEIVED_ON = "2026-03-02";
const NOTICE_ON = "2026-03-03";
const RECORD_BY = "2026-03-10";
const SIGNED_ON = "2026-03-06";
const WINDOW_END = "2026-03-27";
const TRACKING_NO = "1151234567890";

interface Created {
  id: string;
}

/** The 送达 card's row of a document (`supplement_notice`, `consultation_letter-c1` …). */
function deliveryRow(page: Page, key: string): Locator {
  return page.locator(`.delivery-card tr[data-row-key='${key}']`);
}

/** The header of the 期限 card's panel for the clock labelled `label`. */
function clockHeader(page: Page, label: string): Locator {
  return page.locator(".ant-collapse-header").filter({ hasText: label });
}

/** Waits until the dialog's opening animation has ended (a dropdown opened mid-zoom can misplace). */
async function settled(d: Locator): Promise<void> {
  await expect
    .poll(() => d.evaluate((el) => el.getAnimations({ subtree: true }).length), { timeout: 10_000 })
    .toBe(0);
}

/** Clicks a control that downloads, and returns the file's name and bytes. */
async function download(page: Page, control: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent("download"), control.click()]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

describe("service of documents (送达) on the case page (browser)", () => {
  let s: BrowserSuite;
  beforeAll(async () => {
    s = await startBrowserSuite("service-of-documents");
  });
  afterAll(async () => {
    await s?.close();
  });

  async function register(channel: string, receivedOn: string, name: string): Promise<string> {
    const created = await s.api<Created>("clerk", "POST", "/api/v1/applications", {
      agencyCode: "town",
      channel,
      receivedOn,
      applicant: { type: "natural_person", name, address: "某镇幸福路 8 号" },
      description: "申请公开：本镇2026年度村道硬化工程的验收报告",
    });
    expect(created.status).toBe(201);
    return created.body.id;
  }

  it("a posted notice waits for its signature date; the clerk records it and the 送达回证 downloads", async () => {
    const id = await register("post", RECEIVED_ON, "陈某某");
    const handler = await s.openAs("handler", `/applications/${id}`);
    await waitForText(handler.locator(".case-state"), "已登记");
    await runAction(handler, "告知补正", async (d) => {
      await fillDate(d, "生效日期（实际发生之日）", NOTICE_ON);
      await d.getByLabel("需要补正的事项（每行一项）").fill("请明确所需验收报告的工程名称");
      // the application came by post: the notice goes by post unless the handler says otherwise
      await waitForText(d.locator(".ant-form-item").filter({ hasText: "送达方式" }), "邮寄送达");
      await s.shot(handler, "supplement-dialog");
    });
    await waitForText(handler.locator(".case-state"), "待补正");
    const window = clockHeader(handler, "补正期限");
    await waitForText(window, "待登记签收日期，期限自签收之日起计算");
    const row = deliveryRow(handler, "supplement_notice");
    await waitForText(row, "邮寄送达");
    expect(await row.textContent()).toContain(NOTICE_ON);
    expect(await row.textContent()).toContain(`待登记请于 ${RECORD_BY} 前登记`);
    await waitForText(handler.locator(".case-timeline"), "补正期限 15 个工作日；邮寄送达");
    await s.shot(handler, "notice-awaiting-receipt");
    // The handler issues the notice (it takes its number, once), then downloads it to post it.
    const [issued] = await Promise.all([
      handler.waitForResponse(
        (r) =>
          r.request().method() === "POST" &&
          r.url().endsWith(`/applications/${id}/letters/supplement_notice`),
      ),
      handler.getByRole("button", { name: "出具政府信息公开申请补正告知书" }).click(),
    ]);
    expect(issued.status()).toBe(201);
    await waitForText(handler.locator(".letters-list"), "李承办 于");
    const notice = await download(
      handler,
      handler.getByRole("link", { name: "政府信息公开申请补正告知书（Word）" }),
    );
    expect(notice.bytes.subarray(0, 2).toString("latin1")).toBe("PK");

    const clerk = await s.openAs("clerk", `/applications/${id}`);
    const clerkRow = deliveryRow(clerk, "supplement_notice");
    await clerkRow.getByRole("button", { name: "登记送达" }).click();
    const d = dialog(clerk);
    await d.waitFor();
    // the modal names the document and offers today as the signature date
    await waitForText(d, `补正告知书（${NOTICE_ON} 邮寄）`);
    await fillDate(d, "签收日期", SIGNED_ON);
    // clicking the next field closes the date panel
    await d.getByLabel("快递单号（可选）").click();
    await d.getByLabel("快递单号（可选）").fill(TRACKING_NO);
    await s.shot(clerk, "record-receipt-dialog");
    const [response] = await Promise.all([
      clerk.waitForResponse((r) => r.url().endsWith(`/applications/${id}/actions`)),
      d.getByRole("button", { name: /^确\s?定$/ }).click(),
    ]);
    expect(response.status()).toBe(200);
    await d.waitFor({ state: "detached" });

    // The window now counts from the signature date, and the card shows the date and number.
    const clerkWindow = clockHeader(clerk, "补正期限");
    await waitForText(clerkWindow, WINDOW_END);
    expect(await clerkWindow.textContent()).not.toContain("待登记签收日期");
    await waitForText(clerkRow, SIGNED_ON);
    expect(await clerkRow.textContent()).toContain(TRACKING_NO);
    expect(await clerkRow.getByRole("button", { name: "登记送达" }).count()).toBe(0);
    await waitForText(
      clerk.locator(".case-timeline"),
      `补正告知书签收日期 ${SIGNED_ON}；快递单号 ${TRACKING_NO}`,
    );
    const explanation = clerk.getByLabel("补正期限的计算说明");
    if (!(await explanation.isVisible())) await clerkWindow.click();
    await waitForText(explanation, `补正期限最后一日：${WINDOW_END}`);
    await s.shot(clerk, "receipt-recorded");

    const receipt = await download(clerk, clerkRow.getByRole("button", { name: "打印送达回证" }));
    expect(receipt.name).toMatch(/\.docx$/);
    expect(receipt.bytes.length).toBeGreaterThan(1000);
    expect(receipt.bytes.subarray(0, 2).toString("latin1")).toBe("PK");
  });

  it("the sending dialogs default to the channel's way, consultations by post, with the law's window", async () => {
    const id = await register("in_person", civilDateInChina(new Date()), "林某某");
    const page = await s.openAs("handler", `/applications/${id}`);
    await waitForText(page.locator(".case-state"), "已登记");
    await page.getByRole("button", { name: "告知补正", exact: true }).click();
    let d = dialog(page);
    await waitForText(d.locator(".ant-form-item").filter({ hasText: "送达方式" }), "直接送达（当面交付）");
    await d.getByRole("button", { name: /^取\s?消$/ }).click();
    await d.waitFor({ state: "detached" });

    await page.getByRole("button", { name: "征求意见", exact: true }).click();
    d = dialog(page);
    await waitForText(d.locator(".ant-form-item").filter({ hasText: "送达方式" }), "邮寄送达");
    await settled(d);
    await choose(page, d, "征求意见对象", "第三方（《条例》第三十二条）");
    await waitForText(d, "自收到之日起15个工作日（条例第三十二条、第三十四条）");
    expect(await d.getByLabel("答复日期（可选）").count()).toBe(0);
    await s.shot(page, "consultation-third-party");
    await choose(page, d, "征求意见对象", "其他机关");
    await d.getByLabel("答复日期（可选）").waitFor();
    expect(await d.textContent()).not.toContain("自收到之日起15个工作日（条例");
    await s.shot(page, "consultation-other-agency");
  });
});
