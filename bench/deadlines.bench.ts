/**
 * `npm run bench:deadlines [-- options]`: the deadline engine at scale, on a private PostgreSQL
 * and Redis (see USAGE). 1. Drain: due jobs (half `supplement.expired` automatic events, half
 * reminders) run by two `ogi worker` processes, each round next to the same number of bare
 * BullMQ jobs doing one UPDATE each in two bare worker processes of the same concurrency, in the
 * same run; jobs/s, the workers' CPU per job, the ratio per round and its median.
 * 2. Reconciler: a rebuild of 100,000 and 200,000 pending jobs after FLUSHALL (a full pass), and
 * a steady-state pass with 100,000 jobs present (the timer's incremental pass, and a full pass
 * forced over them).
 */
import type { ChildProcess } from "node:child_process";
import { closeSync, mkdirSync, openSync } from "node:fs";
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
import { DEFAULT_WORKER_CONCURRENCY } from "../workers/start-workers.ts";
import {
  cloneCase,
  countRows,
  cpuSeconds,
  median,
  PG_STATS_SETTINGS,
  postgresCpuSeconds,
  printPgStats,
  redisCpuSeconds,
  resetPgStats,
  spawnUntil,
  stopAll,
  systemCpuSeconds,
  timeBareAddBulk,
  waitFor,
} from "./deadline-bench-support.ts";

const USAGE = `npm run bench:deadlines -- [options]
  --jobs N          due jobs per drain round (default 20000; 100000 for the issue's figure; 0: no drain)
  --rounds N        drain rounds, each a bare baseline then the ogi workers (default 1; the median is printed)
  --mix KIND        both (default: automatic events and reminders half and half), automatic or reminder
  --concurrency N   jobs at once per worker process, ogi and bare alike (default: ogi worker's, ${DEFAULT_WORKER_CONCURRENCY})
  --rebuild A,B     pending jobs of each reconciler rebuild after FLUSHALL (default 100000,200000; none: skip)
  --cpu-prof DIR    the ogi workers write V8 CPU profiles to DIR/round<N>/
  BENCH_PG_STATS=1  the ogi drain's statements (pg_stat_statements) by PostgreSQL time`;

