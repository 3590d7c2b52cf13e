// The portal's files (issue 12): a submission with an ID-card image (multipart) keeps it with the
// submission and the confirmation moves it to the case in the same transaction; a supplement
// with a PDF is a document of its receive_supplement event; an executable or too large a file
// writes nothing; a letter frozen as PDF downloads through the 查询码. Real databases and Redis.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveDocument } from "../../src/documents/document-store.ts";
import { documentsDb } from "../../src/documents/document-tables.ts";
import { DEFAULT_PORTAL_LIMITS } from "../../src/http/portal/portal-guard.ts";
import { lettersDb } from "../../src/letters/letter-store.ts";
import { isChineseError } from "../http/helpers/fixtures.ts";
import { BACKENDS, SETUP_TIMEOUT, TODAY } from "../http/helpers/test-app.ts";
import { type PortalTestApp, startPortalApp, submissionBody } from "./helpers/portal-app.ts";

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(200, 7),
]);
const PDF = Buffer.from("%PDF-1.4\n% 补正材料\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const EXE = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(100, 1)]);

function form(
  fields: Record<string, string>,
  files: [name: string, bytes: Buffer, type: string][],
): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  for (const [name, bytes, type] of files) f.append("files", new Blob([bytes], { type }), name);
  return f;
}

