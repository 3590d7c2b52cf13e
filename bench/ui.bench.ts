/**
 * `npm run bench:ui`: how fast the staff UI shows its two busiest pages with 50,000 cases in the
 * database, next to a baseline of the same pages over an agency with 100 cases, in the same run
 * (same PostgreSQL, same browser). Figures: navigation start → the worklist's first rows / the
 * case's timeline visible, median of several loads. Prints both and the ratio. And the JavaScript
 * the login page and the 工作台 load (a fresh browser context each, nothing cached), as served and
 * gzip-compressed: the login page, the 工作台 opened directly by a logged-in user, and the login
 * page followed by the 工作台, beside the issue's target (250 KB gzip).
 */
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { chromium, type Page } from "playwright-core";
import { loadSettings } from "../config/settings.ts";
import { addDays, type CivilDate, civilDateInChina } from "../src/domain/civil-date.ts";
import { ensureWebBuild } from "../src/runtime/build-web.ts";
import { startPrivatePostgres } from "../src/runtime/private-postgres.ts";
import { startPrivateRedis } from "../src/runtime/private-redis.ts";
import type { ActionInput } from "../src/services/application-types.ts";
import type { Core } from "../src/system/open-core.ts";
import { startSystem } from "../src/system/start-system.ts";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../test/browser/support/browser-suite.ts";
import { kilobytes, type ScriptBytes, scriptBytes } from "../test/browser/support/script-bytes.ts";

const BIG = 50_000;
const SMALL = 100;
const RUNS = 7;
const PASSWORD = "bench-password";
const TODAY = civilDateInChina(new Date());
/** Issue 11: the login page and the 工作台 under 250 KB of JavaScript (gzip). */
const JS_TARGET = 250 * 1024;
const FIRST_ROW = ".worklist tbody tr";

interface Template {
  row: Record<string, unknown>;
  events: Record<string, unknown>[];
}

/** Five life stories, registered and worked through the service, so every row is a real one. */
async function makeTemplates(core: Core, agency: string, handler: number, approver: number, clerk: number) {
  const handlerUsername = `${agency}-handler`;
  const actor = async (id: number) => {
    const a = await core.accounts.toActor(id);
    if (!a) throw new Error("bench user missing");
    return a;
  };
  const [c, h, a] = [await actor(clerk), await actor(handler), await actor(approver)];
  const day = (n: number) => addDays(TODAY, -n);
  const stories: { received: number; steps: [typeof h, ActionInput][] }[] = [
    { received: 3, steps: [] },
    {
      received: 10,
      steps: [[h, { type: "start_consultation", on: day(6), party: "third_party", name: "某某有限公司" }]],
    },
    {
      received: 40,
      steps: [
        [h, { type: "start_consultation", on: day(35), party: "third_party", name: "某某有限公司" }],
        [h, { type: "end_consultation", on: day(30), consultationId: "c1" }],
        [a, { type: "extend", on: day(20), workdays: 10, reason: "需要核对档案" }],
        [a, { type: "decide", on: day(12), outcome: "partially_disclosed" }],
        [h, { type: "deliver", on: day(10), method: "邮寄" }],
        [h, { type: "archive", on: day(9) }],
      ],
    },
    { received: 5, steps: [[h, { type: "request_supplement", on: day(4), items: ["请明确所需信息"] }]] },
    { received: 8, steps: [[h, { type: "withdraw", on: day(2) }]] },
  ];
  const ids: string[] = [];
  for (const [i, story] of stories.entries()) {
    const app = await core.applications.register(c, {
      agencyCode: agency,
      channel: "post",
      receivedOn: day(story.received),
      applicant: { type: i % 2 === 0 ? "natural_person" : "commercial_enterprise", name: `模板申请人${i}` },
      description: "申请公开：某项目的立项批复、环境影响评价文件和验收材料",
      handlerUsername,
    });
    for (const [who, step] of story.steps) await core.applications.act(who, app.id, step);
    ids.push(app.id);
  }
  return ids;
}

async function readTemplates(pool: pg.Pool, ids: string[]): Promise<Template[]> {
  const out: Template[] = [];
  for (const id of ids) {
    const row = (await pool.query("select * from applications where id = $1", [id])).rows[0];
    const events = (
      await pool.query("select * from application_events where application_id = $1 order by seq", [id])
    ).rows;
    out.push({ row, events });
  }
  return out;
}

const DATE = /\b(\d{4}-\d{2}-\d{2})\b/g;
const shiftText = (text: string, days: number) => text.replace(DATE, (d) => addDays(d as CivilDate, days));
const shiftDate = (v: unknown, days: number) =>
  v === null
    ? null
    : addDays((v instanceof Date ? civilDateInChina(v) : String(v).slice(0, 10)) as CivilDate, days);

