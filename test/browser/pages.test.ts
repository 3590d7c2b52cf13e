import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, civilDateInChina } from "../../src/domain/civil-date.ts";
import { type BrowserSuite, startBrowserSuite } from "./support/browser-suite.ts";
import { fillDate, runAction, waitForText } from "./support/ui-helpers.ts";

const TODAY = civilDateInChina(new Date());

interface Created {
  id: string;
  trackingNo: string;
}

describe("the other pages (browser)", () => {
  let s: BrowserSuite;
  const cases: Created[] = [];
  beforeAll(async () => {
    s = await startBrowserSuite("pages");
    for (const [i, type] of (
      ["natural_person", "commercial_enterprise", "natural_person"] as const
    ).entries()) {
      const r = await s.api<Created>("clerk", "POST", "/api/v1/applications", {
        agencyCode: "town",
        channel: "online",
        receivedOn: addDays(TODAY, -i),
        applicant: { type, name: `申请人${i}` },
        description: `申请公开：第${i}号项目的批复文件`,
        handlerUsername: "handler",
      });
      expect(r.status).toBe(201);
      cases.push(r.body);
    }
  });
  afterAll(async () => {
    await s?.close();
  });

  it("tells the handler that someone else changed the case, and shows the new state", async () => {
    const page = await s.openAs("handler");
    const target = cases[0] as Created;
    await page.goto(`${s.baseUrl}/applications/${target.id}`);
    await waitForText(page.locator(".case-state"), "已登记");
    const meanwhile = await s.api("handler", "POST", `/api/v1/applications/${target.id}/actions`, {
      type: "request_supplement",
      on: TODAY,
      items: ["请说明文件名称"],
    });
    expect(meanwhile.status).toBe(200);
    await runAction(page, "征求意见", async (d) => {
      await d.getByLabel("征求意见对象").click();
      await page.locator(".ant-select-item-option").filter({ hasText: "其他机关" }).click();
      await d.getByLabel("对象名称").fill("县自然资源局");
    });
    await waitForText(page.locator(".ant-message"), "其他人刚刚修改了这件申请");
    await waitForText(page.locator(".case-state"), "待补正");
    await s.shot(page, "version-conflict");
  });

  it("the worklist filters by applicant type and text, pages from the server, and shows deadlines", async () => {
    const page = await s.openAs("handler");
    await page.locator(".worklist tbody tr").first().waitFor();
    expect(await page.locator(".worklist tbody tr").count()).toBe(3);
    expect(await page.locator(".worklist [data-deadline]").count()).toBe(3);
    await page.goto(`${s.baseUrl}/?applicantType=commercial_enterprise`);
    await waitForText(page.locator(".worklist"), "申请人1");
    expect(await page.locator(".worklist tbody tr").count()).toBe(1);
    await page.getByRole("button", { name: /重\s?置/ }).click();
    await page.waitForURL((u) => u.search === "");
    await expect.poll(() => page.locator(".worklist tbody tr").count(), { timeout: 15_000 }).toBe(3);
    await page.getByLabel("关键词").fill("第2号");
    await page.getByRole("button", { name: /查\s?询/ }).click();
    await page.waitForURL(/q=/);
    await waitForText(page.locator(".worklist"), "共 1 件");
    await s.shot(page, "worklist-filtered");
  });

  it("the dashboard draws its charts for the agency", async () => {
    const page = await s.openAs("townadmin");
    await page.getByRole("link", { name: "统计" }).click();
    await waitForText(page.locator(".ant-statistic").first(), "3");
    await page.locator("canvas").first().waitFor();
    await s.shot(page, "dashboard");
  });

  it("the deadline calculator gives the worked example of calendar-cn.md (春节 2026)", async () => {
    const page = await s.openAs("clerk");
    await page.getByRole("link", { name: "期限计算器" }).click();
    await fillDate(page, "收到申请之日", "2026-02-06");
    await page.getByRole("button", { name: /计\s?算/ }).click();
    await waitForText(page.locator(".calc-due"), "2026-03-12");
    await waitForText(page.locator(".explanation"), "跳过 春节假期");
    await s.shot(page, "calculator");
  });

  it("the calendar shows a year's holidays and make-up days; the system admin may load a notice", async () => {
    const page = await s.openAs("sysadmin", `/admin/calendar`);
    await waitForText(page.locator("table[aria-label='2026年2月']"), "14班");
    expect(await page.locator(".calendar-day-holiday").count()).toBeGreaterThan(20);
    await page.getByRole("button", { name: "保存并重新计算期限" }).waitFor();
    await s.shot(page, "calendar");
  });

  it("an agency admin creates a user; a refused password shows the server's message at the field", async () => {
    const page = await s.openAs("townadmin", `/admin/users`);
    await page.getByRole("button", { name: "新建用户" }).click();
    const d = page.getByRole("dialog");
    await d.getByLabel("用户名").fill("newclerk");
    await d.getByLabel("初始密码").fill("short");
    await d.getByLabel("姓名").fill("孙登记");
    await d.getByLabel("登记人员").check();
    await d.getByRole("button", { name: /保\s?存/ }).click();
    const field = d.locator(".ant-form-item").filter({ has: page.getByLabel("初始密码") });
    await waitForText(field, "密码至少 8 位");
    await s.shot(page, "user-refused");
    await d.getByLabel("初始密码").fill("long-enough-password");
    await d.getByRole("button", { name: /保\s?存/ }).click();
    await d.waitFor({ state: "detached" });
    await waitForText(page.locator(".users-table .ant-table"), "孙登记");
    await s.shot(page, "users");
  });

  it("the supervisor sees the agency tree", async () => {
    const page = await s.openAs("supervisor", `/admin/agencies`);
    await waitForText(page.locator(".ant-tree"), "另一镇人民政府");
    await s.shot(page, "agencies");
    await page.goto(`${s.baseUrl}/admin/settings`);
    await waitForText(page.locator("main"), "20 个工作日");
    await waitForText(page.locator("main"), "到期前 5 个工作日、到期前 2 个工作日、到期当日");
    await s.shot(page, "settings");
  });

  it("an agency admin sets the short name of its letter numbers, sees its review body and sets a payment method", async () => {
    const page = await s.openAs("townadmin", `/admin/settings`);
    // the township's review body comes from the tree: the county government (行政复议法 art. 24)
    await waitForText(page.locator("main"), "第二十四条第一款第（二）项");
    // none set yet: the letters' short name, derived from the agency's name, is shown, not a blank
    await waitForText(page.getByTestId("short-name-in-use"), "某镇");
    await waitForText(page.locator("main"), "某镇（未设置，按机关名称确定）");
    expect(await page.getByLabel("本机关文号简称").getAttribute("placeholder")).toBe("某镇");
    await page.getByLabel("本机关文号简称").fill("某镇政");
    await page.getByLabel(/收费通知书默认缴纳方式/).fill("到镇财政所缴纳");
    await page.getByRole("button", { name: "保存文书设置" }).click();
    await waitForText(page.locator("body"), "文书设置已保存");
    await waitForText(page.locator("main"), "某镇政（本机关设置）");
    await s.shot(page, "settings-short-name");
  });
});
