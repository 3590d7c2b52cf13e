// Fault tests on the real `ogi worker` process: SIGKILL mid-run, a flushed Redis, a crash between
// commit and enqueue. Each test has its own PostgreSQL database and its own Redis database (so
// FLUSHDB stands in for FLUSHALL without touching the other test files' queues).
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import { sql } from "kysely";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/create-database.ts";
import { type ChildExit, watchChild } from "../../src/runtime/watch-child.ts";
import { createDeadlineQueue, DAILY_SCHEDULER_ID, type DeadlineQueue } from "../../workers/queues.ts";
import { freshPostgresUrl, freshRedisUrl } from "../support/services.ts";
import { type SmtpSink, startSmtpSink } from "../support/smtp-sink.ts";
import {
  d,
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

const BIN = fileURLToPath(new URL("../../bin/ogi.mjs", import.meta.url));
const now = () => new Date(TODAY_INSTANT);

interface Env {
  databaseUrl: string;
  redisUrl: string;
  db: DatabaseHandle;
  redis: Redis;
  queue: DeadlineQueue;
  actors: TownActors;
  /** Registers and acts like the API: enqueues after each commit. */
  service: Service;
  /** Commits without enqueuing anything. */
  quiet: Service;
}

let sink: SmtpSink;
const dataDir = mkdtempSync(join(tmpdir(), "ogi-worker-test-"));
const envs: Env[] = [];
const children: { stop(signal: NodeJS.Signals): Promise<ChildExit> }[] = [];

beforeAll(async () => {
  sink = await startSmtpSink();
});
afterEach(async () => {
  await Promise.all(children.splice(0).map((c) => c.stop("SIGKILL")));
});
afterAll(async () => {
  for (const e of envs) {
    await e.queue.close();
    e.redis.disconnect();
    await e.db.close();
  }
  await sink?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function freshEnv(): Promise<Env> {
  const [databaseUrl, redisUrl] = await Promise.all([freshPostgresUrl(), freshRedisUrl()]);
  const db = await openMigratedDatabase(databaseUrl);
  const queue = createDeadlineQueue(redisUrl);
  const env: Env = {
    databaseUrl,
    redisUrl,
    db,
    redis: new Redis(redisUrl),
    queue,
    actors: await seedTown(db.db, now),
    service: makeService(db.db, now, { onJobsPlanned: relayingNow(db.db, queue, now) }),
    quiet: makeService(db.db, now),
  };
  envs.push(env);
  return env;
}

/** `node bin/ogi.mjs worker` on the test's database, Redis and SMTP sink, its clock at TODAY_INSTANT. */
function spawnWorker(env: Env) {
  const child = spawn(process.execPath, [BIN, "worker"], {
    env: {
      ...process.env,
      DATABASE_URL: env.databaseUrl,
      REDIS_URL: env.redisUrl,
      SMTP_URL: sink.url,
      OGI_DATA_DIR: dataDir,
      OGI_FAKE_NOW: TODAY_INSTANT,
      OGI_RECONCILE_MINUTES: "0.05",
      OGI_JOB_LOCK_SECONDS: "1",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const watched = watchChild(child);
  const handle = {
    output: watched.output,
    async stop(signal: NodeJS.Signals): Promise<ChildExit> {
      if (watched.exit() === undefined) child.kill(signal);
      return watched.exited;
    },
  };
  children.push(handle);
  return handle;
}

async function closedCount(env: Env, ids: string[]): Promise<number> {
  const r = await env.db.db
    .selectFrom("applications")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("id", "in", ids)
    .where("state", "=", "closed")
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** How many `supplement.expired` events each case has. */
async function expiryEventsPerCase(env: Env, ids: string[]): Promise<number[]> {
  const rows = await env.db.db
    .selectFrom("applications as a")
    .leftJoin("application_events as e", (j) =>
      j.onRef("e.application_id", "=", "a.id").on("e.type", "=", "supplement.expired"),
    )
    .select(["a.id", sql<number>`count(e.id)::int`.as("n")])
    .where("a.id", "in", ids)
    .groupBy("a.id")
    .execute();
  return rows.map((r) => r.n);
}

async function pendingJobIds(env: Env, applicationId: string): Promise<string[]> {
  const rows = await env.db.db
    .selectFrom("deadline_jobs")
    .select("job_id")
    .where("application_id", "=", applicationId)
    .where("status", "=", "pending")
    .execute();
  return rows.map((r) => r.job_id);
}

/** True once every job id is in Redis in one of the given states, and the daily scheduler is set. */
async function isQueued(env: Env, jobIds: string[], states: string[]): Promise<boolean> {
  const found = await Promise.all(jobIds.map((id) => env.queue.getJobState(id)));
  const scheduler = await env.queue.getJobScheduler(DAILY_SCHEDULER_ID);
  return found.every((s) => states.includes(s)) && scheduler?.tz === "Asia/Shanghai";
}

describe("ogi worker as a process (PostgreSQL, Redis, SMTP sink)", () => {
  it("without DATABASE_URL explains, in Chinese, that npm start runs the workers in-process", () => {
    const { DATABASE_URL: _omitted, ...env } = process.env;
    const r = spawnSync(process.execPath, [BIN, "worker"], { env, cwd: dataDir, encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("npm start 已在同一进程中运行期限任务");
  });

  it("SIGKILLed mid-run and restarted, applies every automatic event exactly once", async () => {
    const env = await freshEnv();
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) ids.push(await registerSupplementOverdue(env.service, env.actors));
    expect(await env.queue.getWaitingCount()).toBeGreaterThanOrEqual(40);

    const first = spawnWorker(env);
    const closedAtKill = await waitUntil(
      async () => (await closedCount(env, ids)) || false,
      "a first closure",
      20_000,
      5,
    );
    const killed = await first.stop("SIGKILL");
    expect(killed.signal).toBe("SIGKILL");
    expect(closedAtKill).toBeLessThan(ids.length);

    const second = spawnWorker(env);
    await waitUntil(async () => (await closedCount(env, ids)) === ids.length, "every case closed", 30_000);
    expect(await expiryEventsPerCase(env, ids)).toEqual(ids.map(() => 1));
    expect((await second.stop("SIGTERM")).code).toBe(0);
    expect(second.output()).toContain("期限任务已停止");
  });

  it("after Redis is flushed, the reconciler restores every job and the due ones run", async () => {
    const env = await freshEnv();
    const due: string[] = [];
    for (let i = 0; i < 5; i++) due.push(await registerSupplementOverdue(env.service, env.actors));
    const open = await register(env.service, env.actors, "2026-03-26", "今日收到、期限未到的申请");
    const future = await pendingJobIds(env, open.id);
    expect(future.length).toBeGreaterThanOrEqual(4); // reminders of two clocks and the overdue check
    expect(await isQueued(env, future, ["delayed"])).toBe(false); // no scheduler yet: no worker ran
    await env.redis.flushdb();
    expect(await env.queue.getJobCountByTypes("waiting", "delayed")).toBe(0);

    const worker = spawnWorker(env);
    await waitUntil(async () => (await closedCount(env, due)) === due.length, "the due cases closed", 20_000);
    await waitUntil(() => isQueued(env, future, ["delayed"]), "the future jobs restored");

    // Flushed again while it runs: the periodic reconciler (every 3 s here) restores it all.
    await env.redis.flushdb();
    const late = await registerSupplementOverdue(env.quiet, env.actors);
    await waitUntil(async () => (await closedCount(env, [late])) === 1, "the late case closed", 20_000);
    await waitUntil(() => isQueued(env, future, ["delayed"]), "the future jobs restored again", 20_000);
    expect(await expiryEventsPerCase(env, [...due, late])).toEqual([1, 1, 1, 1, 1, 1]);
    expect((await worker.stop("SIGTERM")).code).toBe(0);
  });

  it("after a crash between commit and relay, the worker at start hands the job to Redis", async () => {
    const env = await freshEnv();
    const app = await register(env.quiet, env.actors, "2020-01-02", "提交后崩溃的申请");
    const crashing = makeService(env.db.db, now, {
      onJobsPlanned: relayingNow(env.db.db, env.queue, now),
      afterCommit: () => {
        throw new Error("模拟：提交之后、转交队列之前进程崩溃");
      },
    });
    await expect(
      crashing.act(env.actors.handler, app.id, {
        type: "request_supplement",
        on: d("2020-01-06"),
        items: ["请说明所需信息的年份"],
        windowWorkdays: 15,
        // Posted and signed for the same day: the window counts from 01-06 (DOMAIN.md §5).
        receivedByAddresseeOn: d("2020-01-06"),
      }),
    ).rejects.toThrow("模拟");
    const jobId = `app-${app.id}.supplement-expired.2020-02-04`;
    expect(await pendingJobIds(env, app.id)).toContain(jobId);
    expect(await env.queue.getJobState(jobId)).toBe("unknown");

    const worker = spawnWorker(env);
    await waitUntil(async () => (await closedCount(env, [app.id])) === 1, "the case closed", 20_000);
    expect(await expiryEventsPerCase(env, [app.id])).toEqual([1]);
    // the job commits its work, then BullMQ marks it completed: the case closes a moment before
    const state = await waitUntil(async () => {
      const s = await env.queue.getJobState(jobId);
      return s === "active" || s === "waiting" || s === "delayed" ? undefined : s;
    }, "the job settled");
    expect(state).toBe("completed");
    expect((await worker.stop("SIGTERM")).code).toBe(0);
  });
});
