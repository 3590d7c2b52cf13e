import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LEDGER_COLUMNS, LEDGER_INSTRUCTIONS } from "../../src/imports/ledger-columns.ts";
import type { LedgerWorkbookRow } from "../../src/imports/write-ledger-workbook.ts";
import { BACKENDS, SETUP_TIMEOUT } from "../http/helpers/test-app.ts";
import { makeReportFixture, type ReportFixture } from "../reports/support/report-fixture.ts";
import {
  countRows,
  type ImportReply,
  type LedgerApi,
  ledgerFile,
  readSheets,
  startLedgerApi,
  XLSX,
} from "./support/ledger-api.ts";

const NOW = new Date("2026-03-20T02:00:00Z");

/** Seven cases of 2025, one per path; row 9 states a wrong date for a derived closure. */
const ROWS: LedgerWorkbookRow[] = [
  {
    编号: "L-1",
    收到日期: "2025-03-03",
    申请方式: "网络申请",
    申请人类型: "自然人",
    申请人: "甲",
    申请内容: "文件一",
    答复日期: "2025-03-10",
    答复结果: "予以公开",
    送达日期: "2025-03-11",
    承办人: "handler名",
  },
  {
    编号: "L-2",
    收到日期: "2025-03-03",
    申请方式: "当面申请",
    申请人类型: "商业企业",
    申请人: "乙公司",
    申请内容: "文件二",
    补正告知日: "2025-03-04",
    答复日期: "2025-03-26",
    答复结果: "逾期不补正、不再处理",
  },
  {
    编号: "L-3",
    收到日期: "2025-04-01",
    申请方式: "post",
    申请人类型: "research_institution",
    申请人: "丙所",
    申请内容: "文件三",
    征求意见: "第三方:某公司,2025-04-02,2025-04-08",
    延期: "2025-04-10,10,需征求意见",
    答复日期: "2025-04-30",
    答复结果: "部分公开",
    承办人: "handler",
  },
  {
    编号: "L-4",
    收到日期: "2025-05-06",
    申请方式: "网络申请",
    申请人类型: "自然人",
    申请人: "丁",
    申请内容: "文件四",
    收费通知日: "2025-05-07",
    收费金额: "700,按量",
    缴费日: "2025-05-12",
    答复日期: "2025-05-20",
    答复结果: "not_processed.duplicate",
  },
  {
    编号: "L-5",
    收到日期: "2025-06-02",
    申请方式: "传真申请",
    申请人类型: "法律服务机构",
    申请人: "戊律所",
    申请内容: "文件五",
    答复日期: "2025-06-05",
    答复结果: "撤回",
  },
  {
    编号: "L-6",
    收到日期: "2025-12-22",
    申请方式: "网络申请",
    申请人类型: "其他",
    申请人: "己协会",
    申请内容: "文件六",
  },
  {
    编号: "L-7",
    收到日期: "2025-07-01",
    申请方式: "网络申请",
    申请人类型: "自然人",
    申请人: "庚",
    申请内容: "文件七",
    收费通知日: "2025-07-02",
    收费金额: "100",
    答复日期: "2025-07-31",
    答复结果: "逾期未缴费",
  },
];
const BAD: LedgerWorkbookRow = { ...ROWS[1], 编号: "L-8", 答复日期: "2025-03-27" };

