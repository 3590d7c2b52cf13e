// The public portal's flow (issue 12): an applicant submits online, the clerk confirms it into a
// registered case, the status page shows the deadline the staff see, a supplement answered
// online is recorded that day, withdrawal before and after confirmation; isolation and the
// one 404 for a wrong code or wrong digits. Real PGlite/PostgreSQL and Redis.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashQueryCode, normalizeQueryCode } from "../../src/portal/query-code.ts";
import { isChineseError } from "../http/helpers/fixtures.ts";
import { BACKENDS, SETUP_TIMEOUT, TEST_NOW, TODAY } from "../http/helpers/test-app.ts";
import {
  ORGANISATION,
  PERSON,
  type PortalTestApp,
  startPortalApp,
  submissionBody,
} from "./helpers/portal-app.ts";

interface Status {
  stage: string;
  stageLabel: string;
  receivedOn: string | null;
  dueOn: string | null;
  supplementRequested: boolean;
  supplementText: string | null;
  canWithdraw: boolean;
  letters: { kind: string; url: string }[];
}

interface AppView {
  id: string;
  state: string;
  channel: string;
  receivedOn: string;
  description: string;
  deliveryForm: string | null;
  applicant: Record<string, string>;
  deadlines: { reply: { dueOn: string } };
  events: { type: string; on: string; reason: string | null; superseded: unknown }[];
}

