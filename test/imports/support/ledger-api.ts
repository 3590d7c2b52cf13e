import ExcelJS from "exceljs";
import type { LedgerImportResult } from "../../../src/imports/ledger-types.ts";
import { type LedgerWorkbookRow, writeLedgerWorkbook } from "../../../src/imports/write-ledger-workbook.ts";
import type { ReportFixture, UserKey } from "../../reports/support/report-fixture.ts";
import { type ReportApi, startReportApi } from "../../reports/support/report-http.ts";

export const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export interface RawReply {
  status: number;
  headers: Headers;
  text: string;
}

/** The import's JSON answer, or its 422 body (the error envelope beside the same fields). */
export type ImportReply = LedgerImportResult & {
  error?: { code: string; message: string; details?: { row: number; column: string; message: string }[] };
};

/** The API of the report fixture (startReportApi), plus the ledger's binary requests. */
export interface LedgerApi extends ReportApi {
  token(user: UserKey): Promise<string>;
  /** POST …/imports with the file as the body; `ndjson` asks for the stream of lines. */
  upload(
    user: UserKey,
    agency: string,
    file: Uint8Array,
    options?: { dryRun?: boolean; ndjson?: boolean; contentType?: string; query?: string },
  ): Promise<RawReply>;
  /** A GET answered with a file. */
  download(user: UserKey, path: string): Promise<{ status: number; headers: Headers; bytes: Buffer }>;
}

export async function startLedgerApi(f: ReportFixture): Promise<LedgerApi> {
  const api = await startReportApi(f);
  const tokens = new Map<UserKey, string>();
  async function token(user: UserKey): Promise<string> {
    let t = tokens.get(user);
    if (!t) {
      const userId = f.actors[user].userId as number;
      t = (await f.accounts.issueToken(userId, "bearer", 24 * 60)).token;
      tokens.set(user, t);
    }
    return t;
  }
  return {
    ...api,
    token,
    async upload(user, agency, file, options = {}) {
      const query = options.query ?? `dryRun=${options.dryRun ?? false}`;
      const res = await fetch(`${api.base}/api/v1/agencies/${agency}/imports?${query}`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${await token(user)}`,
          "content-type": options.contentType ?? XLSX,
          accept: options.ndjson ? "application/x-ndjson, application/json" : "application/json",
        },
        body: file,
      });
      return { status: res.status, headers: res.headers, text: await res.text() };
    },
    async download(user, path) {
      const res = await fetch(`${api.base}${path}`, {
        headers: { authorization: `Bearer ${await token(user)}` },
      });
      return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
    },
  };
}

/** Rows as an XLSX ledger, in the template's layout. */
export function ledgerFile(rows: readonly LedgerWorkbookRow[]): Promise<Buffer> {
  return writeLedgerWorkbook(rows);
}

/** The sheets of a workbook: each sheet's rows as arrays of cell texts (dates as YYYY-MM-DD). */
export async function readSheets(bytes: Buffer): Promise<Record<string, string[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: Record<string, string[][]> = {};
  for (const sheet of workbook.worksheets) {
    const rows: string[][] = [];
    sheet.eachRow((row) => {
      const values = (row.values as ExcelJS.CellValue[]).slice(1);
      rows.push(
        values.map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v == null ? "" : String(v))),
      );
    });
    out[sheet.name] = rows;
  }
  return out;
}

/** How many rows the database holds in the tables an import writes. */
export async function countRows(f: ReportFixture): Promise<Record<string, number>> {
  const count = async (table: "applications" | "application_events" | "deadline_jobs" | "counters") =>
    Number(
      (
        await f.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const counted = await f.db
    .selectFrom("counters")
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>("value"), eb.lit(0)).as("n"))
    .executeTakeFirstOrThrow();
  return {
    applications: await count("applications"),
    application_events: await count("application_events"),
    deadline_jobs: await count("deadline_jobs"),
    counters: await count("counters"),
    counter_values: Number(counted.n),
  };
}
