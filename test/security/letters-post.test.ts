/**
 * Hole 7 of issue 10: downloading a letter (GET) assigned its serial number, a state change on
 * GET. Issuing is now `POST /api/v1/applications/:id/letters/:kind`: it numbers the letter once
 * and freezes the DOCX; the GET downloads exactly those bytes, and no GET writes anything.
 */
import { createHash } from "node:crypto";
import JSZip from "jszip";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CivilDate } from "../../src/domain/civil-date.ts";
import { lettersDb } from "../../src/letters/letter-store.ts";
import { BACKENDS } from "../http/helpers/test-app.ts";
import { type HardeningApp, startHardeningApp } from "./helpers/hardening-app.ts";

interface LetterItem {
  kind: string;
  key: string;
  title: string;
  serialNo: string | null;
  date: string;
  hasDeliveryReceipt: boolean;
  issuedAt: string | null;
  issuedBy: string | null;
  canIssue: boolean;
}

interface ErrorBody {
  error: { code: string; message: string };
}

const sha = (b: Buffer | Uint8Array) => createHash("sha256").update(b).digest("hex");

async function documentXml(bytes: Buffer): Promise<string> {
  return (await (await JSZip.loadAsync(bytes)).file("word/document.xml")?.async("string")) ?? "";
}

describe.each(BACKENDS)("letters are issued by POST, downloaded by GET (%s)", (_name, databaseUrl) => {
  let s: HardeningApp;

  /** A decided case of the town (its reply exists), by the service. */
  async function decidedCase(name: string): Promise<string> {
    const { applications } = s.f;
    const app = await applications.register(s.actors.clerk as never, {
      agencyCode: "town",
      channel: "post",
      receivedOn: "2026-03-02" as CivilDate,
      applicant: { type: "natural_person", name, address: "某镇人民路1号" },
      description: "某项目批复文件",
    });
    await applications.act(s.actors.approver as never, app.id, {
      type: "decide",
      on: "2026-03-10" as CivilDate,
      outcome: "disclosed",
    });
    return app.id;
  }

  /** Everything a letter could write: its rows, their documents, the counters of numbers. */
  async function writes(): Promise<string> {
    const letters = await lettersDb(s.f.db)
      .selectFrom("letters")
      .select(["application_id", "kind", "serial", "document"])
      .orderBy("id")
      .execute();
    const counters = await s.f.db.selectFrom("counters").selectAll().orderBy("scope").execute();
    return JSON.stringify({
      letters: letters.map((l) => [l.application_id, l.kind, l.serial, l.document ? sha(l.document) : null]),
      counters,
    });
  }

  beforeAll(async () => {
    s = await startHardeningApp(await databaseUrl());
  }, 240_000);
  afterAll(async () => {
    await s?.close();
  });

  it("refuses a download before issuance (409, in Chinese) and previews an unnumbered 草稿 with ?draft=true, writing nothing", async () => {
    const id = await decidedCase("李四");
    const before = await writes();
    const refused = await s.call<ErrorBody>("GET", `/api/v1/applications/${id}/letters/reply.docx`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/^该文书尚未出具（编号）.*请先出具/);
    const draft = await s.call("GET", `/api/v1/applications/${id}/letters/reply.docx?draft=true`);
    expect(draft.status).toBe(200);
    expect(decodeURIComponent(draft.headers.get("content-disposition") ?? "")).toContain(
      "政府信息公开申请答复书（草稿）.docx",
    );
    const xml = await documentXml(draft.bytes);
    expect(xml).toContain("草稿");
    expect(xml).not.toMatch(/某镇公开〔\d{4}〕第\d+号/);
    const receipt = await s.call<ErrorBody>(
      "GET",
      `/api/v1/applications/${id}/letters/reply/delivery-receipt.docx`,
    );
    expect(receipt.status).toBe(409);
    expect(receipt.body.error.message).toContain("尚未出具（编号）");
    const list = await s.call<{ items: LetterItem[] }>("GET", `/api/v1/applications/${id}/letters`);
    expect(list.body.items.map((l) => [l.kind, l.serialNo, l.canIssue])).toEqual([
      ["receipt", null, true],
      ["reply", null, true],
    ]);
    expect(await s.call("GET", `/api/v1/applications/${id}`)).toMatchObject({ status: 200 });
    expect(await writes()).toBe(before);
  });

  it("issues once: 201 with the list's item, then 200 with the same letter; the GET gives exactly the issued bytes", async () => {
    const id = await decidedCase("王五");
    for (const [as, status] of [
      ["supervisor", 403],
      ["clerk", 403],
      ["admin", 403],
      ["otherapprover", 404],
    ] as const) {
      const refused = await s.call("POST", `/api/v1/applications/${id}/letters/reply`, { as });
      expect(refused.status, as).toBe(status);
    }
    expect(
      (await s.call("POST", `/api/v1/applications/${id}/letters/fee_notice`, { as: "handler" })).status,
    ).toBe(409);
    expect(
      (await s.call("POST", `/api/v1/applications/${id}/letters/invoice`, { as: "handler" })).status,
    ).toBe(404);
    const first = await s.call<LetterItem>("POST", `/api/v1/applications/${id}/letters/reply`, {
      as: "approver",
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      kind: "reply",
      key: "reply",
      title: "政府信息公开申请答复书",
      date: "2026-03-10",
      hasDeliveryReceipt: true,
      issuedBy: "approver名",
      canIssue: false,
    });
    expect(first.body.serialNo).toMatch(/^某镇公开〔2026〕第\d+号$/);
    expect(Date.parse(first.body.issuedAt ?? "")).toBe(s.f.clock.now.getTime());
    const list = await s.call<{ items: LetterItem[] }>("GET", `/api/v1/applications/${id}/letters`, {
      as: "handler",
    });
    expect(list.body.items.find((l) => l.kind === "reply")).toEqual(first.body);
    const again = await s.call<LetterItem>("POST", `/api/v1/applications/${id}/letters/reply`, {
      as: "handler",
    });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);

    // the download is the frozen DOCX: the agency's later short name changes nothing in it
    const stored = await lettersDb(s.f.db)
      .selectFrom("letters")
      .select(["document", "serial_no"])
      .where("application_id", "=", id)
      .where("kind", "=", "reply")
      .executeTakeFirstOrThrow();
    await s.f.letters.setLetterSettings(s.f.actors.admin, "town", { shortName: "某政" });
    const before = await writes();
    for (const as of ["approver", "supervisor"]) {
      const file = await s.call("GET", `/api/v1/applications/${id}/letters/reply.docx`, { as });
      expect(file.status, as).toBe(200);
      expect(sha(file.bytes), as).toBe(sha(stored.document as Buffer));
      expect(decodeURIComponent(file.headers.get("content-disposition") ?? "")).toContain(
        `政府信息公开申请答复书（${first.body.serialNo}）.docx`,
      );
    }
    expect(await documentXml(Buffer.from(stored.document as Buffer))).toContain(String(first.body.serialNo));
    const relisted = await s.call<{ items: LetterItem[] }>("GET", `/api/v1/applications/${id}/letters`);
    expect(relisted.body.items.find((l) => l.kind === "reply")?.serialNo).toBe(first.body.serialNo);
    const receipt = await s.call("GET", `/api/v1/applications/${id}/letters/reply/delivery-receipt.docx`);
    expect(receipt.status).toBe(200);
    expect(await writes()).toBe(before);
    await s.f.letters.setLetterSettings(s.f.actors.admin, "town", { shortName: "某镇" });
  });

  it("gives 30 concurrent POSTs of one letter one number: one 201, the rest 200, no gap in the sequence", async () => {
    const id = await decidedCase("赵六");
    const next = await s.call<LetterItem>(
      "POST",
      `/api/v1/applications/${await decidedCase("钱七")}/letters/receipt`,
      {
        as: "clerk",
      },
    );
    expect(next.status).toBe(201);
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        s.call<LetterItem>("POST", `/api/v1/applications/${id}/letters/receipt`, {
          as: i % 2 === 0 ? "clerk" : "handler",
        }),
      ),
    );
    expect(answers.map((a) => a.status).sort((a, b) => a - b)).toEqual([
      ...Array.from({ length: 29 }, () => 200),
      201,
    ]);
    expect(new Set(answers.map((a) => a.body.serialNo)).size).toBe(1);
    const serial = Number(/第(\d+)号/.exec(answers[0]?.body.serialNo ?? "")?.[1]);
    expect(serial).toBe(Number(/第(\d+)号/.exec(next.body.serialNo ?? "")?.[1]) + 1);
    const rows = await lettersDb(s.f.db)
      .selectFrom("letters")
      .select("serial")
      .where("application_id", "=", id)
      .execute();
    expect(rows.map((r) => r.serial)).toEqual([serial]);
    const counter = await s.f.db
      .selectFrom("counters")
      .select("value")
      .where("scope", "like", "letter:%:2026:receipt")
      .executeTakeFirstOrThrow();
    expect(counter.value).toBe(serial);
  });

  it("changes nothing by any GET of the API (the access log of personal data aside, which records reads)", async () => {
    const id = await decidedCase("孙八");
    expect(
      (await s.call("POST", `/api/v1/applications/${id}/letters/reply`, { as: "approver" })).status,
    ).toBe(201);
    const tables = (
      await sql<{ table_name: string }>`
        SELECT table_name FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
          AND table_name NOT IN ('access_log', 'kysely_migration', 'kysely_migration_lock')
        ORDER BY table_name`.execute(s.f.db)
    ).rows.map((r) => r.table_name);
    expect(tables).toEqual(expect.arrayContaining(["applications", "letters", "counters", "auth_tokens"]));
    const snapshot = async () => {
      const out: Record<string, string | null> = {};
      for (const t of tables) {
        const r = await sql<{ h: string | null }>`
          SELECT md5(string_agg(x::text, ',' ORDER BY x::text)) AS h FROM ${sql.table(t)} x`.execute(s.f.db);
        out[t] = r.rows[0]?.h ?? null;
      }
      return out;
    };
    const gets: [string, string][] = [
      ["approver", "/api/v1/applications"],
      ["approver", "/api/v1/applications?q=孙八"],
      ["approver", `/api/v1/applications/${id}`],
      ["approver", `/api/v1/applications/${id}/letters`],
      ["approver", `/api/v1/applications/${id}/letters/reply.docx`],
      ["approver", `/api/v1/applications/${id}/letters/receipt.docx?draft=true`],
      ["approver", `/api/v1/applications/${id}/letters/receipt.docx`],
      ["approver", `/api/v1/applications/${id}/letters/reply/delivery-receipt.docx`],
      ["approver", `/api/v1/applications/${id}/appeals`],
      ["supervisor", `/api/v1/applications/${id}/letters/reply.docx`],
      ["admin", "/api/v1/agencies/town/reports/2026"],
      ["admin", "/api/v1/agencies/town/reports/2026.docx"],
      ["admin", "/api/v1/agencies/town/reports/2026.xlsx"],
      ["admin", "/api/v1/agencies/town/reports/2026.html"],
      ["admin", "/api/v1/agencies/town/reports/2026/versions"],
      ["admin", "/api/v1/agencies/town/reports/2026/cells/new_received/total"],
      ["supervisor", "/api/v1/agencies/county/reports/2026/overview"],
      ["admin", "/api/v1/agencies/town/ledger.xlsx"],
      ["admin", "/api/v1/agencies/town/letter-settings"],
      ["admin", "/api/v1/imports/template.xlsx"],
      ["admin", "/api/v1/users"],
      ["approver", "/api/v1/stats"],
      ["approver", "/api/v1/calendar/2026"],
      ["approver", "/api/v1/calendar/2031"],
      ["approver", "/api/v1/agencies"],
      ["approver", "/api/v1/auth/me"],
      ["approver", "/api/v1/meta"],
      ["approver", "/api/v1/openapi.json"],
    ];
    // every user's token exists before the first snapshot
    for (const [as] of gets) await s.call("GET", "/api/v1/meta", { as });
    const before = await snapshot();
    for (const [as, path] of gets) {
      const answer = await s.call("GET", path, { as });
      expect(answer.status, `${as} ${path}`).toBeLessThan(500);
    }
    const after = await snapshot();
    expect(after).toEqual(before);
  });

  it("documents the POST route in the OpenAPI document", async () => {
    const doc = await s.call<{
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    }>("GET", "/api/v1/openapi.json", { as: null });
    const path = doc.body.paths["/api/v1/applications/{id}/letters/{kind}"];
    expect(Object.keys(path ?? {})).toEqual(["post"]);
    expect(Object.keys(path?.post?.responses ?? {})).toEqual(
      expect.arrayContaining(["201", "403", "404", "409"]),
    );
  });
});
