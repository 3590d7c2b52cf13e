import { sql } from "kysely";
import type { Logger } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeSofficeConverter, SOFFICE_MISSING } from "../../src/documents/convert-docx-to-pdf.ts";
import { freezePendingLetterPdfs } from "../../src/documents/freeze-letter-pdfs.ts";
import { BACKENDS, SETUP_TIMEOUT, TEST_NOW } from "../http/helpers/test-app.ts";
import { type DocumentsSystem, MB, startDocumentsSystem } from "./support/documents-system.ts";

interface Doc {
  id: string;
  kind: string;
  fileName: string;
  detectedType: string;
  letterKey: string | null;
  uploadedBy: string | null;
}

/** LibreOffice's first start of a fresh profile takes seconds on a shared machine. */
const CONVERSION_TIMEOUT = 180_000;

describe.each(BACKENDS)("issued letters frozen as PDF (%s)", (_name, databaseUrl) => {
  let s: DocumentsSystem;

  beforeAll(async () => {
    s = await startDocumentsSystem(await databaseUrl(), { maxFileBytes: 50 * MB, maxOwnerBytes: 500 * MB });
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await s?.close();
  });

  async function decidedCase(): Promise<string> {
    const id = await s.registerCase();
    const r = await s.send("approver", "POST", `/api/v1/applications/${id}/actions`, {
      json: { type: "decide", on: "2026-03-10", outcome: "disclosed" },
    });
    if (r.status !== 200) throw new Error(`decide → ${r.status} ${r.raw.toString()}`);
    return id;
  }

  const lettersOf = async (id: string) =>
    (await s.send<Doc[]>("handler", "GET", `/api/v1/applications/${id}/documents`)).body.filter(
      (d) => d.kind === "issued_letter",
    );

  it(
    "stores the issued reply as a PDF of the case, named with its number, downloadable",
    async () => {
      const id = await decidedCase();
      const issued = await s.send<{ serialNo: string }>(
        "handler",
        "POST",
        `/api/v1/applications/${id}/letters/reply`,
        { json: {} },
      );
      expect(issued.status).toBe(201);
      const [pdf, ...more] = await lettersOf(id);
      expect(more).toEqual([]);
      expect(pdf).toMatchObject({
        kind: "issued_letter",
        letterKey: "reply",
        detectedType: "application/pdf",
        uploadedBy: "handler（测试）",
        fileName: `政府信息公开申请答复书（${issued.body.serialNo}）.pdf`,
      });
      const file = await s.send("handler", "GET", `/api/v1/applications/${id}/documents/${pdf?.id}`);
      expect(file.status).toBe(200);
      expect(file.headers["content-type"]).toBe("application/pdf");
      expect(file.raw.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      // issuing again answers the same letter and makes no second PDF
      await s.send("handler", "POST", `/api/v1/applications/${id}/letters/reply`, { json: {} });
      expect((await lettersOf(id)).map((d) => d.id)).toEqual([pdf?.id]);
    },
    CONVERSION_TIMEOUT,
  );

  it(
    "keeps the issue when LibreOffice is missing, says so, and the sweep converts it later",
    async () => {
      const id = await decidedCase();
      await s.send("handler", "POST", `/api/v1/applications/${id}/letters/receipt`, { json: {} });
      // as after a crash between the commit and its conversion: the PDF is gone
      await sql`DELETE FROM documents WHERE owner_id = ${id}`.execute(s.db);
      const warnings: { msg: string }[] = [];
      const logger = {
        warn: (_o: unknown, msg: string) => {
          warnings.push({ msg });
        },
      } as unknown as Pick<Logger, "warn">;
      const missing = makeSofficeConverter({ command: "/nonexistent/soffice" });
      const deps = { db: s.db, convert: missing, now: () => TEST_NOW };
      expect(await freezePendingLetterPdfs(deps, logger)).toEqual({ frozen: 0, failed: 1 });
      expect(warnings.map((w) => w.msg)).toEqual([SOFFICE_MISSING]);
      expect(await lettersOf(id)).toEqual([]);
      const swept = await s.documents.freezePendingLetters();
      expect(swept.failed).toBe(0);
      expect(swept.frozen).toBeGreaterThanOrEqual(1);
      const [pdf] = await lettersOf(id);
      expect(pdf?.letterKey).toBe("receipt");
      expect(pdf?.fileName).toMatch(/^政府信息公开申请登记回执（.+）\.pdf$/);
    },
    CONVERSION_TIMEOUT,
  );
});
