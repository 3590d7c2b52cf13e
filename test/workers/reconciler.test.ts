// The reconciler against a real PostgreSQL and a Redis database of its own (FLUSHDB stands in
// for FLUSHALL): a job finishing between its two reads, two workers at once, a rebuild.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/create-database.ts";
import { createMailer } from "../../src/mail/create-mailer.ts";
import { createDeadlineQueue, type DeadlineQueue } from "../../workers/queues.ts";
import { reconcile } from "../../workers/reconcile.ts";
import { runReconciler } from "../../workers/run-reconciler.ts";
import { startWorkers } from "../../workers/start-workers.ts";
import { freshPostgresUrl, freshRedisUrl } from "../support/services.ts";
import {
  collectingLogger,
  makeService,
  openMigratedDatabase,
  register,
  registerSupplementOverdue,
  relayingNow,
  type Service,
  seedTown,
  TODAY_INSTANT,
  type TownActors,
  waitUntil,
} from "./worker-fixtures.ts";

const now = () => new Date(TODAY_INSTANT);
const logger = collectingLogger();
const outboxDir = mkdtempSync(join(tmpdir(), "ogi-reconciler-test-"));

let databaseUrl: string;
let redisUrl: string;
let db: DatabaseHandle;
let redis: Redis;
let queue: DeadlineQueue;
let actors: TownActors;
/** Commits without enqueuing: its rows wait for the reconciler. */
let quiet: Service;
/** Enqueues after each commit, like the API. */
let service: Service;

beforeAll(async () => {
  [databaseUrl, redisUrl] = await Promise.all([freshPostgresUrl(), freshRedisUrl()]);
  db = await openMigratedDatabase(databaseUrl);
  redis = new Redis(redisUrl);
  queue = createDeadlineQueue(redisUrl);
  actors = await seedTown(db.db, now);
  quiet = makeService(db.db, now);
  service = makeService(db.db, now, { onJobsPlanned: relayingNow(db.db, queue, now) });
});

afterAll(async () => {
  await queue?.close();
  redis?.disconnect();
  await db?.close();
  rmSync(outboxDir, { recursive: true, force: true });
  if (logger.problems.length > 0) console.warn(logger.problems.join("\n"));
});

const args = () => ({ db: db.db, queue, now, jobHour: 0, logger });

async function pendingRowIds(applicationIds?: string[]): Promise<string[]> {
  let q = db.db.selectFrom("deadline_jobs").select("job_id").where("status", "=", "pending");
  if (applicationIds) q = q.where("application_id", "in", applicationIds);
  return (await q.orderBy("job_id").execute()).map((r) => r.job_id);
}

/** Every job id in the queue's lists and sets, duplicates kept (the daily scheduler's left out). */
async function queuedIds(): Promise<string[]> {
  const key = (k: string) => queue.toKey(k);
  const ids = [
    ...(await redis.lrange(key("wait"), "0", "-1")),
    ...(await redis.lrange(key("active"), "0", "-1")),
    ...(await redis.lrange(key("paused"), "0", "-1")),
    ...(await redis.zrange(key("delayed"), "0", "-1")),
    ...(await redis.zrange(key("prioritized"), "0", "-1")),
    ...(await redis.zrange(key("completed"), "0", "-1")),
    ...(await redis.zrange(key("failed"), "0", "-1")),
  ];
  return ids.filter((id) => id.startsWith("app-")).sort();
}

/** The case's `supplement.expired` events. */
async function expiryEvents(applicationId: string): Promise<number> {
  const r = await db.db
    .selectFrom("application_events")
    .select(sql<number>`count(*)::int`.as("n"))
    .where("application_id", "=", applicationId)
    .where("type", "=", "supplement.expired")
    .executeTakeFirstOrThrow();
  return r.n;
}

/** A worker process in miniature: runs every due job of the queue to completion, then stops. */
async function drainDueJobs(applicationIds: string[]): Promise<void> {
  const running = await startWorkers({
    db: db.db,
    redisUrl,
    applications: quiet,
    mailer: createMailer({ outboxDir, from: "ogi@town.example.gov.cn" }),
    logger,
    now,
    settings: { OGI_JOB_HOUR: 0, OGI_RECONCILE_MINUTES: 60 },
  });
  try {
    await waitUntil(
      async () =>
        (
          await db.db.selectFrom("applications").select("state").where("id", "in", applicationIds).execute()
        ).every((r) => r.state === "closed"),
      "the due cases closed",
    );
    await waitUntil(async () => (await queue.getJobCounts("wait", "active")).wait === 0, "the due jobs run");
    await waitUntil(async () => (await queue.getJobCounts("active")).active === 0, "no job running");
  } finally {
    await running.close();
  }
}

