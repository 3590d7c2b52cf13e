// Issue 11, administration and report pages: the 定稿 button says what blocks it; one check
// vocabulary (通过 / 未通过 / 需确认, never “通过 … 未核对”); closing a year with the year typed out;
// the version history with each 定稿日期, its files, and an amendment with a reason; the
// supervisor's overview at the top of 统计 with figures that agree with the overdue cases. Desktop
// and phone width (390×844), screenshots.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, civilDateInChina } from "../../src/domain/civil-date.ts";
import { type BrowserSuite, startBrowserSuite } from "./support/browser-suite.ts";
import { choose, waitForText } from "./support/ui-helpers.ts";

const TODAY = civilDateInChina(new Date());
const THIS_YEAR = Number(TODAY.slice(0, 4));
/** Last year: over, so it can be closed. */
const Y = THIS_YEAR - 1;

const TABLE2 = {
  regulations: { issued: 0, repealed: 0, in_force: 0 },
  normative_documents: { issued: 2, repealed: 0, in_force: 2 },
  administrative_licensing: { decisions: 0 },
  administrative_punishment: { decisions: 0 },
  administrative_enforcement: { decisions: 0 },
  administrative_fees: { amount_wan_yuan: 0 },
};

interface AgencyRow {
  agencyCode: string;
  open: number;
  overdue: number;
  onTimeRate: number | null;
}

