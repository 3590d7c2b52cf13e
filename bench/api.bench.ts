/**
 * `npm run bench:api`: actions per second and p50/p99 latency through HTTP with 32 concurrent
 * keep-alive clients (a separate process, bench/api-load.ts) on PostgreSQL, next to a baseline of
 * bare "update row + append event" transactions on the same database in the same run (run before
 * and after the API). After a warm-up, each figure is the median of 3 rounds. Prints per action
 * the SQL statements the server sent, the response bytes, the server's Node CPU and PostgreSQL's
 * CPU (/proc of its processes), the HOT share of the applications UPDATEs, and the ratio — by
 * throughput, and by the CPU all processes of each path spent per action or transaction.
 */
import { fork } from "node:child_process";
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { Session } from "node:inspector/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { loadSettings } from "../config/settings.ts";
import { startPrivatePostgres } from "../src/runtime/private-postgres.ts";
import { startPrivateRedis } from "../src/runtime/private-redis.ts";
import { startSystem } from "../src/system/start-system.ts";
import { relayDeadlineOutbox } from "../workers/relay-deadline-outbox.ts";
import type { LoadReply, LoadRequest } from "./api-load.ts";

const CLIENTS = 32;
const CASES_PER_CLIENT = 4;
/** Consultation start/end pairs per case: 2 actions each. */
const PAIRS_PER_CASE = 5;
const ROUNDS = 3;
/** Full-size rounds of each kind before the measured ones. */
const WARM_UP_ROUNDS = 2;
const AUTO_EXPLAIN_SETTINGS = [
  "auto_explain.log_min_duration=0",
  "auto_explain.log_analyze=on",
  "auto_explain.log_buffers=on",
  "auto_explain.log_triggers=on",
  "auto_explain.sample_rate=0.002",
];
/** Linux's USER_HZ: /proc reports CPU time in these ticks. */
const TICKS_PER_SECOND = 100;

interface Round {
  count: number;
  seconds: number;
  p50: number;
  p99: number;
  /** Per action (or transaction). */
  statements?: number;
  bytes?: number;
  nodeCpuMs?: number;
  /** Of which in the kernel (system time: socket writes and reads, wake-ups). */
  nodeSysMs?: number;
  redisCpuMs?: number;
  /** The load process (its HTTP client). */
  clientCpuMs?: number;
  pgCpuMs: number;
}

const rate = (r: Round) => r.count / r.seconds;

function quantiles(latencies: number[]): { p50: number; p99: number } {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99) };
}

/** The round of median throughput. */
function median(rounds: Round[]): Round {
  return [...rounds].sort((a, b) => rate(a) - rate(b))[Math.floor(rounds.length / 2)] as Round;
}

/** CPU ms of a process and its children (PostgreSQL: the postmaster, its backends and helpers). */
function processTreeCpuMs(postmaster: number): number {
  let ticks = 0;
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, "utf8");
    } catch {
      continue; // gone meanwhile
    }
    const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(name) !== postmaster && Number(rest[1]) !== postmaster) continue;
    ticks += Number(rest[11]) + Number(rest[12]);
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

