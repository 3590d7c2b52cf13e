/**
 * The 工作台's pager (web/src/components/pager.tsx) shows the first and the last page, two pages
 * either side of the current one, and one gap mark for each run of pages left out.
 */
import { describe, expect, it } from "vitest";
import { pageNumbers } from "../../web/src/components/pager.tsx";

describe("pageNumbers", () => {
  it("lists every page of a short list", () => {
    expect(pageNumbers(1, 1)).toEqual([1]);
    expect(pageNumbers(2, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it("keeps the ends and two around the current page, one gap per run left out", () => {
    expect(pageNumbers(1, 2500)).toEqual([1, 2, 3, null, 2500]);
    expect(pageNumbers(10, 2500)).toEqual([1, null, 8, 9, 10, 11, 12, null, 2500]);
    expect(pageNumbers(2500, 2500)).toEqual([1, null, 2498, 2499, 2500]);
    expect(pageNumbers(4, 9)).toEqual([1, 2, 3, 4, 5, 6, null, 9]);
  });
});
