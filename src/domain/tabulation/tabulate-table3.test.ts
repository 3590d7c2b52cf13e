import { describe, expect, it } from "vitest";
import { parseCivilDate } from "../civil-date.ts";
import type { OutcomeId } from "../outcomes.ts";
import type { ApplicantType } from "../vocabulary.ts";
import type { Table3, Table3Record, Table3Row } from "./table3-types.ts";
import { tabulateTable3 } from "./tabulate-table3.ts";

function app(
  id: string,
  applicantType: ApplicantType,
  receivedOn: string,
  outcome: OutcomeId | null = null,
  dispositionOn: string | null = null,
): Table3Record {
  return {
    id,
    applicantType,
    receivedOn: parseCivilDate(receivedOn),
    outcome,
    dispositionOn: dispositionOn === null ? null : parseCivilDate(dispositionOn),
  };
}

/** Cells in column order: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他; total added. */
function row(...cells: [number, number, number, number, number, number]): Table3Row {
  const [a, b, c, d, e, f] = cells;
  return {
    natural_person: a,
    commercial_enterprise: b,
    research_institution: c,
    social_welfare_org: d,
    legal_service_org: e,
    other_org: f,
    total: a + b + c + d + e + f,
  };
}
const ZERO = row(0, 0, 0, 0, 0, 0);

const RECORDS: Table3Record[] = [
  app("a1", "natural_person", "2021-12-20", "disclosed", "2022-01-10"), // carried over, decided in 2022
  app("a2", "commercial_enterprise", "2021-11-01"), // open through 2022
  app("a3", "research_institution", "2022-03-01", "partially_disclosed", "2022-03-20"),
  app("a4", "social_welfare_org", "2022-12-25"), // open on 31 December
  app("a5", "legal_service_org", "2022-12-30", "withheld.state_secret", "2023-01-05"), // decided next year
  app("a6", "other_org", "2022-05-01", "other.supplement_overdue", "2022-06-10"), // automatic closure
  app("a7", "natural_person", "2022-07-01", "other.fee_unpaid", "2022-08-30"), // automatic closure
  app("a8", "natural_person", "2022-09-01", "other.other", "2022-09-02"), // withdrawn
  app("a9", "natural_person", "2021-06-01", "disclosed", "2021-06-20"), // all in 2021
  app("a10", "natural_person", "2023-01-03"), // all after 2022
  app("a11", "commercial_enterprise", "2022-02-01", "unavailable.not_held", "2022-12-31"),
  app("a12", "natural_person", "2021-12-31", "not_processed.duplicate", "2022-01-01"),
  app("a13", "natural_person", "2022-01-01", "withheld.third_party_rights", "2022-01-01"), // on the spot
];

function allZero2021(): Record<string, Table3Row> {
  const keys = [
    "new_received",
    "carried_over",
    "disclosed",
    "partially_disclosed",
    "withheld.state_secret",
    "withheld.prohibited_by_law",
    "withheld.security_stability",
    "withheld.third_party_rights",
    "withheld.internal_affairs",
    "withheld.process_information",
    "withheld.enforcement_file",
    "withheld.administrative_query",
    "unavailable.not_held",
    "unavailable.requires_creation",
    "unavailable.unclear_after_supplement",
    "not_processed.petition",
    "not_processed.duplicate",
    "not_processed.publication",
    "not_processed.excessive",
    "not_processed.confirmation",
    "other.supplement_overdue",
    "other.fee_unpaid",
    "other.other",
    "result_total",
    "carried_forward",
  ];
  return Object.fromEntries(keys.map((key) => [key, ZERO]));
}

const EXPECTED_2022: Record<string, Table3Row> = {
  ...allZero2021(),
  new_received: row(3, 1, 1, 1, 1, 1),
  carried_over: row(2, 1, 0, 0, 0, 0),
  disclosed: row(1, 0, 0, 0, 0, 0),
  partially_disclosed: row(0, 0, 1, 0, 0, 0),
  "withheld.third_party_rights": row(1, 0, 0, 0, 0, 0),
  "unavailable.not_held": row(0, 1, 0, 0, 0, 0),
  "not_processed.duplicate": row(1, 0, 0, 0, 0, 0),
  "other.supplement_overdue": row(0, 0, 0, 0, 0, 1),
  "other.fee_unpaid": row(1, 0, 0, 0, 0, 0),
  "other.other": row(1, 0, 0, 0, 0, 0),
  result_total: row(5, 1, 1, 0, 0, 1),
  carried_forward: row(0, 1, 0, 1, 1, 0),
};

const okChecks = (table: Table3) => table.checks.map((check) => [check.id, check.ok]);