/** Clones the templates `count` times with dates moved back 0–364 days: bulk SQL, 1000 rows a statement. */
async function bulkInsert(
  pool: pg.Pool,
  templates: Template[],
  agencyId: number,
  prefix: string,
  count: number,
) {
  const appCols = [
    "id",
    "tracking_no",
    "agency_id",
    "channel",
    "applicant_type",
    "applicant",
    "description",
    "delivery_form",
    "handler_user_id",
    "received_on",
    "state",
    "outcome",
    "disposition_on",
    "reply_due_on",
    "snapshot",
    "version",
    // the 待办 order's columns (migration 0012), moved with the dates
    "next_due_on",
    "next_due_clock",
    "notice_due_on",
    "open_clocks",
  ];
  const eventCols = [
    "application_id",
    "seq",
    "type",
    "actor_user_id",
    "actor_name",
    "effective_on",
    "payload",
    "reason",
  ];
  const insert = async (table: string, cols: string[], rows: unknown[][]) => {
    const params: unknown[] = [];
    const values = rows.map((r) => `(${r.map((v) => `$${params.push(v)}`).join(",")})`);
    await pool.query(`insert into ${table} (${cols.join(",")}) values ${values.join(",")}`, params);
  };
  for (let start = 0; start < count; start += 1000) {
    const apps: unknown[][] = [];
    const events: unknown[][] = [];
    for (let i = start; i < Math.min(count, start + 1000); i++) {
      const t = templates[i % templates.length] as Template;
      const days = -(Math.floor(i / templates.length) % 365);
      const id = randomUUID();
      const r = t.row;
      apps.push([
        id,
        `${prefix}-${String(i + 1).padStart(6, "0")}`,
        agencyId,
        r.channel,
        r.applicant_type,
        JSON.stringify({ ...(r.applicant as object), name: `申请人${i % 997}` }),
        r.description,
        r.delivery_form,
        r.handler_user_id,
        shiftDate(r.received_on, days),
        r.state,
        r.outcome,
        shiftDate(r.disposition_on, days),
        shiftDate(r.reply_due_on, days),
        shiftText(JSON.stringify(r.snapshot), days),
        r.version,
        shiftDate(r.next_due_on, days),
        r.next_due_clock,
        shiftDate(r.notice_due_on, days),
        shiftText(JSON.stringify(r.open_clocks), days),
      ]);
      for (const e of t.events) {
        events.push([
          id,
          e.seq,
          e.type,
          e.actor_user_id,
          e.actor_name,
          shiftDate(e.effective_on, days),
          shiftText(JSON.stringify(e.payload), days),
          e.reason,
        ]);
      }
    }
    await insert("applications", appCols, apps);
    for (let j = 0; j < events.length; j += 2000)
      await insert("application_events", eventCols, events.slice(j, j + 2000));
  }
}

/** Milliseconds from navigation start until `selector` is in the page, measured in the page. */
async function timeToVisible(page: Page, url: string, selector: string): Promise<number> {
  await page.goto(url, { waitUntil: "commit" });
  // Runs in the page (this file is type-checked without the DOM library); a function, not a
  // string, because the page's CSP forbids eval.
  const handle = await page.waitForFunction(
    (sel: string) => {
      const doc = (globalThis as unknown as { document: { querySelector(s: string): unknown } }).document;
      return doc.querySelector(sel) ? performance.now() : null;
    },
    selector,
    { polling: "raf", timeout: 60_000 },
  );
  return Number(await handle.jsonValue());
}

async function median(page: Page, url: string, selector: string): Promise<number> {
  await timeToVisible(page, url, selector);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await timeToVisible(page, url, selector));
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

