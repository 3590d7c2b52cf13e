import { describe, expect, it } from "vitest";
import { parseCivilDate } from "../civil-date.ts";
import type { AppealKind, AppealResult } from "../vocabulary.ts";
import { TABLE4_LAYOUT } from "./table4-layout.ts";
import type { AppealRecord } from "./table4-types.ts";
import { tabulateTable4 } from "./tabulate-table4.ts";

function appeal(
  id: string,
  kind: AppealKind,
  filedOn: string,
  result: AppealResult | null = null,
  resultOn: string | null = null,
): AppealRecord {
  return {
    id,
    applicationId: `app-${id}`,
    kind,
    filedOn: parseCivilDate(filedOn),
    result,
    resultOn: resultOn === null ? null : parseCivilDate(resultOn),
  };
}

const cells = (upheld: number, corrected: number, other: number, pending: number) => ({
  upheld,
  corrected,
  other,
  pending,
  total: upheld + corrected + other + pending,
});

const APPEALS = [
  appeal("r1", "administrative_review", "2025-02-01", "upheld", "2025-04-01"),
  appeal("r2", "administrative_review", "2025-03-01", "corrected", "2025-05-01"),
  appeal("r3", "administrative_review", "2025-11-20", "upheld", "2026-01-15"), // result after 31 December
  appeal("r4", "administrative_review", "2025-12-01"), // no result yet
  appeal("l1", "litigation_direct", "2025-06-01", "other", "2025-12-31"),
  appeal("l2", "litigation_direct", "2024-09-01", "upheld", "2025-03-01"), // filed the year before
  appeal("l3", "litigation_after_review", "2025-01-01", "corrected", "2025-09-09"),
  appeal("l4", "litigation_after_review", "2026-01-01"), // filed the year after
];

describe("tabulateTable4", () => {
  it("counts the year's filings with their result as of 31 December, explicit zeros", () => {
    expect(tabulateTable4(APPEALS, 2025)).toEqual({
      administrative_review: cells(1, 1, 0, 2),
      litigation_direct: cells(0, 0, 1, 0),
      litigation_after_review: cells(0, 1, 0, 0),
    });
  });

  it("counts a result dated after 31 December as 尚未审结 in the filing year", () => {
    const late = [appeal("r3", "administrative_review", "2025-11-20", "upheld", "2026-01-15")];
    expect(tabulateTable4(late, 2025).administrative_review).toEqual(cells(0, 0, 0, 1));
    expect(tabulateTable4(late, 2026).administrative_review).toEqual(cells(0, 0, 0, 0));
  });

  it("is all zeros for a year without appeals", () => {
    const zero = cells(0, 0, 0, 0);
    expect(tabulateTable4([], 2021)).toEqual({
      administrative_review: zero,
      litigation_direct: zero,
      litigation_after_review: zero,
    });
  });

  it.each([
    [
      appeal("e1", "litigation_direct", "2025-01-01", "upheld"),
      "复议/诉讼“e1”：有结果（upheld）却没有结果日期",
    ],
    [appeal("e2", "litigation_direct", "2025-01-01", null, "2025-02-01"), "复议/诉讼“e2”：有结果日期"],
    [
      appeal("e3", "litigation_direct", "2025-03-01", "other", "2025-02-01"),
      "结果日期 2025-02-01 早于提起日期",
    ],
  ])("rejects an inconsistent record: %o", (record, message) => {
    expect(() => tabulateTable4([record], 2025)).toThrow(message);
  });

  it("has the Chinese headers of the national format", () => {
    expect(TABLE4_LAYOUT.groups.map((g) => g.label)).toEqual(["行政复议", "行政诉讼"]);
    expect(TABLE4_LAYOUT.kindLabels).toEqual({
      administrative_review: null,
      litigation_direct: "未经复议直接起诉",
      litigation_after_review: "复议后起诉",
    });
    expect(TABLE4_LAYOUT.columns.map((c) => c.label)).toEqual([
      "结果维持",
      "结果纠正",
      "其他结果",
      "尚未审结",
      "总计",
    ]);
  });
});
