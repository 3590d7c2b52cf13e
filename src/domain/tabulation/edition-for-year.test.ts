import { describe, expect, it } from "vitest";
import { editionForYear } from "./edition-for-year.ts";

describe("editionForYear", () => {
  it("uses the 2019 edition for the 2019 and 2020 reports and the 2021 edition from 2021", () => {
    expect([2019, 2020, 2021, 2022, 2026, 2040].map(editionForYear)).toEqual([
      "2019",
      "2019",
      "2021",
      "2021",
      "2021",
      "2021",
    ]);
  });

  it("refuses years before the 2019 format existed, in Chinese", () => {
    expect(() => editionForYear(2018)).toThrow("2018年度没有可用的年度报告格式");
    expect(() => editionForYear(2018)).toThrow(expect.objectContaining({ code: "invalid_input" }));
  });

  it.each([2020.5, Number.NaN])("refuses the non-integer year %d", (year) => {
    expect(() => editionForYear(year)).toThrow("不是有效年份");
  });
});
