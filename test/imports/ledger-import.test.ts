import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OUTCOME_IDS } from "../../src/domain/outcomes.ts";
import { APPLICANT_TYPES } from "../../src/domain/vocabulary.ts";
import { BACKENDS, SETUP_TIMEOUT } from "../http/helpers/test-app.ts";
import { makeReportFixture, type ReportFixture } from "../reports/support/report-fixture.ts";
import { type ExpectedCase, type GeneratedLedger, generateLedger } from "./support/generate-ledger.ts";
import {
  countRows,
  type ImportReply,
  type LedgerApi,
  ledgerFile,
  startLedgerApi,
} from "./support/ledger-api.ts";

const NOW = new Date("2026-03-20T02:00:00Z");
const YEARS = [2021, 2022, 2023, 2024, 2025, 2026];
const COLUMNS = [...APPLICANT_TYPES, "total"] as const;
/** A 2,000-row import through the one write path takes a while on a small machine. */
const IMPORT_TIMEOUT = 600_000;

/** The test's own count of table 三 (DOMAIN.md §7, 2021 edition), from the generated spec only. */
function expectedTable3(cases: readonly ExpectedCase[], year: number) {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const rows: Record<string, Record<string, number>> = {};
  for (const k of ["new_received", "carried_over", ...OUTCOME_IDS, "result_total", "carried_forward"]) {
    rows[k] = Object.fromEntries(COLUMNS.map((c) => [c, 0]));
  }
  const add = (row: string, c: ExpectedCase) => {
    const r = rows[row] as Record<string, number>;
    r[c.applicantType] = (r[c.applicantType] ?? 0) + 1;
    r.total = (r.total ?? 0) + 1;
  };
  for (const c of cases) {
    if (c.receivedOn > last) continue;
    if (c.receivedOn >= first) add("new_received", c);
    else if (c.dispositionOn === null || c.dispositionOn >= first) add("carried_over", c);
    if (c.outcome && c.dispositionOn && c.dispositionOn >= first && c.dispositionOn <= last) {
      add(c.outcome, c);
      add("result_total", c);
    }
    if (c.dispositionOn === null || c.dispositionOn > last) add("carried_forward", c);
  }
  return rows;
}

