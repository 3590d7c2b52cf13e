import { createHash } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { request } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import express from "express";
import pino from "pino";
import { createDatabase } from "../../../src/db/create-database.ts";
import { migrateToLatest } from "../../../src/db/migrate.ts";
import { makeSofficeConverter } from "../../../src/documents/convert-docx-to-pdf.ts";
import { makeDocumentService } from "../../../src/documents/document-service.ts";
import type { DocumentLimits } from "../../../src/documents/document-store.ts";
import { createHttpApp } from "../../../src/http/create-http-app.ts";
import { createDocumentsExtension } from "../../../src/http/documents/create-documents-extension.ts";
import { createLettersRouter, letterRouteSpecs } from "../../../src/http/reports/create-reports-router.ts";
import { makeLetterService } from "../../../src/letters/letter-service.ts";
import { makeAccountService } from "../../../src/services/account-service.ts";
import { makeApplicationService } from "../../../src/services/application-service.ts";
import { makeCalendarStore } from "../../../src/services/calendar-store.ts";
import { registerBody } from "../../http/helpers/fixtures.ts";
import { seedTestUsers, TEST_NOW, USERS, type UserKey } from "../../http/helpers/test-app.ts";

export const MB = 1024 * 1024;

export interface Answer<T = unknown> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: T;
  raw: Buffer;
}

/** One part of a multipart body: a text field, or a file given as bytes or as chunks made on the fly. */
export type Part =
  | { name: string; value: string }
  | {
      name: string;
      fileName: string;
      type?: string;
      content: Buffer | (() => AsyncIterable<Buffer>);
      size?: number;
    };

/**
 * The API with the letters and documents routes (as start-system wires them) on PGlite or a
 * fresh PostgreSQL database, the users of test/http (town, other, county), a real LibreOffice
 * for the letters' PDFs, uploads spooled under a folder of the test's own.
 */
