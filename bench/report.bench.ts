/**
 * `npm run bench:report`: the JSON annual report of a county tree (`includeSubtree`) over
 * 1,000,000 applications on PostgreSQL, next to a baseline of one hand-written GROUP BY that
 * computes table 三's cells over the same rows in the same run. Prints both and the ratio.
 *
 * The rows are generated in SQL (INSERT … SELECT generate_series), valid for the schema and the
 * domain: one outcome iff a disposition date, disposition on or after receipt, every applicant
 * type, channel and outcome; receipts spread over 2019–2025, a few still open.
 */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Kysely } from "kysely";
import { sql } from "kysely";
import { createDatabase } from "../src/db/create-database.ts";
import { migrateToLatest } from "../src/db/migrate.ts";
import type { Database } from "../src/db/schema.ts";
import { OUTCOME_IDS } from "../src/domain/outcomes.ts";
import { APPLICANT_TYPES, CHANNELS } from "../src/domain/vocabulary.ts";
import { makeReportService } from "../src/reports/report-service.ts";
import { startPrivatePostgres } from "../src/runtime/private-postgres.ts";
import type { Actor } from "../src/services/actor.ts";
import { makeCalendarStore } from "../src/services/calendar-store.ts";

const APPLICATIONS = 1_000_000;
const CHUNK = 100_000;
const DEPARTMENTS = 20;
const TOWNSHIPS = 30;
const YEAR = 2025;
const RUNS = 9;

const pgArray = (items: readonly string[]) => `{${items.map((s) => `"${s}"`).join(",")}}`;

async function createTree(db: Kysely<Database>): Promise<number[]> {
  await db
    .insertInto("agencies")
    .values({ code: "county", name: "某县人民政府", kind: "government", parent_id: null, path: "/county/" })
    .execute();
  const county = await db
    .selectFrom("agencies")
    .select("id")
    .where("code", "=", "county")
    .executeTakeFirstOrThrow();
  const children = [
    ...Array.from({ length: DEPARTMENTS }, (_, i) => ({
      code: `dept${i + 1}`,
      name: `某县第${i + 1}局`,
      kind: "department" as const,
    })),
    ...Array.from({ length: TOWNSHIPS }, (_, i) => ({
      code: `town${i + 1}`,
      name: `第${i + 1}镇人民政府`,
      kind: "township" as const,
    })),
  ];
  await db
    .insertInto("agencies")
    .values(children.map((c) => ({ ...c, parent_id: county.id, path: `/county/${c.code}/` })))
    .execute();
  const rows = await db.selectFrom("agencies").select("id").orderBy("id").execute();
  return rows.map((r) => r.id);
}

/** One chunk of generated applications, numbered from `from` (inclusive) to `to` (exclusive). */
async function insertChunk(
  db: Kysely<Database>,
  agencyIds: readonly number[],
  from: number,
  to: number,
): Promise<void> {
  const agencies = `{${agencyIds.join(",")}}`;
  await sql`
    insert into applications (id, tracking_no, agency_id, channel, applicant_type, applicant, description,
      received_on, state, outcome, disposition_on, reply_due_on, snapshot, version)
    select 'bench-' || g, 'B-' || g, a.agency_id, a.channel, a.applicant_type,
      jsonb_build_object('type', a.applicant_type, 'name', '申请人' || g), '某项政府信息',
      a.received_on, case when a.decided then 'decided' else 'registered' end,
      case when a.decided then a.outcome end, case when a.decided then a.received_on + a.days end,
      case when a.decided then null else a.received_on + 28 end,
      jsonb_build_object('value', case when a.decided then 'decided' else 'registered' end,
        'context', jsonb_build_object('v', 1, 'lastOn', a.received_on,
          'facts', jsonb_build_object('receivedOn', a.received_on, 'consultations', '[]'::jsonb))),
      case when a.decided then 2 else 1 end
    from generate_series(${from}::int, ${to - 1}::int) as g
    cross join lateral (
      select (${agencies}::int[])[1 + (g * 7) % ${agencyIds.length}] as agency_id,
        (${pgArray(CHANNELS)}::text[])[1 + (g * 17) % ${CHANNELS.length}] as channel,
        (${pgArray(APPLICANT_TYPES)}::text[])[1 + (g * 13) % ${APPLICANT_TYPES.length}] as applicant_type,
        (${pgArray(OUTCOME_IDS)}::text[])[1 + (g * 31) % ${OUTCOME_IDS.length}] as outcome,
        date '2019-01-01' + ((g::bigint * 7919) % 2556)::int as received_on,
        -- open: the last six weeks' receipts mostly, and 1 in 200 older ones
        not ((g::bigint * 104729) % 200 = 0 or (g % 3 = 0 and date '2019-01-01' + ((g::bigint * 7919) % 2556)::int > date '2025-11-15')) as decided,
        ((g::bigint * 2971) % 45)::int as days
    ) as a
  `.execute(db);
}

