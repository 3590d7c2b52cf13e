/**
 * Hole 3 of issue 10: a NUL or a lone surrogate in a text made PostgreSQL throw (500) and the
 * error's log line carried the query's parameters (the applicant's name, ID number, phone and
 * address). Every text of every part of a request is now refused with a 422 naming the field,
 * the ledger's cells too, and no log line (HTTP, workers, CLI) carries a query's parameters.
 */
import { Writable } from "node:stream";
import { sql } from "kysely";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CivilDate } from "../../src/domain/civil-date.ts";
import { parseLedgerRow } from "../../src/imports/parse-ledger-row.ts";
import { formatErrorForCli } from "../../src/log-safe-error.ts";
import { logSafe } from "../../workers/worker-logger.ts";
import { BACKENDS } from "../http/helpers/test-app.ts";
import { type HardeningApp, startHardeningApp } from "./helpers/hardening-app.ts";

const NUL = "\u0000";
const LONE_HIGH = "\ud800";
const LONE_LOW = "\udc00";

/** The applicant of the log test: none of these may reach a log line. */
const APPLICANT = {
  type: "natural_person",
  name: "欧阳秘密",
  idNumber: "110101199003071234",
  phone: "13612341111",
  address: "某市某区保密路77号",
};

interface ErrorBody {
  error: { code: string; message: string; details?: { field?: string; message: string }[] };
}

function register(overrides: Record<string, unknown> = {}, applicant: Record<string, unknown> = {}) {
  return {
    agencyCode: "town",
    channel: "online",
    receivedOn: "2026-03-02",
    applicant: { type: "natural_person", name: "申请人", ...applicant },
    description: "某项目批复文件",
    ...overrides,
  };
}