const { values } = parseArgs({
  options: {
    jobs: { type: "string", default: "20000" },
    rounds: { type: "string", default: "1" },
    mix: { type: "string", default: "both" },
    concurrency: { type: "string", default: String(DEFAULT_WORKER_CONCURRENCY) },
    rebuild: { type: "string", default: "100000,200000" },
    "cpu-prof": { type: "string" },
    help: { type: "boolean", default: false },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
/** Due jobs per drain round (0: no drain). */
const JOBS = Number(values.jobs);
const ROUNDS = Number(values.rounds);
/** Which due jobs: automatic events and reminders half and half, or one kind alone. */
const MIX = values.mix as "both" | "automatic" | "reminder";
if (!["both", "automatic", "reminder"].includes(MIX)) throw new Error(`--mix ${MIX}?\n${USAGE}`);
/** Jobs at once per worker process, ogi and bare alike. */
const CONCURRENCY = Number(values.concurrency);
/** Pending rows of each rebuild after FLUSHALL (`none`: no reconciler figures). */
const REBUILD_SIZES = values.rebuild === "none" ? [] : values.rebuild.split(",").map(Number);
/** Where the ogi workers write their V8 CPU profiles (one folder per round), if given. */
const PROFILE_DIR = values["cpu-prof"];
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
  /** The private PostgreSQL's postmaster (its CPU is read from /proc). */
  postgresPid: number;
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
  // Entered a day ago, as the copies of these cases would have been: the notice relay reads again
  // the events entered in the last minute before its watermark, and copies keep their template's
  // entered_at, so the workers' relay re-read every copy's events (and tried their notices) during
  // the first round's drain, work the baseline does not do (--jobs 100000: PostgreSQL 0.38 ms a
  // job in round 1 against 0.24-0.25 in rounds 2 and 3).
  await sql`UPDATE application_events SET entered_at = entered_at - interval '1 day'`.execute(db);
  return { automatic: automatic.id, reminder: reminder.id, future: future.id };
}

interface Drained {
  seconds: number;
  /** CPU seconds of the two worker processes (and the kernel's part), PostgreSQL and Redis (0 when not measurable). */
  cpu: { workers: number; workersSystem: number; postgres: number; redis: number };
}

/** CPU seconds so far of the workers, PostgreSQL and Redis. */
async function cpuNow(env: Env, children: ChildProcess[]) {
  return {
    workers: cpuSeconds(children),
    workersSystem: systemCpuSeconds(children),
    postgres: postgresCpuSeconds(env.postgresPid),
    redis: await redisCpuSeconds(env.redis),
  };
}

/** What a drain cost: its seconds and the CPU used since `before`. */
async function drained(env: Env, children: ChildProcess[], before: Drained["cpu"], started: number) {
  const seconds = (performance.now() - started) / 1000;
  const after = await cpuNow(env, children);
  const cpu = {
    workers: after.workers - before.workers,
    workersSystem: after.workersSystem - before.workersSystem,
    postgres: after.postgres - before.postgres,
    redis: after.redis - before.redis,
  };
  return { seconds, cpu };
}

/** Two `ogi worker` processes run every due job (the queue paused until both are up). */
async function drainWithOgiWorkers(env: Env, round: number): Promise<Drained> {
  const queue = createDeadlineQueue(env.redisUrl);
  await queue.pause();
  // A full pass: the copies' rows carry their template's created_at, before the watermark of
  // the last round's passes, so an incremental pass would enqueue none of them.
  const enqueued = await runReconciler(
    { db: env.db, queue, now: () => NOW, jobHour: 0 },
    { forceFull: true },
  );
  if (enqueued.mode === "skipped") throw new Error("reconciler skipped");
  const workerEnv = {
    DATABASE_URL: env.databaseUrl,
    REDIS_URL: env.redisUrl,
    OGI_DATA_DIR: env.dataDir,
    OGI_FAKE_NOW: NOW_ISO,
    OGI_WORKER_CONCURRENCY: String(CONCURRENCY),
    LOG_LEVEL: "warn",
  };
  const profile = PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${join(PROFILE_DIR, `round${round}`)}`] : [];
  const children = await Promise.all(
    [1, 2].map(() => spawnUntil([...profile, BIN, "worker"], workerEnv, "期限任务已启动")),
  );
  try {
    await resetPgStats(env.db);
    const before = await cpuNow(env, children);
    const started = performance.now();
    await queue.resume();
    // Every due job run and every due row settled (a batch settles rows before their jobs run).
    // The queue first: counting the rows costs PostgreSQL milliseconds, counted as the workers'.
    await waitFor(
      async () =>
        (await queue.getJobCountByTypes("waiting", "active", "prioritized")) === 0 &&
        (await countRows(env.db, `status = 'pending' AND run_on <= '${TODAY}'`)) === 0,
      "every due job run and every due row settled",
    );
    return await drained(env, children, before, started);
  } finally {
    await stopAll(children);
    await queue.close();
  }
}

/**
 * Two bare BullMQ worker processes (the same concurrency as `ogi worker`) run `jobs` jobs of one
 * UPDATE each.
 */
async function drainBare(env: Env, jobs: number, round: number): Promise<Drained> {
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
  const args = [BARE_WORKER, env.redisUrl, env.databaseUrl, BARE_QUEUE, prefix, String(CONCURRENCY)];
  const children = await Promise.all([1, 2].map(() => spawnUntil(["--import", "tsx", ...args], {}, "ready")));
  try {
    const before = await cpuNow(env, children);
    const started = performance.now();
    await queue.resume();
    await waitFor(async () => (await queue.getCompletedCount()) >= jobs, "the bare jobs completed");
    return await drained(env, children, before, started);
  } finally {
    await stopAll(children);
    await queue.obliterate({ force: true });
    await queue.close();
  }
}

/** One reconciler pass, in this process: wall seconds, and the CPU seconds of Node and Redis. */
async function timedPass(env: Env, forceFull = false) {
  const queue = createDeadlineQueue(env.redisUrl);
  try {
    const [redisBefore, nodeBefore] = [await redisCpuSeconds(env.redis), process.cpuUsage()];
    const started = performance.now();
    const run = await runReconciler({ db: env.db, queue, now: () => NOW, jobHour: 0 }, { forceFull });
    const seconds = (performance.now() - started) / 1000;
    const node = process.cpuUsage(nodeBefore);
    const cpu = `CPU：Node ${((node.user + node.system) / 1e6).toFixed(2)} 秒，Redis ${((await redisCpuSeconds(env.redis)) - redisBefore).toFixed(2)} 秒`;
    return { seconds, run, cpu };
  } finally {
    await queue.close();
  }
}

/** Pending rows exactly `target`: clones of the future template (whose rows stay), the surplus deleted. */
async function growPendingTo(env: Env, target: number, tag: string): Promise<void> {
  const { future } = env.templates;
  const perCase = await countRows(env.db, `application_id = '${future}' AND status = 'pending'`);
  if (perCase === 0) throw new Error("the future template has no pending rows");
  const have = await countRows(env.db, "status = 'pending'");
  if (have < target) await cloneCase(env.db, future, tag, Math.ceil((target - have) / perCase), "true");
  await sql`DELETE FROM deadline_jobs WHERE job_id IN (
    SELECT job_id FROM deadline_jobs WHERE status = 'pending'
    ORDER BY application_id = ${future} DESC, job_id OFFSET ${target})`.execute(env.db);
}

const rate = (jobs: number, seconds: number) => `${(jobs / seconds).toFixed(0).padStart(7)} 个/秒`;
const secs = (s: number) => `${s.toFixed(2).padStart(7)} 秒`;

/** Fresh cases owing one job due now each: its automatic event, or its reminder due today. */
async function dueJobs(env: Env, round: number): Promise<number> {
  const { automatic, reminder } = env.templates;
  const reminders = MIX === "both" ? Math.floor(JOBS / 2) : MIX === "reminder" ? JOBS : 0;
  if (JOBS - reminders > 0)
    await cloneCase(env.db, automatic, `a${round}`, JOBS - reminders, `j.kind = 'deadline.automatic'`);
  if (reminders > 0)
    await cloneCase(
      env.db,
      reminder,
      `r${round}`,
      reminders,
      `j.kind = 'deadline.reminder' AND j.run_on = '${TODAY}'`,
    );
  return countRows(env.db, `status = 'pending' AND run_on <= '${TODAY}'`);
}

/**
 * System CPU microseconds to create one empty file beside the outbox (200 created, kept). A mail
 * is a file there, and creating one costs this machine about 20 µs, but several hundred for a
 * while after many files were deleted nearby (apparently ext4 without a journal passing over
 * recently freed inodes one by one): a previous run's cleanup, tests.
 */
function fileCreateMicros(env: Env, probe: string): number {
  const dir = join(env.dataDir, `create-probe-${probe}`);
  mkdirSync(dir, { recursive: true });
  const before = process.cpuUsage().system;
  for (let i = 0; i < 200; i++) closeSync(openSync(join(dir, `${i}.eml`), "wx"));
  return (process.cpuUsage().system - before) / 200;
}

/** Above this a file creation is the slow kind (CREATE_SETTLED_MICROS). */
const CREATE_SETTLED_MICROS = 100;

/**
 * Waits (5 s at a time, 3 min at most) until creating a file costs under CREATE_SETTLED_MICROS:
 * the slow kind put 0.79 ms of kernel CPU on every reminder (--mix reminder 20,000 right after
 * another run: worker 1.12 ms a job, 0.79 of it system time), a cost of the previous run's
 * cleanup that the baseline, which writes no file, never pays. The last probe and the wait.
 */
async function settledFileCreation(env: Env, round: number): Promise<{ micros: number; waited: number }> {
  const started = performance.now();
  for (let i = 0; ; i++) {
    const micros = fileCreateMicros(env, `${round}-${i}`);
    const waited = (performance.now() - started) / 1000;
    if (micros < CREATE_SETTLED_MICROS || waited > 180) return { micros, waited };
    await new Promise((r) => setTimeout(r, 5000));
  }
}

const MIX_LABELS = { both: "自动终止与到期提醒各半", automatic: "只有自动终止", reminder: "只有到期提醒" };

async function benchDrain(env: Env): Promise<void> {
  // Only the copies' jobs are drained: the templates' own rows are parked (cancelled) for cloning.
  const { automatic, reminder } = env.templates;
  await sql`UPDATE deadline_jobs SET status = 'cancelled'
    WHERE application_id IN (${automatic}, ${reminder}) AND status = 'pending'`.execute(env.db);
  console.log(
    `期限任务消化（2 个 ogi worker 进程对 2 个裸 BullMQ 进程，各并发 ${CONCURRENCY}；每轮 ${JOBS} 个到期任务：${MIX_LABELS[MIX]}）`,
  );
  const ratios: number[] = [];
  const ms = (seconds: number, jobs: number) => ((seconds / jobs) * 1000).toFixed(2);
  const perJob = ({ cpu }: Drained, jobs: number) =>
    `\n      每个任务的 CPU（毫秒）：worker ${ms(cpu.workers, jobs)}（内核 ${ms(cpu.workersSystem, jobs)}），PostgreSQL ${ms(cpu.postgres, jobs)}，Redis ${ms(cpu.redis, jobs)}`;
  for (let round = 1; round <= ROUNDS; round++) {
    const jobs = await dueJobs(env, round);
    const bare = await drainBare(env, jobs, round);
    const created = await settledFileCreation(env, round);
    const ogi = await drainWithOgiWorkers(env, round);
    ratios.push(bare.seconds / ogi.seconds);
    console.log(`  第 ${round} 轮（${jobs} 个）：`);
    console.log(
      `    基线（裸 BullMQ，一条 UPDATE）：${secs(bare.seconds)}  ${rate(jobs, bare.seconds)}${perJob(bare, jobs)}`,
    );
    console.log(
      `    ogi worker：                  ${secs(ogi.seconds)}  ${rate(jobs, ogi.seconds)}${perJob(ogi, jobs)}`,
    );
    console.log(
      `      （邮件目录旁新建一个文件的系统 CPU：${created.micros.toFixed(0)} 微秒；开始前等它回落 ${created.waited.toFixed(0)} 秒）`,
    );
    await printPgStats(env.db, jobs);
    console.log(`    吞吐量之比（ogi / 基线）：${(bare.seconds / ogi.seconds).toFixed(3)}`);
  }
  const label = ROUNDS === 1 ? "（一轮）" : `（${ROUNDS} 轮的中位数）`;
  console.log(`  吞吐量之比${label}：${median(ratios).toFixed(3)}`);
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
    const bare = await timeBareAddBulk(env.db, env.redisUrl, NOW);
    console.log(
      `  FLUSHALL 之后重建 ${String(size).padStart(7)} 个任务：${secs(rebuild.seconds)}（${rebuild.cpu}）；` +
        `基线（同样的任务直接 addBulk）${secs(bare)}，之比 ${(rebuild.seconds / bare).toFixed(2)}`,
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
  const postgres = await startPrivatePostgres({
    baseDir: await mkdtemp(join(tmpdir(), "ogi-bench-pg-")),
    settings: PG_STATS_SETTINGS,
  });
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
      postgresPid: postgres.pid,
      templates: await prepare(handle.db),
    };
    console.log(`Node ${process.version}；机器与他人共用，数字会有波动。`);
    if (JOBS > 0) await benchDrain(env);
    if (REBUILD_SIZES.length > 0) await benchReconciler(env);
  } finally {
    client.disconnect();
    await handle.close();
    await redis.stop();
    await postgres.stop();
    await rm(base, { recursive: true, force: true });
  }
}

await main();