describe("tabulateTable3", () => {
  it("counts a hand-made year cell by cell, with explicit zeros everywhere", () => {
    const table = tabulateTable3(RECORDS, 2022);
    expect(table.edition).toBe("2021");
    expect(table.columns).toEqual([
      "natural_person",
      "commercial_enterprise",
      "research_institution",
      "social_welfare_org",
      "legal_service_org",
      "other_org",
      "total",
    ]);
    expect(table.rows).toEqual(EXPECTED_2022);
    expect(okChecks(table)).toEqual([
      ["K1", true],
      ["K2", true],
      ["K3", true],
      ["K4", true],
      ["K5", true],
    ]);
    expect(table.checks[3]?.message).toContain("未核对");
  });

  it("carries row 四 of one year into row 二 of the next, and K4 compares them", () => {
    const y2022 = tabulateTable3(RECORDS, 2022);
    const y2023 = tabulateTable3(RECORDS, 2023, { previousCarriedForward: y2022.rows.carried_forward });
    expect(y2023.rows.carried_over).toEqual(y2022.rows.carried_forward);
    expect(y2023.rows.new_received).toEqual(row(1, 0, 0, 0, 0, 0));
    expect(y2023.edition === "2021" && y2023.rows["withheld.state_secret"]).toEqual(row(0, 0, 0, 0, 1, 0));
    expect(y2023.rows.carried_forward).toEqual(row(1, 1, 0, 1, 0, 0));
    expect(y2023.checks.every((check) => check.ok)).toBe(true);
    expect(y2023.checks[3]?.message).toBe("K4 本年“二、上年结转” = 上年“四、结转下年度继续办理”：成立");
  });

  it("fails K4 naming the column when the closed previous year disagrees", () => {
    const stale = row(0, 1, 0, 1, 0, 0); // as if a5 had not been counted in 2022's 四
    const table = tabulateTable3(RECORDS, 2023, { previousCarriedForward: stale });
    const k4 = table.checks.find((check) => check.id === "K4");
    expect(k4?.ok).toBe(false);
    expect(k4?.message).toContain("“法律服务机构”列：本年二为 1，上年四为 0");
    expect(k4?.message).toContain("“总计”列：本年二为 3，上年四为 2");
  });

  it("merges the three other.* rows into （六）其他处理 in the 2019 edition", () => {
    const table = tabulateTable3(RECORDS, 2022, { edition: "2019" });
    const {
      "other.supplement_overdue": _a,
      "other.fee_unpaid": _b,
      "other.other": _c,
      ...rest
    } = EXPECTED_2022;
    expect(table.rows).toEqual({ ...rest, other: row(2, 0, 0, 0, 0, 1) });
    expect(table.checks.every((check) => check.ok)).toBe(true);
  });

  it("uses the 2019 edition for a 2020 report", () => {
    const records = [
      app("b1", "natural_person", "2020-02-03", "other.other", "2020-02-04"),
      app("b2", "natural_person", "2020-03-02", "other.supplement_overdue", "2020-04-20"),
      app("b3", "other_org", "2020-05-06", "other.fee_unpaid", "2020-07-01"),
    ];
    const table = tabulateTable3(records, 2020);
    expect(table.edition).toBe("2019");
    expect(table.edition === "2019" && table.rows.other).toEqual(row(2, 0, 0, 0, 0, 1));
    expect(Object.keys(table.rows)).not.toContain("other.other");
    expect(Object.keys(table.rows)).toHaveLength(23);
  });

  it("counts nothing and stays complete for an empty year", () => {
    expect(tabulateTable3([], 2025).rows).toEqual(allZero2021());
  });

  it.each([
    [
      app("x1", "natural_person", "2022-01-05", "disclosed"),
      "申请“x1”：有办理结果（disclosed）却没有办结日期",
    ],
    [
      app("x2", "natural_person", "2022-01-05", null, "2022-02-01"),
      "申请“x2”：有办结日期（2022-02-01）却没有办理结果",
    ],
    [
      app("x3", "natural_person", "2022-03-05", "disclosed", "2022-03-04"),
      "申请“x3”：办结日期 2022-03-04 早于收到申请日期 2022-03-05",
    ],
  ])("rejects an inconsistent record, naming it: %o", (record, message) => {
    expect(() => tabulateTable3([record], 2022)).toThrow(message);
    expect(() => tabulateTable3([record], 2022)).toThrow(expect.objectContaining({ code: "internal" }));
  });

  it("rejects an application listed twice", () => {
    const a = app("dup", "natural_person", "2022-01-05");
    expect(() => tabulateTable3([a, a], 2022)).toThrow("申请“dup”重复出现");
  });

  it("refuses a year before 2019 even with an explicit edition", () => {
    expect(() => tabulateTable3([], 2018, { edition: "2019" })).toThrow("2018年度没有可用的年度报告格式");
  });
});