/** The baseline: table 三 of the subtree in one hand-written GROUP BY (cells by applicant type and row). */
async function baseline(db: Kysely<Database>): Promise<number> {
  const first = `${YEAR}-01-01`;
  const last = `${YEAR}-12-31`;
  const rows = await sql<{
    applicant_type: string;
    result_row: string | null;
    new_received: number;
    carried_over: number;
    results: number;
    carried_forward: number;
  }>`
    select a.applicant_type,
      case when a.disposition_on between ${first}::date and ${last}::date then a.outcome end as result_row,
      count(*) filter (where a.received_on >= ${first}::date)::int as new_received,
      count(*) filter (where a.received_on < ${first}::date)::int as carried_over,
      count(*) filter (where a.disposition_on between ${first}::date and ${last}::date)::int as results,
      count(*) filter (where a.disposition_on is null or a.disposition_on > ${last}::date)::int as carried_forward
    from applications a join agencies g on g.id = a.agency_id
    where g.path like '/county/%' and a.received_on <= ${last}::date
      and (a.disposition_on is null or a.disposition_on >= ${first}::date)
    group by 1, 2
  `.execute(db);
  return rows.rows.reduce((sum, r) => sum + r.new_received, 0);
}

async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await fn();
  return { ms: performance.now() - t, value };
}

const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0;

/** Both measured in turns (after a warm-up of each), so that a busy machine slows both alike. */
async function race(a: () => Promise<unknown>, b: () => Promise<unknown>): Promise<[number, number]> {
  await a();
  await b();
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    ta.push((await time(a)).ms);
    tb.push((await time(b)).ms);
  }
  return [median(ta), median(tb)];
}

async function main(): Promise<void> {
  const postgres = await startPrivatePostgres({ baseDir: await mkdtemp(join(tmpdir(), "ogi-bench-")) });
  try {
    const url = await postgres.createDatabase("bench_report");
    const handle = await createDatabase({ databaseUrl: url, dataDir: "memory://" });
    const { db } = handle;
    await migrateToLatest(db);
    const agencyIds = await createTree(db);
    const loaded = await time(async () => {
      for (let from = 1; from <= APPLICATIONS; from += CHUNK) {
        await insertChunk(db, agencyIds, from, Math.min(APPLICATIONS + 1, from + CHUNK));
      }
      await sql`analyze`.execute(db);
    });
    console.log(
      `loaded ${APPLICATIONS.toLocaleString("en")} applications over ${agencyIds.length} agencies in ${(loaded.ms / 1000).toFixed(1)} s`,
    );
    const reports = makeReportService({
      db,
      calendars: makeCalendarStore(db),
      now: () => new Date("2026-04-01T02:00:00Z"),
    });
    const supervisor: Actor = {
      userId: null,
      username: "bench",
      displayName: "主管部门",
      agencyId: agencyIds[0] ?? null,
      agencyCode: "county",
      agencyPath: "/county/",
      roles: ["supervisor"],
      isSystemAdmin: false,
    };
    const report = await reports.getReport(supervisor, "county", YEAR, { includeSubtree: true });
    const baselineReceived = await baseline(db);
    if (report.table3.rows.new_received?.total !== baselineReceived) {
      throw new Error(
        `the report (${report.table3.rows.new_received?.total}) and the baseline (${baselineReceived}) disagree`,
      );
    }
    const failing = report.checks.filter((c) => c.id.startsWith("K") && !c.ok);
    if (failing.length > 0) throw new Error(`checks failed: ${failing.map((c) => c.message).join("; ")}`);
    const [ours, base] = await race(
      () => reports.getReport(supervisor, "county", YEAR, { includeSubtree: true }),
      () => baseline(db),
    );
    console.log(
      `${YEAR} table 三 of the tree: 一 ${report.table3.rows.new_received?.total}, 二 ${report.table3.rows.carried_over?.total}, 三（七） ${report.table3.rows.result_total?.total}, 四 ${report.table3.rows.carried_forward?.total}`,
    );
    console.log(`JSON report (includeSubtree, median of ${RUNS}): ${ours.toFixed(1)} ms`);
    console.log(`baseline single GROUP BY (median of ${RUNS}):   ${base.toFixed(1)} ms`);
    console.log(`ratio report / baseline: ${(ours / base).toFixed(2)}`);
    await handle.close();
  } finally {
    await postgres.stop();
  }
}

await main();