describe("report administration and the supervisor's overview", () => {
  let s: BrowserSuite;

  const register = async (agencyCode: string, receivedOn: string) => {
    const r = await s.api<{ id: string }>("clerk", "POST", "/api/v1/applications", {
      agencyCode,
      channel: "online",
      receivedOn,
      applicant: { type: "natural_person", name: "张甲" },
      description: "本镇道路修缮工程的招标文件",
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.id;
  };

  beforeAll(async () => {
    s = await startBrowserSuite("report-admin");
    // last year: one reply on time, and table 二 entered (the texts stay empty: W2 needs confirming)
    const decided = await register("town", `${Y}-05-06`);
    const d = await s.api("approver", "POST", `/api/v1/applications/${decided}/actions`, {
      type: "decide",
      on: `${Y}-05-13`,
      outcome: "disclosed",
    });
    expect(d.status).toBe(200);
    expect(
      (await s.api("townadmin", "PUT", `/api/v1/agencies/town/reports/${Y}/proactive`, TABLE2)).status,
    ).toBe(200);
    // this year: one reply on time and one case open well past its reply deadline
    const onTime = await register("town", addDays(TODAY, -30));
    const reply = await s.api("approver", "POST", `/api/v1/applications/${onTime}/actions`, {
      type: "decide",
      on: addDays(TODAY, -28),
      outcome: "disclosed",
    });
    expect(reply.status).toBe(200);
    await register("town", addDays(TODAY, -60));
  });
  afterAll(async () => {
    await s?.close();
  });

  const statusTag = (page: Page, id: string) =>
    page
      .getByRole("list", { name: "校验结果" })
      .locator("li")
      .filter({ hasText: new RegExp(`^${id} `) });

  for (const [label, viewport] of [
    ["desktop", { width: 1440, height: 900 }],
    ["phone", { width: 390, height: 844 }],
  ] as const) {
    it(`the admin sees why 定稿 is blocked, one check vocabulary, and the irreversible close (${label})`, async () => {
      const page = await s.openAs("townadmin", "/reports");
      await page.setViewportSize(viewport);
      // this year: not over, so 定稿 is disabled, and the page says why
      await choose(page, page, "年度", `${THIS_YEAR}年`);
      const blockers = page.locator(".close-blockers");
      await waitForText(blockers, "暂不能定稿");
      await waitForText(blockers, `${THIS_YEAR}年度尚未结束，${THIS_YEAR + 1}年1月1日起才能定稿`);
      const button = page.getByRole("button", { name: "定稿（关闭年度）" });
      expect(await button.isDisabled()).toBe(true);
      if (label === "desktop") {
        // the disabled button's tooltip gives the same reasons
        await button.locator("xpath=..").hover();
        await waitForText(page.locator(".ant-tooltip"), `${THIS_YEAR}年度尚未结束`);
      }
      await s.shot(page, `close-blocked-${label}`);

      await choose(page, page, "年度", `${Y}年`);
      const checks = page.getByRole("list", { name: "校验结果" });
      await waitForText(checks, "K1");
      // every line reads 通过, 未通过 or 需确认; a check not made (未核对) is never 通过
      const lines = await checks.locator("li").allTextContents();
      expect(lines.length).toBeGreaterThan(5);
      for (const line of lines) {
        expect(line, line).toMatch(/^[A-Z]\d (通过|未通过|需确认)/);
        if (line.includes("未核对")) expect(line, line).toMatch(/^[A-Z]\d 需确认/);
      }
      // K4: last year is not closed, nothing to compare with
      if (label === "desktop") {
        await waitForText(statusTag(page, "K4"), "K4 需确认");
        await waitForText(statusTag(page, "W2"), "W2 需确认");
        await waitForText(statusTag(page, "K1"), "K1 通过");
        // the warnings to confirm are named above the tables
        await waitForText(page.locator(".close-blockers"), "定稿时须确认以下");
        await waitForText(page.locator(".close-blockers").getByRole("list", { name: "需确认的提醒" }), "W2");
        await s.shot(page, "checks-desktop");

        await button.click();
        const modal = page.locator(".close-year-modal");
        await waitForText(modal, "定稿后不能撤销");
        await waitForText(modal.getByRole("list", { name: "需确认的提醒" }), "W2 需确认");
        const confirm = modal.getByRole("button", { name: "确认提醒并定稿" });
        await modal.getByRole("checkbox", { name: "我已阅读以上提醒，确认按现有内容定稿" }).check();
        expect(await confirm.isDisabled()).toBe(true);
        const typed = modal.getByLabel("输入年度或机关名称以确认");
        await typed.fill(String(Y - 1));
        expect(await confirm.isDisabled()).toBe(true);
        await typed.fill("某镇人民政府");
        expect(await confirm.isDisabled()).toBe(false);
        await typed.fill(String(Y));
        await s.shot(page, "close-typed-confirmation");
        await confirm.click();
        await waitForText(page.locator(".ant-message"), `${Y}年度报告已定稿`);
      }

      // closed: the version history with the 定稿日期 and each version's files
      const versions = page.locator(".report-versions");
      await waitForText(versions, "第 1 版");
      await waitForText(versions, TODAY);
      const word = versions.getByRole("link", { name: "第1版 Word" });
      const href = await word.getAttribute("href");
      expect(href).toBe(`/api/v1/agencies/town/reports/${Y}/versions/1.docx`);
      const file = await page.request.get(`${s.baseUrl}${href}`);
      expect(file.status()).toBe(200);
      expect(file.headers()["content-type"]).toContain("wordprocessingml");
      expect(await page.locator(".close-blockers").count()).toBe(0);
      await s.shot(page, `versions-${label}`);
    });
  }

  it("the admin amends a closed year with a reason; the new version lists its reason and changes", async () => {
    const page = await s.openAs("townadmin", "/reports");
    await choose(page, page, "年度", `${Y}年`);
    const versions = page.locator(".report-versions");
    await waitForText(versions, "第 1 版");
    // nothing changed since version 1: the amendment says so and stores nothing
    await versions.getByRole("button", { name: "修订本年度报告" }).click();
    const modal = page.locator(".amend-modal");
    const ok = modal.getByRole("button", { name: "生成新版本" });
    expect(await ok.isDisabled()).toBe(true);
    await modal.getByLabel("修订原因").fill("核对定稿数据");
    await ok.click();
    await waitForText(page.locator(".ant-message"), "没有变化，未生成新版本");
    // a correction of table 二 with its reason makes version 2
    const corrected = await s.api("townadmin", "PUT", `/api/v1/agencies/town/reports/${Y}/proactive`, {
      ...TABLE2,
      normative_documents: { issued: 3, repealed: 0, in_force: 3 },
      amendmentReason: "更正行政规范性文件制发件数",
    });
    expect(corrected.status).toBe(200);
    await page.reload();
    await choose(page, page, "年度", `${Y}年`);
    await waitForText(versions, "第 2 版");
    await waitForText(versions, "更正行政规范性文件制发件数");
    await waitForText(versions, "2 → 3");
    expect(await versions.getByRole("link", { name: "第2版 Word" }).getAttribute("href")).toBe(
      `/api/v1/agencies/town/reports/${Y}/versions/2.docx`,
    );
    await s.shot(page, "versions-amended");
  });

  for (const [label, viewport] of [
    ["desktop", { width: 1440, height: 900 }],
    ["phone", { width: 390, height: 844 }],
  ] as const) {
    it(`the supervisor's overview opens 统计, with on-time rates that count the overdue case (${label})`, async () => {
      const api = await s.api<{ agencies: AgencyRow[] }>(
        "supervisor",
        "GET",
        `/api/v1/stats?year=${THIS_YEAR}&include=subtree`,
      );
      const town = api.body.agencies.find((a) => a.agencyCode === "town");
      expect(town).toMatchObject({ open: 1, overdue: 1 });
      // the overdue case is late already: not 100%
      expect(town?.onTimeRate).toBeLessThan(1);

      const page = await s.openAs("supervisor", "/dashboard");
      await page.setViewportSize(viewport);
      const overview = page.locator(".supervisor-overview");
      const row = overview.locator("tr").filter({ hasText: "某镇人民政府" });
      await waitForText(row, `${Math.round((town?.onTimeRate ?? 0) * 1000) / 10}%`);
      await waitForText(row, `已定稿（第 2 版）`);
      await waitForText(row, TODAY);
      expect(await overview.locator("tr").filter({ hasText: "另一镇人民政府" }).textContent()).toContain(
        "草稿",
      );
      // at the top: above the figures and charts, within the first screen
      const top = await overview.boundingBox();
      const figures = await page.locator(".ant-statistic").first().boundingBox();
      expect(top && figures && top.y < figures.y).toBe(true);
      expect(top?.y ?? 9999).toBeLessThan(viewport.height);
      // the table scrolls inside its box at phone width
      expect(top?.width ?? 9999).toBeLessThanOrEqual(viewport.width);
      await s.shot(page, `supervisor-overview-${label}`);
      await page.mouse.wheel(0, 1500);
      await s.shot(page, `dashboard-charts-${label}`);
    });
  }
});