describe.each(BACKENDS)("the public portal (%s)", (_backend, databaseUrl) => {
  let t: PortalTestApp;

  beforeAll(async () => {
    t = await startPortalApp(await databaseUrl());
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await t?.close();
  });

  const submit = async (overrides: Record<string, unknown> = {}) => {
    const r = await t.pub<{ queryCode: string; submittedAt: string }>("POST", "/api/v1/public/applications", {
      body: submissionBody(overrides),
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.queryCode;
  };
  const status = (code: string, verify = "5678") =>
    t.pub<Status>("GET", `/api/v1/public/applications/${code}`, { headers: { "x-verify": verify } });
  const pendingId = async (): Promise<string> => {
    const list = await t.call<{ items: { id: string }[] }>("GET", "/api/v1/online-submissions", {
      as: "clerk",
    });
    expect(list.status).toBe(200);
    return (list.body.items.at(-1) as { id: string }).id;
  };

  it("lists the agencies as a tree of codes and names, without a login", async () => {
    const r = await t.pub<{ agencies: { code: string; name: string; children?: { code: string }[] }[] }>(
      "GET",
      "/api/v1/public/agencies",
    );
    expect(r.status).toBe(200);
    expect(r.body.agencies.map((a) => a.code)).toEqual(["county"]);
    expect(r.body.agencies[0]?.children?.map((c) => c.code)).toEqual(["other", "town"]);
    expect(Object.keys(r.body.agencies[0] ?? {}).sort()).toEqual(["children", "code", "name"]);
  });

  it("submit → 201 with a 128-bit code kept only as its hash; the clerk confirms; the status shows the case's deadline", async () => {
    const code = await submit();
    const plain = normalizeQueryCode(code) as string;
    // 26 base32 characters = 130 bits, of which 128 random
    expect(plain).toMatch(/^[A-Z2-7]{26}$/);
    const dump = await sql<{ t: string }>`select s::text as t from online_submissions s`.execute(t.db);
    expect(dump.rows.some((r) => r.t.includes(plain) || r.t.includes(code))).toBe(false);
    expect(dump.rows.some((r) => r.t.includes(hashQueryCode(plain)))).toBe(true);

    const before = await status(code);
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({
      stage: "awaiting_confirmation",
      receivedOn: null,
      dueOn: null,
      canWithdraw: true,
    });
    // No personal data on the public page.
    for (const value of [PERSON.name, PERSON.idNumber, PERSON.phone, PERSON.address])
      expect(JSON.stringify(before.body)).not.toContain(value);

    const list = await t.call<{ items: { id: string; applicant: Record<string, string> }[]; total: number }>(
      "GET",
      "/api/v1/online-submissions",
      { as: "clerk" },
    );
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(1);
    const item = list.body.items[0] as { id: string; applicant: Record<string, string> };
    expect(item.applicant).toMatchObject({
      name: PERSON.name,
      phone: "139****5678",
      idNumber: "1101**********002X",
    });

    // Another agency sees no such submission; the town's handler may not confirm.
    const outsider = await t.call("POST", `/api/v1/online-submissions/${item.id}/confirm`, {
      as: "outsider",
      body: {},
    });
    expect(outsider.status).toBe(404);
    expect(isChineseError(outsider.body)).toBe(true);
    expect((await t.call("GET", "/api/v1/online-submissions", { as: "outsider" })).body).toMatchObject({
      total: 0,
    });
    expect(
      (await t.call("POST", `/api/v1/online-submissions/${item.id}/confirm`, { as: "handler", body: {} }))
        .status,
    ).toBe(403);

    const confirmed = await t.call<AppView>("POST", `/api/v1/online-submissions/${item.id}/confirm`, {
      as: "clerk",
    });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(201);
    expect(confirmed.body).toMatchObject({
      state: "registered",
      channel: "online",
      receivedOn: TODAY,
      description: submissionBody().description,
      deliveryForm: "电子邮件",
    });
    // The case page has the applicant as submitted (no retyping).
    const full = await t.call<AppView>("GET", `/api/v1/applications/${confirmed.body.id}`, { as: "clerk" });
    expect(full.body.applicant).toEqual(PERSON);
    // A second confirmation is a conflict, not a second case.
    const again = await t.call("POST", `/api/v1/online-submissions/${item.id}/confirm`, {
      as: "clerk",
      body: {},
    });
    expect(again.status).toBe(409);

    const after = await status(code, "002x");
    expect(after.status).toBe(200);
    expect(after.body).toMatchObject({
      stage: "registered",
      receivedOn: TODAY,
      dueOn: full.body.deadlines.reply.dueOn,
      supplementRequested: false,
    });
    expect(after.body.dueOn).toBe("2026-04-20"); // 20 WD from 2026-03-20, 清明 04-04..06 skipped
  });

  it("an organisation's legal representative and contact person go into the case", async () => {
    const code = await submit({ applicant: { ...ORGANISATION } });
    expect((await status(code, "4567")).status).toBe(200);
    const confirmed = await t.call<AppView>(
      "POST",
      `/api/v1/online-submissions/${await pendingId()}/confirm`,
      {
        as: "clerk",
        body: { receivedOn: TODAY },
      },
    );
    expect(confirmed.status).toBe(201);
    const full = await t.call<AppView>("GET", `/api/v1/applications/${confirmed.body.id}`, { as: "clerk" });
    expect(full.body.applicant).toEqual(ORGANISATION);
  });

  it("a supplement answered online is recorded as receive_supplement on the day it is submitted; then withdrawal", async () => {
    const code = await submit();
    const confirmed = await t.call<AppView>(
      "POST",
      `/api/v1/online-submissions/${await pendingId()}/confirm`,
      {
        as: "clerk",
        body: {},
      },
    );
    const id = confirmed.body.id;
    const early = await t.pub("POST", `/api/v1/public/applications/${code}/supplement`, {
      body: { text: "补充：所需为2025年第三季度名单" },
      headers: { "x-verify": "5678" },
    });
    expect(early.status).toBe(409);
    expect(isChineseError(early.body)).toBe(true);

    const notice = await t.call("POST", `/api/v1/applications/${id}/actions`, {
      as: "handler",
      body: { type: "request_supplement", on: TODAY, items: ["请写明所需名单的年份和季度"] },
    });
    expect(notice.status, JSON.stringify(notice.body)).toBe(200);
    const asked = await status(code);
    expect(asked.body).toMatchObject({
      stage: "supplement_requested",
      supplementRequested: true,
      supplementText: "请写明所需名单的年份和季度",
      dueOn: null,
    });

    // Saturday 09:00 in China (the tokens of the test users live a day)
    t.clock.now = new Date("2026-03-21T01:00:00Z");
    try {
      const answered = await t.pub<Status>("POST", `/api/v1/public/applications/${code}/supplement`, {
        body: { text: "补充：所需为2025年第三季度名单" },
        headers: { "x-verify": "5678" },
      });
      expect(answered.status, JSON.stringify(answered.body)).toBe(200);
      expect(answered.body).toMatchObject({ stage: "in_progress", supplementRequested: false });
      const view = await t.call<AppView>("GET", `/api/v1/applications/${id}`, { as: "handler" });
      expect(view.status, JSON.stringify(view.body).slice(0, 500)).toBe(200);
      const received = view.body.events.filter((e) => e.type === "supplement.received");
      expect(received.map((e) => e.on)).toEqual(["2026-03-21"]);
      expect(received[0]?.reason).toContain("所需为2025年第三季度名单");
      // art. 30: the reply period restarts from the supplement's day
      expect(answered.body.dueOn).toBe(view.body.deadlines.reply.dueOn);
      expect(answered.body.dueOn).toBe("2026-04-20"); // 20 WD from 03-21: the same day as from 03-20

      const withdrawn = await t.pub<Status>("POST", `/api/v1/public/applications/${code}/withdraw`, {
        headers: { "x-verify": "5678" },
      });
      expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
      expect(withdrawn.body).toMatchObject({ stage: "withdrawn", canWithdraw: false, dueOn: null });
      const closed = await t.call<AppView>("GET", `/api/v1/applications/${id}`, { as: "handler" });
      expect(closed.body.state).toBe("closed");
      expect(closed.body.events.filter((e) => e.type === "application.withdrawn").map((e) => e.on)).toEqual([
        "2026-03-21",
      ]);
      const twice = await t.pub("POST", `/api/v1/public/applications/${code}/withdraw`, {
        headers: { "x-verify": "5678" },
      });
      expect(twice.status).toBe(409);
      expect(isChineseError(twice.body)).toBe(true);
    } finally {
      t.clock.now = TEST_NOW;
    }
  });

  it("a submission withdrawn before confirmation never becomes a case; a rejected one neither", async () => {
    const code = await submit();
    const id = await pendingId();
    const withdrawn = await t.pub<Status>("POST", `/api/v1/public/applications/${code}/withdraw`, {
      headers: { "x-verify": "5678" },
    });
    expect(withdrawn.body).toMatchObject({ stage: "withdrawn" });
    const late = await t.call("POST", `/api/v1/online-submissions/${id}/confirm`, { as: "clerk", body: {} });
    expect(late.status).toBe(409);
    expect(isChineseError(late.body)).toBe(true);

    const spam = await submit({ description: "测试测试" });
    const spamId = await pendingId();
    const noReason = await t.call("POST", `/api/v1/online-submissions/${spamId}/reject`, {
      as: "clerk",
      body: {},
    });
    expect(noReason.status).toBe(422);
    const rejected = await t.call("POST", `/api/v1/online-submissions/${spamId}/reject`, {
      as: "clerk",
      body: { reason: "测试内容，不构成政府信息公开申请" },
    });
    expect(rejected.status).toBe(200);
    expect((await status(spam)).body).toMatchObject({ stage: "rejected", canWithdraw: false });
    const cases = await t.db
      .selectFrom("applications")
      .select("description")
      .where("description", "=", "测试测试")
      .execute();
    expect(cases).toEqual([]);
  });

  it("a confirmation dated before the submission, or in the future, is refused", async () => {
    await submit();
    const id = await pendingId();
    for (const receivedOn of ["2026-03-19", "2026-03-21"]) {
      const r = await t.call("POST", `/api/v1/online-submissions/${id}/confirm`, {
        as: "clerk",
        body: { receivedOn },
      });
      expect(r.status, receivedOn).toBe(422);
      expect(isChineseError(r.body)).toBe(true);
    }
    expect(
      (
        await t.call("POST", `/api/v1/online-submissions/${id}/reject`, {
          as: "clerk",
          body: { reason: "重复提交" },
        })
      ).status,
    ).toBe(200);
  });

  it("a wrong X-Verify answers exactly as an unknown code does", async () => {
    const code = await submit();
    const wrongDigits = await status(code, "0000");
    const unknown = await status("AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-F", "5678");
    const garbage = await status("not-a-code", "5678");
    expect(wrongDigits.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(wrongDigits.body).toEqual(unknown.body);
    expect(garbage.body).toEqual(unknown.body);
    expect(isChineseError(unknown.body)).toBe(true);
    const missing = await t.pub("GET", `/api/v1/public/applications/${code}`);
    expect(missing.status).toBe(422);
    expect(isChineseError(missing.body)).toBe(true);
    expect(
      (
        await t.call("POST", `/api/v1/online-submissions/${await pendingId()}/reject`, {
          as: "clerk",
          body: { reason: "重复提交" },
        })
      ).status,
    ).toBe(200);
  });

  it("a letter not issued is a clear 404; the log holds none of the applicants' data nor the code", async () => {
    const code = await submit();
    await t.call<AppView>("POST", `/api/v1/online-submissions/${await pendingId()}/confirm`, { as: "clerk" });
    // No receipt was issued: nothing to download, said in words the applicant can act on.
    const r = await t.pub("GET", `/api/v1/public/applications/${code}/letters/receipt`, {
      headers: { "x-verify": "5678" },
    });
    expect(r.status).toBe(404);
    expect(isChineseError(r.body)).toBe(true);
    const log = t.logLines.join("\n");
    for (const value of [
      PERSON.name,
      PERSON.idNumber,
      PERSON.phone,
      ORGANISATION.contactPerson,
      ORGANISATION.idNumber,
    ])
      expect(log).not.toContain(value);
    expect(log).not.toContain(code);
    expect(log).not.toContain(normalizeQueryCode(code) as string);
    expect(log).toContain("/api/v1/public/applications/:queryCode");
  });
});