async function main(): Promise<void> {
  await ensureWebBuild();
  const base = await mkdtemp(join(tmpdir(), "ogi-bench-ui-"));
  const postgres = await startPrivatePostgres({ baseDir: await mkdtemp(join(tmpdir(), "ogi-bench-ui-pg-")) });
  const redis = await startPrivateRedis({ dataDir: join(base, "redis"), appendOnly: false });
  const databaseUrl = await postgres.createDatabase("bench_ui");
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  const settings = loadSettings({
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis.url,
    OGI_DATA_DIR: join(base, "data"),
    PORT: "0",
    LOG_LEVEL: "error",
  });
  const cases: Record<"big" | "small", string> = { big: "", small: "" };
  const started = performance.now();
  const system = await startSystem(settings, {
    http: true,
    workers: false,
    prepare: async (core) => {
      for (const [code, name] of [
        ["big", "大镇人民政府"],
        ["small", "小镇人民政府"],
      ] as const) {
        await core.accounts.createAgency({ code, name, kind: "township" });
        const ids: Record<string, number> = {};
        for (const role of ["intake", "handler", "approver"] as const) {
          const username = `${code}-${role}`;
          const u = await core.accounts.createUser({
            username,
            password: PASSWORD,
            displayName: username,
            agencyCode: code,
            roles: [role],
          });
          ids[role] = u.id;
        }
        const templateIds = await makeTemplates(
          core,
          code,
          ids.handler ?? 0,
          ids.approver ?? 0,
          ids.intake ?? 0,
        );
        const templates = await readTemplates(pool, templateIds);
        const agencyId = (await pool.query("select id from agencies where code = $1", [code])).rows[0]
          .id as number;
        await bulkInsert(pool, templates, agencyId, `${code}-bulk`, code === "big" ? BIG : SMALL);
        cases[code] = templateIds[2] ?? "";
      }
      await pool.query("analyze");
    },
  });
  const seeded = (performance.now() - started) / 1000;
  const baseUrl = system.url ?? "";
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    const js = {} as Record<"login" | "worklist" | "direct", ScriptBytes>;
    {
      const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      js.login = await scriptBytes(page, async () => {
        await page.goto(`${baseUrl}/login`);
        await page.getByLabel("用户名").waitFor();
      });
      await context.close();
    }
    {
      const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      js.worklist = await scriptBytes(page, async () => {
        await page.goto(`${baseUrl}/login`);
        await page.getByLabel("用户名").fill("small-handler");
        await page.getByLabel("密码").fill(PASSWORD);
        await page.locator("form button[type=submit]").click();
        await page.locator(FIRST_ROW).first().waitFor();
      });
      // the same user opening the 工作台 afresh: the session cookie in a new, empty context
      const fresh = await browser.newContext({ locale: "zh-CN", viewport: { width: 1440, height: 900 } });
      await fresh.addCookies(await context.cookies());
      const direct = await fresh.newPage();
      js.direct = await scriptBytes(direct, async () => {
        await direct.goto(`${baseUrl}/`);
        await direct.locator(FIRST_ROW).first().waitFor();
      });
      await fresh.close();
      await context.close();
    }
    const figures: Record<string, { worklist: number; casePage: number; total: number }> = {};
    for (const code of ["small", "big"] as const) {
      const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${baseUrl}/login`);
      await page.getByLabel("用户名").fill(`${code}-handler`);
      await page.getByLabel("密码").fill(PASSWORD);
      await page.locator("form button[type=submit]").click();
      await page.locator(".worklist").waitFor();
      const total = (
        await pool.query(
          "select count(*)::int as n from applications a join agencies g on g.id = a.agency_id where g.code = $1",
          [code],
        )
      ).rows[0].n as number;
      figures[code] = {
        total,
        worklist: await median(page, `${baseUrl}/`, FIRST_ROW),
        casePage: await median(
          page,
          `${baseUrl}/applications/${cases[code]}`,
          ".case-timeline .ant-timeline-item",
        ),
      };
      await context.close();
    }
    const big = figures.big as { worklist: number; casePage: number; total: number };
    const small = figures.small as { worklist: number; casePage: number; total: number };
    console.log(
      `网页界面基准（PostgreSQL，Chromium 无头模式；数据准备 ${seeded.toFixed(0)} 秒；每项取 ${RUNS} 次的中位数）`,
    );
    for (const [label, b] of [
      ["登录页", js.login],
      ["直接打开工作台（已登录，表格行可见，网络空闲）", js.direct],
      ["登录页 → 工作台（登录后表格行可见，网络空闲）", js.worklist],
    ] as const)
      console.log(
        `${label} JavaScript：${b.files} 个文件，${kilobytes(b.raw)}（未压缩传输），gzip ${kilobytes(b.gzip)}；` +
          `目标 ${kilobytes(JS_TARGET)}，之比 ${(b.gzip / JS_TARGET).toFixed(2)}`,
      );
    console.log(
      `工作台首页（导航开始 → 表格行可见）：${big.total} 件 ${big.worklist.toFixed(0)} ms；基线 ${small.total} 件 ${small.worklist.toFixed(0)} ms；之比 ${(big.worklist / small.worklist).toFixed(2)}`,
    );
    console.log(
      `申请详情页（导航开始 → 办理过程可见）：${big.total} 件 ${big.casePage.toFixed(0)} ms；基线 ${small.total} 件 ${small.casePage.toFixed(0)} ms；之比 ${(big.casePage / small.casePage).toFixed(2)}`,
    );
  } finally {
    await browser.close();
    await system.stop();
    await pool.end();
    await redis.stop();
    await postgres.stop();
    await rm(base, { recursive: true, force: true });
  }
}

await main();
