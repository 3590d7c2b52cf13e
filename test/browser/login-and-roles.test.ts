import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type BrowserSuite,
  PASSWORD,
  startBrowserSuite,
  USERS,
  type UserKey,
} from "./support/browser-suite.ts";
import { waitForText } from "./support/ui-helpers.ts";

/** The menu entries each role sees (the header shows name, role and agency). */
const EXPECTED: Record<UserKey, { role: string; agency: string; menu: string[]; noMenu: string[] }> = {
  clerk: { role: "登记人员", agency: "某镇人民政府", menu: ["工作台", "登记"], noMenu: ["审批"] },
  handler: { role: "承办人", agency: "某镇人民政府", menu: ["工作台"], noMenu: ["登记", "审批"] },
  approver: { role: "审核人", agency: "某镇人民政府", menu: ["工作台", "审批"], noMenu: ["登记"] },
  townadmin: { role: "管理员", agency: "某镇人民政府", menu: ["年度报告", "系统管理"], noMenu: ["登记"] },
  supervisor: {
    role: "主管部门",
    agency: "某县人民政府",
    menu: ["年度报告", "统计"],
    noMenu: ["登记", "审批"],
  },
  otherapprover: { role: "审核人", agency: "另一镇人民政府", menu: ["审批"], noMenu: ["登记"] },
  sysadmin: { role: "系统管理员", agency: "某县人民政府", menu: ["系统管理"], noMenu: ["登记"] },
};

async function menuTexts(page: Page): Promise<string[]> {
  return page.locator("nav[aria-label='主菜单'] .ant-menu-title-content").allTextContents();
}

