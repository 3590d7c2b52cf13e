import { describe, expect, it } from "vitest";
import { parseCivilDate } from "../civil-date.ts";
import type { OutcomeId } from "../outcomes.ts";
import type { ApplicantType } from "../vocabulary.ts";
import { cellMembers } from "./cell-members.ts";
import type { Table3Record } from "./table3-types.ts";

function app(id: string, type: ApplicantType, on: string, outcome: OutcomeId | null, decided: string | null) {
  const record: Table3Record = {
    id,
    applicantType: type,
    receivedOn: parseCivilDate(on),
    outcome,
    dispositionOn: decided === null ? null : parseCivilDate(decided),
  };
  return record;
}

const RECORDS = [
  app("c1", "natural_person", "2023-12-28", "other.fee_unpaid", "2024-02-20"),
  app("c2", "legal_service_org", "2024-05-06", "other.other", "2024-05-07"),
  app("c3", "natural_person", "2024-06-03", null, null),
  app("c4", "natural_person", "2024-07-01", "disclosed", "2025-01-02"),
];

describe("cellMembers", () => {
  it("lists the applications behind one cell", () => {
    expect(cellMembers(RECORDS, 2024, "carried_over", "natural_person")).toEqual(["c1"]);
    expect(cellMembers(RECORDS, 2024, "new_received", "total")).toEqual(["c2", "c3", "c4"]);
    expect(cellMembers(RECORDS, 2024, "carried_forward", "natural_person")).toEqual(["c3", "c4"]);
    expect(cellMembers(RECORDS, 2024, "other.other", "legal_service_org")).toEqual(["c2"]);
    expect(cellMembers(RECORDS, 2024, "result_total", "total")).toEqual(["c1", "c2"]);
    expect(cellMembers(RECORDS, 2024, "disclosed", "total")).toEqual([]);
  });

  it("uses the merged row `other` of the 2019 edition", () => {
    expect(cellMembers(RECORDS, 2024, "other", "total", "2019")).toEqual(["c1", "c2"]);
    expect(() => cellMembers(RECORDS, 2024, "other", "total")).toThrow("2021年版表三没有行“other”");
    expect(() => cellMembers(RECORDS, 2020, "other.other", "total")).toThrow(
      "2019年版表三没有行“other.other”",
    );
  });

  it("refuses a heading, which has no cells", () => {
    expect(() => cellMembers(RECORDS, 2024, "heading.withheld", "total")).toThrow("没有行“heading.withheld”");
    expect(() => cellMembers(RECORDS, 2024, "heading.withheld", "total")).toThrow(
      expect.objectContaining({ code: "not_found", status: 404 }),
    );
  });
});
