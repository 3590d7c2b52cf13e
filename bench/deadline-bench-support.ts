/**
 * What `bench/deadlines.bench.ts` needs besides its figures: cloning template cases by the
 * thousand, child processes (started, waited for, their CPU read, stopped), polling.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import type { Redis } from "ioredis";
import { type Kysely, sql } from "kysely";
import type { Database } from "../src/db/schema.ts";
import type { CivilDate } from "../src/domain/civil-date.ts";
import type { JobKind } from "../src/services/plan-deadline-jobs.ts";
import { toQueuedJob } from "../workers/enqueue-planned-jobs.ts";
import { createDeadlineQueue } from "../workers/queues.ts";

/** The names of a table's columns, in order. */
async function columnsOf(db: Kysely<Database>, table: string): Promise<string[]> {
  const { rows } = await sql<{ column_name: string }>`
    SELECT column_name FROM information_schema.columns
    WHERE table_name = ${table} AND table_schema = current_schema() ORDER BY ordinal_position`.execute(db);
  return rows.map((r) => r.column_name);
}

/**
 * `copies` copies of a template case (row, events, and those of its deadline rows that
 * `rowFilter` keeps, pending or parked as cancelled, each copied as pending), ids
 * `<template>-<tag>-<n>`: what thousands of registrations through the write path would leave,
 * in seconds.
 */