describe.each(BACKENDS)("the ledger API on %s", (_name, databaseUrl) => {
  let f: ReportFixture;
  let api: LedgerApi;
  let good: Buffer;
  let withBad: Buffer;
  const json = (text: string) => JSON.parse(text) as ImportReply;

  beforeAll(async () => {
    f = await makeReportFixture({ databaseUrl: await databaseUrl(), now: NOW });
    api = await startLedgerApi(f);
    good = await ledgerFile(ROWS);
    withBad = await ledgerFile([...ROWS, BAD]);
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await api?.close();
    await f?.handle.close();
  });

  it("serves the template: the columns in row 1, and the 填写说明 sheet", async () => {
    const r = await api.download("clerk", "/api/v1/imports/template.xlsx");
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe(XLSX);
    expect(r.headers.get("content-disposition")).toContain("attachment;");
    const sheets = await readSheets(r.bytes);
    expect(Object.keys(sheets)).toEqual(["台账", "填写说明"]);
    expect(sheets.台账).toEqual([[...LEDGER_COLUMNS]]);
    const documented = (sheets.填写说明 ?? []).map((row) => row[0]);
    for (const i of LEDGER_INSTRUCTIONS) expect(documented).toContain(i.column);
  });

  it("lets only the agency's administrator import: 401, 403, 404", async () => {
    const anonymous = await fetch(`${api.base}/api/v1/agencies/town/imports?dryRun=true`, {
      method: "POST",
      headers: { "content-type": XLSX },
      body: good,
    });
    expect(anonymous.status).toBe(401);
    for (const [user, status] of [
      ["clerk", 403],
      ["approver", 403],
      ["supervisor", 403],
      ["otheradmin", 404],
    ] as const) {
      const r = await api.upload(user, "town", good, { dryRun: true });
      expect(r.status, user).toBe(status);
      expect(json(r.text).error?.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await api.upload("admin", "nowhere", good, { dryRun: true })).status).toBe(404);
  });

  it("refuses what is not a ledger: 400 wrong type, 413 too large, 422 not XLSX or a missing column", async () => {
    const wrongType = await api.upload("admin", "town", good, { contentType: "text/csv" });
    expect(wrongType.status).toBe(400);
    expect(json(wrongType.text).error?.message).toContain("Content-Type");
    const huge = await api.upload("admin", "town", new Uint8Array(21 * 1024 * 1024));
    expect(huge.status).toBe(413);
    expect(json(huge.text).error?.message).toContain("文件过大（上限 20 MB）");
    const csv = await api.upload("admin", "town", Buffer.from("编号,收到日期\nA,2025-01-01\n"));
    expect(csv.status).toBe(422);
    expect(json(csv.text).error?.message).toContain("不是有效的 XLSX 工作簿");
    const noColumn = await api.upload(
      "admin",
      "town",
      await ledgerFile([]).then(async () => {
        const { default: ExcelJS } = await import("exceljs");
        const wb = new ExcelJS.Workbook();
        wb.addWorksheet("台账").addRow(LEDGER_COLUMNS.filter((c) => c !== "答复结果" && c !== "承办人"));
        return Buffer.from(await wb.xlsx.writeBuffer());
      }),
    );
    expect(noColumn.status).toBe(422);
    expect(json(noColumn.text).error?.message).toContain("“答复结果”第 1 行缺少这一列");
    expect(json(noColumn.text).error?.details?.map((d) => d.message)).toHaveLength(2);
    const badQuery = await api.upload("admin", "town", good, { query: "dryRun=maybe" });
    expect(badQuery.status).toBe(422);
  });

  it("dry run: 200 with every error and the tables, and nothing written", async () => {
    const before = await countRows(f);
    const r = await api.upload("admin", "town", withBad, { dryRun: true });
    expect(r.status).toBe(200);
    const body = json(r.text);
    expect(body).toMatchObject({ rows: 8, imported: 7 });
    expect(body.errors).toEqual([
      {
        row: 9,
        column: "答复日期",
        message: expect.stringContaining("已于 2025-03-26 按“逾期不补正、不再处理”办结"),
      },
    ]);
    expect(Object.keys(body.tables)).toEqual(["2025", "2026"]);
    expect(body.tables["2025"]?.new_received?.total).toBe(7);
    expect(body.tables["2025"]?.carried_forward?.total).toBe(1);
    expect(body.tables["2026"]?.carried_over?.total).toBe(1);
    expect(await countRows(f)).toEqual(before);
  });

  it("streams progress lines and the result as application/x-ndjson", async () => {
    const r = await api.upload("admin", "town", withBad, { dryRun: true, ndjson: true });
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toContain("application/x-ndjson");
    const lines = r.text
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toEqual({ progress: { done: 0, total: 8 } });
    expect(lines.at(-2)).toEqual({ progress: { done: 8, total: 8 } });
    for (const l of lines.slice(0, -1)) expect(Object.keys(l)).toEqual(["progress"]);
    const last = lines.at(-1) as { result: ImportReply };
    expect(last.result).toMatchObject({ rows: 8, imported: 7, errors: [{ row: 9, column: "答复日期" }] });
  });

  it("real run with an error: 422, the errors in the envelope's details, the same fields, nothing written", async () => {
    const before = await countRows(f);
    const r = await api.upload("admin", "town", withBad, { dryRun: false });
    expect(r.status).toBe(422);
    const body = json(r.text);
    expect(body.error).toMatchObject({
      code: "invalid_input",
      message: expect.stringContaining("台账有 1 处错误（涉及 1 行），未导入任何申请。第 9 行“答复日期”："),
      details: [{ row: 9, column: "答复日期", field: "答复日期", message: body.errors[0]?.message }],
    });
    expect(body).toMatchObject({ rows: 8, imported: 0, errors: [{ row: 9, column: "答复日期" }] });
    expect(body.tables["2025"]?.new_received?.total).toBe(7);
    const streamed = await api.upload("admin", "town", withBad, { dryRun: false, ndjson: true });
    const last = JSON.parse(streamed.text.trimEnd().split("\n").at(-1) as string) as ImportReply;
    expect(last.error?.code).toBe("invalid_input");
    expect(last.errors).toEqual(body.errors);
    expect(await countRows(f)).toEqual(before);
  });

  it("real run: writes every row through the API's path; a second import of the file is refused by 编号", async () => {
    const r = await api.upload("admin", "town", good, { dryRun: false });
    expect(r.status).toBe(200);
    const body = json(r.text);
    expect(body).toMatchObject({ rows: 7, imported: 7, errors: [] });
    const list = await api.call<{
      items: { trackingNo: string; state: string; outcome: string | null; handler: string | null }[];
    }>("admin", "GET", "/api/v1/applications?agency=town&pageSize=100", undefined, 200);
    expect(list.items).toHaveLength(7);
    const report = await api.call<{ table3: { rows: Record<string, unknown> } }>(
      "admin",
      "GET",
      "/api/v1/agencies/town/reports/2025",
      undefined,
      200,
    );
    expect(report.table3.rows).toEqual(body.tables["2025"]);
    const events = await f.db
      .selectFrom("application_events")
      .select(["type", "actor_name", "reason", "actor_user_id"])
      .where("type", "in", ["decision.issued", "application.registered"])
      .execute();
    // recorded as the administrator who imported, with the reason 台账导入
    expect(new Set(events.map((e) => e.actor_name))).toEqual(new Set(["admin名"]));
    expect(events.filter((e) => e.type === "decision.issued").every((e) => e.reason === "台账导入")).toBe(
      true,
    );
    const again = await api.upload("admin", "town", good, { dryRun: true });
    const errors = json(again.text).errors;
    expect(errors).toHaveLength(7);
    expect(errors[0]).toMatchObject({
      row: 2,
      column: "编号",
      message: expect.stringContaining("这一行可能已经导入过"),
    });
  });

  it("exports the cases in the import's format, all or one year's receipts", async () => {
    const all = await api.download("admin", "/api/v1/agencies/town/ledger.xlsx");
    expect(all.status).toBe(200);
    expect(decodeURIComponent(all.headers.get("content-disposition") ?? "")).toContain(
      "某镇人民政府政府信息公开申请台账.xlsx",
    );
    const sheet = (await readSheets(all.bytes)).台账 ?? [];
    expect(sheet[0]).toEqual([...LEDGER_COLUMNS]);
    const byNumber = new Map(sheet.slice(1).map((row) => [row[0], row]));
    const cell = (no: string, column: (typeof LEDGER_COLUMNS)[number]) =>
      byNumber.get(no)?.[LEDGER_COLUMNS.indexOf(column)];
    expect(cell("L-1", "答复结果")).toBe("予以公开");
    expect(cell("L-1", "送达日期")).toBe("2025-03-11");
    expect(cell("L-1", "承办人")).toBe("handler名");
    expect(cell("L-2", "补正告知日")).toBe("2025-03-04,15");
    expect(cell("L-2", "答复结果")).toBe("逾期不补正、不再处理");
    expect(cell("L-3", "征求意见")).toBe("第三方:某公司,2025-04-02,2025-04-08");
    expect(cell("L-3", "延期")).toBe("2025-04-10,10,需征求意见");
    expect(cell("L-4", "收费金额")).toBe("700,按量");
    expect(cell("L-4", "答复结果")).toBe("重复申请");
    expect(cell("L-5", "答复结果")).toBe("其他");
    expect(cell("L-7", "答复日期")).toBe("2025-07-31");
    const none = await api.download("admin", "/api/v1/agencies/town/ledger.xlsx?year=2024");
    expect((await readSheets(none.bytes)).台账).toHaveLength(1);
    expect((await api.download("clerk", "/api/v1/agencies/town/ledger.xlsx")).status).toBe(403);
    expect((await api.download("admin", "/api/v1/agencies/town/ledger.xlsx?year=25")).status).toBe(422);
  });

  it("documents the upload and the file answers in the OpenAPI document", async () => {
    const doc = (await (await fetch(`${api.base}/api/v1/openapi.json`)).json()) as {
      paths: Record<
        string,
        Record<
          string,
          {
            requestBody?: { content: Record<string, unknown> };
            responses: Record<string, { content?: Record<string, unknown> }>;
          }
        >
      >;
    };
    const post = doc.paths["/api/v1/agencies/{code}/imports"]?.post;
    expect(Object.keys(post?.requestBody?.content ?? {})).toEqual([XLSX, "application/octet-stream"]);
    expect(Object.keys(post?.responses["200"]?.content ?? {})).toEqual([
      "application/json",
      "application/x-ndjson",
    ]);
    expect(Object.keys(post?.responses ?? {})).toEqual(
      expect.arrayContaining(["400", "401", "403", "404", "413", "422"]),
    );
    expect(doc.paths["/api/v1/agencies/{code}/ledger.xlsx"]?.get?.responses["200"]?.content).toEqual({
      [XLSX]: { schema: { type: "string", format: "binary" } },
    });
    expect(doc.paths["/api/v1/imports/template.xlsx"]?.get).toBeDefined();
  });
});
