import { Readable } from "node:stream";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type DatabaseHandle } from "../../src/db/create-database.ts";
import { migrateToLatest } from "../../src/db/migrate.ts";
import {
  listDocuments,
  openDocument,
  reattachDocuments,
  saveDocument,
} from "../../src/documents/document-store.ts";
import { BACKENDS, SETUP_TIMEOUT } from "../http/helpers/test-app.ts";
import {
  sampleDocx,
  sampleElf,
  sampleExe,
  sampleJpeg,
  sampleOfd,
  samplePdf,
  samplePng,
  sampleXlsx,
  sampleZip,
} from "./support/sample-files.ts";

const AT = new Date("2026-03-20T02:00:00Z");
const owner = (id: string) => ({ kind: "application" as const, id });

async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

async function count(h: DatabaseHandle, table: string): Promise<number> {
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(h.db);
  return r.rows[0]?.n ?? -1;
}

describe.each(BACKENDS)("document store (%s)", (_name, databaseUrl) => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = await createDatabase({ databaseUrl: await databaseUrl(), dataDir: "memory://" });
    await migrateToLatest(h.db);
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await h?.close();
  });

  const save = (ownerId: string, content: Buffer | Readable, fileName = "a.pdf") =>
    saveDocument(h.db, {
      owner: owner(ownerId),
      kind: "other",
      fileName,
      uploadedBy: null,
      uploadedAt: AT,
      content,
    });

  it("detects each accepted type from the content, whatever the name", async () => {
    const cases: [Buffer, string][] = [
      [samplePdf(), "application/pdf"],
      [samplePng(), "image/png"],
      [sampleJpeg(), "image/jpeg"],
      [await sampleDocx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
      [await sampleXlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
      [await sampleOfd(), "application/ofd"],
    ];
    for (const [content, type] of cases) {
      const d = await save("types", content, "文件.pdf");
      expect(d.detectedType).toBe(type);
    }
    const png = (await listDocuments(h.db, owner("types"))).find((d) => d.detectedType === "image/png");
    expect(png?.fileName).toBe("文件.pdf");
    expect(png?.downloadName).toBe("文件.png");
  });

  it("refuses an executable named .pdf, an empty file, a plain ZIP and unknown bytes, writing nothing", async () => {
    const before = [await count(h, "documents"), await count(h, "document_blobs")];
    const refusals: [Buffer, string][] = [
      [sampleExe(), "该文件实际是Windows 可执行程序（EXE/DLL）"],
      [sampleElf(), "Linux 可执行程序（ELF）"],
      [Buffer.alloc(0), "文件为空"],
      [await sampleZip(), "不是 OFD、DOCX 或 XLSX"],
      [Buffer.from("just some text"), "无法识别该文件的类型"],
    ];
    for (const [content, message] of refusals) {
      await expect(save("refused", content, "答复书.pdf")).rejects.toMatchObject({
        status: 422,
        message: expect.stringContaining(message),
      });
    }
    expect([await count(h, "documents"), await count(h, "document_blobs")]).toEqual(before);
  });

  it("stores identical content once, and streams it back in 1 MiB chunks", async () => {
    const big = Buffer.concat([samplePdf("big"), Buffer.alloc(2.5 * 1024 * 1024, 7)]);
    const a = await save("dedup-1", big);
    const b = await save("dedup-2", Readable.from([big.subarray(0, 100_000), big.subarray(100_000)]));
    expect(b.sha256).toBe(a.sha256);
    const blobs = await sql<{ n: number; chunks: number }>`
      SELECT count(DISTINCT b.sha256)::int AS n, count(c.n)::int AS chunks
      FROM document_blobs b JOIN document_chunks c USING (sha256) WHERE b.sha256 = ${a.sha256}`.execute(h.db);
    expect(blobs.rows[0]).toEqual({ n: 1, chunks: 3 });
    const opened = await openDocument(h.db, owner("dedup-2"), b.id);
    expect((await readAll(opened?.content as Readable)).equals(big)).toBe(true);
    expect(await openDocument(h.db, owner("dedup-1"), b.id)).toBeNull();
  });

  it("moves a submission's documents to the case created from it", async () => {
    const d = await saveDocument(h.db, {
      owner: { kind: "submission", id: "s-1" },
      kind: "id_copy",
      fileName: "身份证.png",
      uploadedBy: null,
      uploadedAt: AT,
      content: samplePng(),
    });
    const moved = await h.db
      .transaction()
      .execute((trx) => reattachDocuments(trx, { kind: "submission", id: "s-1" }, owner("case-from-s-1")));
    expect(moved).toBe(1);
    expect((await listDocuments(h.db, owner("case-from-s-1"))).map((x) => x.id)).toEqual([d.id]);
  });
});