async function call(
  base: string,
  path: string,
  token: string,
  body: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${base}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

/** Registers one client's worth of cases per client (setup, not measured). */
async function registerCases(base: string, clerk: string, perClient: number): Promise<string[][]> {
  const out: string[][] = [];
  for (let c = 0; c < CLIENTS; c++) {
    const ids = await Promise.all(
      Array.from({ length: perClient }, async (_, i) => {
        const r = await call(base, "/api/v1/applications", clerk, {
          agencyCode: "bench",
          channel: "online",
          receivedOn: "2026-03-02",
          applicant: { type: "natural_person", name: `申请人${c}-${i}` },
          description: "基准测试申请",
          // assigned at intake: every measured action is the hot path (a handler's first action
          // on an unassigned case also records the assignment, in a transaction)
          handlerUsername: "bench-handler",
        });
        if (r.status !== 201) throw new Error(`register failed: ${r.status} ${JSON.stringify(r.json)}`);
        return String(r.json.id);
      }),
    );
    out.push(ids);
  }
  return out;
}

function runLoad(child: ReturnType<typeof fork>, request: LoadRequest): Promise<LoadReply> {
  return new Promise((resolve, reject) => {
    child.once("message", (m) => resolve(m as LoadReply));
    child.once("exit", (code) => reject(new Error(`load process exited (${code})`)));
    child.send(request);
  });
}

/** The floor: one transaction appending an event and bumping the row's version, nothing else. */
async function runBaseline(pool: pg.Pool, ids: string[], count: number, postmaster: number): Promise<Round> {
  const latencies: number[] = [];
  const perClient = Math.ceil(count / CLIENTS);
  const cpu = processTreeCpuMs(postmaster);
  const node0 = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    ids.map(async (id) => {
      for (let i = 0; i < perClient; i++) {
        const t = performance.now();
        const client = await pool.connect();
        try {
          await client.query("BEGIN");
          const v = await client.query<{ version: number }>(
            "UPDATE applications SET version = version + 1, updated_at = now() WHERE id = $1 RETURNING version",
            [id],
          );
          await client.query(
            "INSERT INTO application_events (application_id, seq, type, actor_name, effective_on, payload) VALUES ($1, $2, 'bench', 'bench', '2026-03-04', '{}')",
            [id, v.rows[0]?.version],
          );
          await client.query("COMMIT");
        } finally {
          client.release();
        }
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const node = process.cpuUsage(node0);
  const n = latencies.length;
  return {
    count: n,
    seconds,
    ...quantiles(latencies),
    nodeCpuMs: (node.user + node.system) / 1000 / n,
    nodeSysMs: node.system / 1000 / n,
    pgCpuMs: (processTreeCpuMs(postmaster) - cpu) / n,
  };
}

function line(name: string, r: Round): string {
  const head = `${name.padEnd(30)} ${String(r.count).padStart(5)} 次 ${rate(r).toFixed(0).padStart(6)} 次/秒  p50 ${r.p50.toFixed(1).padStart(6)} ms  p99 ${r.p99.toFixed(1).padStart(6)} ms`;
  const per = [
    r.statements === undefined ? null : `SQL ${r.statements.toFixed(2)} 条`,
    r.bytes === undefined ? null : `响应 ${r.bytes.toFixed(0)} 字节`,
    r.nodeCpuMs === undefined
      ? null
      : `Node CPU ${r.nodeCpuMs.toFixed(2)} ms（内核 ${(r.nodeSysMs ?? 0).toFixed(2)} ms）`,
    `PostgreSQL CPU ${r.pgCpuMs.toFixed(2)} ms`,
    r.redisCpuMs === undefined ? null : `Redis CPU ${r.redisCpuMs.toFixed(2)} ms`,
    r.clientCpuMs === undefined ? null : `压测客户端 CPU ${r.clientCpuMs.toFixed(2)} ms`,
  ].filter((x) => x !== null);
  return `${head}  | 每次：${per.join("，")}`;
}

async function hotCounts(pool: pg.Pool): Promise<{ upd: number; hot: number }> {
  // An idle backend reports its counts within PGSTAT_IDLE_INTERVAL (10 s) of its last
  // transaction: wait that long, so that the baseline's UPDATEs are not counted as the API's.
  await new Promise((r) => setTimeout(r, 11_000));
  const { rows } = await pool.query<{ upd: string; hot: string }>(
    "SELECT n_tup_upd AS upd, n_tup_hot_upd AS hot FROM pg_stat_user_tables WHERE relname = 'applications'",
  );
  return { upd: Number(rows[0]?.upd ?? 0), hot: Number(rows[0]?.hot ?? 0) };
}

/** The API rounds' statements by PostgreSQL time (planning + execution), per call. */
async function printStatementStats(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query<{
    calls: string;
    plan: number;
    exec: number;
    rows: string;
    query: string;
  }>(
    `SELECT calls, total_plan_time / calls AS plan, total_exec_time / calls AS exec, rows,
       left(regexp_replace(query, '\\s+', ' ', 'g'), 110) AS query
     FROM pg_stat_statements WHERE calls > 10 ORDER BY total_plan_time + total_exec_time DESC LIMIT 12`,
  );
  const size = await pool.query<{ stored: number; text: number; clocks: number; row: number }>(
    `SELECT avg(pg_column_size(snapshot))::int AS stored, avg(octet_length(snapshot::text))::int AS text,
       avg(pg_column_size(open_clocks))::int AS clocks, avg(pg_column_size(a.*))::int AS row FROM applications a`,
  );
  console.log(`applications 行：${JSON.stringify(size.rows[0])}`);
  const toast = await pool.query(
    `SELECT c.relname, s.n_tup_ins, s.n_tup_upd, s.n_tup_del FROM pg_class c JOIN pg_stat_all_tables s ON s.relid = c.reltoastrelid
     WHERE c.relname IN ('applications', 'application_events', 'deadline_jobs')`,
  );
  console.log(`TOAST：${JSON.stringify(toast.rows)}`);
  console.log("PostgreSQL 语句（return=minimal 3 轮，pg_stat_statements）：");
  for (const r of rows)
    console.log(
      `  ${String(r.calls).padStart(6)} 次  计划 ${r.plan.toFixed(3)} ms  执行 ${r.exec.toFixed(3)} ms  ${r.query}`,
    );
}

/** Relays every outbox entry (pass after pass), timing it and the CPU it took. */
async function relayOutbox(
  system: Awaited<ReturnType<typeof startSystem>>,
  postmaster: number,
  redisPid: number,
  fakeNow: string | undefined,
) {
  const now = () => new Date(fakeNow ?? Date.now());
  const cpu0 = process.cpuUsage();
  const pg0 = processTreeCpuMs(postmaster);
  const redis0 = processTreeCpuMs(redisPid);
  const t0 = performance.now();
  const total = { entries: 0, added: 0, removed: 0 };
  for (;;) {
    const run = await relayDeadlineOutbox({
      db: system.core.database.db,
      queue: system.queue,
      now,
      jobHour: 0,
    });
    if (run.mode !== "ran" || run.entries === 0) break;
    total.entries += run.entries;
    total.added += run.added;
    total.removed += run.removed;
  }
  const cpu = process.cpuUsage(cpu0);
  return {
    ...total,
    ms: performance.now() - t0,
    nodeMs: (cpu.user + cpu.system) / 1000,
    pgMs: processTreeCpuMs(postmaster) - pg0,
    redisMs: processTreeCpuMs(redisPid) - redis0,
  };
}

async function main(): Promise<void> {
  const base = await mkdtemp(join(tmpdir(), "ogi-bench-"));
  // BENCH_PG_STATS=1: pg_stat_statements on, and the API rounds' statements printed by time
  const pgStats = process.env.BENCH_PG_STATS === "1" || process.env.BENCH_PG_EXPLAIN !== undefined;
  // BENCH_PG_EXPLAIN=<file>: also EXPLAIN ANALYZE (triggers, buffers) of 1 statement in 500, the
  // server's log copied to <file> at the end
  const explainTo = process.env.BENCH_PG_EXPLAIN;
  const postgres = await startPrivatePostgres({
    baseDir: await mkdtemp(join(tmpdir(), "ogi-bench-pg-")),
    settings: pgStats
      ? [
          `shared_preload_libraries=pg_stat_statements${explainTo ? ",auto_explain" : ""}`,
          "pg_stat_statements.track_planning=on",
          ...(explainTo ? AUTO_EXPLAIN_SETTINGS : []),
        ]
      : [],
  });
  const redis = await startPrivateRedis({ dataDir: join(base, "redis"), appendOnly: false });
  const child = fork(join(import.meta.dirname, "api-load.ts"), [], { execArgv: ["--import", "tsx"] });
  let statements = 0;
  try {
    const databaseUrl = await postgres.createDatabase("bench");
    const settings = loadSettings({
      DATABASE_URL: databaseUrl,
      REDIS_URL: redis.url,
      OGI_DATA_DIR: join(base, "data"),
      PORT: "0",
      LOG_LEVEL: "warn",
      OGI_FAKE_NOW: "2026-03-20T02:00:00Z",
    });
    const system = await startSystem(settings, {
      http: true,
      workers: false,
      observeStatements: () => {
        statements++;
      },
      prepare: async (core) => {
        await core.accounts.createAgency({ code: "bench", name: "基准测试镇人民政府", kind: "township" });
        for (const [u, roles] of [
          ["bench-clerk", ["intake"]],
          ["bench-handler", ["handler"]],
        ] as const) {
          await core.accounts.createUser({
            username: u,
            password: "bench-password",
            displayName: u,
            agencyCode: "bench",
            roles: [...roles],
          });
        }
      },
    });
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
    try {
      const url = system.url ?? "";
      const login = async (username: string) =>
        String(
          (await call(url, "/api/v1/auth/login", "", { username, password: "bench-password" })).json.token,
        );
      const clerk = await login("bench-clerk");
      const token = await login("bench-handler");
      const apiRound = async (minimal: boolean, casesByClient: string[][]): Promise<Round> => {
        const s0 = statements;
        const cpu0 = process.cpuUsage();
        const pg0 = processTreeCpuMs(postgres.pid);
        const redis0 = processTreeCpuMs(redis.pid);
        const client0 = processTreeCpuMs(child.pid ?? 0);
        const r = await runLoad(child, {
          base: url,
          token,
          casesByClient,
          pairsPerCase: PAIRS_PER_CASE,
          minimal,
        });
        const cpu = process.cpuUsage(cpu0);
        const n = r.latencies.length;
        return {
          count: n,
          seconds: r.seconds,
          ...quantiles(r.latencies),
          statements: (statements - s0) / n,
          bytes: r.bytes.reduce((a, b) => a + b, 0) / n,
          nodeCpuMs: (cpu.user + cpu.system) / 1000 / n,
          nodeSysMs: cpu.system / 1000 / n,
          pgCpuMs: (processTreeCpuMs(postgres.pid) - pg0) / n,
          redisCpuMs: (processTreeCpuMs(redis.pid) - redis0) / n,
          clientCpuMs: (processTreeCpuMs(child.pid ?? 0) - client0) / n,
        };
      };
      // Warm-up: JIT (the server's and the load process's), prepared statements, pools, caches.
      // Two full-size rounds of each kind: with one small round each, whichever kind was measured
      // first ran ~35% slower at ~60% more Node CPU per action (V8 still optimizing).
      for (let i = 0; i < WARM_UP_ROUNDS; i++) {
        await apiRound(true, await registerCases(url, clerk, CASES_PER_CLIENT));
        await apiRound(false, await registerCases(url, clerk, CASES_PER_CLIENT));
      }
      const { rows } = await pool.query<{ id: string }>("SELECT id FROM applications ORDER BY id LIMIT $1", [
        CLIENTS,
      ]);
      const ids = rows.map((r) => r.id);
      const count = CLIENTS * CASES_PER_CLIENT * PAIRS_PER_CASE * 2;
      await runBaseline(pool, ids, count / 4, postgres.pid); // warm-up
      const before: Round[] = [];
      for (let i = 0; i < ROUNDS; i++) before.push(await runBaseline(pool, ids, count, postgres.pid));
      const cases: string[][][] = [];
      for (let i = 0; i < 2 * ROUNDS; i++) cases.push(await registerCases(url, clerk, CASES_PER_CLIENT));
      const hot0 = await hotCounts(pool);
      if (pgStats) {
        await pool.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        await pool.query("SELECT pg_stat_statements_reset()");
      }
      const minimal: Round[] = [];
      // BENCH_PROFILE=<file>: a CPU profile of the server process during these rounds
      const profiler = process.env.BENCH_PROFILE ? new Session() : null;
      if (profiler) {
        profiler.connect();
        await profiler.post("Profiler.enable");
        await profiler.post("Profiler.start");
      }
      for (let i = 0; i < ROUNDS; i++) minimal.push(await apiRound(true, cases[i] ?? []));
      if (profiler) {
        const { profile } = await profiler.post("Profiler.stop");
        writeFileSync(process.env.BENCH_PROFILE ?? "", JSON.stringify(profile));
        profiler.disconnect();
      }
      const hot1 = await hotCounts(pool);
      if (pgStats) await printStatementStats(pool);
      const full: Round[] = [];
      for (let i = 0; i < ROUNDS; i++) full.push(await apiRound(false, cases[ROUNDS + i] ?? []));
      // The job changes the actions left in the outbox, relayed as a worker would (issue 13: off
      // the request path, not gone): the relay's cost per action, beside the API's.
      const relayed = await relayOutbox(system, postgres.pid, redis.pid, settings.OGI_FAKE_NOW);
      const after: Round[] = [];
      for (let i = 0; i < ROUNDS; i++) after.push(await runBaseline(pool, ids, count, postgres.pid));
      const baseline = median([...before, ...after]);
      const m = median(minimal);
      const f = median(full);
      console.log(
        `HTTP 办理操作基准（PostgreSQL，${CLIENTS} 个并发客户端，独立进程 keep-alive 连接；预热后各取 ${ROUNDS} 轮的中位数）`,
      );
      console.log(line("API，Prefer: return=minimal", m));
      console.log(line("API，完整 Application", f));
      console.log(line("基线（API 之前）", median(before)));
      console.log(line("基线（API 之后）", median(after)));
      console.log(
        `吞吐量之比（API return=minimal / 基线 6 轮中位数）：${(rate(m) / rate(baseline)).toFixed(3)}`,
      );
      console.log(`吞吐量之比（API 完整答复 / 基线）：${(rate(f) / rate(baseline)).toFixed(3)}`);
      // The same comparison by CPU, which the machine's other load moves less than throughput:
      // every process of the measured path (Node: the server or the baseline's pg client; the
      // load process; PostgreSQL; Redis), per action or transaction.
      const cpuOf = (r: Round) => (r.nodeCpuMs ?? 0) + r.pgCpuMs + (r.clientCpuMs ?? 0) + (r.redisCpuMs ?? 0);
      console.log(
        `每次 CPU 合计：API return=minimal ${cpuOf(m).toFixed(2)} ms，基线 ${cpuOf(baseline).toFixed(2)} ms（Node ${(baseline.nodeCpuMs ?? 0).toFixed(2)} + PostgreSQL ${baseline.pgCpuMs.toFixed(2)}）；之比（基线 / API）${(cpuOf(baseline) / cpuOf(m)).toFixed(3)}（内核在回环网络上的开销不全计入进程，不在其中）`,
      );
      const upd = hot1.upd - hot0.upd;
      const hot = hot1.hot - hot0.hot;
      console.log(
        `applications 的 UPDATE（return=minimal 3 轮）：${upd} 次，其中 HOT ${hot} 次（${upd > 0 ? ((100 * hot) / upd).toFixed(0) : "0"}%）`,
      );
      // the measured rounds and the warm-up rounds (the registrations' entries are in it too)
      const actions = 2 * (ROUNDS + WARM_UP_ROUNDS) * count;
      console.log(
        `期限任务转交（工作进程的 outbox 转交，请求路径之外）：${relayed.entries} 条记录（${actions} 次操作），加入 ${relayed.added} 个、移除 ${relayed.removed} 个任务，用时 ${relayed.ms.toFixed(0)} ms；每次操作 Node CPU ${(relayed.nodeMs / actions).toFixed(3)} ms，PostgreSQL CPU ${(relayed.pgMs / actions).toFixed(3)} ms，Redis CPU ${(relayed.redisMs / actions).toFixed(3)} ms`,
      );
    } finally {
      await pool.end();
      await system.stop();
    }
  } finally {
    child.kill();
    if (explainTo) copyFileSync(join(postgres.dataDir, "..", "postgres.log"), explainTo);
    await redis.stop();
    await postgres.stop();
    await rm(base, { recursive: true, force: true });
  }
}

await main();
