// Phone width and a lighter first load (issue 11, point 8). At 390×844 and at desktop size: the
// header's title and user name never overlap (bounding boxes), the menu is a drawer on the phone
// and a side menu on the desktop, a table scrolls sideways instead of breaking its headers one
// character a line, a 100-character applicant name leaves the labels whole, and a 3,000-character
// request folds (展开 / 收起) so the deadlines stay near the top. And the JavaScript the login page
// and the 工作台 load from the production build (web/dist), gzip-compressed.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, civilDateInChina } from "../../src/domain/civil-date.ts";
import { type BrowserSuite, PASSWORD, startBrowserSuite } from "./support/browser-suite.ts";
import { kilobytes as kb, scriptBytes } from "./support/script-bytes.ts";
import { waitForText } from "./support/ui-helpers.ts";

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
/**
 * The JavaScript budgets (gzip-compressed; the target is 250 KB for the login page and
 * for the 工作台). The login page is plain HTML on React, the router and the session (no Ant
 * Design): LOGIN_MEASURED. The 工作台 has its own table, tabs, pager and filters; Ant Design
 * brings its core (ConfigProvider with its form context) and the layout's Menu, Drawer and
 * Buttons, not its App (message, modal: with the pages that use them): WORKLIST_MEASURED
 * opened directly by a logged-in user, CUMULATIVE_MEASURED for the login page and then the
 * 工作台 (before: 234 KB for the login page, 383 KB for both). A budget is the figure measured
 * plus a few KB.
 */
const LOGIN_MEASURED = 88;
const WORKLIST_MEASURED = 221;
const CUMULATIVE_MEASURED = 222;
const LOGIN_BUDGET = (LOGIN_MEASURED + 5) * 1024;
const WORKLIST_BUDGET = (WORKLIST_MEASURED + 8) * 1024;
const CUMULATIVE_BUDGET = (CUMULATIVE_MEASURED + 8) * 1024;
const TODAY = civilDateInChina(new Date());
const LONG_NAME = `${"某".repeat(90)}有限责任公司职工`.padEnd(100, "甲");
const LONG_TEXT = Array.from({ length: 100 }, (_, i) => `第${i + 1}项：某镇某项目的立项批复与验收材料。`)
  .join("")
  .padEnd(3000, "材");

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function box(page: Page, selector: string): Promise<Box> {
  const b = await page.locator(selector).first().boundingBox();
  if (!b) throw new Error(`${selector} not visible`);
  return b;
}

