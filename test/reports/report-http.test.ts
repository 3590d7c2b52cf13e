import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeAuthenticator } from "../../src/http/auth/authenticate.ts";
import { apiNotFound, errorMiddleware } from "../../src/http/errors/error-middleware.ts";
import { createLettersRouter, createReportsRouter } from "../../src/http/reports/create-reports-router.ts";
import { d, makeReportFixture, type ReportFixture, type UserKey } from "./support/report-fixture.ts";
import { COMPLETE_TEXTS } from "./support/report-texts.ts";
import { ZERO_TABLE2_2021 } from "./support/table2-figures.ts";

/** A parsed JSON body as the assertions read it: every key and array method, typed without escapes. */
type Loose = { readonly [key: string]: Loose } & Loose[];

describe("the report and letter routes", () => {
  let f: ReportFixture;
  let server: Server;
  let base: string;
  let appId: string;
  const tokens = {} as Record<UserKey, string>;

  async function call(path: string, options: { as?: UserKey | null; method?: string; body?: unknown } = {}) {
    const headers: Record<string, string> = {};
    if (options.as !== null) headers.authorization = `Bearer ${tokens[options.as ?? "admin"]}`;
    if (options.body !== undefined) headers["content-type"] = "application/json";
    const res = await fetch(`${base}${path}`, {
      method: options.method ?? "GET",
      headers,
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    const type = res.headers.get("content-type") ?? "";
    const bytes = Buffer.from(await res.arrayBuffer());
    const body = (type.includes("json") ? JSON.parse(bytes.toString("utf8")) : {}) as Loose;
    return { status: res.status, headers: res.headers, body, bytes };
  }

  beforeAll(async () => {
    f = await makeReportFixture({ now: new Date("2026-03-20T02:00:00Z") });
    for (const [key, actor] of Object.entries(f.actors)) {
      tokens[key as UserKey] = (await f.accounts.issueToken(actor.userId as number, "bearer", 60)).token;
    }
    const app = await f.applications.register(f.actors.clerk, {
      agencyCode: "town",
      channel: "in_person",
      receivedOn: d("2025-11-03"),
      applicant: { type: "commercial_enterprise", name: "某建筑公司" },
      description: "某道路工程的招标文件",
    });
    await f.applications.act(f.actors.approver, app.id, {
      type: "decide",
      on: d("2025-11-10"),
      outcome: "withheld.third_party_rights",
    });
    appId = app.id;
    const auth = makeAuthenticator({ accounts: f.accounts, sessionMinutes: 60, alwaysSecure: false });
    const deps = { auth, reports: f.reports, letters: f.letters };
    const http = express();
    http.use(express.json());
    http.use(createReportsRouter(deps));
    http.use(createLettersRouter(deps));
    http.use("/api", apiNotFound);
    http.use(errorMiddleware({ logger: pino({ level: "silent" }), bodyLimit: "1 MB" }));
    server = http.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 60_000);
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await f?.handle.close();
  });

  it("answers the report JSON of API.md", async () => {
    const { status, body } = await call("/api/v1/agencies/town/reports/2025");
    expect(status).toBe(200);
    for (const key of ["agencyCode", "year", "edition", "status", "table2", "table3", "table4", "checks"])
      expect(body).toHaveProperty(key);
    expect(body).toMatchObject({ agencyCode: "town", year: 2025, edition: "2021", status: "draft" });
    expect(body.table3?.columns).toEqual([
      "natural_person",
      "commercial_enterprise",
      "research_institution",
      "social_welfare_org",
      "legal_service_org",
      "other_org",
      "total",
    ]);
    expect(body.table3?.rows?.["withheld.third_party_rights"]?.commercial_enterprise).toBe(1);
    expect(body.table4?.administrative_review).toEqual({
      upheld: 0,
      corrected: 0,
      other: 0,
      pending: 0,
      total: 0,
    });
    expect((await call("/api/v1/agencies/town/reports/2025", { as: null })).status).toBe(401);
    expect((await call("/api/v1/agencies/town/reports/2025", { as: "otheradmin" })).status).toBe(404);
    expect((await call("/api/v1/agencies/town/reports/2018")).body.error?.code).toBe("invalid_input");
    const sum = await call("/api/v1/agencies/county/reports/2025?include=subtree", { as: "supervisor" });
    expect(sum.body).toMatchObject({ scope: "subtree", agencyCode: "county" });
  });

  it("serves the documents at …/:year.docx, .xlsx and .html", async () => {
    const docx = await call("/api/v1/agencies/town/reports/2025.docx");
    expect(docx.status).toBe(200);
    expect(docx.headers.get("content-type")).toContain("wordprocessingml");
    expect(decodeURIComponent(docx.headers.get("content-disposition") ?? "")).toContain(
      "某镇人民政府2025年政府信息公开工作年度报告（草稿）.docx",
    );
    expect(docx.bytes.subarray(0, 2).toString()).toBe("PK");
    const xlsx = await call("/api/v1/agencies/town/reports/2025.xlsx");
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
    const html = await call("/api/v1/agencies/town/reports/2025.html");
    expect(html.headers.get("content-type")).toContain("text/html");
    expect(html.bytes.toString("utf8")).toContain("<h2>三、收到和处理政府信息公开申请情况</h2>");
  });

  it("lists a cell's applications; an unknown row or column is 404", async () => {
    const cell = await call("/api/v1/agencies/town/reports/2025/cells/withheld.third_party_rights/total");
    expect(cell.body).toMatchObject({ total: 1, items: [{ id: appId, applicantName: "某建筑公司" }] });
    expect((await call("/api/v1/agencies/town/reports/2025/cells/other/total")).status).toBe(404);
    expect((await call("/api/v1/agencies/town/reports/2025/cells/disclosed/everyone")).status).toBe(404);
  });

  it("validates table 二 by the year's edition, closes, amends and serves versions", async () => {
    const bad = await call("/api/v1/agencies/town/reports/2025/proactive", {
      method: "PUT",
      body: { ...ZERO_TABLE2_2021, regulations: { issued: -1, repealed: 0, in_force: 0 } },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error?.details).toContainEqual({ field: "regulations.issued", message: "不能为负数" });
    const old = await call("/api/v1/agencies/town/reports/2025/proactive", {
      method: "PUT",
      body: { regulations: { produced: 1, published: 1, total_published: 1 } },
    });
    expect(old.status).toBe(422);
    expect(
      (
        await call("/api/v1/agencies/town/reports/2025/proactive", {
          method: "PUT",
          as: "handler",
          body: ZERO_TABLE2_2021,
        })
      ).status,
    ).toBe(403);
    expect(
      (await call("/api/v1/agencies/town/reports/2025/proactive", { method: "PUT", body: ZERO_TABLE2_2021 }))
        .status,
    ).toBe(200);
    const texts = await call("/api/v1/agencies/town/reports/2025/texts", {
      method: "PUT",
      body: { problems: "队伍建设有待加强。" },
    });
    expect(texts.body.texts?.problems).toBe("队伍建设有待加强。");
    // The parts of 一 are empty (W2): the old call without a body is refused until acknowledged.
    const unacknowledged = await call("/api/v1/agencies/town/reports/2025/close", { method: "POST" });
    expect(unacknowledged.status).toBe(409);
    expect(unacknowledged.body.error?.code).toBe("warnings_unacknowledged");
    expect(unacknowledged.body.error?.details?.map((d) => String(d.field))).toEqual(["W2"]);
    const malformed = await call("/api/v1/agencies/town/reports/2025/close", {
      method: "POST",
      body: { acknowledgeWarnings: "yes" },
    });
    expect(malformed.status).toBe(422);
    const closed = await call("/api/v1/agencies/town/reports/2025/close", {
      method: "POST",
      body: { acknowledgeWarnings: true },
    });
    expect(closed.body).toMatchObject({ status: "closed", version: 1 });
    const again = await call("/api/v1/agencies/town/reports/2025/close", { method: "POST" });
    expect(again.status).toBe(409);
    expect(again.body.error?.message).toContain("已于");
    const amend = await call("/api/v1/agencies/town/reports/2025/amend", {
      method: "POST",
      body: { reason: "复核" },
    });
    expect(amend.body).toMatchObject({ version: 1, created: false });
    expect((await call("/api/v1/agencies/town/reports/2025/versions")).body.total).toBe(1);
    expect((await call("/api/v1/agencies/town/reports/2025/versions/1")).body).toMatchObject({
      version: 1,
      reason: null,
    });
    const v1 = await call("/api/v1/agencies/town/reports/2025/versions/1.docx");
    expect(v1.status).toBe(200);
    expect(decodeURIComponent(v1.headers.get("content-disposition") ?? "")).toContain("（第1版）.docx");
    expect((await call("/api/v1/agencies/town/reports/2025/versions/2.docx")).status).toBe(404);
    const overview = await call("/api/v1/agencies/county/reports/2025/overview", { as: "supervisor" });
    expect(overview.body.agencies?.find((a) => String(a.agencyCode) === "town")).toMatchObject({
      status: "closed",
    });
  });

  it("takes the texts of 一's parts, shows what the system writes around them, and closes with the old body when no warning fails", async () => {
    await call("/api/v1/agencies/other/reports/2025/proactive", {
      as: "otheradmin",
      method: "PUT",
      body: ZERO_TABLE2_2021,
    });
    const saved = await call("/api/v1/agencies/other/reports/2025/texts", {
      as: "otheradmin",
      method: "PUT",
      body: COMPLETE_TEXTS,
    });
    expect(saved.body.texts).toEqual(COMPLETE_TEXTS);
    const unknown = await call("/api/v1/agencies/other/reports/2025/texts", {
      as: "otheradmin",
      method: "PUT",
      body: { workOverview: "…" },
    });
    expect(unknown.status).toBe(422);
    const report = await call("/api/v1/agencies/other/reports/2025", { as: "otheradmin" });
    expect(report.body.narrative?.overview?.map((p) => String(p.textKey))).toEqual([
      "proactive",
      "requests",
      "management",
      "platforms",
      "oversight",
      "assessment",
    ]);
    expect(String(report.body.narrative?.preface)).toMatch(/^本报告根据《中华人民共和国政府信息公开条例》/);
    expect(String(report.body.narrative?.overview?.[1]?.generated?.[0])).toMatch(
      /^本年度新收政府信息公开申请0件/,
    );
    expect(report.body.checks?.filter((c) => !c.ok)).toEqual([]);
    const closed = await call("/api/v1/agencies/other/reports/2025/close", {
      as: "otheradmin",
      method: "POST",
    });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: "closed", version: 1, texts: COMPLETE_TEXTS });
  });

  it("serves letters as .docx, numbered when issued", async () => {
    const list = await call(`/api/v1/applications/${appId}/letters`, { as: "approver" });
    expect(list.body.items?.map((i) => String(i.kind))).toEqual(["receipt", "reply"]);
    const early = await call(`/api/v1/applications/${appId}/letters/reply.docx`, { as: "approver" });
    expect(early.status).toBe(409);
    const issued = await call(`/api/v1/applications/${appId}/letters/reply`, {
      as: "approver",
      method: "POST",
    });
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ kind: "reply", serialNo: "某镇公开〔2025〕第1号" });
    const reply = await call(`/api/v1/applications/${appId}/letters/reply.docx`, { as: "approver" });
    expect(reply.status).toBe(200);
    expect(decodeURIComponent(reply.headers.get("content-disposition") ?? "")).toContain(
      "政府信息公开申请答复书（某镇公开〔2025〕第1号）.docx",
    );
    const fee = await call(`/api/v1/applications/${appId}/letters/fee_notice`, {
      as: "approver",
      method: "POST",
    });
    expect(fee.status).toBe(409);
    expect(fee.body.error?.message).toBe("该申请未发出收费通知，没有收费通知书");
    expect(
      (await call(`/api/v1/applications/${appId}/letters/reply.docx`, { as: "otheradmin" })).status,
    ).toBe(404);
    const renamed = await call("/api/v1/agencies/town/letter-settings", {
      method: "PUT",
      body: { shortName: "某政" },
    });
    expect(renamed.body).toMatchObject({ agencyCode: "town", shortName: "某政", reviewBody: null });
    expect(renamed.body).toMatchObject({ shortNameSet: "某政" });
    // cleared: the letters use the short name derived from the agency's name again
    const cleared = await call("/api/v1/agencies/town/letter-settings", {
      method: "PUT",
      body: { shortName: null },
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ shortNameSet: null });
    expect(cleared.body.shortName).toBe(cleared.body.defaultShortName);
    expect(cleared.body.shortName).not.toBe("");
  });
});
