import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, type CivilDate, parseCivilDate, yearOf } from "../civil-date.ts";
import { OUTCOME_IDS } from "../outcomes.ts";
import { APPLICANT_TYPES } from "../vocabulary.ts";
import { cellMembers } from "./cell-members.ts";
import { runTable3Checks } from "./run-table3-checks.ts";
import { sumTable3 } from "./sum-table3.ts";
import { table3Layout } from "./table3-layout.ts";
import { TABLE3_COLUMNS, type Table3, type Table3Record, type Table3Row } from "./table3-types.ts";
import { tabulateTable3 } from "./tabulate-table3.ts";

const FIRST_DAY = parseCivilDate("2019-01-01");
const DAYS_2019_TO_2026 = 2922;
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026];

/** Applications received 2019–2026; about a third still open, the rest decided up to ~2 years later. */
const arbRecords = fc
  .array(
    fc.record({
      applicantType: fc.constantFrom(...APPLICANT_TYPES),
      receivedDay: fc.integer({ min: 0, max: DAYS_2019_TO_2026 - 1 }),
      decision: fc.option(
        fc.record({ outcome: fc.constantFrom(...OUTCOME_IDS), afterDays: fc.integer({ min: 0, max: 800 }) }),
        { freq: 3 },
      ),
    }),
    { maxLength: 60 },
  )
  .map((drafts) =>
    drafts.map(({ applicantType, receivedDay, decision }, i): Table3Record => {
      const receivedOn = addDays(FIRST_DAY, receivedDay);
      return {
        id: `app-${i}`,
        applicantType,
        receivedOn,
        outcome: decision?.outcome ?? null,
        dispositionOn: decision ? addDays(receivedOn, decision.afterDays) : null,
      };
    }),
  );

/** A table's rows by key, as a plain map. */
function rowsOf(table: Table3): Readonly<Record<string, Table3Row | undefined>> {
  return table.rows;
}

function tabulateAllYears(records: readonly Table3Record[]): Table3[] {
  const tables: Table3[] = [];
  for (const year of YEARS) {
    const previous = tables.at(-1)?.rows.carried_forward;
    tables.push(tabulateTable3(records, year, previous ? { previousCarriedForward: previous } : {}));
  }
  return tables;
}

const countWhere = (records: readonly Table3Record[], test: (r: Table3Record) => boolean) =>
  records.filter(test).length;

describe("table 三 properties over random applications 2019–2026", () => {
  it("K1–K5 hold every year, 二 equals last year's 四, and 一/三（七） match an independent count", () => {
    fc.assert(
      fc.property(arbRecords, (records) => {
        const tables = tabulateAllYears(records);
        tables.forEach((table, i) => {
          const year = YEARS[i] ?? 0;
          expect(table.checks.filter((check) => !check.ok)).toEqual([]);
          const previous = tables[i - 1];
          if (previous) expect(table.rows.carried_over).toEqual(previous.rows.carried_forward);
          const inYear = (d: CivilDate | null) => d !== null && yearOf(d) === year;
          expect(table.rows.new_received.total).toBe(countWhere(records, (r) => inYear(r.receivedOn)));
          expect(table.rows.result_total.total).toBe(countWhere(records, (r) => inYear(r.dispositionOn)));
        });
      }),
      { numRuns: 1000 },
    );
  });

  it("the 2019 edition differs from the 2021 edition only in merging other.* into `other`", () => {
    fc.assert(
      fc.property(arbRecords, fc.constantFrom(...YEARS), (records, year) => {
        const t2019 = rowsOf(tabulateTable3(records, year, { edition: "2019" }));
        const t2021 = rowsOf(tabulateTable3(records, year, { edition: "2021" }));
        const merged = ["other.supplement_overdue", "other.fee_unpaid", "other.other"];
        for (const key of Object.keys(t2021).filter((k) => !merged.includes(k))) {
          expect(t2019[key]).toEqual(t2021[key]);
        }
        for (const column of TABLE3_COLUMNS) {
          const sum = merged.reduce((acc, key) => acc + (t2021[key]?.[column] ?? Number.NaN), 0);
          expect(t2019.other?.[column]).toBe(sum);
        }
        expect(Object.keys(t2019).sort()).toEqual(
          [...Object.keys(t2021).filter((k) => !merged.includes(k)), "other"].sort(),
        );
      }),
      { numRuns: 400 },
    );
  });

  it("corrupting any one cell makes the checks fail, naming the row", () => {
    const layout = table3Layout("2021");
    const dataRows = layout.rows.flatMap((row) => (row.kind === "data" ? [row] : []));
    fc.assert(
      fc.property(
        arbRecords,
        fc.constantFrom(...YEARS.filter((y) => y >= 2021)),
        fc.constantFrom(...dataRows),
        fc.constantFrom(...TABLE3_COLUMNS),
        fc.oneof(
          fc.integer({ min: -5, max: 5 }).filter((d) => d !== 0),
          fc.constant(0.5),
        ),
        (records, year, row, column, delta) => {
          const table = structuredClone(tabulateTable3(records, year));
          const cells = rowsOf(table)[row.key];
          if (cells === undefined) throw new Error(`row ${row.key} missing`);
          cells[column] += delta;
          const failed = runTable3Checks(table).filter((check) => !check.ok);
          expect(failed.map((check) => check.id)).toContain("K3");
          expect(failed.find((check) => check.id === "K3")?.message).toContain(`“${row.name}”行`);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("the sum of two agencies' tables is the table of all their applications", () => {
    fc.assert(
      fc.property(
        arbRecords,
        fc.infiniteStream(fc.boolean()),
        fc.constantFrom(...YEARS),
        (records, coin, year) => {
          const split = records.map((record) => ({ record, township: coin.next().value }));
          const part = (township: boolean) =>
            split.filter((s) => s.township === township).map((s) => s.record);
          const sum = sumTable3([tabulateTable3(part(true), year), tabulateTable3(part(false), year)]);
          expect(sum).toEqual(tabulateTable3(records, year));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("cellMembers lists exactly as many applications as every cell counts", () => {
    fc.assert(
      fc.property(arbRecords, fc.constantFrom(...YEARS), (records, year) => {
        const table = tabulateTable3(records, year);
        for (const [key, cells] of Object.entries(rowsOf(table))) {
          for (const column of TABLE3_COLUMNS) {
            const ids = cellMembers(records, year, key, column);
            expect(new Set(ids).size).toBe(ids.length);
            expect(ids.length).toBe(cells?.[column]);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
