import { readdirSync } from "node:fs";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS, SETUP_TIMEOUT } from "../http/helpers/test-app.ts";
import { type DocumentsSystem, MB, startDocumentsSystem } from "./support/documents-system.ts";
import { sampleDocx, sampleExe, sampleOfd, samplePdf, samplePng } from "./support/sample-files.ts";

interface Doc {
  id: string;
  kind: string;
  fileName: string;
  downloadName: string;
  detectedType: string;
  size: number;
  sha256: string;
  uploadedBy: string | null;
}
interface ErrorBody {
  error: { code: string; message: string; details?: { field?: string; message: string }[] };
}

/** Per file 1 MB, per case 2.5 MB: small enough to reach in a test. */
const LIMITS = { maxFileBytes: 1 * MB, maxOwnerBytes: 2.5 * MB };

function padded(base: Buffer, size: number): Buffer {
  return Buffer.concat([base, Buffer.alloc(size - base.length, 0x20)]);
}

describe.each(BACKENDS)("case documents over HTTP (%s)", (_name, databaseUrl) => {
  let s: DocumentsSystem;
  let caseId: string;

  async function rows(table: string): Promise<number> {
    const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(s.db);
    return r.rows[0]?.n ?? -1;
  }

  beforeAll(async () => {
    s = await startDocumentsSystem(await databaseUrl(), LIMITS);
    caseId = await s.registerCase();
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await s?.close();
  });

  it("uploads, lists and downloads a file as sent, typed by its content, with the access log", async () => {
    const pdf = samplePdf("roundtrip");
    const up = await s.upload<Doc>(
      "clerk",
      caseId,
      { fileName: "申请书 扫描件.pdf", content: pdf },
      {
        kind: "application_scan",
        eventSeq: "1",
      },
    );
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({
      kind: "application_scan",
      kindLabel: "申请书扫描件",
      eventSeq: 1,
      fileName: "申请书 扫描件.pdf",
      detectedType: "application/pdf",
      size: pdf.length,
      uploadedBy: "clerk（测试）",
    });
    const list = await s.send<Doc[]>("handler", "GET", `/api/v1/applications/${caseId}/documents`);
    expect(list.status).toBe(200);
    expect(list.body.map((d) => d.id)).toContain(up.body.id);
    const before = await rows("access_log");
    const file = await s.send<Buffer>(
      "handler",
      "GET",
      `/api/v1/applications/${caseId}/documents/${up.body.id}`,
    );
    expect(file.status).toBe(200);
    expect(file.raw.equals(pdf)).toBe(true);
    expect(file.headers["content-type"]).toBe("application/pdf");
    expect(file.headers["x-content-type-options"]).toBe("nosniff");
    expect(file.headers["content-disposition"]).toBe(
      `attachment; filename="___ ___.pdf"; filename*=UTF-8''${encodeURIComponent("申请书 扫描件.pdf")}`,
    );
    expect(await rows("access_log")).toBe(before + 1);
    const logged = await sql<{ kind: string; application_id: string }>`
      SELECT kind, application_id FROM access_log ORDER BY id DESC LIMIT 1`.execute(s.db);
    expect(logged.rows[0]).toEqual({ kind: "document_download", application_id: caseId });
    // the list is a read: nothing written
    const counts = [await rows("access_log"), await rows("documents")];
    await s.send("supervisor", "GET", `/api/v1/applications/${caseId}/documents`);
    expect([await rows("access_log"), await rows("documents")]).toEqual(counts);
  });

  it("refuses an executable named .pdf and an empty file (422), keeps a PNG named .pdf as PNG", async () => {
    const exe = await s.upload<ErrorBody>("clerk", caseId, { fileName: "答复.pdf", content: sampleExe() });
    expect(exe.status).toBe(422);
    expect(exe.body.error.message).toContain(
      "该文件实际是Windows 可执行程序（EXE/DLL），不是文档或图片，已拒绝",
    );
    expect(exe.body.error.details?.[0]?.field).toBe("file");
    const empty = await s.upload<ErrorBody>("clerk", caseId, {
      fileName: "空.pdf",
      content: Buffer.alloc(0),
    });
    expect(empty.status).toBe(422);
    expect(empty.body.error.message).toContain("文件为空");
    const png = await s.upload<Doc>(
      "clerk",
      caseId,
      {
        fileName: "身份证.pdf",
        content: samplePng(),
        type: "application/pdf",
      },
      { kind: "id_copy" },
    );
    expect(png.status).toBe(201);
    expect(png.body).toMatchObject({
      detectedType: "image/png",
      fileName: "身份证.pdf",
      downloadName: "身份证.png",
    });
    const file = await s.send("clerk", "GET", `/api/v1/applications/${caseId}/documents/${png.body.id}`);
    expect(file.headers["content-type"]).toBe("image/png");
    for (const [content, type] of [
      [await sampleDocx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
      [await sampleOfd(), "application/ofd"],
    ] as const) {
      const r = await s.upload<Doc>("approver", caseId, { fileName: "材料.bin", content });
      expect(r.body.detectedType).toBe(type);
    }
  });

  it("checks the fields: an unknown kind or event is a 422, a missing file a 422", async () => {
    const kind = await s.upload<ErrorBody>(
      "clerk",
      caseId,
      { fileName: "a.pdf", content: samplePdf() },
      {
        kind: "issued_letter",
      },
    );
    expect(kind.status).toBe(422);
    expect(kind.body.error.details?.[0]?.field).toBe("kind");
    const seq = await s.upload<ErrorBody>(
      "clerk",
      caseId,
      { fileName: "a.pdf", content: samplePdf() },
      {
        kind: "other",
        eventSeq: "99",
      },
    );
    expect(seq.status).toBe(422);
    expect(seq.body.error.message).toContain("该案件没有序号为 99 的办理记录");
    const none = await s.send<ErrorBody>(
      "clerk",
      "POST",
      `/api/v1/applications/${caseId}/documents`,
      s.multipart([{ name: "kind", value: "other" }]),
    );
    expect(none.status).toBe(422);
    expect(none.body.error.message).toContain("请选择要上传的文件");
    const json = await s.send<ErrorBody>("clerk", "POST", `/api/v1/applications/${caseId}/documents`, {
      json: { kind: "other" },
    });
    expect(json.status).toBe(400);
    expect(json.body.error.message).toContain("multipart/form-data");
  });

  it("answers another agency's user 404 on list, download and upload, and refuses roles that may not upload", async () => {
    const up = await s.upload<Doc>(
      "handler",
      caseId,
      { fileName: "回证.pdf", content: samplePdf("iso") },
      {
        kind: "delivery_receipt",
      },
    );
    const base = `/api/v1/applications/${caseId}/documents`;
    expect((await s.send("outsider", "GET", base)).status).toBe(404);
    expect((await s.send("outsider", "GET", `${base}/${up.body.id}`)).status).toBe(404);
    const foreign = await s.upload<ErrorBody>("outsider", caseId, {
      fileName: "x.pdf",
      content: samplePdf(),
    });
    expect(foreign.status).toBe(404);
    // a supervisor of the county reads the town's case, but adds nothing; nor does the town's admin
    expect((await s.send("supervisor", "GET", `${base}/${up.body.id}`)).status).toBe(200);
    for (const who of ["supervisor", "townadmin"] as const) {
      const r = await s.upload<ErrorBody>(who, caseId, { fileName: "x.pdf", content: samplePdf() });
      expect(r.status).toBe(403);
      expect(r.body.error.message).toBe("只有本机关的登记人员、承办人或审核人可以上传案件材料");
    }
    // a document of another case is not found through this one
    const other = await s.registerCase();
    expect(
      (await s.send("handler", "GET", `/api/v1/applications/${other}/documents/${up.body.id}`)).status,
    ).toBe(404);
  });

  it("limits each file and each case (413 in Chinese), writing nothing", async () => {
    const id = await s.registerCase();
    const before = [await rows("documents"), await rows("document_blobs"), await rows("document_chunks")];
    const big = await s.upload<ErrorBody>("clerk", id, {
      fileName: "大.pdf",
      content: padded(samplePdf("big"), 1 * MB + 1),
    });
    expect(big.status).toBe(413);
    expect(big.body.error.message).toContain("文件过大：每个文件不超过 1 MB（每案合计不超过 2.5 MB）");
    expect([await rows("documents"), await rows("document_blobs"), await rows("document_chunks")]).toEqual(
      before,
    );
    for (const n of [1, 2]) {
      const r = await s.upload("clerk", id, {
        fileName: `${n}.pdf`,
        content: padded(samplePdf(`p${n}`), 1 * MB),
      });
      expect(r.status).toBe(201);
    }
    // 2 MB used: 0.5 MB left, a 0.6 MB file is refused for the case's total
    const over = await s.upload<ErrorBody>("clerk", id, {
      fileName: "3.pdf",
      content: padded(samplePdf("p3"), 0.6 * MB),
    });
    expect(over.status).toBe(413);
    expect(over.body.error.message).toBe(
      "该案件的材料已有 2 MB，每案合计不超过 2.5 MB，此文件超过了剩余的 0.5 MB：请压缩或拆分后再上传，或请系统管理员调整 OGI_CASE_DOCUMENTS_MAX_MB",
    );
    const fits = await s.upload("clerk", id, {
      fileName: "4.pdf",
      content: padded(samplePdf("p4"), 0.5 * MB),
    });
    expect(fits.status).toBe(201);
    const full = await s.upload<ErrorBody>("clerk", id, { fileName: "5.pdf", content: samplePdf("p5") });
    expect(full.status).toBe(413);
    expect(full.body.error.message).toContain("该案件的材料已达每案 2.5 MB 的上限，不能再上传");
  });

  it("stores two uploads of the same file as one blob", async () => {
    const content = padded(samplePdf("dedup"), 1.5 * 1024 * 512);
    const id = await s.registerCase();
    const a = await s.upload<Doc>("clerk", id, { fileName: "信封.pdf", content }, { kind: "envelope" });
    const b = await s.upload<Doc>(
      "handler",
      caseId,
      { fileName: "信封-副本.pdf", content },
      { kind: "envelope" },
    );
    expect(a.body.sha256).toBe(b.body.sha256);
    expect(a.body.id).not.toBe(b.body.id);
    const blobs = await sql<{ n: number; chunks: number }>`
      SELECT (SELECT count(*)::int FROM document_blobs WHERE sha256 = ${a.body.sha256}) AS n,
             (SELECT count(*)::int FROM document_chunks WHERE sha256 = ${a.body.sha256}) AS chunks`.execute(
      s.db,
    );
    expect(blobs.rows[0]).toEqual({ n: 1, chunks: 1 });
  });

  it("is in the OpenAPI document: a multipart form with the file and the kind, a file to download", async () => {
    type Op = {
      requestBody?: { content: Record<string, { schema: { properties: object; required: string[] } }> };
      responses: Record<string, { content?: Record<string, unknown> }>;
    };
    const doc = await s.send<{ paths: Record<string, Record<string, Op>> }>(
      "clerk",
      "GET",
      "/api/v1/openapi.json",
    );
    const list = doc.body.paths["/api/v1/applications/{id}/documents"];
    const form = list?.post?.requestBody?.content["multipart/form-data"]?.schema;
    expect(Object.keys(form?.properties ?? {}).sort()).toEqual(["eventSeq", "file", "kind"]);
    expect(form?.required.sort()).toEqual(["file", "kind"]);
    expect(Object.keys(list?.post?.responses ?? {})).toEqual(
      expect.arrayContaining(["201", "403", "404", "413", "422"]),
    );
    const one = doc.body.paths["/api/v1/applications/{id}/documents/{docId}"]?.get;
    expect(Object.keys(one?.responses["200"]?.content ?? {})).toEqual(["application/octet-stream"]);
  });

  it("writes nothing when the upload breaks off midway, and leaves no spooled file", async () => {
    const before = [await rows("documents"), await rows("document_blobs"), await rows("document_chunks")];
    const half = padded(samplePdf("cut"), 400 * 1024);
    const body = s.multipart([
      { name: "kind", value: "other" },
      {
        name: "file",
        fileName: "断.pdf",
        size: 2 * half.length,
        content: async function* () {
          yield half;
          // the server has started spooling the file: now the connection breaks
          await until(async () => readdirSync(s.uploadDir).length > 0);
          throw new Error("client gave up");
        },
      },
    ]);
    await expect(s.send("clerk", "POST", `/api/v1/applications/${caseId}/documents`, body)).rejects.toThrow();
    // the server notices the broken connection on its own time: wait until it has cleaned up
    await until(async () => readdirSync(s.uploadDir).length === 0);
    expect([await rows("documents"), await rows("document_blobs"), await rows("document_chunks")]).toEqual(
      before,
    );
  });
});

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("condition not reached");
}
