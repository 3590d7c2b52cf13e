/**
 * `npm run bench:deadlines [-- --jobs N] [-- --rebuild 100000,200000]`: the deadline engine at
 * scale, on a private PostgreSQL and Redis.
 * 1. Drain: N due jobs (half `supplement.expired` automatic events, half reminders; default
 *    20,000, a few minutes on a small 2-core machine; `--jobs 100000` for the full figure) run by
 *    two `ogi worker` processes, next to the same number of bare BullMQ jobs doing one UPDATE each
 *    in two bare worker processes, in the same run (baseline before and after). Prints jobs/s and
 *    the ratio.
 * 2. Reconciler: a rebuild of 100,000 and 200,000 pending jobs after FLUSHALL (a full pass), and
 *    a steady-state pass with 100,000 jobs present (the timer's incremental pass, and a full pass
 *    forced over them).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { type Kysely, sql } from "kysely";
import { createDatabase } from "../src/db/create-database.ts";
import { migrateToLatest } from "../src/db/migrate.ts";
import type { Database } from "../src/db/schema.ts";
import type { CivilDate } from "../src/domain/civil-date.ts";
import { startPrivatePostgres } from "../src/runtime/private-postgres.ts";
import { startPrivateRedis } from "../src/runtime/private-redis.ts";
import { makeAccountService } from "../src/services/account-service.ts";
import type { Actor } from "../src/services/actor.ts";
import { makeApplicationService } from "../src/services/application-service.ts";
import { makeCalendarStore } from "../src/services/calendar-store.ts";
import { DEADLINE_JOB_OPTIONS } from "../workers/enqueue-planned-jobs.ts";
import { createDeadlineQueue } from "../workers/queues.ts";
import { runReconciler } from "../workers/run-reconciler.ts";

const { values } = parseArgs({
  options: {
    jobs: { type: "string", default: "20000" },
    rebuild: { type: "string", default: "100000,200000" },
  },
});
const JOBS = Number(values.jobs);
const REBUILD_SIZES = values.rebuild.split(",").map(Number);
/** Thursday 2026-03-26, 10:00 in China. */
const NOW_ISO = "2026-03-26T02:00:00.000Z";
const NOW = new Date(NOW_ISO);
const TODAY = "2026-03-26";
const BIN = fileURLToPath(new URL("../bin/ogi.mjs", import.meta.url));
const BARE_WORKER = fileURLToPath(new URL("./bare-update-worker.ts", import.meta.url));
const BARE_QUEUE = "bench-bare";
const d = (s: string) => s as CivilDate;

interface Env {
  db: Kysely<Database>;
  databaseUrl: string;
  redisUrl: string;
  redis: Redis;
  dataDir: string;
  templates: { automatic: string; reminder: string; future: string };
}

async function prepare(db: Kysely<Database>) {
  await migrateToLatest(db);
  const now = () => NOW;
  const accounts = makeAccountService({ db, now });
  await accounts.createAgency({ code: "bench", name: "基准测试镇人民政府", kind: "township" });
  const actors: Record<string, Actor> = {};
  for (const [username, roles] of [
    ["clerk", ["intake"]],
    ["handler", ["handler"]],
    ["approver", ["approver"]],
  ] as const) {
    const u = await accounts.createUser({
      username,
      password: "bench-password",
      displayName: `${username}名`,
      email: `${username}@bench.example.gov.cn`,
      agencyCode: "bench",
      roles: [...roles],
    });
    actors[username] = (await accounts.toActor(u.id)) as Actor;
  }
  const applications = makeApplicationService({
    db,
    calendars: makeCalendarStore(db),
    now,
    settings: { supplementWindowWorkdays: 15, reminderOffsets: [5, 2, 0] },
  });
  const clerk = actors.clerk as Actor;
  const register = (receivedOn: string, description: string) =>
    applications.register(clerk, {
      agencyCode: "bench",
      channel: "online",
      receivedOn: d(receivedOn),
      applicant: { type: "natural_person", name: "张三" },
      description,
      handlerUsername: "handler",
    });
  // Owes `supplement.expired` on 2020-02-04: one automatic job due now.
  const automatic = await register("2020-01-02", "逾期未补正的申请");
  await applications.act(actors.handler as Actor, automatic.id, {
    type: "request_supplement",
    on: d("2020-01-06"),
    items: ["请写明所需信息的具体年份"],
    windowWorkdays: 15,
  });
  // Reply due 2026-03-30: its 2-WD reminder is due today.
  const reminder = await register("2026-03-02", "答复期限将至的申请");
  // Received today: every job in the future (the reconciler's rows).
  const future = await register(TODAY, "今日收到的申请");
  return { automatic: automatic.id, reminder: reminder.id, future: future.id };
}

