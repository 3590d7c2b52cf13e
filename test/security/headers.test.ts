/**
 * Issue 10: security headers with helmet for the web UI (its page and files) and the annual
 * report's HTML page; the API keeps `Cache-Control: no-store` and nosniff. That the CSP lets
 * the built Ant Design/ECharts app run is checked in Chromium (test/browser/security-headers.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS } from "../http/helpers/test-app.ts";
import { type HardeningApp, startHardeningApp } from "./helpers/hardening-app.ts";

/** The directives of a Content-Security-Policy header. */
function directives(header: string | null): Map<string, string> {
  return new Map(
    (header ?? "")
      .split(";")
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => [d.split(/\s+/)[0] ?? "", d.split(/\s+/).slice(1).join(" ")]),
  );
}

describe.each(BACKENDS)("security headers (%s)", (_name, databaseUrl) => {
  let s: HardeningApp;
  beforeAll(async () => {
    s = await startHardeningApp(await databaseUrl());
  }, 240_000);
  afterAll(async () => {
    await s?.close();
  });

  it("gives the web UI's page and files a CSP of its own origin, no framing, no sniffing, a strict referrer policy", async () => {
    for (const path of ["/", "/applications/abc", "/assets/index-AbC123.js"]) {
      const res = await s.call("GET", path, { as: null, headers: { accept: "text/html,*/*" } });
      expect(res.status, path).toBe(200);
      const csp = directives(res.headers.get("content-security-policy"));
      expect(csp.get("default-src"), path).toBe("'self'");
      expect(csp.get("script-src"), path).toBe("'self'");
      expect(csp.get("style-src"), path).toBe("'self' 'unsafe-inline'");
      expect(csp.get("object-src"), path).toBe("'none'");
      expect(csp.get("frame-ancestors"), path).toBe("'none'");
      expect(csp.get("base-uri"), path).toBe("'self'");
      expect(res.headers.get("content-security-policy"), path).not.toContain("unsafe-eval");
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(res.headers.get("x-frame-options"), path).toBe("DENY");
      expect(res.headers.get("referrer-policy"), path).toBe("same-origin");
      expect(res.headers.get("cross-origin-opener-policy"), path).toBe("same-origin");
      expect(res.headers.get("x-powered-by"), path).toBeNull();
    }
  });

  it("gives the report's HTML page a CSP without scripts, framed only by the system's own pages", async () => {
    const res = await s.call("GET", "/api/v1/agencies/town/reports/2025.html", { as: "admin" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const csp = directives(res.headers.get("content-security-policy"));
    expect(csp.get("default-src")).toBe("'none'");
    expect(csp.has("script-src")).toBe(false);
    expect(csp.get("style-src")).toBe("'unsafe-inline'");
    expect(csp.get("frame-ancestors")).toBe("'self'");
    expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.bytes.toString("utf8")).not.toMatch(/<script/i);
  });

  it("keeps the API's no-store and nosniff, on answers and on errors", async () => {
    for (const [path, status] of [
      ["/api/v1/applications", 200],
      ["/api/v1/applications/nothing", 404],
      ["/api/v1/nothing", 404],
    ] as const) {
      const res = await s.call("GET", path, { as: "clerk" });
      expect(res.status, path).toBe(status);
      expect(res.headers.get("cache-control"), path).toBe("no-store");
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
    }
  });
});