describe("the reconciler (PostgreSQL, Redis)", () => {
  it("never re-adds a job that finished between its two reads, in a full or an incremental pass", async () => {
    await redis.flushdb();
    for (const mode of ["full", "incremental"] as const) {
      const since = new Date(Date.now() - 60_000);
      const id = await registerSupplementOverdue(service, actors);
      const jobId = `app-${id}.supplement-expired.2020-02-04`;
      expect(await queue.getJobState(jobId)).toBe("waiting");
      const result = await reconcile({
        ...args(),
        ...(mode === "incremental" ? { since } : {}),
        betweenReads: () => drainDueJobs([id]),
      });
      expect(await queue.getJobState(jobId)).toBe("completed");
      expect(result.revived).toBe(0);
      expect(result.added).toBe(0);
      expect(await expiryEvents(id)).toBe(1);
      expect(await pendingRowIds([id])).toEqual([]);
      if (mode === "incremental") expect(result.settled).toBeGreaterThanOrEqual(1);
    }
  });

  it("two workers reconciling at once do one pass; the next one is incremental", async () => {
    await redis.flushdb();
    for (let i = 0; i < 6; i++) await register(quiet, actors, "2026-03-20", `并发对账${i}`);
    const pending = await pendingRowIds();
    expect(pending.length).toBeGreaterThan(6);
    const other = createDeadlineQueue(redisUrl);
    try {
      let second: Awaited<ReturnType<typeof runReconciler>> | undefined;
      const first = await runReconciler({
        ...args(),
        // The second worker's timer fires while the first one's pass runs.
        betweenReads: async () => {
          second = await runReconciler({ ...args(), queue: other });
        },
      });
      expect(second).toEqual({ mode: "skipped" });
      expect(first).toMatchObject({ mode: "full", pending: pending.length, added: pending.length });
      expect(await queuedIds()).toEqual(pending);
      const next = await runReconciler({ ...args(), queue: other });
      expect(next).toMatchObject({ mode: "incremental", added: 0, revived: 0 });
    } finally {
      await other.close();
    }
  });

  it("an incremental pass looks at the rows written since the last pass; a full one at every row", async () => {
    await redis.flushdb();
    await runReconciler(args());
    // Every row so far written an hour ago, long before the last pass's watermark.
    await db.db
      .updateTable("deadline_jobs")
      .set({ created_at: sql`created_at - interval '1 hour'` })
      .execute();
    const before = await queuedIds();
    const app = await register(quiet, actors, "2026-03-25", "上次对账之后登记、入队失败的申请");
    const rows = await pendingRowIds([app.id]);
    expect(rows.length).toBeGreaterThan(0);
    // An old row's job lost while the marker stayed (no Redis loss detected): not looked at.
    const lost = before[0] ?? "";
    await queue.remove(lost);
    expect(await runReconciler(args())).toMatchObject({
      mode: "incremental",
      pending: rows.length,
      added: rows.length,
    });
    expect(await queuedIds()).toEqual([...before.filter((j) => j !== lost), ...rows].sort());
    expect(await runReconciler(args(), { forceFull: true })).toMatchObject({ mode: "full", added: 1 });
    expect(await queuedIds()).toEqual([...before, ...rows].sort());
  });

  it("a rebuild after FLUSHALL restores every pending job exactly once", async () => {
    await redis.flushdb();
    for (let i = 0; i < 5; i++) await registerSupplementOverdue(quiet, actors);
    for (let i = 0; i < 5; i++) await register(quiet, actors, "2026-03-10", `重建${i}`);
    expect(await runReconciler(args())).toMatchObject({ mode: "full" });
    await redis.flushdb();
    // After the loss, the API enqueues a new case's jobs before any worker notices.
    await register(service, actors, "2026-03-26", "清空之后登记的申请");
    const pending = await pendingRowIds();
    const result = await runReconciler(args());
    expect(result).toMatchObject({ mode: "full", pending: pending.length, revived: 0 });
    expect(await queuedIds()).toEqual(pending);
    expect(await runReconciler(args())).toMatchObject({ mode: "incremental", added: 0, revived: 0 });
    expect(await queuedIds()).toEqual(pending);
  });

  it("a rebuild reads the rows page by page (5,000 a page) and adds each pending job once", async () => {
    // 12,345 future reminder rows of one case (what 3,000 open cases would leave), beside the others.
    const app = await register(quiet, actors, "2026-03-26", "多页重建");
    await sql`INSERT INTO deadline_jobs (job_id, application_id, kind, run_on, payload, status)
      SELECT ${`app-${app.id}.page-`} || lpad(g::text, 5, '0') || '.2026-04-30', ${app.id},
             'deadline.reminder', date '2026-04-30',
             '{"v":1,"clock":"reply","dueOn":"2026-04-30","offset":0}'::jsonb, 'pending'
      FROM generate_series(1, 12345) g`.execute(db.db);
    await redis.flushdb();
    const pending = await pendingRowIds();
    expect(pending.length).toBeGreaterThan(12345);
    const result = await runReconciler(args());
    expect(result).toMatchObject({ mode: "full", pending: pending.length, added: pending.length });
    expect(await queuedIds()).toEqual(pending);
    await db.db.deleteFrom("deadline_jobs").where("job_id", "like", `app-${app.id}.page-%`).execute();
  });
});
