// Personal data (个人信息保护法, issue 10): lists, exports, drill-downs and every view of another
// agency carry the applicant's ID number and phone masked (and no e-mail or address); the case
// page shows them in full to the handling agency only, and each such answer adds exactly one
// access-log row, which the agency's administrator browses and exports.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LEDGER_COLUMNS } from "../../src/imports/ledger-columns.ts";
import type { Actor } from "../../src/services/actor.ts";
import { BACKENDS, SETUP_TIMEOUT } from "../http/helpers/test-app.ts";
import { type LedgerApi, readSheets, startLedgerApi } from "../imports/support/ledger-api.ts";
import { d, makeReportFixture, type ReportFixture } from "../reports/support/report-fixture.ts";

const NOW = new Date("2026-03-20T02:00:00Z");

const ID = "110101199003071234";
const PHONE = "13611111111";
const EMAIL = "zhang.san@example.cn";
const ADDRESS = "某镇幸福路八号";
const OTHER_ID = "320102198512125678";
const OTHER_PHONE = "13922223333";
/** Every full value used here, and the parts a careless mask would leave (the middle of the ID). */
const SECRETS = [ID, PHONE, EMAIL, ADDRESS, OTHER_ID, OTHER_PHONE, "19900307", "1111111"];

const MASKED_ID = "1101**********1234";
const MASKED_PHONE = "136****1111";

function leaked(text: string): string[] {
  return SECRETS.filter((s) => text.includes(s));
}

interface Raw {
  status: number;
  headers: Headers;
  text: string;
  bytes: Buffer;
}

