import { describe, expect, it } from "vitest";
import { parseCivilDate } from "../civil-date.ts";
import { sumTable3 } from "./sum-table3.ts";
import type { Table3Record } from "./table3-types.ts";
import { tabulateTable3 } from "./tabulate-table3.ts";

const township: Table3Record[] = [
  {
    id: "t1",
    applicantType: "natural_person",
    receivedOn: parseCivilDate("2025-02-03"),
    outcome: "unavailable.not_held",
    dispositionOn: parseCivilDate("2025-02-20"),
  },
  {
    id: "t2",
    applicantType: "other_org",
    receivedOn: parseCivilDate("2025-12-29"),
    outcome: null,
    dispositionOn: null,
  },
];
const department: Table3Record[] = [
  {
    id: "d1",
    applicantType: "natural_person",
    receivedOn: parseCivilDate("2024-12-30"),
    outcome: "other.other",
    dispositionOn: parseCivilDate("2025-01-06"),
  },
];

describe("sumTable3", () => {
  it("adds the agencies' tables cell by cell, as if one agency had all the applications", () => {
    const sum = sumTable3([tabulateTable3(township, 2025), tabulateTable3(department, 2025)]);
    expect(sum).toEqual(tabulateTable3([...township, ...department], 2025));
    expect(sum.rows.result_total.natural_person).toBe(2);
    expect(sum.checks.every((check) => check.ok)).toBe(true);
  });

  it("gives an all-zero table of the named edition for no agencies", () => {
    expect(sumTable3([], { edition: "2019" })).toEqual(tabulateTable3([], 2020));
    expect(() => sumTable3([])).toThrow("没有可相加的表三");
  });

  it("refuses to add tables of different editions", () => {
    expect(() => sumTable3([tabulateTable3([], 2020), tabulateTable3([], 2021)])).toThrow(
      "不能把2021年版的表三与2019年版的相加",
    );
  });
});