/** The names of a table's columns, in order. */
async function columnsOf(db: Kysely<Database>, table: string): Promise<string[]> {
  const { rows } = await sql<{ column_name: string }>`
    SELECT column_name FROM information_schema.columns
    WHERE table_name = ${table} AND table_schema = current_schema() ORDER BY ordinal_position`.execute(db);
  return rows.map((r) => r.column_name);
}

/**
 * `copies` copies of a template case (row, events, and those of its pending deadline rows that
 * `rowFilter` keeps), ids `<template>-<tag>-<n>`: what thousands of registrations through the
 * write path would leave, in seconds.
 */
async function cloneCase(env: Env, template: string, tag: string, copies: number, rowFilter: string) {
  const apps = (await columnsOf(env.db, "applications")).filter((c) => c !== "id" && c !== "tracking_no");
  const events = (await columnsOf(env.db, "application_events")).filter(
    (c) => c !== "id" && c !== "application_id",
  );
  const jobs = (await columnsOf(env.db, "deadline_jobs")).filter(
    (c) => c !== "job_id" && c !== "application_id",
  );
  const list = (cols: string[], alias: string) => cols.map((c) => `${alias}."${c}"`).join(", ");
  const names = (cols: string[]) => cols.map((c) => `"${c}"`).join(", ");
  const chunk = 20_000;
  for (let from = 1; from <= copies; from += chunk) {
    const to = Math.min(copies, from + chunk - 1);
    const newId = `t.id || '-${tag}-' || g`;
    await sql
      .raw(`
      INSERT INTO applications (id, tracking_no, ${names(apps)})
      SELECT ${newId}, t.tracking_no || '-${tag}-' || g, ${list(apps, "t")}
      FROM applications t, generate_series(${from}, ${to}) g WHERE t.id = '${template}';
      INSERT INTO application_events (application_id, ${names(events)})
      SELECT e.application_id || '-${tag}-' || g, ${list(events, "e")}
      FROM application_events e, generate_series(${from}, ${to}) g WHERE e.application_id = '${template}';
      INSERT INTO deadline_jobs (job_id, application_id, ${names(jobs)})
      SELECT replace(j.job_id, 'app-${template}.', 'app-${template}-${tag}-' || g || '.'),
             j.application_id || '-${tag}-' || g, ${list(jobs, "j")}
      FROM deadline_jobs j, generate_series(${from}, ${to}) g
      WHERE j.application_id = '${template}' AND j.status = 'pending' AND ${rowFilter};`)
      .execute(env.db);
  }
  await sql`ANALYZE`.execute(env.db);
}

async function count(env: Env, where: string): Promise<number> {
  const { rows } = await sql<{
    n: number;
  }>`SELECT count(*)::int AS n FROM deadline_jobs WHERE ${sql.raw(where)}`.execute(env.db);
  return rows[0]?.n ?? 0;
}

/** A child process and the promise of a line it prints. */
function spawnUntil(command: string[], env: NodeJS.ProcessEnv, ready: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, command, {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(ready)) resolve(child);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`exited ${code} before "${ready}":\n${output}`)));
  });
}

async function stopAll(children: ChildProcess[]): Promise<void> {
  await Promise.all(
    children.map(
      (c) =>
        new Promise<void>((resolve) => {
          if (c.exitCode !== null) return resolve();
          c.once("exit", () => resolve());
          c.kill("SIGTERM");
        }),
    ),
  );
}

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 3_600_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Seconds for two `ogi worker` processes to run every due job (the queue paused until both are up). */
async function drainWithOgiWorkers(env: Env): Promise<number> {
  const queue = createDeadlineQueue(env.redisUrl);
  await queue.pause();
  const enqueued = await runReconciler({ db: env.db, queue, now: () => NOW, jobHour: 0 });
  if (enqueued.mode === "skipped") throw new Error("reconciler skipped");
  const workerEnv = {
    DATABASE_URL: env.databaseUrl,
    REDIS_URL: env.redisUrl,
    OGI_DATA_DIR: env.dataDir,
    OGI_FAKE_NOW: NOW_ISO,
    LOG_LEVEL: "warn",
  };
  const children = await Promise.all(
    [1, 2].map(() => spawnUntil([BIN, "worker"], workerEnv, "期限任务已启动")),
  );
  try {
    const started = performance.now();
    await queue.resume();
    await waitFor(
      async () => (await count(env, `status = 'pending' AND run_on <= '${TODAY}'`)) === 0,
      "every due row settled",
    );
    const seconds = (performance.now() - started) / 1000;
    return seconds;
  } finally {
    await stopAll(children);
    await queue.close();
  }
}