export async function cloneCase(
  db: Kysely<Database>,
  template: string,
  tag: string,
  copies: number,
  rowFilter: string,
): Promise<void> {
  const apps = (await columnsOf(db, "applications")).filter((c) => c !== "id" && c !== "tracking_no");
  const events = (await columnsOf(db, "application_events")).filter(
    (c) => c !== "id" && c !== "application_id",
  );
  const jobs = (await columnsOf(db, "deadline_jobs")).filter(
    (c) => !["job_id", "application_id", "status", "done_at"].includes(c),
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
      INSERT INTO deadline_jobs (job_id, application_id, status, done_at, ${names(jobs)})
      SELECT replace(j.job_id, 'app-${template}.', 'app-${template}-${tag}-' || g || '.'),
             j.application_id || '-${tag}-' || g, 'pending', NULL, ${list(jobs, "j")}
      FROM deadline_jobs j, generate_series(${from}, ${to}) g
      WHERE j.application_id = '${template}' AND j.status IN ('pending', 'cancelled') AND ${rowFilter};`)
      .execute(db);
  }
  await sql`ANALYZE`.execute(db);
}

/** deadline_jobs rows matching `where`. */
export async function countRows(db: Kysely<Database>, where: string): Promise<number> {
  const { rows } = await sql<{
    n: number;
  }>`SELECT count(*)::int AS n FROM deadline_jobs WHERE ${sql.raw(where)}`.execute(db);
  return rows[0]?.n ?? 0;
}

/** A child process, once it printed `ready`. */
export function spawnUntil(command: string[], env: NodeJS.ProcessEnv, ready: string): Promise<ChildProcess> {
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

/** The fields of /proc/<pid>/stat after the command name (index 0 is field 3, the state). */
function statFields(pid: number): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}

/** CPU seconds (user + system) used so far by the processes (Linux /proc; 0 elsewhere). */
export function cpuSeconds(children: readonly ChildProcess[]): number {
  return systemCpuSeconds(children, true);
}

/** The system (kernel) part of cpuSeconds, or with `all` user + system. */
export function systemCpuSeconds(children: readonly ChildProcess[], all = false): number {
  let ticks = 0;
  for (const c of children) {
    try {
      const f = statFields(c.pid ?? 0);
      ticks += (all ? Number(f[11]) : 0) + Number(f[12]); // utime, stime
    } catch {
      return 0; // not Linux, or gone: the figure is left out
    }
  }
  return ticks / 100;
}

/**
 * CPU seconds used so far by a PostgreSQL cluster: the postmaster with its ended backends
 * (cutime, cstime) and its live backends (Linux /proc; 0 elsewhere).
 */
export function postgresCpuSeconds(postmasterPid: number): number {
  try {
    const f = statFields(postmasterPid);
    let ticks = Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const c = statFields(Number(entry));
        if (Number(c[1]) === postmasterPid) ticks += Number(c[11]) + Number(c[12]);
      } catch {
        // ended meanwhile: counted in the postmaster's cutime once reaped
      }
    }
    return ticks / 100;
  } catch {
    return 0;
  }
}

export async function stopAll(children: ChildProcess[]): Promise<void> {
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

export async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 3_600_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * The reconciler's baseline: seconds for BullMQ alone to add the pending rows' jobs (read
 * beforehand, untimed), in the reconciler's batches (5,000, two in flight), into an empty queue.
 */
export async function timeBareAddBulk(db: Kysely<Database>, redisUrl: string, now: Date): Promise<number> {
  const rows = await db
    .selectFrom("deadline_jobs")
    .select(["job_id", "application_id", "kind", "run_on"])
    .where("status", "=", "pending")
    .execute();
  const queue = createDeadlineQueue(redisUrl, { prefix: "bare-add" });
  try {
    const started = performance.now();
    let next = 0;
    const lane = async () => {
      for (let i = next; i < rows.length; i = next) {
        next += 5000;
        const jobs = rows.slice(i, i + 5000).map((r) =>
          toQueuedJob(
            {
              jobId: r.job_id,
              applicationId: r.application_id,
              kind: r.kind as JobKind,
              runOn: r.run_on as CivilDate,
            },
            { now: () => now, jobHour: 0 },
          ),
        );
        await queue.addBulk(jobs);
      }
    };
    await Promise.all([lane(), lane()]);
    return (performance.now() - started) / 1000;
  } finally {
    await queue.obliterate({ force: true });
    await queue.close();
  }
}

/** Redis's CPU seconds so far (user + system). */
export async function redisCpuSeconds(redis: Redis): Promise<number> {
  const info = await redis.info("cpu");
  const field = (name: string) => Number(new RegExp(`${name}:([\\d.]+)`).exec(info)?.[1] ?? 0);
  return field("used_cpu_user") + field("used_cpu_sys");
}

/** BENCH_PG_STATS=1: pg_stat_statements loaded in the private PostgreSQL (its server settings). */
export const PG_STATS = process.env.BENCH_PG_STATS === "1";
export const PG_STATS_SETTINGS = PG_STATS
  ? ["shared_preload_libraries=pg_stat_statements", "pg_stat_statements.track_planning=on"]
  : [];

/** Forgets the statements so far (BENCH_PG_STATS=1 only). */
export async function resetPgStats(db: Kysely<Database>): Promise<void> {
  if (!PG_STATS) return;
  await sql`CREATE EXTENSION IF NOT EXISTS pg_stat_statements`.execute(db);
  await sql`SELECT pg_stat_statements_reset()`.execute(db);
}

/** The statements since resetPgStats by PostgreSQL time, per job of the drain (BENCH_PG_STATS=1 only). */
export async function printPgStats(db: Kysely<Database>, jobs: number): Promise<void> {
  if (!PG_STATS) return;
  const { rows } = await sql<{ calls: string; plan: number; exec: number; rows: string; query: string }>`
    SELECT calls, total_plan_time / calls AS plan, total_exec_time / calls AS exec, rows,
      left(regexp_replace(query, '\\s+', ' ', 'g'), 120) AS query
    FROM pg_stat_statements WHERE calls > 10 AND query NOT LIKE '%pg_stat_statements%'
    ORDER BY total_plan_time + total_exec_time DESC LIMIT 15`.execute(db);
  const perJob = rows.reduce((n, r) => n + Number(r.calls), 0) / jobs;
  console.log(`      PostgreSQL 语句（pg_stat_statements，每个任务约 ${perJob.toFixed(2)} 条）：`);
  for (const r of rows)
    console.log(
      `      ${String(r.calls).padStart(7)} 次  计划 ${r.plan.toFixed(3)} ms  执行 ${r.exec.toFixed(3)} ms  行 ${String(r.rows).padStart(6)}  ${r.query}`,
    );
}
