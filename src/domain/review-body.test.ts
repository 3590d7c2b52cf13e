import { describe, expect, it } from "vitest";
import type { CivilDate } from "./civil-date.ts";
import { reviewBodyFor } from "./review-body.ts";

const BEFORE = "2023-12-29" as CivilDate;
const AFTER = "2024-01-01" as CivilDate;
const county = { name: "某县人民政府", kind: "government" as const };
const city = { name: "某市人民政府", kind: "government" as const };

describe("the review body a reply names (行政复议法 art. 24; 2017 text arts. 12, 13)", () => {
  it("is a department's own government, and before 2024 also the department above", () => {
    const dept = { kind: "department" as const, reviewBodyOverride: null };
    expect(reviewBodyFor(dept, [county, city], AFTER)?.name).toBe("某县人民政府");
    expect(reviewBodyFor(dept, [county, city], BEFORE)?.name).toBe("某县人民政府或者上一级主管部门");
  });

  it("is the government one level up for a township and for a government", () => {
    expect(reviewBodyFor({ kind: "township", reviewBodyOverride: null }, [county, city], AFTER)?.name).toBe(
      "某县人民政府",
    );
    expect(reviewBodyFor({ kind: "government", reviewBodyOverride: null }, [city], BEFORE)?.name).toBe(
      "某市人民政府",
    );
  });

  it("skips departments above on the way to the government, takes an admin's setting first, and is null without either", () => {
    const subUnit = { kind: "department" as const, reviewBodyOverride: null };
    expect(reviewBodyFor(subUnit, [{ name: "某县教育局", kind: "department" }, county], AFTER)?.name).toBe(
      "某县人民政府",
    );
    expect(
      reviewBodyFor({ kind: "department", reviewBodyOverride: " 某市税务局 " }, [county], AFTER)?.name,
    ).toBe("某市税务局");
    expect(reviewBodyFor({ kind: "government", reviewBodyOverride: null }, [], AFTER)).toBeNull();
  });
});