/** Seconds for two bare BullMQ worker processes to run `jobs` jobs of one UPDATE each. */
async function drainBare(env: Env, jobs: number, round: number): Promise<number> {
  const prefix = `bare${round}`;
  const queue = new Queue<{ jobId: string }>(BARE_QUEUE, { connection: { url: env.redisUrl }, prefix });
  await queue.pause();
  const { rows } = await sql<{ job_id: string }>`SELECT job_id FROM deadline_jobs LIMIT ${jobs}`.execute(
    env.db,
  );
  for (let i = 0; i < jobs; i += 1000) {
    await queue.addBulk(
      Array.from({ length: Math.min(1000, jobs - i) }, (_, k) => {
        const jobId = `bare-${i + k}`;
        return {
          name: "bare",
          data: { jobId: rows[(i + k) % rows.length]?.job_id ?? "" },
          opts: { ...DEADLINE_JOB_OPTIONS, jobId },
        };
      }),
    );
  }
  const args = [BARE_WORKER, env.redisUrl, env.databaseUrl, BARE_QUEUE, prefix];
  const children = await Promise.all([1, 2].map(() => spawnUntil(["--import", "tsx", ...args], {}, "ready")));
  try {
    const started = performance.now();
    await queue.resume();
    await waitFor(async () => (await queue.getCompletedCount()) >= jobs, "the bare jobs completed");
    return (performance.now() - started) / 1000;
  } finally {
    await stopAll(children);
    await queue.obliterate({ force: true });
    await queue.close();
  }
}

/** Redis's CPU seconds so far (user + system). */
async function redisCpu(env: Env): Promise<number> {
  const info = await env.redis.info("cpu");
  const field = (name: string) => Number(new RegExp(`${name}:([\\d.]+)`).exec(info)?.[1] ?? 0);
  return field("used_cpu_user") + field("used_cpu_sys");
}

/** One reconciler pass, in this process: wall seconds, and the CPU seconds of Node and Redis. */
async function timedPass(env: Env, forceFull = false) {
  const queue = createDeadlineQueue(env.redisUrl);
  try {
    const [redisBefore, nodeBefore] = [await redisCpu(env), process.cpuUsage()];
    const started = performance.now();
    const run = await runReconciler({ db: env.db, queue, now: () => NOW, jobHour: 0 }, { forceFull });
    const seconds = (performance.now() - started) / 1000;
    const node = process.cpuUsage(nodeBefore);
    const cpu = `CPU：Node ${((node.user + node.system) / 1e6).toFixed(2)} 秒，Redis ${((await redisCpu(env)) - redisBefore).toFixed(2)} 秒`;
    return { seconds, run, cpu };
  } finally {
    await queue.close();
  }
}

/** Pending rows exactly `target`: clones of the future template (whose rows stay), the surplus deleted. */
async function growPendingTo(env: Env, target: number, tag: string): Promise<void> {
  const { future } = env.templates;
  const perCase = await count(env, `application_id = '${future}' AND status = 'pending'`);
  if (perCase === 0) throw new Error("the future template has no pending rows");
  const have = await count(env, "status = 'pending'");
  if (have < target) await cloneCase(env, future, tag, Math.ceil((target - have) / perCase), "true");
  await sql`DELETE FROM deadline_jobs WHERE job_id IN (
    SELECT job_id FROM deadline_jobs WHERE status = 'pending'
    ORDER BY application_id = ${future} DESC, job_id OFFSET ${target})`.execute(env.db);
}

const rate = (jobs: number, seconds: number) => `${(jobs / seconds).toFixed(0).padStart(7)} 个/秒`;
const secs = (s: number) => `${s.toFixed(2).padStart(7)} 秒`;

