// Intake's checks of the applicant's numbers (issue 11), in the browser: a wrong 居民身份证号码
// is refused next to the field before anything is sent, the corrected one is saved with its ID
// type, and the case page shows every field that was entered (证件类型, 证件号码 in full for the
// handling agency, 获取信息的方式, 挂号单号) — at desktop width and at 390×844.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, civilDateInChina } from "../../src/domain/civil-date.ts";
import { type BrowserSuite, startBrowserSuite } from "./support/browser-suite.ts";
import { fillDate, waitForText } from "./support/ui-helpers.ts";

const TODAY = civilDateInChina(new Date());
const SIGNED_ON = addDays(TODAY, -1);
const WRONG_ID = "110101199003074478";
const RIGHT_ID = "110101199003074477";

describe("registration data (browser)", () => {
  let s: BrowserSuite;
  beforeAll(async () => {
    s = await startBrowserSuite("registration");
  });
  afterAll(async () => {
    await s?.close();
  });

  for (const [width, height, suffix] of [
    [1440, 900, "desktop"],
    [390, 844, "phone"],
  ] as const) {
    it(`a wrong 居民身份证号码 is refused at the field, the right one saved; the case page shows every field (${suffix})`, async () => {
      const name = `王${suffix === "desktop" ? "一" : "二"}`;
      const page = await s.openAs("clerk", "/intake");
      await page.setViewportSize({ width, height });
      await page.getByLabel("信函申请（挂号/需签收）").check();
      await fillDate(page, "签收日期", SIGNED_ON);
      await page.getByLabel("挂号单号").fill("XA123456789CN");
      await page.getByLabel("申请人姓名或名称").fill(name);
      const idField = page.locator(".ant-form-item").filter({ has: page.getByLabel("证件号码") });
      await page.getByLabel("证件号码").fill(WRONG_ID);
      await page.getByLabel("联系电话").fill("abc");
      await page.getByLabel("所需政府信息的内容描述").fill("申请公开：本镇2026年度道路养护经费的使用情况");
      await page.getByRole("button", { name: "保存登记" }).click();
      await waitForText(idField, "证件号码不是有效的居民身份证号码");
      expect(await idField.textContent()).not.toContain("应为7");
      const phoneField = page.locator(".ant-form-item").filter({ has: page.getByLabel("联系电话") });
      await waitForText(phoneField, "联系电话不是有效的电话号码");
      await s.shot(page, `intake-wrong-id-${suffix}`);
      const none = await s.api<{ total: number }>(
        "clerk",
        "GET",
        `/api/v1/applications?q=${encodeURIComponent(name)}`,
      );
      expect(none.body.total).toBe(0);

      await page.getByLabel("证件号码").fill(RIGHT_ID);
      await page.getByLabel("联系电话").fill("0571-87654321");
      await page.getByRole("button", { name: "保存登记" }).click();
      await waitForText(page.locator(".ant-result"), "已登记：town-");
      await s.shot(page, `intake-saved-${suffix}`);
      const list = await s.api<{ items: { id: string }[] }>(
        "clerk",
        "GET",
        `/api/v1/applications?q=${encodeURIComponent(name)}`,
      );
      const id = list.body.items[0]?.id ?? "";
      const stored = await s.api<{
        applicant: { idType?: string; idNumber?: string };
        trackingNumber: string;
      }>("clerk", "GET", `/api/v1/applications/${id}`);
      expect(stored.body.applicant).toMatchObject({ idType: "resident_id", idNumber: RIGHT_ID });
      expect(stored.body.trackingNumber).toBe("XA123456789CN");

      const handler = await s.openAs("handler", `/applications/${id}`);
      await handler.setViewportSize({ width, height });
      const details = handler.locator("main");
      await waitForText(details, RIGHT_ID);
      for (const text of [
        "证件类型",
        "居民身份证",
        "0571-87654321",
        "获取信息的方式",
        "挂号单号",
        "XA123456789CN",
      ]) {
        await waitForText(details, text);
      }
      await s.shot(handler, `case-page-fields-${suffix}`);
    });
  }
});