describe("logging in (browser)", () => {
  let s: BrowserSuite;
  beforeAll(async () => {
    s = await startBrowserSuite("login-and-roles");
  });
  afterAll(async () => {
    await s?.close();
  });

  it.each(Object.keys(USERS) as UserKey[])("logs in as %s and shows name, role and agency", async (user) => {
    const page = await s.loginAs(user);
    const header = page.locator(".app-header");
    await expect.poll(() => header.textContent()).toContain(EXPECTED[user].role);
    expect(await header.textContent()).toContain(EXPECTED[user].agency);
    const menu = await menuTexts(page);
    for (const item of EXPECTED[user].menu) expect(menu).toContain(item);
    for (const item of EXPECTED[user].noMenu) expect(menu).not.toContain(item);
    await page.locator(".worklist").waitFor();
    await s.shot(page, `worklist-${user}`);
  });

  it("shows the server's message for a wrong password and stays on the login page", async () => {
    const page = await s.newPage();
    await page.goto(`${s.baseUrl}/login`);
    await page.getByLabel("用户名").fill("clerk");
    await page.getByLabel("密码").fill("wrong-password");
    await page.locator("form button[type=submit]").click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("用户名或密码错误");
    await s.shot(page, "login-wrong-password");
    expect(new URL(page.url()).pathname).toBe("/login");
  });

  it("keeps the session over a reload (CSRF token from /auth/me) and logs out", async () => {
    const page = await s.loginAs("handler");
    await page.reload();
    await page.locator(".worklist").waitFor();
    await page.getByRole("button", { name: "退出登录" }).click();
    await page.waitForURL(/\/login$/);
    await expect.poll(() => page.locator("body").textContent()).toContain("您已退出登录");
  });

  it("sends an expired session back to the login page with a message", async () => {
    const page = await s.loginAs("clerk");
    // Let the worklist's own calls finish first: the first 401 must come from the click below.
    await page.waitForLoadState("networkidle");
    const cookie = (await page.context().cookies()).find((c) => c.name === "ogi_session");
    expect(cookie).toBeDefined();
    await s.system.core.accounts.revokeToken(cookie?.value ?? "");
    // The next call of the API answers 401 (the statistics page makes several) and the UI leaves
    // for the login page, which may take the link away under the click: only the URL counts.
    await Promise.all([
      page.waitForURL(/\/login$/),
      page
        .getByRole("link", { name: "统计" })
        .click({ force: true, timeout: 5_000 })
        .catch(() => undefined),
    ]);
    await expect.poll(() => page.locator("body").textContent()).toContain("登录已失效，请重新登录");
    await s.shot(page, "session-expired");
  });

  it("says so when a reload finds the session expired", async () => {
    const page = await s.loginAs("approver");
    await page.waitForLoadState("networkidle");
    const cookie = (await page.context().cookies()).find((c) => c.name === "ogi_session");
    await s.system.core.accounts.revokeToken(cookie?.value ?? "");
    await page.reload();
    await page.waitForURL(/\/login$/);
    await expect.poll(() => page.locator("body").textContent()).toContain("会话已过期");
  });

  it("still says so on a reload after a call has already met the expired session", async () => {
    const page = await s.loginAs("supervisor");
    await page.waitForLoadState("networkidle");
    const cookie = (await page.context().cookies()).find((c) => c.name === "ogi_session");
    await s.system.core.accounts.revokeToken(cookie?.value ?? "");
    await Promise.all([
      page.waitForURL(/\/login$/),
      page
        .getByRole("link", { name: "统计" })
        .click({ force: true, timeout: 5_000 })
        .catch(() => undefined),
    ]);
    await expect.poll(() => page.locator("body").textContent()).toContain("会话已过期");
    // That 401 cleared the cookie: the reload's /auth/me carries none and hears only "请先登录".
    expect((await page.context().cookies()).some((c) => c.name === "ogi_session")).toBe(false);
    await page.reload();
    await expect.poll(() => page.locator("body").textContent()).toContain("会话已过期");
  });

  // The dialog's code loads on the first click (not with the 工作台), with its own App for the message.
  it("changes one's own password in the header's 修改密码 dialog; the new one logs in", async () => {
    const NEW = "other-own-password-2026";
    const page = await s.loginAs("otherapprover");
    await page.locator(".worklist").waitFor();
    await page.getByRole("button", { name: "修改密码" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("当前密码").fill(PASSWORD);
    await dialog.getByLabel("新密码", { exact: true }).fill(NEW);
    await dialog.getByLabel("再次输入新密码").fill(NEW);
    await dialog.getByRole("button", { name: /保\s?存/ }).click();
    await waitForText(page.locator(".ant-message"), "密码已修改");
    await expect.poll(() => dialog.count()).toBe(0);
    await s.shot(page, "own-password-changed");
    const again = await s.newPage();
    await again.goto(`${s.baseUrl}/login`);
    await again.getByLabel("用户名").fill("otherapprover");
    await again.getByLabel("密码").fill(NEW);
    await again.locator("form button[type=submit]").click();
    await expect.poll(() => again.locator(".user-name").textContent()).toBe(USERS.otherapprover.displayName);
  });

  // Last: it changes clerk's password.
  it("lets an agency admin reset a password; the user must change it right after the next login", async () => {
    const admin = await s.openAs("townadmin", "/admin/users");
    const row = admin.locator(".users-table .ant-table-row", { hasText: "王登记" });
    await row.getByRole("button", { name: "重置密码" }).click();
    const dialog = admin.getByRole("dialog");
    await dialog.getByRole("button", { name: "重置密码" }).click();
    const shown = dialog.locator(".temporary-password");
    await shown.waitFor();
    // The copy button sits inside the text element: read the text node only.
    const temporary = await shown.evaluate((el) => el.firstChild?.textContent ?? "");
    expect(temporary).toMatch(/^[A-HJ-NP-Za-km-z2-9]{12}$/);
    await s.shot(admin, "password-reset-generated");
    await dialog.getByRole("button", { name: "我已记下" }).click();
    await expect.poll(() => row.textContent()).toContain("待修改密码");
    await expect.poll(() => admin.locator(".account-audit").textContent()).toContain("系统生成临时密码");
    expect(await admin.locator(".account-audit").textContent()).toContain("赵管理（townadmin）");

    const page = await s.newPage();
    await page.goto(`${s.baseUrl}/login`);
    await page.getByLabel("用户名").fill("clerk");
    await page.getByLabel("密码").fill(temporary);
    await page.locator("form button[type=submit]").click();
    const form = page.locator(".forced-password-change");
    await form.waitFor();
    expect(await form.textContent()).toContain("王登记，管理员为您设置了临时密码");
    // Nothing else of the app is there, and the server refuses it anyway.
    expect(await page.locator("nav[aria-label='主菜单']").count()).toBe(0);
    await s.shot(page, "forced-password-change");
    await page.getByLabel("临时密码").fill(temporary);
    await page.getByLabel("新密码", { exact: true }).fill("clerk-own-password-2026");
    await page.getByLabel("再次输入新密码").fill("clerk-own-password-2026");
    await page.getByRole("button", { name: "保存新密码" }).click();
    await expect.poll(() => page.locator(".user-name").textContent()).toBe("王登记");
    await page.locator(".worklist").waitFor();
    await s.shot(page, "worklist-after-password-change");
  });
});
