import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DECIDABLE_OUTCOME_IDS, OUTCOME_IDS } from "../../src/domain/outcomes.ts";
import { APPLICANT_TYPES, CHANNELS } from "../../src/domain/vocabulary.ts";
import type { ApplicationView } from "../../src/services/application-types.ts";
import { freshPostgresUrl } from "../support/services.ts";
import { buildYearViaApi, yearSpecs } from "./support/build-year.ts";
import { makeReportFixture, type ReportFixture } from "./support/report-fixture.ts";
import { type ReportApi, startReportApi } from "./support/report-http.ts";
import { ZERO_TABLE2_2021 } from "./support/table2-figures.ts";

const YEAR = 2025;
const NOW = new Date("2026-03-20T02:00:00Z");
const COLUMNS = [...APPLICANT_TYPES, "total"] as const;

/** The test's own count of table 三 (DOMAIN.md §7), written without the tabulator. */
function expectedTable3(apps: readonly ApplicationView[], year: number) {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const rows: Record<string, Record<string, number>> = {};
  const keys = ["new_received", "carried_over", ...OUTCOME_IDS, "result_total", "carried_forward"];
  for (const k of keys) rows[k] = Object.fromEntries(COLUMNS.map((c) => [c, 0]));
  const add = (row: string, app: ApplicationView) => {
    const r = rows[row] as Record<string, number>;
    r[app.applicant.type] = (r[app.applicant.type] ?? 0) + 1;
    r.total = (r.total ?? 0) + 1;
  };
  for (const app of apps) {
    const received = app.receivedOn;
    const disposed = app.dispositionOn;
    if (received >= first && received <= last) add("new_received", app);
    if (received < first && (disposed === null || disposed >= first)) add("carried_over", app);
    if (disposed !== null && disposed >= first && disposed <= last && app.outcome) {
      add(app.outcome, app);
      add("result_total", app);
    }
    if (received <= last && (disposed === null || disposed > last)) add("carried_forward", app);
  }
  return rows;
}

