// Issue 11 in the UI: intake picks the handler from the agency's list (分办), the approver 转办s
// a case, the admin hands a disabled handler's open cases over; one pending proposal at a time
// (撤回), the reply's 文号 as soon as it is issued, 办理结果 without doubled brackets.
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, civilDateInChina } from "../../src/domain/civil-date.ts";
import { type BrowserSuite, startBrowserSuite } from "./support/browser-suite.ts";
import { choose, dialog, fillDate, runAction, waitForText } from "./support/ui-helpers.ts";

const TODAY = civilDateInChina(new Date());
const SIGNED_ON = addDays(TODAY, -2);

/**
 * runAction for a two-character button (分办, 转办): Ant Design shows it with a space between the
 * characters, so its accessible name is “转 办”.
 */
async function runTwoCharAction(page: Page, action: string, fill: (d: Locator) => Promise<void>) {
  await page.getByRole("button", { name: new RegExp(`^${action[0]}\\s?${action[1]}$`) }).click();
  const d = dialog(page);
  await d.waitFor();
  await fill(d);
  await d.getByRole("button", { name: /^确\s?定$/ }).click();
  await d.waitFor({ state: "detached" });
}

interface Created {
  id: string;
  trackingNo: string;
  handler: string | null;
}

describe("assignment and proposals (browser)", () => {
  let s: BrowserSuite;
  const newHandler = async (username: string, displayName: string) => {
    const r = await s.api("townadmin", "POST", "/api/v1/users", {
      username,
      password: "a-long-password",
      displayName,
      agencyCode: "town",
      roles: ["handler"],
    });
    expect(r.status).toBe(201);
  };
  const register = async (handlerUsername?: string) => {
    const r = await s.api<Created>("clerk", "POST", "/api/v1/applications", {
      agencyCode: "town",
      channel: "online",
      receivedOn: addDays(TODAY, -1),
      applicant: { type: "natural_person", name: "张三" },
      description: "申请公开：本镇2026年度道路养护经费的使用情况",
      ...(handlerUsername ? { handlerUsername } : {}),
    });
    expect(r.status).toBe(201);
    return r.body;
  };
  const handlerOf = async (id: string) =>
    (await s.api<Created>("approver", "GET", `/api/v1/applications/${id}`)).body.handler;

  beforeAll(async () => {
    s = await startBrowserSuite("assignment");
    await newHandler("h.wang", "王承办");
  });
  afterAll(async () => {
    await s?.close();
  });

  it("the clerk picks the handler from the agency's list at intake", async () => {
    const page = await s.openAs("clerk", "/intake");
    await page.getByLabel("信函申请（挂号/需签收）").check();
    await fillDate(page, "签收日期", SIGNED_ON);
    await page.getByLabel("自然人").check();
    await page.getByLabel("申请人姓名或名称").fill("李四");
    await page.getByLabel("所需政府信息的内容描述").fill("申请公开：本镇2026年度农村饮水工程的验收报告");
    await page.getByLabel("承办人", { exact: true }).click();
    const options = page.locator(".ant-select-dropdown .ant-select-item-option");
    await waitForText(page.locator(".ant-select-dropdown"), "王承办（h.wang）");
    await waitForText(page.locator(".ant-select-dropdown"), "李承办（handler）");
    await s.shot(page, "intake-handler-list");
    await options.filter({ hasText: "王承办" }).first().click();
    await page.getByRole("button", { name: "保存登记" }).click();
    await waitForText(page.locator(".ant-result"), "已登记：town-");
    await page.getByRole("link", { name: "查看申请" }).click();
    await page.locator(".case-timeline").waitFor();
    await waitForText(page.locator(".ant-descriptions"), "王承办");
    await s.shot(page, "intake-case-assigned");
  });

  it("the approver 转办s a case to another handler with a reason, in the log", async () => {
    const created = await register("handler");
    const page = await s.openAs("approver", `/applications/${created.id}`);
    await runTwoCharAction(page, "转办", async (d) => {
      await waitForText(d, "现承办人：李承办");
      await choose(page, d, "承办人", "王承办");
      await d.getByLabel("理由").fill("李承办出差，改由王承办办理");
      await s.shot(page, "reassign-dialog");
    });
    const timeline = page.locator(".case-timeline");
    await waitForText(timeline, "承办人：王承办（h.wang）；原承办人：李承办");
    await waitForText(timeline, "李承办出差，改由王承办办理");
    await waitForText(page.locator(".ant-descriptions"), "王承办");
    await s.shot(page, "reassigned");
    expect(await handlerOf(created.id)).toBe("王承办");
    // an unassigned case: the approver's button says 分办, no reason needed
    const unassigned = await register();
    await page.getByRole("link", { name: "审批" }).click();
    const listed = page.locator(".unassigned");
    await waitForText(listed, unassigned.trackingNo);
    await s.shot(page, "unassigned-for-approver");
    await listed.getByRole("link", { name: unassigned.trackingNo }).click();
    await runTwoCharAction(page, "分办", async (d) => {
      await choose(page, d, "承办人", "李承办");
    });
    await waitForText(page.locator(".case-timeline"), "承办人：李承办（handler）");
    expect(await handlerOf(unassigned.id)).toBe("李承办");
  });

  it("the admin disables a handler and hands their open cases over in one go", async () => {
    await newHandler("h.sun", "孙承办");
    const cases = [await register("h.sun"), await register("h.sun")];
    const page = await s.openAs("townadmin", "/admin/users");
    const row = page.locator('tr[data-row-key="h.sun"]');
    await row.getByRole("button", { name: "停用" }).click();
    await page.getByRole("button", { name: /^确\s?定$/ }).click();
    await waitForText(row, "已停用");
    await row.getByRole("button", { name: "交接申请" }).click();
    const d = dialog(page);
    await waitForText(d, "孙承办（h.sun）承办的全部未办结申请");
    await choose(page, d, "承办人", "王承办");
    await d.getByLabel("交接理由").fill("孙承办调离，工作交接");
    await s.shot(page, "hand-over-dialog");
    await d.getByRole("button", { name: /^交\s?接$/ }).click();
    await d.waitFor({ state: "detached" });
    await waitForText(page.locator(".ant-message"), "已将 2 件申请转办给 h.wang");
    await s.shot(page, "handed-over");
    for (const c of cases) expect(await handlerOf(c.id)).toBe("王承办");
    const view = await s.openAs("townadmin", `/applications/${cases[0]?.id}`);
    await waitForText(view.locator(".case-timeline"), "孙承办调离，工作交接");
    await waitForText(view.locator(".case-timeline"), "原承办人：孙承办");
  });

  it("one pending proposal: the handler withdraws it, submits again; the reply's 文号 shows once issued", async () => {
    const created = await register("handler");
    const handler = await s.openAs("handler", `/applications/${created.id}`);
    const propose = () =>
      runAction(handler, "提交答复审批", async (d) => {
        await choose(handler, d, "办理结果", "予以公开", { search: true });
      });
    await propose();
    const card = handler.locator(".pending-proposal");
    await waitForText(card, "审批前不能再提交另一份意见");
    expect(await handler.getByRole("button", { name: "提交答复审批", exact: true }).count()).toBe(0);
    await s.shot(handler, "proposal-pending-withdraw");
    await card.getByRole("button", { name: "撤回待审批的意见" }).click();
    await dialog(handler)
      .getByRole("button", { name: /^确\s?定$/ })
      .click();
    await dialog(handler).waitFor({ state: "detached" });
    await card.waitFor({ state: "detached" });
    await waitForText(handler.locator(".case-timeline"), "撤回待审批的意见");
    await propose();
    await waitForText(card, "予以公开");

    const approver = await s.openAs("approver", `/applications/${created.id}`);
    await runAction(approver, "批准并答复", async () => {});
    await waitForText(approver.locator(".case-state"), "已答复");
    const outcome = approver.locator(".case-outcome");
    await waitForText(outcome, "予以公开；年度报告表三 （一）；依据：");
    expect(await outcome.textContent()).not.toContain("（（");
    const letters = approver.locator(".letters-list");
    await letters.getByRole("button", { name: "出具政府信息公开申请答复书" }).click();
    // the number appears on the page as issued, without a reload
    await expect
      .poll(async () => (await letters.textContent()) ?? "", { timeout: 15_000 })
      .toMatch(/〔\d{4}〕第?\d+号/);
    await s.shot(approver, "reply-issued-number");
  });
});