describe.each(BACKENDS)("personal data on %s", (_name, databaseUrl) => {
  let f: ReportFixture;
  let api: LedgerApi;
  let sysadmin: Actor;
  let sysToken: string;
  let personId: string;
  let personNo: string;
  let companyId: string;
  let otherId: string;

  type Who = Parameters<LedgerApi["token"]>[0] | "sysadmin" | null;
  async function raw(who: Who, path: string, init: { method?: string; body?: unknown } = {}): Promise<Raw> {
    const token = who === null ? null : who === "sysadmin" ? sysToken : await api.token(who);
    const res = await fetch(`${api.base}${path}`, {
      method: init.method ?? "GET",
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(init.body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    return { status: res.status, headers: res.headers, bytes, text: bytes.toString("utf8") };
  }
  const json = <T>(r: Raw) => JSON.parse(r.text) as T;
  const logRows = () => f.db.selectFrom("access_log").selectAll().orderBy("id").execute();

  beforeAll(async () => {
    f = await makeReportFixture({ databaseUrl: await databaseUrl(), now: NOW });
    api = await startLedgerApi(f);
    const u = await f.accounts.createUser({
      username: "sysadmin",
      password: "password-123",
      displayName: "系统管理员",
      agencyCode: "county",
      roles: [],
      isSystemAdmin: true,
    });
    sysadmin = (await f.accounts.toActor(u.id)) as Actor;
    sysToken = (await f.accounts.issueToken(u.id, "bearer", 60)).token;
    // the ledger names handlers by display name: the importing agencies have one of that name
    for (const agencyCode of ["other", "dept"]) {
      await f.accounts.createUser({
        username: `${agencyCode}handler`,
        password: "password-123",
        displayName: "handler名",
        agencyCode,
        roles: ["handler"],
      });
    }
    const person = await raw("clerk", "/api/v1/applications", {
      method: "POST",
      body: {
        agencyCode: "town",
        channel: "online",
        receivedOn: "2026-03-02",
        applicant: {
          type: "natural_person",
          name: "张三",
          idNumber: ID,
          phone: PHONE,
          email: EMAIL,
          address: ADDRESS,
        },
        description: "2025年本镇道路修缮工程的招标文件",
        handlerUsername: "handler",
      },
    });
    expect(person.status).toBe(201);
    // the registration's answer is masked too: the clerk typed the values, the answer does not echo them
    expect(leaked(person.text)).toEqual([]);
    const view = json<{
      id: string;
      trackingNo: string;
      applicant: Record<string, string>;
      personalData: string;
    }>(person);
    expect(view.applicant).toEqual({
      type: "natural_person",
      name: "张三",
      idNumber: MASKED_ID,
      phone: MASKED_PHONE,
    });
    expect(view.personalData).toBe("masked");
    personId = view.id;
    personNo = view.trackingNo;
    companyId = (
      await f.applications.register(f.actors.clerk, {
        agencyCode: "town",
        channel: "online",
        receivedOn: d("2026-03-03"),
        applicant: { type: "commercial_enterprise", name: "某建筑有限公司" },
        description: "文件二",
      })
    ).id;
    otherId = (
      await f.applications.register(f.actors.otherclerk, {
        agencyCode: "other",
        channel: "in_person",
        receivedOn: d("2026-03-04"),
        applicant: { type: "natural_person", name: "李四", idNumber: OTHER_ID, phone: OTHER_PHONE },
        description: "文件三",
      })
    ).id;
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await api?.close();
    await f?.handle.close();
  });

  it("lists show the name and the masked ID number and phone, never the full values, to every role", async () => {
    for (const who of ["clerk", "handler", "admin", "supervisor", "otheradmin", "sysadmin"] as const) {
      const r = await raw(who, "/api/v1/applications?pageSize=100");
      expect(r.status, who).toBe(200);
      expect(leaked(r.text), who).toEqual([]);
    }
    const seen = json<{ items: { id: string; applicant: Record<string, string> }[] }>(
      await raw("supervisor", "/api/v1/applications?pageSize=100&q=张三"),
    );
    expect(seen.items.map((a) => a.applicant)).toEqual([
      { type: "natural_person", name: "张三", idNumber: MASKED_ID, phone: MASKED_PHONE },
    ]);
    const other = json<{ items: { applicant: Record<string, string> }[] }>(
      await raw("supervisor", "/api/v1/applications?agency=other"),
    );
    expect(other.items[0]?.applicant).toEqual({
      type: "natural_person",
      name: "李四",
      idNumber: "3201**********5678",
      phone: "139****3333",
    });
    expect(await logRows()).toEqual([]);
  });

  it("the drill-down of a report cell, the stats and the report carry no full value", async () => {
    for (const [who, path] of [
      ["admin", "/api/v1/agencies/town/reports/2026/cells/new_received/total"],
      ["supervisor", "/api/v1/agencies/county/reports/2026/cells/new_received/total?include=subtree"],
      ["supervisor", "/api/v1/agencies/town/reports/2026/cells/new_received/natural_person"],
      ["admin", "/api/v1/agencies/town/reports/2026"],
      ["admin", "/api/v1/stats?agency=town&year=2026"],
      ["supervisor", "/api/v1/stats?agency=county&year=2026&include=subtree"],
    ] as const) {
      const r = await raw(who, path);
      expect(r.status, path).toBe(200);
      expect(leaked(r.text), path).toEqual([]);
    }
    const cell = json<{ items: { applicantName: string }[] }>(
      await raw(
        "supervisor",
        "/api/v1/agencies/county/reports/2026/cells/new_received/natural_person?include=subtree",
      ),
    );
    expect(cell.items.map((i) => i.applicantName).sort()).toEqual(["张三", "李四"]);
    expect(await logRows()).toEqual([]);
  });

  it("the case page: in full for the handling agency, with exactly one access-log row per answer", async () => {
    const before = (await logRows()).length;
    const r = await raw("handler", `/api/v1/applications/${personId}`);
    expect(r.status).toBe(200);
    const view = json<{ applicant: Record<string, string>; personalData: string }>(r);
    expect(view.applicant).toEqual({
      type: "natural_person",
      name: "张三",
      idNumber: ID,
      phone: PHONE,
      email: EMAIL,
      address: ADDRESS,
    });
    expect(view.personalData).toBe("full");
    const rows = await logRows();
    expect(rows).toHaveLength(before + 1);
    const row = rows.at(-1);
    expect(row).toMatchObject({
      user_id: f.actors.handler.userId,
      agency_id: f.actors.handler.agencyId,
      kind: "case_page",
      application_id: personId,
      fields: ["idNumber", "phone", "email", "address"],
      case_count: 1,
      request_id: r.headers.get("x-request-id"),
    });
    expect(new Date(row?.at as Date).toISOString()).toBe(NOW.toISOString());
    // the row names the fields, never their values
    expect(leaked(JSON.stringify(rows))).toEqual([]);
    // a second read is a second row
    expect((await raw("clerk", `/api/v1/applications/${personId}`)).status).toBe(200);
    expect(await logRows()).toHaveLength(before + 2);
  });

  it("the case page of another agency's user is masked and logs nothing; nothing personal, nothing logged", async () => {
    const before = (await logRows()).length;
    for (const who of ["supervisor", "sysadmin"] as const) {
      const r = await raw(who, `/api/v1/applications/${personId}`);
      expect(r.status, who).toBe(200);
      expect(leaked(r.text), who).toEqual([]);
      expect(json<{ applicant: unknown; personalData: string }>(r)).toMatchObject({
        applicant: { name: "张三", idNumber: MASKED_ID, phone: MASKED_PHONE },
        personalData: "masked",
      });
    }
    expect((await raw("otheradmin", `/api/v1/applications/${personId}`)).status).toBe(404);
    const company = await raw("handler", `/api/v1/applications/${companyId}`);
    expect(json<{ personalData: string }>(company).personalData).toBe("full");
    // the workers and the letters read cases through the service: masked, not logged
    const internal = await f.applications.get(f.actors.handler, personId);
    expect(internal.applicant.idNumber).toBe(MASKED_ID);
    expect(await logRows()).toHaveLength(before);
    expect((await f.applications.get(sysadmin, otherId)).applicant.phone).toBe("139****3333");
  });

  it("an action answers masked values (the page keeps what its last GET showed) and logs nothing", async () => {
    const before = (await logRows()).length;
    const r = await raw("handler", `/api/v1/applications/${personId}/actions`, {
      method: "POST",
      body: { type: "start_consultation", on: "2026-03-10", party: "third_party", name: "某建筑有限公司" },
    });
    expect(r.status).toBe(200);
    expect(leaked(r.text)).toEqual([]);
    expect(json<{ applicant: unknown; personalData: string }>(r)).toMatchObject({
      applicant: { idNumber: MASKED_ID, phone: MASKED_PHONE },
      personalData: "masked",
    });
    expect(await logRows()).toHaveLength(before);
  });

  it("the ledger export: masked by default, in full only for the agency's admin (logged), and it imports back", async () => {
    const before = (await logRows()).length;
    const masked = await api.download("admin", "/api/v1/agencies/town/ledger.xlsx");
    expect(masked.status).toBe(200);
    const sheet = (await readSheets(masked.bytes)).台账 ?? [];
    expect(leaked(sheet.flat().join("\n"))).toEqual([]);
    const column = (name: (typeof LEDGER_COLUMNS)[number]) => LEDGER_COLUMNS.indexOf(name);
    const row = sheet.find((r) => r[column("申请人")] === "张三");
    expect(row?.[column("证件号码")]).toBe(MASKED_ID);
    expect(row?.[column("联系电话")]).toBe(MASKED_PHONE);
    expect(await logRows()).toHaveLength(before);

    for (const [who, status] of [
      ["clerk", 403],
      ["otheradmin", 404],
      ["sysadmin", 403],
    ] as const) {
      const r = await raw(who, "/api/v1/agencies/town/ledger.xlsx?full=true");
      expect(r.status, who).toBe(status);
      expect(leaked(r.text), who).toEqual([]);
    }
    expect(await logRows()).toHaveLength(before);

    const full = await raw("admin", "/api/v1/agencies/town/ledger.xlsx?full=true");
    expect(full.status).toBe(200);
    const fullSheet = (await readSheets(full.bytes)).台账 ?? [];
    const fullRow = fullSheet.find((r) => r[column("申请人")] === "张三");
    expect(fullRow?.[column("证件号码")]).toBe(ID);
    expect(fullRow?.[column("联系电话")]).toBe(PHONE);
    const rows = await logRows();
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({
      user_id: f.actors.admin.userId,
      kind: "ledger_export",
      application_id: null,
      fields: ["idNumber", "phone"],
      case_count: 1,
      request_id: full.headers.get("x-request-id"),
    });

    // export → import: the masked export imports into an empty agency with the same table 三 and
    // the values left out; the full one keeps them
    const copied = await api.upload("deptadmin", "dept", masked.bytes, { dryRun: false });
    expect(copied.status, copied.text).toBe(200);
    const town = json<{ table3: { rows: unknown } }>(
      await raw("admin", "/api/v1/agencies/town/reports/2026"),
    );
    expect((JSON.parse(copied.text) as { tables: Record<string, unknown> }).tables["2026"]).toEqual(
      town.table3.rows,
    );
    const copies = (agencyCode: string) =>
      f.db
        .selectFrom("applications as a")
        .innerJoin("agencies as g", "g.id", "a.agency_id")
        .select("a.applicant")
        .where("g.code", "=", agencyCode)
        .where("a.description", "=", "2025年本镇道路修缮工程的招标文件")
        .execute();
    expect((await copies("dept")).map((a) => a.applicant)).toEqual([
      { type: "natural_person", name: "张三" },
    ]);
    const again = await api.upload("otheradmin", "other", full.bytes, { dryRun: false });
    expect(again.status, again.text).toBe(200);
    expect((await copies("other")).map((a) => a.applicant)).toEqual([
      { type: "natural_person", name: "张三", idNumber: ID, phone: PHONE },
    ]);
  });

  it("the access log: the agency's admin and the system admin browse it; others 401, 403, 404", async () => {
    const page = json<{
      total: number;
      items: {
        user: { username: string };
        kind: string;
        application: { id: string; trackingNo: string } | null;
        fields: string[];
        requestId: string | null;
      }[];
    }>(await raw("admin", `/api/v1/agencies/town/access-log?user=handler&application=${personNo}`));
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({
      user: { username: "handler" },
      kind: "case_page",
      application: { id: personId, trackingNo: personNo },
      fields: ["idNumber", "phone", "email", "address"],
    });
    const all = json<{ total: number; items: { kind: string }[] }>(
      await raw("admin", "/api/v1/agencies/town/access-log"),
    );
    expect(all.items.map((i) => i.kind)).toEqual(["ledger_export", "case_page", "case_page"]);
    expect(
      json<{ total: number }>(await raw("admin", "/api/v1/agencies/town/access-log?from=2026-03-21")).total,
    ).toBe(0);
    expect(
      json<{ total: number }>(
        await raw("admin", "/api/v1/agencies/town/access-log?from=2026-03-20&to=2026-03-20"),
      ).total,
    ).toBe(3);
    expect(json<{ total: number }>(await raw("sysadmin", "/api/v1/agencies/town/access-log")).total).toBe(3);
    expect(json<{ total: number }>(await raw("otheradmin", "/api/v1/agencies/other/access-log")).total).toBe(
      0,
    );

    expect((await raw(null, "/api/v1/agencies/town/access-log")).status).toBe(401);
    for (const [who, status] of [
      ["clerk", 403],
      ["handler", 403],
      ["supervisor", 403],
      ["otheradmin", 404],
      ["deptadmin", 404],
    ] as const) {
      for (const suffix of ["", ".csv", ".xlsx"]) {
        const r = await raw(who, `/api/v1/agencies/town/access-log${suffix}`);
        expect(r.status, `${who} ${suffix}`).toBe(status);
        expect(json<{ error: { message: string } }>(r).error.message).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    expect(
      (await raw("admin", "/api/v1/agencies/town/access-log?from=2026-03-21&to=2026-03-20")).status,
    ).toBe(422);
    expect((await raw("admin", "/api/v1/agencies/town/access-log?from=yesterday")).status).toBe(422);
  });

  it("exports the access log as CSV and XLSX, filtered like the list, with no personal data", async () => {
    const csv = await raw("admin", `/api/v1/agencies/town/access-log.csv?application=${personNo}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const lines = csv.text
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe("时间,用户名,姓名,操作,申请编号,完整显示的字段,申请件数,请求编号");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(
      `,clerk,clerk名,查看申请详情,${personNo},证件号码、联系电话、电子邮箱、通信地址,1,`,
    );
    expect(lines[1]?.startsWith("2026-03-20 10:00:00,")).toBe(true);
    expect(leaked(csv.text)).toEqual([]);
    const xlsx = await raw("admin", "/api/v1/agencies/town/access-log.xlsx");
    expect(xlsx.status).toBe(200);
    const sheet = (await readSheets(xlsx.bytes)).访问日志 ?? [];
    expect(sheet).toHaveLength(4);
    expect(sheet[1]?.slice(3, 7)).toEqual(["导出完整台账", "", "证件号码、联系电话", "1"]);
    expect(leaked(sheet.flat().join("\n"))).toEqual([]);
  });

  it("documents the access-log routes and the full export in the OpenAPI document", async () => {
    const doc = (await (await fetch(`${api.base}/api/v1/openapi.json`)).json()) as {
      paths: Record<
        string,
        { get?: { parameters?: { name: string }[]; responses: Record<string, unknown> } }
      >;
    };
    for (const path of ["", ".csv", ".xlsx"]) {
      const get = doc.paths[`/api/v1/agencies/{code}/access-log${path}`]?.get;
      expect(get, path).toBeDefined();
      expect(Object.keys(get?.responses ?? {})).toEqual(expect.arrayContaining(["200", "401", "403", "404"]));
      expect(get?.parameters?.map((p) => p.name)).toEqual(
        expect.arrayContaining(["code", "from", "to", "user", "application"]),
      );
    }
    const ledger = doc.paths["/api/v1/agencies/{code}/ledger.xlsx"]?.get;
    expect(ledger?.parameters?.map((p) => p.name)).toContain("full");
  });
});