describe.each([
  ["pglite", async () => undefined],
  ["postgres", freshPostgresUrl],
])("a year of applications on %s", (_name, databaseUrl) => {
  let f: ReportFixture;
  let views: Map<string, ApplicationView>;
  let api: ReportApi;
  const town = () => [...views.values()].filter((v) => v.agencyCode === "town");

  beforeAll(async () => {
    f = await makeReportFixture({ databaseUrl: await databaseUrl(), now: NOW });
    api = await startReportApi(f);
    // through the public API, as other systems and the web UI do
    views = await buildYearViaApi(f, api, yearSpecs());
    const by = (label: string) => (views.get(label) as ApplicationView).id;
    const file = async (label: string, kind: string, filedOn: string) =>
      String(
        (await api.call("handler", "POST", `/api/v1/applications/${by(label)}/appeals`, { kind, filedOn }))
          .id,
      );
    const result = (id: string, r: string, on: string) =>
      api.call("handler", "POST", `/api/v1/appeals/${id}/result`, { result: r, on });
    await result(
      await file("outcome disclosed", "administrative_review", "2025-04-01"),
      "upheld",
      "2025-06-01",
    );
    await file("outcome partially_disclosed", "litigation_direct", "2025-05-06");
    await result(
      await file("late reply", "litigation_after_review", "2025-11-03"),
      "corrected",
      "2026-01-15",
    );
    await result(await file("2024 → 2024", "administrative_review", "2024-11-01"), "other", "2025-01-20");
  }, 180_000);
  afterAll(async () => {
    await api?.close();
    await f?.handle.close();
  });

  it("covers every outcome, applicant type and channel, with the closures dated as the deadline engine dates them", () => {
    const outcomes = new Set(town().map((v) => v.outcome));
    for (const o of OUTCOME_IDS) expect(outcomes, o).toContain(o);
    expect(new Set(town().map((v) => v.applicant.type))).toEqual(new Set(APPLICANT_TYPES));
    expect(views.get("supplement overdue")?.dispositionOn?.startsWith("2025-07")).toBe(true);
    expect(views.get("fee unpaid")?.dispositionOn?.startsWith("2025-08")).toBe(true);
    expect(views.get("2025 → 2026 supplement overdue")?.outcome).toBe("other.supplement_overdue");
    expect(views.get("2025 → 2026 supplement overdue")?.dispositionOn?.startsWith("2026-01")).toBe(true);
    expect(DECIDABLE_OUTCOME_IDS.length).toBe(19);
  });

  it("counts every cell of table 三 as the independent count does (GET through the API)", async () => {
    const report = await api.call<Awaited<ReturnType<typeof f.reports.getReport>>>(
      "admin",
      "GET",
      `/api/v1/agencies/town/reports/${YEAR}`,
    );
    const expected = expectedTable3(town(), YEAR);
    expect(report.edition).toBe("2021");
    expect(report.table3.columns).toEqual(COLUMNS);
    expect(Object.keys(report.table3.rows).sort()).toEqual(Object.keys(expected).sort());
    for (const [row, cells] of Object.entries(expected)) {
      for (const column of COLUMNS)
        expect(report.table3.rows[row]?.[column], `${row}/${column}`).toBe(cells[column]);
    }
    expect(report.table3.rows.new_received?.total).toBe(30);
    expect(report.table3.rows.carried_over?.total).toBe(4);
    expect(report.table3.rows.result_total?.total).toBe(30);
    expect(report.table3.rows.carried_forward?.total).toBe(4);
    expect(report.table3.rows["other.supplement_overdue"]?.other_org).toBe(1);
    expect(report.table3.rows.disclosed?.total).toBe(6);
  });

  it("passes K1–K5 and reports table 二 as not entered (T1) until the admin enters it", async () => {
    const report = await f.reports.getReport(f.actors.admin, "town", YEAR);
    const byId = Object.fromEntries(report.checks.map((c) => [c.id, c]));
    for (const id of ["K1", "K2", "K3", "K4", "K5"]) expect(byId[id]?.ok, byId[id]?.message).toBe(true);
    expect(byId.K4?.message).toContain("未核对");
    expect(byId.T1?.ok).toBe(false);
    await expect(f.reports.closeYear(f.actors.admin, "town", YEAR)).rejects.toMatchObject({
      status: 409,
      message: expect.stringContaining("T1 表二"),
    });
  });

  it("counts table 四 by filing year with the result as of 31 December", async () => {
    const { table4 } = await f.reports.getReport(f.actors.admin, "town", YEAR);
    expect(table4.administrative_review).toEqual({ upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 });
    expect(table4.litigation_direct).toEqual({ upheld: 0, corrected: 0, other: 0, pending: 1, total: 1 });
    expect(table4.litigation_after_review).toEqual({
      upheld: 0,
      corrected: 0,
      other: 0,
      pending: 1,
      total: 1,
    });
    const older = await f.reports.getReport(f.actors.admin, "town", 2024);
    expect(older.table4.administrative_review).toEqual({
      upheld: 0,
      corrected: 0,
      other: 0,
      pending: 1,
      total: 1,
    });
  });

  it("states the narrative's figures: channels, fees paid, replies on time", async () => {
    const { facts, table3 } = await f.reports.getReport(f.actors.admin, "town", YEAR);
    const received2025 = town().filter((v) => v.receivedOn.startsWith("2025"));
    for (const c of CHANNELS) {
      expect(facts.receivedByChannel[c], c).toBe(received2025.filter((v) => v.channel === c).length);
    }
    expect(Object.values(facts.receivedByChannel).reduce((a, b) => a + b, 0)).toBe(
      table3.rows.new_received?.total,
    );
    expect(facts.fees).toEqual({ count: 1, amountYuan: 700 });
    expect(facts.timeliness).toEqual({ decisions: 26, onTime: 25 });
  });

  it("lists the applications behind a cell by the same rule", async () => {
    const cell = await f.reports.cellApplications(f.actors.admin, "town", YEAR, "carried_over", "total");
    expect(cell.items.map((i) => i.receivedOn).sort()).toEqual([
      "2024-11-04",
      "2024-12-16",
      "2024-12-20",
      "2024-12-23",
    ]);
    const one = await f.reports.cellApplications(
      f.actors.admin,
      "town",
      YEAR,
      "other.fee_unpaid",
      "commercial_enterprise",
    );
    expect(one.items).toHaveLength(1);
    expect(one.items[0]?.trackingNo).toBe(views.get("fee unpaid")?.trackingNo);
    await expect(
      f.reports.cellApplications(f.actors.admin, "town", YEAR, "other", "total"),
    ).rejects.toMatchObject({ status: 404 });
  });

  it("hides other agencies (404) and sums the subtree for the supervisor", async () => {
    await expect(f.reports.getReport(f.actors.otheradmin, "town", YEAR)).rejects.toMatchObject({
      status: 404,
    });
    await expect(
      f.reports.getReport(f.actors.admin, "county", YEAR, { includeSubtree: true }),
    ).rejects.toMatchObject({ status: 404 });
    const sum = await f.reports.getReport(f.actors.supervisor, "county", YEAR, { includeSubtree: true });
    const own = await f.reports.getReport(f.actors.supervisor, "town", YEAR);
    expect(sum.scope).toBe("subtree");
    expect(sum.table3.rows.new_received?.total).toBe((own.table3.rows.new_received?.total ?? 0) + 1);
    expect(sum.table3.rows.disclosed?.natural_person).toBe(
      (own.table3.rows.disclosed?.natural_person ?? 0) + 1,
    );
    expect(sum.checks.filter((c) => c.id.startsWith("K")).every((c) => c.ok)).toBe(true);
  });

  it("closes 2024 and 2025; 2025's row 二 equals 2024's row 四 (K4) and 2026's row 二 equals 2025's row 四", async () => {
    for (const year of [2024, 2025]) {
      await f.reports.putProactive(f.actors.admin, "town", year, ZERO_TABLE2_2021);
    }
    // No texts written (W2) and, in 2025, 700 元 of 信息处理费 against a table 二 (八) of 0 (W3).
    const acknowledged = { acknowledgeWarnings: true };
    const v2024 = await f.reports.closeYear(f.actors.admin, "town", 2024, acknowledged);
    expect(v2024).toMatchObject({ status: "closed", version: 1 });
    const y2025 = await f.reports.getReport(f.actors.admin, "town", YEAR);
    expect(y2025.table3.rows.carried_over).toEqual(v2024.table3.rows.carried_forward);
    expect(y2025.checks.find((c) => c.id === "K4")?.message).toContain("成立");
    expect(y2025.checks.find((c) => c.id === "W3")).toEqual({
      id: "W3",
      ok: false,
      severity: "warning",
      message:
        "W3 六、信息处理费与表二（八）行政事业性收费：六、其他需要报告的事项中本年度收取信息处理费1件共700元，" +
        "而表二（八）行政事业性收费本年收费金额为0：信息处理费属于行政事业性收费，请核对表二（八）",
    });
    await expect(f.reports.closeYear(f.actors.admin, "town", YEAR)).rejects.toMatchObject({
      code: "warnings_unacknowledged",
      details: expect.arrayContaining([expect.objectContaining({ field: "W3" })]),
    });
    const v2025 = await f.reports.closeYear(f.actors.admin, "town", YEAR, acknowledged);
    const y2026 = await f.reports.getReport(f.actors.admin, "town", 2026);
    expect(y2026.table3.rows.carried_over).toEqual(v2025.table3.rows.carried_forward);
    expect(y2026.checks.find((c) => c.id === "K4")).toMatchObject({
      ok: true,
      message: expect.stringContaining("成立"),
    });
    expect(await f.reports.isYearClosed(townId(f), YEAR)).toBe(true);
    await expect(f.reports.closeYear(f.actors.admin, "town", 2026)).rejects.toMatchObject({
      status: 409,
      message: expect.stringContaining("尚未结束"),
    });
  });
});

function townId(f: ReportFixture): number {
  return f.actors.admin.agencyId as number;
}