describe("phone layout and the first load (browser)", () => {
  let s: BrowserSuite;
  let longCase: string;

  beforeAll(async () => {
    s = await startBrowserSuite("responsive");
    const r = await s.api<{ id: string }>("clerk", "POST", "/api/v1/applications", {
      agencyCode: "town",
      channel: "online",
      receivedOn: addDays(TODAY, -3),
      applicant: { type: "natural_person", name: LONG_NAME },
      description: LONG_TEXT,
      handlerUsername: "handler",
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    longCase = r.body.id;
  });
  afterAll(async () => {
    await s?.close();
  });

  for (const [size, viewport] of [
    ["desktop", DESKTOP],
    ["phone", PHONE],
  ] as const) {
    it(`${size}: the title and the user's name do not overlap; the menu is ${size === "phone" ? "a drawer" : "at the side"}`, async () => {
      const page = await s.openAs("approver");
      await page.setViewportSize(viewport);
      await page.locator(".worklist").waitFor();
      const title = await box(page, ".app-title");
      const name = await box(page, ".user-name");
      expect(overlap(title, name), JSON.stringify({ title, name })).toBe(false);
      expect(name.x + name.width).toBeLessThanOrEqual(viewport.width);
      // the header is one row: the name sits beside the title, not under it
      expect(name.y).toBeLessThan(title.y + title.height);
      const nav = page.locator("nav[aria-label='主菜单']");
      if (size === "desktop") {
        await expect.poll(() => nav.isVisible()).toBe(true);
        expect(await page.getByRole("button", { name: "打开菜单" }).count()).toBe(0);
        await waitForText(page.locator(".app-user"), "退出登录");
        await s.shot(page, "header-desktop");
        return;
      }
      // phone: no side menu taking the width; the menu and the user's details are drawers
      expect(await nav.count()).toBe(0);
      const content = await box(page, ".app-content");
      expect(content.x).toBe(0);
      expect(content.width).toBe(PHONE.width);
      await s.shot(page, "header-phone");
      await page.getByRole("button", { name: "打开菜单" }).click();
      await expect.poll(() => nav.isVisible()).toBe(true);
      await waitForText(nav, "审批");
      await s.shot(page, "menu-drawer-phone");
      await nav.getByRole("link", { name: "期限计算器" }).click();
      await page.waitForURL(/\/calculator$/);
      await expect.poll(() => page.locator(".app-menu-drawer .ant-drawer-content").isVisible()).toBe(false);
      await page.getByRole("button", { name: "当前用户" }).click();
      const drawer = page.locator(".app-user-drawer");
      await waitForText(drawer, "某镇人民政府");
      await expect.poll(() => drawer.getByRole("button", { name: "退出登录" }).isVisible()).toBe(true);
      await s.shot(page, "user-drawer-phone");
    });
  }

  it("phone: a table scrolls sideways; its headers stay on one line", async () => {
    const page = await s.openAs("townadmin", "/admin/users");
    await page.setViewportSize(PHONE);
    const table = page.locator(".ant-table-wrapper").first();
    await table.locator(".ant-table-row").first().waitFor();
    const content = table.locator(".ant-table-content");
    const { scrollWidth, clientWidth } = await content.evaluate((el) => ({
      scrollWidth: el.scrollWidth,
      clientWidth: el.clientWidth,
    }));
    expect(clientWidth).toBeLessThanOrEqual(PHONE.width);
    expect(scrollWidth).toBeGreaterThan(clientWidth);
    // one line of 14 px text with padding, not a column of single characters
    const heights = await table
      .locator(".ant-table-thead th")
      .evaluateAll((ths) => ths.map((th) => th.getBoundingClientRect().height));
    expect(heights.length).toBeGreaterThan(2);
    for (const h of heights) expect(h).toBeLessThan(60);
    const page0 = await page.locator("html").evaluate((el) => el.scrollWidth);
    expect(page0).toBeLessThanOrEqual(PHONE.width);
    await content.evaluate((el) => el.scrollBy({ left: 200 }));
    await s.shot(page, "table-scrolls-phone");
  });

  for (const [size, viewport] of [
    ["desktop", DESKTOP],
    ["phone", PHONE],
  ] as const) {
    it(`${size}: a 100-character name leaves the labels whole; a 3,000-character request folds`, async () => {
      const page = await s.openAs("handler", `/applications/${longCase}`);
      await page.setViewportSize(viewport);
      const details = page.locator(".case-details");
      await waitForText(details.locator(".applicant-name"), LONG_NAME);
      await s.shot(page, `long-case-${size}`);
      // every label's text on one line (the cell may be as tall as its value)
      const labels = await details.locator(".ant-descriptions-item-label").evaluateAll((cells) =>
        cells.map((cell) => {
          const range = cell.ownerDocument.createRange();
          range.selectNodeContents(cell);
          const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          return { text: cell.textContent, lines: tops.size };
        }),
      );
      expect(labels.length).toBeGreaterThan(5);
      for (const l of labels) expect(l, JSON.stringify(l)).toMatchObject({ lines: 1 });
      const nameBox = await box(page, ".applicant-name");
      expect(nameBox.x + nameBox.width).toBeLessThanOrEqual(viewport.width);
      const paragraph = page.locator(".case-description");
      const expand = paragraph.getByRole("button", { name: "展开" });
      await expand.waitFor();
      const folded = await box(page, ".case-description");
      expect(folded.height).toBeLessThan(200);
      const clocks = page
        .locator(".ant-card")
        .filter({ has: page.locator(".ant-card-head-title", { hasText: /^期限$/ }) });
      const clocksBox = await clocks.boundingBox();
      expect(clocksBox?.y).toBeLessThan(size === "phone" ? 1600 : 900);
      await expand.click();
      await expect
        .poll(async () => (await box(page, ".case-description")).height)
        .toBeGreaterThan(folded.height * 3);
      expect(await paragraph.textContent()).toContain(LONG_TEXT.slice(-50));
      await paragraph.getByRole("button", { name: "收起" }).click();
      await expect.poll(async () => (await box(page, ".case-description")).height).toBeLessThan(200);
      await expand.click();
      await paragraph.getByRole("button", { name: "收起" }).waitFor();
      // last: a full-page screenshot resizes the window, and the paragraph measures itself again
      await s.shot(page, `long-case-expanded-${size}`);
    });
  }

  it("the production build: the login page and the 工作台 load their JavaScript within budget (gzip)", async () => {
    const login = await s.newPage();
    const atLogin = await scriptBytes(login, async () => {
      await login.goto(`${s.baseUrl}/login`);
      await login.getByLabel("用户名").waitFor();
    });
    const worklistPage = await s.newPage();
    const atWorklist = await scriptBytes(worklistPage, async () => {
      await worklistPage.goto(`${s.baseUrl}/login`);
      await worklistPage.getByLabel("用户名").fill("handler");
      await worklistPage.getByLabel("密码").fill(PASSWORD);
      await worklistPage.locator("form button[type=submit]").click();
      await worklistPage.locator(".worklist tbody tr").first().waitFor();
    });
    // a logged-in user opening the 工作台 afresh (its session cookie in a new, empty browser context)
    const direct = await s.newPage();
    await direct.context().addCookies(await worklistPage.context().cookies());
    const atDirect = await scriptBytes(direct, async () => {
      await direct.goto(`${s.baseUrl}/`);
      await direct.locator(".worklist tbody tr").first().waitFor();
    });
    process.stdout.write(
      `JavaScript: 登录页 ${atLogin.files} 个文件 ${kb(atLogin.raw)}（gzip ${kb(atLogin.gzip)}）；` +
        `直接打开工作台 ${atDirect.files} 个文件 ${kb(atDirect.raw)}（gzip ${kb(atDirect.gzip)}）；` +
        `登录页再到工作台 ${atWorklist.files} 个文件 ${kb(atWorklist.raw)}（gzip ${kb(atWorklist.gzip)}）\n`,
    );
    expect(atLogin.gzip, atLogin.names.join(" ")).toBeLessThan(LOGIN_BUDGET);
    expect(atDirect.gzip, atDirect.names.join(" ")).toBeLessThan(WORKLIST_BUDGET);
    expect(atWorklist.gzip, atWorklist.names.join(" ")).toBeLessThan(CUMULATIVE_BUDGET);
    // the login page carries no Ant Design; the 工作台 none of its Table, Tabs, Pagination, Select, Form
    expect(atLogin.names.filter((n) => /^(antd-root|app-layout)-/.test(n))).toEqual([]);
    expect(
      atDirect.names.filter((n) =>
        /^(table|tabs|pagination|select|tree|form|typography)-[\w-]{8}\.js$/.test(n),
      ),
    ).toEqual([]);
    // the working calendar and ECharts are not on the login page; lunar-typescript (provisional
    // years) and the DatePicker not on the 工作台's first rows
    expect(atLogin.files).toBeLessThan(atWorklist.files);
    expect(
      atWorklist.names.filter((n) => /^(build-provisional-year|range-picker|date-picker)-/.test(n)),
    ).toEqual([]);
    // the 收到日期 filter loads its RangePicker when the pointer reaches it, and it opens
    await worklistPage.locator(".filters .deferred-range-picker").hover();
    await worklistPage.locator(".filters .ant-picker-range").click();
    await worklistPage.locator(".ant-picker-dropdown .ant-picker-panel").first().waitFor();
  });
});