describe.each(BACKENDS)("the portal's files (%s)", (_backend, databaseUrl) => {
  let t: PortalTestApp;

  beforeAll(async () => {
    t = await startPortalApp(await databaseUrl(), {
      limits: { ...DEFAULT_PORTAL_LIMITS, maxFileBytes: 64 * 1024 },
    });
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await t?.close();
  });

  const post = async (path: string, body: FormData, headers: Record<string, string> = {}) => {
    const r = await fetch(`${t.baseUrl}${path}`, { method: "POST", body, headers });
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  };
  const submissionForm = (files: [string, Buffer, string][]) => {
    const b = submissionBody();
    return form(
      { agencyCode: b.agencyCode, applicant: JSON.stringify(b.applicant), description: b.description },
      files,
    );
  };
  const documentsOf = (kind: "submission" | "application", id: string) =>
    documentsDb(t.db)
      .selectFrom("documents")
      .select(["kind", "file_name", "detected_type", "event_seq"])
      .where("owner_kind", "=", kind)
      .where("owner_id", "=", id)
      .execute();

  it("a submission with an ID-card image; confirming moves it to the case; a supplement's PDF joins its event", async () => {
    const submitted = await post(
      "/api/v1/public/applications",
      submissionForm([["身份证.png", PNG, "image/png"]]),
    );
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    const code = submitted.body.queryCode as string;
    const list = await t.call<{ items: { id: string; documents: { fileName: string; url: string }[] }[] }>(
      "GET",
      "/api/v1/online-submissions",
      { as: "clerk" },
    );
    const item = list.body.items[0] as { id: string; documents: { fileName: string; url: string }[] };
    const submissionId = item.id;
    expect(item.documents.map((d) => d.fileName)).toEqual(["身份证.png"]);
    // The clerk opens the ID copy (the access log names the download, never the content); another agency cannot.
    const url = item.documents[0]?.url as string;
    const image = await fetch(`${t.baseUrl}${url}`, {
      headers: { authorization: `Bearer ${t.tokens.clerk}` },
    });
    expect(image.status).toBe(200);
    expect(Buffer.from(await image.arrayBuffer()).equals(PNG)).toBe(true);
    const outsider = await fetch(`${t.baseUrl}${url}`, {
      headers: { authorization: `Bearer ${t.tokens.outsider}` },
    });
    expect(outsider.status).toBe(404);
    const logged = await t.db
      .selectFrom("access_log")
      .select("kind")
      .where("kind", "=", "submission_document")
      .execute();
    expect(logged).toHaveLength(1);
    expect(await documentsOf("submission", submissionId)).toEqual([
      { kind: "other", file_name: "身份证.png", detected_type: "image/png", event_seq: null },
    ]);

    const confirmed = await t.call<{ id: string }>(
      "POST",
      `/api/v1/online-submissions/${submissionId}/confirm`,
      {
        as: "clerk",
      },
    );
    expect(confirmed.status).toBe(201);
    const caseId = confirmed.body.id;
    expect(await documentsOf("submission", submissionId)).toEqual([]);
    expect((await documentsOf("application", caseId)).map((d) => d.file_name)).toEqual(["身份证.png"]);

    await t.call("POST", `/api/v1/applications/${caseId}/actions`, {
      as: "handler",
      body: { type: "request_supplement", on: TODAY, items: ["请提供房屋所在村组"] },
    });
    const answered = await post(
      `/api/v1/public/applications/${code}/supplement`,
      form({ text: "东村三组" }, [["补正.pdf", PDF, "application/pdf"]]),
      {
        "x-verify": "5678",
      },
    );
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    const events = await t.db
      .selectFrom("application_events")
      .select(["seq", "type"])
      .where("application_id", "=", caseId)
      .where("type", "=", "supplement.received")
      .execute();
    expect(events).toHaveLength(1);
    const docs = await documentsOf("application", caseId);
    expect(docs.find((d) => d.file_name === "补正.pdf")).toEqual({
      kind: "supplement",
      file_name: "补正.pdf",
      detected_type: "application/pdf",
      event_seq: events[0]?.seq,
    });
  });

  it("an executable named .pdf or too large a file writes nothing", async () => {
    const before = await documentsDb(t.db).selectFrom("documents").select("id").execute();
    const submissions = async () =>
      (
        await t.db
          .selectFrom("online_submissions" as never)
          .select("id" as never)
          .execute()
      ).length;
    const count = await submissions();
    const exe = await post(
      "/api/v1/public/applications",
      submissionForm([["申请书.pdf", EXE, "application/pdf"]]),
    );
    expect(exe.status).toBe(422);
    expect(isChineseError(exe.body)).toBe(true);
    const big = await post(
      "/api/v1/public/applications",
      submissionForm([["扫描.pdf", Buffer.concat([PDF, Buffer.alloc(70 * 1024)]), "application/pdf"]]),
    );
    expect(big.status).toBe(413);
    expect(isChineseError(big.body)).toBe(true);
    expect(await submissions()).toBe(count);
    expect(await documentsDb(t.db).selectFrom("documents").select("id").execute()).toEqual(before);
  });

  it("a letter frozen as PDF is listed and downloaded through the 查询码; another letter is a clear 404", async () => {
    const r = await t.pub<{ queryCode: string }>("POST", "/api/v1/public/applications", {
      body: submissionBody(),
    });
    const list = await t.call<{ items: { id: string }[] }>("GET", "/api/v1/online-submissions", {
      as: "clerk",
    });
    const confirmed = await t.call<{ id: string; agencyCode: string }>(
      "POST",
      `/api/v1/online-submissions/${(list.body.items[0] as { id: string }).id}/confirm`,
      { as: "clerk" },
    );
    const caseId = confirmed.body.id;
    // As the letter service leaves an issued receipt: its row, then its PDF in the document store.
    const town = await t.db
      .selectFrom("agencies")
      .select("id")
      .where("code", "=", "town")
      .executeTakeFirstOrThrow();
    await lettersDb(t.db)
      .insertInto("letters")
      .values({
        application_id: caseId,
        agency_id: town.id,
        kind: "receipt",
        family: "receipt",
        year: 2026,
        serial: 9,
        letter_date: TODAY,
        created_by: null,
        document: Buffer.from("PK docx"),
        filename: "回执.docx",
        serial_no: "某镇公开收〔2026〕第9号",
      })
      .execute();
    await saveDocument(t.db, {
      owner: { kind: "application", id: caseId },
      kind: "issued_letter",
      letterKey: "receipt",
      fileName: "政府信息公开申请登记回执.pdf",
      content: PDF,
      uploadedBy: null,
      uploadedAt: new Date(),
    });
    const status = await t.pub<{ letters: { kind: string; serialNo: string; url: string }[] }>(
      "GET",
      `/api/v1/public/applications/${r.body.queryCode}`,
      { headers: { "x-verify": "5678" } },
    );
    expect(status.body.letters).toEqual([
      {
        kind: "receipt",
        title: "政府信息公开申请登记回执",
        serialNo: "某镇公开收〔2026〕第9号",
        issuedOn: TODAY,
        url: `/api/v1/public/applications/${encodeURIComponent(r.body.queryCode)}/letters/receipt`,
      },
    ]);
    const pdf = await fetch(`${t.baseUrl}${status.body.letters[0]?.url}`, {
      headers: { "x-verify": "5678" },
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await pdf.arrayBuffer()).equals(PDF)).toBe(true);
    const wrong = await fetch(`${t.baseUrl}${status.body.letters[0]?.url}`, {
      headers: { "x-verify": "0000" },
    });
    expect(wrong.status).toBe(404);
    const reply = await t.pub("GET", `/api/v1/public/applications/${r.body.queryCode}/letters/reply`, {
      headers: { "x-verify": "5678" },
    });
    expect(reply.status).toBe(404);
    expect(isChineseError(reply.body)).toBe(true);
  });
});
