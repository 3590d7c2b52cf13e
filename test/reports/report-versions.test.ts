import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderReportDocx } from "../../src/reports/render-docx.ts";
import { renderReportHtml } from "../../src/reports/render-html.ts";
import { type AnnualReport, EMPTY_TEXTS, type StoredReportVersion } from "../../src/reports/report-types.ts";
import { docxTables } from "./support/read-documents.ts";
import { d, makeReportFixture, type ReportFixture } from "./support/report-fixture.ts";
import { COMPLETE_TEXTS } from "./support/report-texts.ts";
import { SAMPLE_TABLE2_2021, ZERO_TABLE2_2021 } from "./support/table2-figures.ts";

describe("closing a year, then amending it", () => {
  let f: ReportFixture;
  let openCase: string;
  let v1: AnnualReport;

  beforeAll(async () => {
    f = await makeReportFixture({ now: new Date("2026-03-20T02:00:00Z") });
    const register = (receivedOn: string) =>
      f.applications.register(f.actors.clerk, {
        agencyCode: "town",
        channel: "online",
        receivedOn: d(receivedOn),
        applicant: { type: "natural_person", name: "王芳" },
        description: "本镇2025年道路维修资金使用情况",
      });
    const decided = await register("2025-06-02");
    await f.applications.act(f.actors.approver, decided.id, {
      type: "decide",
      on: d("2025-06-09"),
      outcome: "disclosed",
    });
    openCase = (await register("2025-12-15")).id;
    await f.reports.putProactive(f.actors.admin, "town", 2025, ZERO_TABLE2_2021);
  }, 60_000);
  afterAll(async () => {
    await f?.handle.close();
  });

  it("only the agency's admin closes, only after the year, and the year freezes as version 1", async () => {
    await expect(f.reports.closeYear(f.actors.approver, "town", 2025)).rejects.toMatchObject({ status: 403 });
    await expect(f.reports.closeYear(f.actors.otheradmin, "town", 2025)).rejects.toMatchObject({
      status: 404,
    });
    // With every text written no warning fails: closing needs no acknowledgement (the old call).
    await f.reports.putTexts(f.actors.admin, "town", 2025, COMPLETE_TEXTS);
    const draft = await f.reports.getReport(f.actors.admin, "town", 2025);
    expect(draft.checks.filter((c) => !c.ok)).toEqual([]);
    v1 = await f.reports.closeYear(f.actors.admin, "town", 2025);
    expect(v1).toMatchObject({ status: "closed", version: 1, closedAt: "2026-03-20T02:00:00.000Z" });
    expect(v1.table3.rows.carried_forward?.total).toBe(1);
    await expect(f.reports.closeYear(f.actors.admin, "town", 2025)).rejects.toMatchObject({
      status: 409,
      code: "year_closed",
    });
    expect(await f.reports.getReport(f.actors.admin, "town", 2025)).toMatchObject({
      status: "closed",
      version: 1,
      pendingChanges: [],
    });
  });

  it("closes a year with a failing warning only when the admin acknowledges it; the version keeps the warning", async () => {
    await f.reports.putProactive(f.actors.otheradmin, "other", 2024, ZERO_TABLE2_2021);
    await f.reports.putTexts(f.actors.otheradmin, "other", 2024, { problems: "队伍建设有待加强。" });
    const draft = await f.reports.getReport(f.actors.otheradmin, "other", 2024);
    expect(draft.checks.filter((c) => c.severity === "error" && !c.ok)).toEqual([]);
    const w2 = draft.checks.find((c) => c.id === "W2");
    expect(w2).toMatchObject({ ok: false, severity: "warning" });
    expect(w2?.message).toBe(
      "W2 一、总体情况有6个部分尚未填写（系统只生成已知的数字）：一（一）主动公开、一（二）依申请公开、" +
        "一（三）政府信息管理、一（四）平台建设、一（五）监督保障、一（五）监督保障中的工作考核、社会评议和责任追究结果情况",
    );
    const refused = f.reports.closeYear(f.actors.otheradmin, "other", 2024);
    await expect(refused).rejects.toMatchObject({
      status: 409,
      code: "warnings_unacknowledged",
      details: [{ field: "W2", message: w2?.message }],
    });
    await expect(
      f.reports.closeYear(f.actors.otheradmin, "other", 2024, { acknowledgeWarnings: false }),
    ).rejects.toMatchObject({ code: "warnings_unacknowledged" });
    expect(await f.reports.isYearClosed(f.actors.otheradmin.agencyId as number, 2024)).toBe(false);
    const closed = await f.reports.closeYear(f.actors.otheradmin, "other", 2024, {
      acknowledgeWarnings: true,
    });
    expect(closed).toMatchObject({ status: "closed", version: 1 });
    const stored = await f.reports.getReportVersion(f.actors.otheradmin, "other", 2024, 1);
    expect(stored.checks.find((c) => c.id === "W2")).toEqual(w2);
  });

  it("reads texts and versions stored before the parts of 一 existed (four texts, no letters)", async () => {
    const otherId = f.actors.otheradmin.agencyId as number;
    const row = await f.db
      .selectFrom("report_versions")
      .select("data")
      .where("agency_id", "=", otherId)
      .where("year", "=", 2024)
      .executeTakeFirstOrThrow();
    const stored = row.data as StoredReportVersion;
    const { preface, overview, problems, other } = stored.report.texts;
    const { letters: _letters, ...facts } = stored.report.facts;
    const old = {
      ...stored,
      report: { ...stored.report, texts: { preface, overview, problems, other }, facts },
    };
    await f.db
      .updateTable("report_versions")
      .set({ data: JSON.stringify(old) })
      .where("agency_id", "=", otherId)
      .where("year", "=", 2024)
      .execute();
    const v1 = await f.reports.getReportVersion(f.actors.otheradmin, "other", 2024, 1);
    expect(v1.texts).toEqual({ ...EMPTY_TEXTS, problems: "队伍建设有待加强。" });
    expect(v1.facts.letters).toBeUndefined();
    const html = renderReportHtml(v1);
    expect(html).toContain("<h3>（三）政府信息管理</h3>");
    expect(html).not.toContain("本年度出具");
    const deptId = f.actors.deptadmin.agencyId as number;
    await f.db
      .insertInto("report_figures")
      .values({
        agency_id: deptId,
        year: 2023,
        data: JSON.stringify({
          v: 1,
          texts: { preface: "", overview: "旧的总述。", problems: "", other: "" },
        }),
      })
      .execute();
    const draft = await f.reports.getReport(f.actors.deptadmin, "dept", 2023);
    expect(draft.texts).toEqual({ ...EMPTY_TEXTS, overview: "旧的总述。" });
    const saved = await f.reports.putTexts(f.actors.deptadmin, "dept", 2023, {
      management: "建立公开属性认定制度。",
    });
    expect(saved.texts).toEqual({
      ...EMPTY_TEXTS,
      overview: "旧的总述。",
      management: "建立公开属性认定制度。",
    });
  });

  it("refuses to change table 二 of a closed year without a reason; with one it makes version 2", async () => {
    await expect(
      f.reports.putProactive(f.actors.admin, "town", 2025, SAMPLE_TABLE2_2021),
    ).rejects.toMatchObject({
      status: 409,
      code: "year_closed",
    });
    const r = await f.reports.putProactive(f.actors.admin, "town", 2025, SAMPLE_TABLE2_2021, {
      amendmentReason: "补录行政许可决定数量",
    });
    expect(r.amendment).toMatchObject({ version: 2, created: true });
    expect(r.amendment?.changes).toContainEqual({
      table: "二",
      row: "administrative_licensing",
      column: "decisions",
      from: 0,
      to: 152,
    });
    expect(r.amendment?.changes.every((c) => c.table === "二")).toBe(true);
  });

  it("makes version 3 when a case action dated in the closed year carries an amendment reason (the application service's hook)", async () => {
    await expect(
      f.applications.act(f.actors.approver, openCase, {
        type: "decide",
        on: d("2025-12-30"),
        outcome: "disclosed",
      }),
    ).rejects.toMatchObject({ status: 409, code: "year_closed" });
    await f.applications.act(f.actors.approver, openCase, {
      type: "decide",
      on: d("2025-12-30"),
      outcome: "disclosed",
      amendmentReason: "答复书已于2025年12月30日送达，漏登记",
    });
    expect(f.amendments.at(-1)).toMatchObject({ version: 3, created: true });
    const changes = f.amendments.at(-1)?.changes ?? [];
    expect(changes).toEqual(
      expect.arrayContaining([
        { table: "三", row: "disclosed", column: "natural_person", from: 1, to: 2 },
        { table: "三", row: "result_total", column: "total", from: 1, to: 2 },
        { table: "三", row: "carried_forward", column: "total", from: 1, to: 0 },
      ]),
    );
    expect(changes.every((c) => c.table === "三")).toBe(true);
  });

  it("keeps version 1 unchanged and downloadable; lists every version with its reason", async () => {
    const first = await f.reports.getReportVersion(f.actors.admin, "town", 2025, 1);
    expect({ ...first, reason: undefined, changes: undefined }).toEqual({
      ...v1,
      reason: undefined,
      changes: undefined,
    });
    const zip = await JSZip.loadAsync(await renderReportDocx(first));
    const t3 = docxTables((await zip.file("word/document.xml")?.async("string")) ?? "")[1];
    expect(t3?.rows.at(-1)?.slice(-1)).toEqual(["1"]);
    const versions = await f.reports.listVersions(f.actors.supervisor, "town", 2025);
    expect(versions.map((v) => [v.version, v.reason])).toEqual([
      [1, null],
      [2, "补录行政许可决定数量"],
      [3, "答复书已于2025年12月30日送达，漏登记"],
    ]);
    const now = await f.reports.getReport(f.actors.admin, "town", 2025);
    expect(now).toMatchObject({ version: 3, pendingChanges: [] });
    expect(now.table3.rows.carried_forward?.total).toBe(0);
    await expect(f.reports.getReportVersion(f.actors.admin, "town", 2025, 4)).rejects.toMatchObject({
      status: 404,
    });
  });

  it("stores no new version when nothing changed", async () => {
    const r = await f.reports.amendYear(f.actors.admin, "town", 2025, "复核");
    expect(r).toMatchObject({ version: 3, created: false, changes: [] });
    await expect(f.reports.amendYear(f.actors.admin, "town", 2025, "  ")).rejects.toMatchObject({
      status: 422,
    });
    await expect(f.reports.amendYear(f.actors.admin, "town", 2024, "x")).rejects.toMatchObject({
      status: 409,
    });
  });

  it("shows the supervisor each agency's status against the art. 49 dates", async () => {
    const { agencies, report } = await f.reports.supervisorOverview(f.actors.supervisor, "county", 2025);
    const byCode = Object.fromEntries(agencies.map((a) => [a.agencyCode, a]));
    expect(byCode.town).toMatchObject({ status: "closed", version: 3, dueOn: "2026-03-31", isLate: false });
    expect(byCode.dept).toMatchObject({ status: "draft", dueOn: "2026-01-31", isLate: true });
    expect(byCode.other).toMatchObject({ status: "draft", dueOn: "2026-03-31", isLate: false });
    expect(byCode.county).toMatchObject({ status: "draft", dueOn: "2026-03-31", isLate: false });
    expect(report.table3.rows.disclosed?.total).toBe(2);
    expect(report.status).toBe("draft");
    await expect(f.reports.supervisorOverview(f.actors.admin, "county", 2025)).rejects.toMatchObject({
      status: 404,
    });
  });
});
