/**
 * The web UI's Content-Security-Policy (helmet, src/http/security/security-headers.ts) lets the
 * built app run in Chromium: the login page, the worklist, the dashboard's ECharts charts, a
 * case page and the report's HTML page, with no CSP violation reported.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { civilDateInChina } from "../../src/domain/civil-date.ts";
import { type BrowserSuite, PASSWORD, startBrowserSuite } from "./support/browser-suite.ts";
import { waitForText } from "./support/ui-helpers.ts";

/** Every CSP violation the page reports, from the console and the page's own event. */
async function watchViolations(page: Page, seen: string[]): Promise<void> {
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) seen.push(m.text());
  });
  // the page's own report of a violation, logged where the listener above hears it
  await page.addInitScript(
    `document.addEventListener("securitypolicyviolation", (e) => console.error("Refused to load (CSP " + e.violatedDirective + "): " + e.blockedURI));`,
  );
}

describe("the web UI under its CSP (browser)", () => {
  let s: BrowserSuite;
  let caseId = "";
  beforeAll(async () => {
    s = await startBrowserSuite("security-headers");
    const created = await s.api<{ id: string }>("clerk", "POST", "/api/v1/applications", {
      agencyCode: "town",
      channel: "online",
      receivedOn: civilDateInChina(new Date()),
      applicant: { type: "natural_person", name: "王某某" },
      description: "申请公开：本镇2026年度预算",
    });
    expect(created.status).toBe(201);
    caseId = created.body.id;
  });
  afterAll(async () => {
    await s?.close();
  });

  it("runs the login page, the worklist, the dashboard's charts and a case page with no CSP violation", async () => {
    const violations: string[] = [];
    const login = await s.newPage();
    await watchViolations(login, violations);
    const response = await login.goto(`${s.baseUrl}/login`);
    expect(response?.headers()["content-security-policy"]).toContain("script-src 'self'");
    await login.getByLabel("用户名").waitFor();

    const page = await s.newPage();
    await watchViolations(page, violations);
    await page.goto(`${s.baseUrl}/login`);
    await page.getByLabel("用户名").fill("handler");
    await page.getByLabel("密码").fill(PASSWORD);
    await page.getByRole("button", { name: /登\s?录/ }).click();
    await expect.poll(() => page.locator(".user-name").textContent()).not.toBeNull();
    await page.goto(`${s.baseUrl}/dashboard`);
    await page.locator("canvas").first().waitFor();
    await page.goto(`${s.baseUrl}/applications/${caseId}`);
    await waitForText(page.locator(".letters-list"), "政府信息公开申请登记回执");
    await page.goto(`${s.baseUrl}/`);
    await page.locator(".worklist table").waitFor();
    expect(violations).toEqual([]);
  });
});
