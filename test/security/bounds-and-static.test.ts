/**
 * Hole 6 of issue 10: `GET /agencies/:code/reports/3000` and `/assets/..%2F..` answered 500 on
 * the demo county. Every year of a path or query is bounded (a Chinese 404 for a report year
 * not begun, 422 for a year the system cannot have), and the static server's refusals are 400
 * or 404, never 500.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS } from "../http/helpers/test-app.ts";
import { type HardeningApp, startHardeningApp } from "./helpers/hardening-app.ts";

interface ErrorBody {
  error: { code: string; message: string };
}

describe.each(BACKENDS)("years the system cannot have, and the static files (%s)", (_name, databaseUrl) => {
  let s: HardeningApp;
  beforeAll(async () => {
    s = await startHardeningApp(await databaseUrl());
  }, 240_000);
  afterAll(async () => {
    await s?.close();
  });

  async function expectError(method: string, path: string, status: number, text: string, as = "admin") {
    const answer = await s.call<ErrorBody>(method, path, { as, ...(method === "PUT" ? { body: {} } : {}) });
    expect(answer.status, `${method} ${path}`).toBe(status);
    expect(answer.body.error.message, path).toContain(text);
  }

  it("answers a report year not begun with a 404 on every report route, and one before 2019 with a 422", async () => {
    // the fixture's today is 2026-03-20
    for (const year of [3000, 2027]) {
      const base = `/api/v1/agencies/town/reports/${year}`;
      for (const path of [
        base,
        `${base}.docx`,
        `${base}.xlsx`,
        `${base}.html`,
        `${base}/versions`,
        `${base}/versions/1`,
        `${base}/cells/new_received/total`,
      ]) {
        await expectError("GET", path, 404, `${year}年度尚未开始，没有年度报告：可查看2019至2026年度的报告`);
      }
      await expectError("GET", `${base}/overview`, 404, "尚未开始", "supervisor");
      await expectError("PUT", `${base}/texts`, 404, "尚未开始");
    }
    await expectError("GET", "/api/v1/agencies/town/reports/2010", 422, "2010年度没有可用的年度报告格式");
    expect((await s.call("GET", "/api/v1/agencies/town/reports/2026", { as: "admin" })).status).toBe(200);
  });

  it("bounds the years of the calendar, the statistics and the ledger export", async () => {
    await expectError("GET", "/api/v1/calendar/3000", 422, "年份应在 1990 到 2199 之间");
    await expectError("GET", "/api/v1/stats?year=3000", 422, "年份应在 1990 到 2199 之间");
    await expectError(
      "GET",
      "/api/v1/agencies/town/ledger.xlsx?year=3000",
      422,
      "年份应在 2008（《条例》施行）到 2199 之间",
    );
    await expectError("GET", "/api/v1/agencies/town/ledger.xlsx?year=0001", 422, "年份应在 2008");
    const ledger = await s.call("GET", "/api/v1/agencies/town/ledger.xlsx?year=2025", { as: "admin" });
    expect(ledger.status).toBe(200);
  });

  it("answers the static server's refusals with 400 or 404 in Chinese, never 500", async () => {
    const cases: [string, number, string][] = [
      ["/assets/..%2F..", 404, "文件不存在"],
      ["/assets/..%2F..%2Fpackage.json", 404, "文件不存在"],
      ["/assets/..%5C..%5Cpackage.json", 404, "文件不存在"],
      ["/assets/.env", 404, "文件不存在"],
      ["/assets/nothing.js", 404, "文件不存在"],
      ["/assets/%E0%A4%A", 400, "文件地址格式不正确"],
      ["/assets/%", 400, "文件地址格式不正确"],
    ];
    for (const [path, status, text] of cases) {
      const answer = await s.call<ErrorBody>("GET", path, { as: null, headers: { accept: "*/*" } });
      expect(answer.status, path).toBe(status);
      expect(answer.body.error.message, path).toContain(text);
    }
    const asset = await s.call("GET", "/assets/index-AbC123.js", { as: null });
    expect(asset.status).toBe(200);
    expect(asset.bytes.toString("utf8")).toBe("console.log(1)");
    // outside /assets a page request gets the app's page, never a file from above the folder
    const page = await s.call("GET", "/..%2F..%2Fpackage.json", {
      as: null,
      headers: { accept: "text/html" },
    });
    expect(page.status).toBe(200);
    expect(page.bytes.toString("utf8")).toContain('<div id="root">');
    expect(s.logLines.join("")).not.toContain('"statusCode":500');
  });
});
