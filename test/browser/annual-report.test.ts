import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { civilDateInChina } from "../../src/domain/civil-date.ts";
import { type BrowserSuite, startBrowserSuite } from "./support/browser-suite.ts";
import { choose, waitForText } from "./support/ui-helpers.ts";

const TODAY = civilDateInChina(new Date());
/** Last year: over, so it can be closed. */
const Y = Number(TODAY.slice(0, 4)) - 1;

interface Check {
  id: string;
  ok: boolean;
  message: string;
}

describe("the annual report's texts and closing", () => {
  let s: BrowserSuite;

  beforeAll(async () => {
    s = await startBrowserSuite("annual-report");
    const created = await s.api<{ id: string }>("clerk", "POST", "/api/v1/applications", {
      agencyCode: "town",
      channel: "online",
      receivedOn: `${Y}-05-06`,
      applicant: { type: "natural_person", name: "张甲" },
      description: "本镇道路修缮工程的招标文件",
    });
    expect(created.status).toBe(201);
    const decided = await s.api("approver", "POST", `/api/v1/applications/${created.body.id}/actions`, {
      type: "decide",
      on: `${Y}-05-13`,
      outcome: "disclosed",
    });
    expect(decided.status).toBe(200);
    const table2 = await s.api("townadmin", "PUT", `/api/v1/agencies/town/reports/${Y}/proactive`, {
      regulations: { issued: 0, repealed: 0, in_force: 0 },
      normative_documents: { issued: 2, repealed: 0, in_force: 2 },
      administrative_licensing: { decisions: 0 },
      administrative_punishment: { decisions: 0 },
      administrative_enforcement: { decisions: 0 },
      administrative_fees: { amount_wan_yuan: 0 },
    });
    expect(table2.status).toBe(200);
  });
  afterAll(async () => {
    await s?.close();
  });

  it("the admin writes each part of 一 under the system's figures, sees the warnings, and closes acknowledging them", async () => {
    const page = await s.openAs("townadmin", "/reports");
    await choose(page, page, "年度", `${Y}年`);
    const texts = page.locator(".report-texts");
    // 依申请公开: the system's paragraphs above the editor, from table 三
    const requests = texts.locator(".ant-form-item").filter({ has: page.getByLabel("一（二）依申请公开") });
    await waitForText(requests.locator(".report-generated"), "本年度新收政府信息公开申请1件");
    await waitForText(requests.locator(".report-generated"), "本年度办结1件，其中予以公开1件");
    await waitForText(
      texts.locator(".ant-form-item").filter({ has: page.getByLabel("一（一）主动公开") }),
      "制发行政规范性文件2件",
    );
    // a township: the 考核 part of art. 50(四) inside （五）监督保障
    await page.getByLabel("一（五）监督保障：工作考核、社会评议和责任追究结果情况").waitFor();
    await page.getByLabel("一（三）政府信息管理").fill("落实公开前保密审查，动态更新政府信息公开指南。");
    await page.getByLabel("一（二）依申请公开").fill("严格执行登记、审核、答复、送达各环节要求。");
    await s.shot(page, "report-texts");
    await page.getByRole("button", { name: "保存文字部分" }).click();
    await waitForText(page.locator(".ant-message"), "文字部分已保存");
    const stored = await s.api<{ texts: Record<string, string>; checks: Check[] }>(
      "townadmin",
      "GET",
      `/api/v1/agencies/town/reports/${Y}`,
    );
    expect(stored.body.texts.management).toBe("落实公开前保密审查，动态更新政府信息公开指南。");
    const w2 = stored.body.checks.find((c) => c.id === "W2");
    expect(w2?.ok).toBe(false);
    expect(w2?.message).toContain("一（一）主动公开、一（四）平台建设、一（五）监督保障");
    expect(w2?.message).not.toContain("政府信息管理");

    await page.getByRole("button", { name: "定稿（关闭年度）" }).click();
    const modal = page.locator(".close-year-modal");
    await waitForText(modal, "项提醒需确认");
    // the list's line: the verdict, then the message without its id
    const w2Line = modal.getByRole("list", { name: "需确认的提醒" });
    await waitForText(w2Line, "W2 需确认");
    await waitForText(w2Line, (w2?.message ?? "W2").replace(/^W2 /, ""));
    const confirm = modal.getByRole("button", { name: "确认提醒并定稿" });
    expect(await confirm.isDisabled()).toBe(true);
    await s.shot(page, "report-close-warnings");
    await modal.getByRole("checkbox", { name: "我已阅读以上提醒，确认按现有内容定稿" }).check();
    // irreversible: the year typed out as well
    expect(await confirm.isDisabled()).toBe(true);
    await modal.getByLabel("输入年度或机关名称以确认").fill(String(Y));
    await confirm.click();
    await waitForText(page.locator(".ant-message"), `${Y}年度报告已定稿`);
    await waitForText(page.locator(".ant-tag").filter({ hasText: "已定稿" }), "第 1 版");
    const closed = await s.api<{ status: string; version: number; checks: Check[] }>(
      "townadmin",
      "GET",
      `/api/v1/agencies/town/reports/${Y}`,
    );
    expect(closed.body).toMatchObject({ status: "closed", version: 1 });
    expect(closed.body.checks.find((c) => c.id === "W2")).toEqual(w2);
    await s.shot(page, "report-closed");
  });
});
