import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemo } from "../../src/demo/load-demo.ts";
import { addDays } from "../../src/domain/civil-date.ts";
import { publicationDueOn } from "../../src/reports/publication-due.ts";
import { d, makeReportFixture, type ReportFixture } from "./support/report-fixture.ts";

/**
 * The demo closes its past years with the plain call (no acknowledgement): every check, warnings
 * included, must pass, so the demo county shows complete reports (一's parts, one preface, 信息处理费
 * within table 二 (八)).
 */
describe("the demo county's closed reports", () => {
  let f: ReportFixture;

  beforeAll(async () => {
    f = await makeReportFixture({ now: new Date("2023-04-01T02:00:00Z") });
    const summary = await loadDemo({
      accounts: f.accounts,
      applications: f.applications,
      calendar: await f.calendars.get(),
      today: d("2023-04-01"),
      fromYear: 2021,
      reports: f.reports,
      appeals: f.appeals,
    });
    // five agencies × 2021 and 2022, but 角杯镇's 2022 report (late on purpose)
    expect(summary?.closedReports).toBe(9);
  }, 300_000);
  afterAll(async () => {
    await f?.handle.close();
  });

  it("closes each year on time without a warning to acknowledge, with the fees of 六 inside table 二 (八)", async () => {
    const admin = await f.accounts.toActor(
      (
        await f.db
          .selectFrom("users")
          .select("id")
          .where("username", "=", "lyx-supervisor")
          .executeTakeFirstOrThrow()
      ).id,
    );
    if (!admin) throw new Error("no supervisor");
    for (const code of ["lyx", "lyx-zfb", "myz"]) {
      for (const year of [2021, 2022]) {
        const report = await f.reports.getReport(admin, code, year);
        expect(report.status, `${code} ${year}`).toBe("closed");
        expect(
          report.checks.filter((c) => !c.ok),
          `${code} ${year}`,
        ).toEqual([]);
        // 定稿 before art. 49's date (two weeks before it), not on the day the demo was loaded
        const due = publicationDueOn(code === "lyx-zfb" ? "department" : "government", year);
        expect(report.closedAt?.slice(0, 10), `${code} ${year}`).toBe(addDays(due, -14));
        const fees = report.table2.administrative_fees?.amount_wan_yuan ?? 0;
        expect(fees * 10_000).toBeGreaterThanOrEqual(report.facts.fees.amountYuan);
      }
    }
  });
});