describe.each(BACKENDS)("texts PostgreSQL cannot store (%s)", (_name, databaseUrl) => {
  let s: HardeningApp;

  beforeAll(async () => {
    s = await startHardeningApp(await databaseUrl());
  }, 240_000);
  afterAll(async () => {
    await s?.close();
  });

  async function refused(method: string, path: string, options: Parameters<HardeningApp["call"]>[2]) {
    const answer = await s.call<ErrorBody>(method, path, options);
    expect(answer.status, `${method} ${path}`).toBe(422);
    expect(answer.body.error.code).toBe("invalid_input");
    expect(answer.body.error.message).toContain("含有无法保存的字符");
    return answer.body.error;
  }

  it("refuses a NUL or a lone surrogate in any text of a body with a 422 naming the field", async () => {
    const cases: [Record<string, unknown>, Record<string, unknown>, string][] = [
      [{}, { name: `张${NUL}三` }, "applicant.name"],
      [{}, { address: `某路${LONE_HIGH}1号` }, "applicant.address"],
      [{}, { phone: `136${LONE_LOW}` }, "applicant.phone"],
      [{ description: `申请${NUL}` }, {}, "description"],
      [{ extra: [`x${NUL}`] }, {}, "extra.0"],
    ];
    for (const [body, applicant, field] of cases) {
      const error = await refused("POST", "/api/v1/applications", {
        as: "clerk",
        body: register(body, applicant),
      });
      expect(error.details?.map((d) => d.field)).toContain(field);
      expect(error.message).toContain(`字段 ${field}`);
    }
    const count = await s.f.db.selectFrom("applications").select((eb) => eb.fn.countAll<number>().as("n"));
    expect(Number((await count.executeTakeFirstOrThrow()).n)).toBe(0);
  });

  it("refuses them in the login's username and password, the search term, a path parameter and a letter's body", async () => {
    await refused("POST", "/api/v1/auth/login", {
      as: null,
      body: { username: `admin${NUL}`, password: "x" },
    });
    await refused("POST", "/api/v1/auth/login", {
      as: null,
      body: { username: "admin", password: `pass${LONE_HIGH}word` },
    });
    const q = await refused("GET", `/api/v1/applications?q=${encodeURIComponent(`张${NUL}`)}`, {});
    expect(q.message).toContain("查询参数 q");
    await refused("GET", `/api/v1/applications/${encodeURIComponent(`a${NUL}b`)}`, {});
    await refused("GET", `/api/v1/agencies/town/reports/2025/cells/${encodeURIComponent(NUL)}/total`, {});
    await refused(
      "GET",
      `/api/v1/applications/x/letters/reply.docx?consultationId=${encodeURIComponent(NUL)}`,
      {},
    );
    const app = await s.call<{ id: string }>("POST", "/api/v1/applications", {
      as: "clerk",
      body: register(),
    });
    expect(app.status).toBe(201);
    await refused("POST", `/api/v1/applications/${app.body.id}/letters/consultation_letter`, {
      as: "handler",
      body: { consultationId: `c${NUL}` },
    });
    await refused("POST", `/api/v1/applications/${app.body.id}/actions`, {
      as: "handler",
      rawBody: `{"type":"request_supplement","on":"2026-03-03","items":["\\u0000"]}`,
    });
    await refused("POST", `/api/v1/applications/${app.body.id}/actions`, {
      as: "handler",
      rawBody: `{"type\\u0000":"withdraw"}`,
    });
  });

  it("logs a database error without the query's parameters, SQL or detail", async () => {
    // a real database error that carries the applicant in its parameters and its detail
    await sql`ALTER TABLE applications ADD CONSTRAINT test_refuses_boom CHECK (description <> 'BOOM 测试')`.execute(
      s.f.db,
    );
    try {
      const failed = await s.call<ErrorBody>("POST", "/api/v1/applications", {
        as: "clerk",
        body: register({ description: "BOOM 测试" }, APPLICANT),
      });
      expect(failed.status).toBe(500);
      expect(failed.body.error.message).toContain("系统内部错误");
    } finally {
      await sql`ALTER TABLE applications DROP CONSTRAINT test_refuses_boom`.execute(s.f.db);
    }
    const log = s.logLines.join("");
    expect(log).toContain("test_refuses_boom");
    expect(log).toContain("23514");
    for (const value of [APPLICANT.name, APPLICANT.idNumber, APPLICANT.phone, APPLICANT.address, "BOOM"]) {
      expect(log, value).not.toContain(value);
    }
    expect(log).not.toMatch(/insert into/i);
  });

  it("keeps parameters out of the workers' and the CLI's error lines", async () => {
    let caught: unknown;
    try {
      await sql`SELECT ${APPLICANT.idNumber}::int AS id_number, ${APPLICANT.phone} AS phone`.execute(s.f.db);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeDefined();
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString("utf8"));
        done();
      },
    });
    const raw = pino({ level: "info" }, sink);
    logSafe(raw).error({ err: caught, jobId: "app-x.reply-due.2026-03-20" }, "deadline job failed");
    const line = lines.join("");
    expect(line).toContain("22003");
    expect(line).toContain("deadline job failed");
    expect(line).not.toContain(APPLICANT.idNumber);
    expect(line).not.toContain(APPLICANT.phone);
    const printed = formatErrorForCli(caught);
    expect(printed).toMatch(/^error: value "（已隐去）" is out of range for type integer/);
    expect(printed).not.toContain(APPLICANT.idNumber);
    expect(printed).not.toContain(APPLICANT.phone);
  });
});

describe("ledger cells PostgreSQL cannot store", () => {
  it("names the row and column of a cell with a NUL or a lone surrogate, and parses nothing of the row", () => {
    const parsed = parseLedgerRow(
      {
        row: 7,
        cells: { 编号: "T-1", 申请人: `张${NUL}三`, 申请内容: `内容${LONE_HIGH}`, 收到日期: "2026-03-02" },
      },
      { today: "2026-03-20" as CivilDate, resolveHandler: () => ({ ok: true, value: "handler" }) },
    );
    expect(parsed.value).toBeUndefined();
    expect(parsed.errors.map((e) => [e.row, e.column])).toEqual([
      [7, "申请人"],
      [7, "申请内容"],
    ]);
    expect(parsed.errors[0]?.message).toContain("含有无法保存的字符");
  });
});