describe.each(BACKENDS)("a 2,000-row ledger on %s", (_name, databaseUrl) => {
  let f: ReportFixture;
  let api: LedgerApi;
  let ledger: GeneratedLedger;
  let withBad: Buffer;
  let fixed: Buffer;
  let dryRun: ImportReply;
  const expectedCases = () => ledger.rows.flatMap((r) => (r.expected ? [r.expected] : []));
  const report = (user: "admin" | "otheradmin", agency: string, year: number) =>
    api.call<{ table3: { rows: Record<string, Record<string, number>> } }>(
      user,
      "GET",
      `/api/v1/agencies/${agency}/reports/${year}`,
      undefined,
      200,
    );

  beforeAll(async () => {
    f = await makeReportFixture({ databaseUrl: await databaseUrl(), now: NOW });
    // the other township's handler has the town handler's name: the export names handlers by name
    await f.accounts.createUser({
      username: "otherhandler",
      password: "password-123",
      displayName: "handler名",
      agencyCode: "other",
      roles: ["handler"],
    });
    api = await startLedgerApi(f);
    ledger = generateLedger({ count: 2000, withBadRows: true });
    withBad = await ledgerFile(ledger.rows.map((r) => r.cells));
    fixed = await ledgerFile(ledger.rows.filter((r) => !r.bad).map((r) => r.cells));
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await api?.close();
    await f?.handle.close();
  });

  it(
    "the dry run reports every bad row at its row and column, tabulates the good ones and writes nothing",
    async () => {
      const before = await countRows(f);
      const started = performance.now();
      const r = await api.upload("admin", "town", withBad, { dryRun: true });
      console.info(`dry run of ${ledger.rows.length} rows: ${Math.round(performance.now() - started)} ms`);
      expect(r.status).toBe(200);
      dryRun = JSON.parse(r.text) as ImportReply;
      const bad = ledger.rows.filter((row) => row.bad);
      expect(dryRun.rows).toBe(ledger.rows.length);
      expect(dryRun.imported).toBe(ledger.rows.length - bad.length);
      const expected = bad.flatMap((row) => (row.bad ?? []).map((e) => ({ row: row.row, column: e.column })));
      expect(dryRun.errors.map(({ row, column }) => ({ row, column }))).toEqual(
        [...expected].sort((a, b) => a.row - b.row),
      );
      for (const row of bad) {
        for (const e of row.bad ?? []) {
          const got = dryRun.errors.find((x) => x.row === row.row && x.column === e.column);
          expect(got?.message, `row ${row.row} ${e.column}`).toContain(e.contains);
        }
      }
      expect(Object.keys(dryRun.tables)).toEqual(YEARS.map(String));
      for (const year of YEARS) {
        expect(dryRun.tables[String(year)], String(year)).toEqual(expectedTable3(expectedCases(), year));
      }
      expect(await countRows(f)).toEqual(before);
    },
    IMPORT_TIMEOUT,
  );

  it(
    "the real run with errors answers 422 with the same errors and writes nothing",
    async () => {
      const before = await countRows(f);
      const r = await api.upload("admin", "town", withBad, { dryRun: false });
      expect(r.status).toBe(422);
      const body = JSON.parse(r.text) as ImportReply;
      expect(body.error?.code).toBe("invalid_input");
      expect(body.errors).toEqual(dryRun.errors);
      expect(body.error?.details).toHaveLength(dryRun.errors.length);
      expect(body.imported).toBe(0);
      expect(await countRows(f)).toEqual(before);
    },
    IMPORT_TIMEOUT,
  );

  it(
    "the fixed ledger's real run writes every row; each year's table 三 equals the count from the spec",
    async () => {
      const started = performance.now();
      const r = await api.upload("admin", "town", fixed, { dryRun: false });
      console.info(
        `real run of ${expectedCases().length} rows: ${Math.round(performance.now() - started)} ms`,
      );
      expect(r.status).toBe(200);
      const body = JSON.parse(r.text) as ImportReply;
      expect(body).toMatchObject({
        rows: expectedCases().length,
        imported: expectedCases().length,
        errors: [],
      });
      expect((await countRows(f)).applications).toBe(expectedCases().length);
      for (const year of YEARS) {
        const expected = expectedTable3(expectedCases(), year);
        expect((await report("admin", "town", year)).table3.rows, String(year)).toEqual(expected);
        expect(body.tables[String(year)]).toEqual(expected);
      }
      // every path is in the ledger: each outcome row and carried-over cases
      const total = (key: string) =>
        YEARS.reduce((n, y) => n + (body.tables[String(y)]?.[key]?.total ?? 0), 0);
      for (const outcome of OUTCOME_IDS) expect(total(outcome), outcome).toBeGreaterThan(0);
      expect(total("carried_over")).toBeGreaterThan(0);
    },
    IMPORT_TIMEOUT,
  );

  it(
    "its export imported into an empty agency gives the same table 三 for every year",
    async () => {
      const exported = await api.download("admin", "/api/v1/agencies/town/ledger.xlsx");
      expect(exported.status).toBe(200);
      const r = await api.upload("otheradmin", "other", exported.bytes, { dryRun: false });
      const body = JSON.parse(r.text) as ImportReply;
      expect(body.errors).toEqual([]);
      expect(r.status).toBe(200);
      expect(body.imported).toBe(expectedCases().length);
      for (const year of YEARS) {
        const [town, other] = [
          await report("admin", "town", year),
          await report("otheradmin", "other", year),
        ];
        expect(other.table3.rows, String(year)).toEqual(town.table3.rows);
      }
    },
    IMPORT_TIMEOUT,
  );
});
