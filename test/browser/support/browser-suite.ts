import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { expect } from "vitest";
import { loadSettings } from "../../../config/settings.ts";
import type { Role } from "../../../src/domain/roles.ts";
import type { AccountService } from "../../../src/services/account-service.ts";
import { type RunningSystem, startSystem } from "../../../src/system/start-system.ts";
import { freshQueuePrefix, redisUrl } from "../../support/services.ts";

export const PASSWORD = "password-123";

/** Debian's Chromium: no test tool downloads a browser of its own (STYLE.md). */
export const CHROMIUM_PATH = "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const SCREENSHOT_ROOT = fileURLToPath(new URL("../../../test-results/browser/", import.meta.url));

/** The county, the township whose cases the tests work, and a second township. */
export const AGENCIES = [
  { code: "county", name: "某县人民政府", kind: "government" as const },
  { code: "town", name: "某镇人民政府", kind: "township" as const, parentCode: "county" },
  { code: "other", name: "另一镇人民政府", kind: "township" as const, parentCode: "county" },
];

export const USERS = {
  clerk: { displayName: "王登记", agency: "town", roles: ["intake"] as Role[] },
  handler: { displayName: "李承办", agency: "town", roles: ["handler"] as Role[] },
  approver: { displayName: "张审核", agency: "town", roles: ["approver"] as Role[] },
  townadmin: { displayName: "赵管理", agency: "town", roles: ["agency_admin"] as Role[] },
  supervisor: { displayName: "县公开办", agency: "county", roles: ["supervisor"] as Role[] },
  otherapprover: { displayName: "钱审核", agency: "other", roles: ["approver"] as Role[] },
  sysadmin: { displayName: "系统管理员", agency: "county", roles: [] as Role[], isSystemAdmin: true },
};
export type UserKey = keyof typeof USERS;

async function seed(accounts: AccountService): Promise<Record<UserKey, number>> {
  for (const a of AGENCIES) await accounts.createAgency(a);
  const ids = {} as Record<UserKey, number>;
  for (const [username, u] of Object.entries(USERS)) {
    const created = await accounts.createUser({
      username,
      password: PASSWORD,
      displayName: u.displayName,
      agencyCode: u.agency,
      roles: u.roles,
      isSystemAdmin: "isSystemAdmin" in u ? u.isSystemAdmin : false,
    });
    ids[username as UserKey] = created.id;
  }
  return ids;
}

export interface BrowserSuite {
  baseUrl: string;
  system: RunningSystem;
  browser: Browser;
  /** A new context (its own cookies) logged in as `user` through the login form. */
  loginAs(user: UserKey): Promise<Page>;
  /**
   * A new context holding a session of `user` made by the account service (fast: no password
   * hashing), opened at `path`; the UI recovers the CSRF token from /auth/me as after a reload.
   */
  openAs(user: UserKey, path?: string): Promise<Page>;
  /** A new context with a blank page. */
  newPage(): Promise<Page>;
  /** Saves a screenshot under test-results/browser/<suite>/. */
  shot(page: Page, name: string): Promise<void>;
  /** Calls the API (at the UI's origin) with a bearer token of `user`: setup and checks. */
  api<T = unknown>(
    user: UserKey,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }>;
  close(): Promise<void>;
}

export interface BrowserSuiteOptions {
  /** Run the workers in the system too (deadline jobs, the applicant-notice relay); default none. */
  workers?: boolean;
  /** More settings, e.g. SMTP_URL of a test's SMTP sink. */
  env?: Record<string, string>;
}

/**
 * One fresh system per test file: a temporary OGI_DATA_DIR (embedded database), the run's Redis
 * with its own queue prefix, the API on a free port through startSystem, the agencies and users
 * above made with the account service, the built UI, and Debian's Chromium.
 */
export async function startBrowserSuite(
  name: string,
  options: BrowserSuiteOptions = {},
): Promise<BrowserSuite> {
  const dataDir = mkdtempSync(join(tmpdir(), "ogi-browser-"));
  const settings = loadSettings({
    OGI_DATA_DIR: dataDir,
    PORT: "0",
    HOST: "127.0.0.1",
    REDIS_URL: redisUrl(),
    LOG_LEVEL: "error",
    ...options.env,
  });
  let ids = {} as Record<UserKey, number>;
  const system = await startSystem(settings, {
    http: true,
    workers: options.workers ?? false,
    queuePrefix: freshQueuePrefix(),
    prepare: async (core) => {
      ids = await seed(core.accounts);
    },
  });
  // The system serves the API, the report and letter routes and the built UI on one origin.
  const baseUrl = system.url ?? "";
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const contexts: BrowserContext[] = [];
  const tokens = new Map<UserKey, string>();
  const shotDir = join(SCREENSHOT_ROOT, name);
  rmSync(shotDir, { recursive: true, force: true });
  mkdirSync(shotDir, { recursive: true });
  let shots = 0;

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1440, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    // The page's own errors belong in the test output, not only in a screenshot.
    page.on("pageerror", (e) => process.stderr.write(`[browser pageerror] ${e.message}\n`));
    page.on("console", (m) => {
      if (m.type() === "error") process.stderr.write(`[browser console] ${m.text()}\n`);
    });
    return page;
  }

  return {
    baseUrl,
    system,
    browser,
    newPage,
    async loginAs(user) {
      const page = await newPage();
      await page.goto(`${baseUrl}/login`);
      await page.getByLabel("用户名").fill(user);
      await page.getByLabel("密码").fill(PASSWORD);
      await page
        .getByRole("button", { name: "登 录" })
        .or(page.getByRole("button", { name: "登录" }))
        .click();
      await expect.poll(() => page.locator(".user-name").textContent()).toBe(USERS[user].displayName);
      return page;
    },
    async openAs(user, path = "/") {
      const page = await newPage();
      const session = await system.core.accounts.issueToken(
        ids[user],
        "session",
        settings.OGI_SESSION_MINUTES,
      );
      const { hostname } = new URL(baseUrl);
      await page.context().addCookies([
        {
          name: "ogi_session",
          value: session.token,
          domain: hostname,
          path: "/",
          httpOnly: true,
          sameSite: "Strict",
        },
      ]);
      await page.goto(`${baseUrl}${path}`);
      await expect.poll(() => page.locator(".user-name").textContent()).toBe(USERS[user].displayName);
      return page;
    },
    async shot(page, shotName) {
      shots++;
      await page.screenshot({
        path: join(shotDir, `${String(shots).padStart(2, "0")}-${shotName}.png`),
        fullPage: true,
      });
    },
    async api<T>(user: UserKey, method: string, path: string, body?: unknown) {
      let token = tokens.get(user);
      if (!token) {
        token = (await system.core.accounts.issueToken(ids[user], "bearer", 60)).token;
        tokens.set(user, token);
      }
      const headers: Record<string, string> = { authorization: `Bearer ${token}` };
      if (body !== undefined) headers["content-type"] = "application/json";
      const res = await fetch(`${baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? null : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await system.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
