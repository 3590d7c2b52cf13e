// The 工作台 as a to-do list (issue 11): a handler opens on 待办, most urgent clock first; the
// tabs; a column sorts the whole list through the server (the first row of page 1 is the oldest
// of all pages); the approver's queue as a badge in the menu and a figure on the 工作台; the same
// at phone width (390×844).
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, civilDateInChina } from "../../src/domain/civil-date.ts";
import { type BrowserSuite, startBrowserSuite } from "./support/browser-suite.ts";
import { waitForText } from "./support/ui-helpers.ts";

const TODAY = civilDateInChina(new Date());
/** More than one page (20 a page) of the handler's cases. */
const CASES = 24;

interface Created {
  id: string;
  trackingNo: string;
}

describe("the 工作台's tabs, server sort and approval badge (browser)", () => {
  let s: BrowserSuite;
  const cases: Created[] = [];
  let urgent: Created;
  let withdrawn: Created;
  let proposed: Created;

  const register = async (receivedOn: string, name: string) => {
    const r = await s.api<Created>("clerk", "POST", "/api/v1/applications", {
      agencyCode: "town",
      channel: "online",
      receivedOn,
      applicant: { type: "natural_person", name },
      description: `申请公开：${name}所涉项目的批复文件`,
      handlerUsername: "handler",
    });
    expect(r.status).toBe(201);
    return r.body;
  };
  const act = async (id: string, body: Record<string, unknown>) => {
    const r = await s.api("handler", "POST", `/api/v1/applications/${id}/actions`, body);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  };

  beforeAll(async () => {
    s = await startBrowserSuite("worklist-todo");
    // received 1..24 days ago: the oldest (24 days) is on page 2 of the 待办 order
    for (let i = 1; i <= CASES; i++) cases.push(await register(addDays(TODAY, -i), `申请人${i}`));
    // a supplement notice posted 19 days ago whose receipt is not recorded: the most urgent clock
    urgent = cases[19] as Created;
    await act(urgent.id, {
      type: "request_supplement",
      on: addDays(TODAY, -19),
      items: ["请写明文件名称"],
      sentBy: "post",
    });
    withdrawn = cases[0] as Created;
    await act(withdrawn.id, { type: "withdraw", on: TODAY });
    proposed = cases[1] as Created;
    await act(proposed.id, {
      type: "propose_decision",
      on: TODAY,
      outcome: "disclosed",
    });
  });
  afterAll(async () => {
    await s?.close();
  });

  const rows = (page: Page) => page.locator(".worklist tbody tr");
  const firstRowText = (page: Page) => rows(page).first().textContent();
  const activeTab = (page: Page) =>
    page.locator(".worklist-tabs").getByRole("tab", { selected: true }).textContent();

  it("a handler opens on 待办 with the case whose clock runs out first on top; the tabs hold what they say", async () => {
    const page = await s.openAs("handler");
    await expect.poll(() => activeTab(page)).toBe("待办");
    // 24 cases, one withdrawn, one with the approver: 22 wait for the handler
    await waitForText(page.locator(".worklist"), "共 22 件");
    expect(await firstRowText(page)).toContain(urgent.trackingNo);
    expect(await rows(page).first().locator(".next-due").getAttribute("data-clock")).toBe("receipt");
    await waitForText(page.locator(".clock-counters"), "送达签收登记");
    await s.shot(page, "todo-handler");

    await page.getByRole("tab", { name: "已办" }).click();
    await waitForText(page.locator(".worklist"), "共 2 件");
    const done = await page.locator(".worklist").textContent();
    expect(done).toContain(withdrawn.trackingNo);
    expect(done).toContain(proposed.trackingNo);
    expect(new URL(page.url()).searchParams.get("view")).toBe("done");
    await s.shot(page, "done-handler");

    await page.getByRole("tab", { name: "全部" }).click();
    await waitForText(page.locator(".worklist"), `共 ${CASES} 件`);
    await page.getByRole("tab", { name: "我承办的" }).click();
    await waitForText(page.locator(".worklist"), `共 ${CASES} 件`);
  });

  it("a column sorts the whole list on the server: 收到日期 descending brings page 2's case to the top", async () => {
    const page = await s.openAs("handler");
    await page.getByRole("tab", { name: "全部" }).click();
    await waitForText(page.locator(".worklist"), `共 ${CASES} 件`);
    const newest = withdrawn;
    const oldest = cases[CASES - 1] as Created;
    // most urgent first: the withdrawn case, with no clock left, is the last of 24, on page 2
    await rows(page).nth(19).waitFor();
    expect(await page.locator(".worklist").textContent()).not.toContain(newest.trackingNo);
    await page.locator(".worklist th").filter({ hasText: "收到日期" }).click();
    await page.waitForURL(/sort=receivedOn/);
    expect(new URL(page.url()).searchParams.get("order")).toBe("asc");
    await expect.poll(() => firstRowText(page)).toContain(oldest.trackingNo);
    await s.shot(page, "sorted-received-ascending");
    await page.locator(".worklist th").filter({ hasText: "收到日期" }).click();
    await page.waitForURL(/order=desc/);
    await expect.poll(() => firstRowText(page)).toContain(newest.trackingNo);
    await s.shot(page, "sorted-received-descending");
    // page 2 holds the rest, still in the server's order: the oldest last
    await page.getByRole("navigation", { name: "分页" }).getByRole("button", { name: "第 2 页" }).click();
    await page.waitForURL(/page=2/);
    await expect.poll(() => rows(page).count()).toBe(CASES - 20);
    expect(await rows(page).last().textContent()).toContain(oldest.trackingNo);
  });

  it("the approver sees the queue as a badge in the menu and on the 工作台, and opens on 待办 with it", async () => {
    const page = await s.openAs("approver");
    await expect.poll(() => activeTab(page)).toBe("待办");
    await waitForText(page.locator(".worklist"), "共 1 件");
    expect(await firstRowText(page)).toContain(proposed.trackingNo);
    await waitForText(page.locator("nav[aria-label='主菜单'] .approval-badge"), "1");
    await waitForText(page.locator(".approval-count"), "1");
    await s.shot(page, "todo-approver-badge");
  });

  it("at phone width (390×844): the tabs, the counters and the table scroll sideways", async () => {
    for (const user of ["handler", "approver"] as const) {
      const page = await s.openAs(user);
      await page.setViewportSize({ width: 390, height: 844 });
      await expect.poll(() => activeTab(page)).toBe("待办");
      await rows(page).first().waitFor();
      if (user === "approver") await waitForText(page.locator(".approval-count"), "1");
      // the table scrolls inside its own box instead of stretching the page
      const box = await page.locator(".worklist").boundingBox();
      expect(box?.width).toBeLessThanOrEqual(390);
      if (user === "handler") {
        await page.locator(".worklist th").filter({ hasText: "收到日期" }).click();
        await page.waitForURL(/sort=receivedOn/);
        await expect.poll(() => firstRowText(page)).toContain((cases[CASES - 1] as Created).trackingNo);
      }
      await s.shot(page, `todo-${user}-phone`);
    }
  });
});