export async function startDocumentsSystem(databaseUrl: string | undefined, limits: DocumentLimits) {
  const handle = await createDatabase({ databaseUrl, dataDir: "memory://" });
  await migrateToLatest(handle.db);
  const now = () => TEST_NOW;
  const accounts = makeAccountService({ db: handle.db, now });
  const userIds = await seedTestUsers(accounts, handle.db);
  const calendars = makeCalendarStore(handle.db);
  const applications = makeApplicationService({
    db: handle.db,
    calendars,
    now,
    settings: { supplementWindowWorkdays: 15, reminderOffsets: [5, 2, 0] },
  });
  const logLines: string[] = [];
  const logger = pino(
    { level: "info" },
    new Writable({
      write(chunk: Buffer, _enc, done) {
        logLines.push(chunk.toString("utf8"));
        done();
      },
    }),
  );
  const uploadDir = mkdtempSync(join(tmpdir(), "ogi-documents-test-"));
  const documents = makeDocumentService({
    db: handle.db,
    applications,
    now,
    limits,
    convert: makeSofficeConverter(),
    tmpDir: uploadDir,
    logger,
  });
  const letters = makeLetterService({
    db: handle.db,
    applications,
    now,
    afterIssue: (id, key) => documents.freezeIssuedLetter(id, key),
  });
  const app = createHttpApp({
    db: handle.db,
    applications,
    accounts,
    calendars,
    logger,
    settings: { OGI_SESSION_MINUTES: 60, PUBLIC_URL: undefined },
    now,
    health: async () => ({ ok: true, details: {} }),
    extensions: [
      (auth) => {
        const router = express.Router();
        router.use(createLettersRouter({ auth, letters, reports: undefined as never }));
        return { router, specs: letterRouteSpecs(letters) };
      },
      createDocumentsExtension(documents),
    ],
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const port = (server.address() as AddressInfo).port;
  const tokens = {} as Record<UserKey, string>;
  for (const u of Object.keys(USERS) as UserKey[]) {
    tokens[u] = (await accounts.issueToken(userIds[u], "bearer", 60 * 24)).token;
  }

  /** A request; `body` is JSON, a Buffer, or chunks streamed as they are made. */
  function send<T>(
    as: UserKey,
    method: string,
    path: string,
    body?:
      | { json: unknown }
      | { headers: Record<string, string>; chunks: AsyncIterable<Buffer>; length: number },
  ): Promise<Answer<T>> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string | number> = { authorization: `Bearer ${tokens[as]}` };
      let json: Buffer | undefined;
      if (body && "json" in body) {
        json = Buffer.from(JSON.stringify(body.json));
        headers["content-type"] = "application/json";
        headers["content-length"] = json.length;
      } else if (body) {
        Object.assign(headers, body.headers, { "content-length": body.length });
      }
      const req = request({ host: "127.0.0.1", port, method, path, headers }, (res) => {
        const parts: Buffer[] = [];
        res.on("data", (c: Buffer) => parts.push(c));
        res.on("end", () => {
          const raw = Buffer.concat(parts);
          const isJson = (res.headers["content-type"] ?? "").includes("json");
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: (isJson && raw.length > 0 ? JSON.parse(raw.toString("utf8")) : raw) as T,
            raw,
          });
        });
      });
      req.on("error", reject);
      if (json) req.end(json);
      else if (body && "chunks" in body) {
        (async () => {
          // each chunk is flushed before the next is made (a generator may reuse its buffer)
          for await (const chunk of body.chunks) await new Promise((r) => req.write(chunk, r));
          req.end();
        })().catch((error: unknown) => {
          // the body could not be made: the connection is cut, as a client that gives up
          req.destroy();
          reject(error);
        });
      } else req.end();
    });
  }

  /** A GET of a file, hashed as it arrives (never held): its status, size and sha256. */
  function download(as: UserKey, path: string): Promise<{ status: number; size: number; sha256: string }> {
    return new Promise((resolve, reject) => {
      const req = request(
        { host: "127.0.0.1", port, method: "GET", path, headers: { authorization: `Bearer ${tokens[as]}` } },
        (res) => {
          const hash = createHash("sha256");
          let size = 0;
          res.on("data", (c: Buffer) => {
            size += c.length;
            hash.update(c);
          });
          res.on("end", () => resolve({ status: res.statusCode ?? 0, size, sha256: hash.digest("hex") }));
        },
      );
      req.on("error", reject);
      req.end();
    });
  }

  /** A multipart/form-data body of `parts`, streamed (file parts made on the fly when given as a function). */
  function multipart(parts: Part[]) {
    const boundary = `----ogi-test-${Math.random().toString(16).slice(2)}`;
    const heads = parts.map((p) => {
      const disposition =
        "fileName" in p
          ? `form-data; name="${p.name}"; filename="${p.fileName}"\r\nContent-Type: ${p.type ?? "application/octet-stream"}`
          : `form-data; name="${p.name}"`;
      return Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n\r\n`, "utf8");
    });
    const tail = Buffer.from(`--${boundary}--\r\n`);
    const sizeOf = (p: Part) =>
      "fileName" in p
        ? Buffer.isBuffer(p.content)
          ? p.content.length
          : (p.size ?? 0)
        : Buffer.byteLength(p.value);
    const length = parts.reduce((n, p, i) => n + (heads[i]?.length ?? 0) + sizeOf(p) + 2, tail.length);
    async function* chunks(): AsyncIterable<Buffer> {
      for (const [i, p] of parts.entries()) {
        yield heads[i] as Buffer;
        if (!("fileName" in p)) yield Buffer.from(p.value, "utf8");
        else if (Buffer.isBuffer(p.content)) yield p.content;
        else yield* p.content();
        yield Buffer.from("\r\n");
      }
      yield tail;
    }
    return {
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
      chunks: chunks(),
      length,
    };
  }

  /** Uploads one file to a case. */
  function upload<T = Record<string, unknown>>(
    as: UserKey,
    caseId: string,
    file: { fileName: string; content: Buffer; type?: string },
    fields: Record<string, string> = { kind: "other" },
  ) {
    const parts: Part[] = [
      ...Object.entries(fields).map(([name, value]) => ({ name, value })),
      { name: "file", ...file },
    ];
    return send<T>(as, "POST", `/api/v1/applications/${caseId}/documents`, multipart(parts));
  }

  /** A case of the town, registered by its clerk. */
  async function registerCase(overrides: Record<string, unknown> = {}): Promise<string> {
    const r = await send<{ id: string }>("clerk", "POST", "/api/v1/applications", {
      json: registerBody(overrides),
    });
    if (r.status !== 201) throw new Error(`register → ${r.status} ${r.raw.toString()}`);
    return r.body.id;
  }

  return {
    db: handle.db,
    kind: handle.kind,
    documents,
    letters,
    logLines,
    uploadDir,
    send,
    download,
    multipart,
    upload,
    registerCase,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await handle.close();
    },
  };
}

export type DocumentsSystem = Awaited<ReturnType<typeof startDocumentsSystem>>;
