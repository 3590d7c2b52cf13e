import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, parseCivilDate } from "../civil-date.ts";
import { OUTCOME_IDS } from "../outcomes.ts";
import { APPLICANT_TYPES } from "../vocabulary.ts";
import { bucketRecord, type Table3Group, yearBucket } from "./bucket-record.ts";
import type { Table3Record } from "./table3-types.ts";
import { tabulateTable3 } from "./tabulate-table3.ts";

const FIRST_DAY = parseCivilDate("2019-01-01");

const arbRecords = fc
  .array(
    fc.record({
      applicantType: fc.constantFrom(...APPLICANT_TYPES),
      receivedDay: fc.integer({ min: 0, max: 2900 }),
      decision: fc.option(
        fc.record({ outcome: fc.constantFrom(...OUTCOME_IDS), afterDays: fc.integer({ min: 0, max: 800 }) }),
        { freq: 3 },
      ),
    }),
    { maxLength: 80 },
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

/** What a GROUP BY over (type, outcome, received bucket, disposition bucket) returns. */
function group(records: readonly Table3Record[], year: number): Table3Record[] {
  const groups = new Map<string, Table3Group>();
  for (const r of records) {
    const g: Table3Group = {
      applicantType: r.applicantType,
      outcome: r.outcome,
      received: yearBucket(r.receivedOn, year),
      disposition: r.dispositionOn === null ? null : yearBucket(r.dispositionOn, year),
      count: 1,
    };
    const key = `${g.applicantType}|${g.outcome}|${g.received}|${g.disposition}`;
    const seen = groups.get(key);
    if (seen) seen.count += 1;
    else groups.set(key, g);
  }
  return [...groups].map(([key, g]) => bucketRecord(g, year, key));
}

describe("bucketRecord", () => {
  it("tabulates grouped rows exactly like the applications one by one", () => {
    fc.assert(
      fc.property(arbRecords, fc.integer({ min: 2019, max: 2026 }), (records, year) => {
        expect(tabulateTable3(group(records, year), year)).toEqual(tabulateTable3(records, year));
      }),
      { numRuns: 300 },
    );
  });

  it("weights a record by its count", () => {
    const r = bucketRecord(
      {
        applicantType: "natural_person",
        outcome: "disclosed",
        received: "before",
        disposition: "in",
        count: 7,
      },
      2025,
      "g",
    );
    const table = tabulateTable3([r], 2025);
    expect(table.rows.carried_over.natural_person).toBe(7);
    expect(table.rows.disclosed.total).toBe(7);
  });

  it("refuses a disposition bucket before the receipt bucket, and a count that is not a positive integer", () => {
    expect(() =>
      bucketRecord(
        { applicantType: "other_org", outcome: "disclosed", received: "in", disposition: "before", count: 1 },
        2025,
        "bad",
      ),
    ).toThrow("早于");
    const zero = {
      ...bucketRecord(
        { applicantType: "other_org", outcome: null, received: "in", disposition: null, count: 1 },
        2025,
        "z",
      ),
      count: 0,
    };
    expect(() => tabulateTable3([zero], 2025)).toThrow("件数");
  });
});