async function benchDrain(env: Env): Promise<void> {
  // Each copy owes one job due now: its automatic event, or its reminder due today.
  const { automatic, reminder } = env.templates;
  await cloneCase(env, automatic, "a", Math.ceil(JOBS / 2), `j.kind = 'deadline.automatic'`);
  await cloneCase(
    env,
    reminder,
    "r",
    Math.floor(JOBS / 2),
    `j.kind = 'deadline.reminder' AND j.run_on = '${TODAY}'`,
  );
  // Only the copies' jobs are drained: the templates' own rows go (but the future template's).
  await sql`DELETE FROM deadline_jobs WHERE application_id IN (${automatic}, ${reminder})`.execute(env.db);
  const jobs = await count(env, `status = 'pending' AND run_on <= '${TODAY}'`);
  const bareBefore = await drainBare(env, jobs, 1);
  const ogi = await drainWithOgiWorkers(env);
  const bareAfter = await drainBare(env, jobs, 2);
  const bare = (bareBefore + bareAfter) / 2;
  console.log(`期限任务消化（2 个 ogi worker 进程，各并发 4；${jobs} 个到期任务：自动终止与到期提醒）`);
  console.log(`  ogi worker：            ${secs(ogi)}  ${rate(jobs, ogi)}`);
  console.log(`  基线（裸 BullMQ，一条 UPDATE）：前 ${secs(bareBefore)}  ${rate(jobs, bareBefore)}`);
  console.log(`                              后 ${secs(bareAfter)}  ${rate(jobs, bareAfter)}`);
  console.log(`  吞吐量之比（ogi / 基线均值）：${(bare / ogi).toFixed(3)}`);
}

async function benchReconciler(env: Env): Promise<void> {
  await sql`DELETE FROM deadline_jobs WHERE status = 'pending' AND application_id <> ${env.templates.future}`.execute(
    env.db,
  );
  console.log("对账（reconciler）：");
  for (const [i, size] of REBUILD_SIZES.entries()) {
    await growPendingTo(env, size, `f${i}`);
    await env.redis.flushall();
    const rebuild = await timedPass(env);
    if (rebuild.run.mode !== "full" || rebuild.run.added !== size)
      throw new Error(`rebuild of ${size}: ${JSON.stringify(rebuild.run)}`);
    console.log(
      `  FLUSHALL 之后重建 ${String(size).padStart(7)} 个任务：${secs(rebuild.seconds)}（${rebuild.cpu}）`,
    );
    if (i === 0) {
      // Steady state: the rows were written before the last pass (not in the last minutes).
      await sql`UPDATE deadline_jobs SET created_at = created_at - interval '1 hour'`.execute(env.db);
      await timedPass(env);
      const incremental = await timedPass(env);
      const full = await timedPass(env, true);
      if (full.run.mode === "skipped" || full.run.present !== size)
        throw new Error(`steady pass: ${JSON.stringify(full.run)}`);
      console.log(
        `  稳态（${size} 个任务已在队列中）：增量一轮 ${secs(incremental.seconds)}（看了 ${incremental.run.mode === "skipped" ? 0 : incremental.run.pending} 行），强制全量一轮 ${secs(full.seconds)}（${full.cpu}）`,
      );
    }
  }
}

async function main(): Promise<void> {
  const base = await mkdtemp(join(tmpdir(), "ogi-bench-deadlines-"));
  const postgres = await startPrivatePostgres({ baseDir: await mkdtemp(join(tmpdir(), "ogi-bench-pg-")) });
  const redis = await startPrivateRedis({ dataDir: join(base, "redis"), appendOnly: false });
  const databaseUrl = await postgres.createDatabase("bench");
  const handle = await createDatabase({ databaseUrl, dataDir: "unused", poolSize: 5 });
  const client = new Redis(redis.url);
  try {
    const env: Env = {
      db: handle.db,
      databaseUrl,
      redisUrl: redis.url,
      redis: client,
      dataDir: join(base, "data"),
      templates: await prepare(handle.db),
    };
    console.log(`Node ${process.version}；机器与他人共用，数字会有波动。`);
    await benchDrain(env);
    await benchReconciler(env);
  } finally {
    client.disconnect();
    await handle.close();
    await redis.stop();
    await postgres.stop();
    await rm(base, { recursive: true, force: true });
  }
}

await main();
