/**
 * `npm run bench:portal [-- --clients 100 --seconds 8 | --requests N --rounds 3 --pglite --files]`:
 * online submissions per second (POST /api/v1/public/applications) and p50/p99 latency with 100
 * concurrent applicants, next to the staff's registration endpoint (POST /api/v1/applications,
 * an intake user's bearer token) in the same run. The API runs as `ogi serve` would, in a child
 * process (bench/portal-bench-server.ts) on a private PostgreSQL (or the embedded PGlite with
 * --pglite) and a private Redis; this process only generates the load: keep-alive connections,
 * varied valid applicants (居民身份证, 统一社会信用代码), with --files a small PNG as multipart.
 *
 * The per-IP guard (20 submissions an hour) stays as configured: every client sends from its own
 * loopback address (127.x.y.z, bound with localAddress; Linux routes 127/8 to lo) and takes the
 * next one after 20 requests, so the guard's Redis script runs on every submission and never
 * refuses. The staff side uses the same addresses, so both pay the same connections.
 *
 * After a warm-up, the two endpoints alternate for --rounds rounds each; the median round (by
 * rate) is reported with the server's CPU per request (Node, PostgreSQL, Redis: /proc and INFO)
 * and this process's (the load generator's, to show it is not what limits the rate),
 * the non-2xx replies by status, and the ratio. At the end the rows in online_submissions and
 * applications must equal the 201s counted (exit code 1 otherwise, or on any non-2xx).
 */
import type { ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Redis } from "ioredis";
import { DEFAULT_PORTAL_LIMITS } from "../src/http/portal/portal-guard.ts";
import { type PrivatePostgres, startPrivatePostgres } from "../src/runtime/private-postgres.ts";
import { startPrivateRedis } from "../src/runtime/private-redis.ts";
import { cpuSeconds, median, postgresCpuSeconds, redisCpuSeconds } from "./deadline-bench-support.ts";
import {
  applicantOf,
  askCounts,
  makeAddresses,
  multipartBody,
  post,
  type Reply,
  requestOf,
  seeded,
  smallPng,
  startServerChild,
  stopServerChild,
} from "./portal-bench-support.ts";

const { values: options } = parseArgs({
  options: {
    clients: { type: "string", default: "100" },
    seconds: { type: "string", default: "8" },
    requests: { type: "string" },
    rounds: { type: "string", default: "3" },
    pglite: { type: "boolean", default: false },
    files: { type: "boolean", default: false },
  },
});
const CLIENTS = Number(options.clients);
const SECONDS = Number(options.seconds);
/** Requests per round (all clients together); unset: as many as fit in SECONDS. */
const REQUESTS = options.requests === undefined ? undefined : Number(options.requests);
const ROUNDS = Number(options.rounds);
/** Requests per source address: the guard's own limit, which is not raised. */
const ADDRESS_QUOTA = DEFAULT_PORTAL_LIMITS.submissionsPerIp;
const NOW = "2026-03-20T02:00:00Z";

type Side = "portal" | "staff";

interface Round {
  side: Side;
  ok: number;
  seconds: number;
  p50: number;
  p99: number;
  /** Replies other than 201 by status (0: the connection failed). */
  errors: Map<number, number>;
  /** CPU ms per request: the API process, PostgreSQL (all its processes), Redis. */
  nodeMs: number;
  pgMs: number | null;
  redisMs: number;
  /** CPU ms per request of this process, the load generator. */
  clientMs: number;
}

interface Target {
  url: string;
  token: string;
  server: ChildProcess;
  pg: PrivatePostgres | null;
  redis: Redis;
  agent: http.Agent;
  nextClient: () => () => string;
}

const rate = (r: Round) => r.ok / r.seconds;
let sequence = 0;

/** One request of a side: a new applicant each time (n seeds it), JSON or multipart. */
function send(t: Target, side: Side, address: string): Promise<Reply> {
  const n = sequence++;
  const random = seeded(n + 1);
  const applicant = applicantOf(random, n);
  const { description, deliveryForm } = requestOf(random, n);
  if (side === "staff") {
    const body = {
      agencyCode: "bench",
      channel: "online",
      receivedOn: NOW.slice(0, 10),
      applicant,
      description,
      deliveryForm,
    };
    return post(
      t.agent,
      `${t.url}/api/v1/applications`,
      address,
      {
        "content-type": "application/json",
        authorization: `Bearer ${t.token}`,
      },
      Buffer.from(JSON.stringify(body)),
    );
  }
  const fields = { agencyCode: "bench", applicant, description, deliveryForm };
  if (!options.files) {
    return post(
      t.agent,
      `${t.url}/api/v1/public/applications`,
      address,
      {
        "content-type": "application/json",
      },
      Buffer.from(JSON.stringify(fields)),
    );
  }
  const form = multipartBody({ ...fields, applicant: JSON.stringify(applicant) }, [
    { field: "files", name: "身份证.png", type: "image/png", content: smallPng(n) },
  ]);
  return post(
    t.agent,
    `${t.url}/api/v1/public/applications`,
    address,
    { "content-type": form.contentType },
    form.body,
  );
}

async function cpuNow(t: Target) {
  return {
    node: cpuSeconds([t.server]),
    pg: t.pg ? postgresCpuSeconds(t.pg.pid) : 0,
    redis: await redisCpuSeconds(t.redis),
    client: process.cpuUsage(),
  };
}

/** CLIENTS clients, each sending one request after another until the round's time or count is up. */
async function round(t: Target, side: Side, seconds: number, requests: number | undefined): Promise<Round> {
  const latencies: number[] = [];
  const errors = new Map<number, number>();
  let left = requests ?? Number.POSITIVE_INFINITY;
  const cpu0 = await cpuNow(t);
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      const address = t.nextClient();
      while (left > 0 && (requests !== undefined || performance.now() < end)) {
        left--;
        const at = performance.now();
        const reply = await send(t, side, address());
        if (reply.status === 201) latencies.push(performance.now() - at);
        else {
          errors.set(reply.status, (errors.get(reply.status) ?? 0) + 1);
          if (errors.size === 1 && errors.get(reply.status) === 1)
            console.error(`${side}: ${reply.status} ${reply.text.slice(0, 300)}`);
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const cpu1 = await cpuNow(t);
  const sorted = latencies.sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const all = Math.max(1, sorted.length + [...errors.values()].reduce((a, b) => a + b, 0));
  const perRequest = (a: number, b: number) => ((b - a) * 1000) / all;
  return {
    side,
    ok: sorted.length,
    seconds: elapsed,
    p50: at(0.5),
    p99: at(0.99),
    errors,
    nodeMs: perRequest(cpu0.node, cpu1.node),
    pgMs: t.pg ? perRequest(cpu0.pg, cpu1.pg) : null,
    redisMs: perRequest(cpu0.redis, cpu1.redis),
    clientMs: perRequest(
      0,
      (cpu1.client.user + cpu1.client.system - cpu0.client.user - cpu0.client.system) / 1e6,
    ),
  };
}

const LABELS: Record<Side, string> = {
  portal: "公开接口 POST /api/v1/public/applications",
  staff: "登记接口 POST /api/v1/applications",
};

function line(r: Round): string {
  const errors = [...r.errors].map(([s, n]) => `${s}:${n}`).join(" ") || "0";
  const pg = r.pgMs === null ? "" : `  PostgreSQL ${r.pgMs.toFixed(2)}`;
  return `${String(r.ok).padStart(6)} 件 ${rate(r).toFixed(0).padStart(5)} 件/秒  p50 ${r.p50.toFixed(0).padStart(5)} ms  p99 ${r.p99.toFixed(0).padStart(5)} ms  非201 ${errors}  CPU ms/件：API${r.pgMs === null ? "（含 PGlite）" : ""} ${r.nodeMs.toFixed(2)}${pg}  Redis ${r.redisMs.toFixed(2)}  压测端 ${r.clientMs.toFixed(2)}`;
}

function medianRound(rounds: Round[]): Round {
  const m = median(rounds.map(rate));
  return rounds.reduce((best, r) => (Math.abs(rate(r) - m) < Math.abs(rate(best) - m) ? r : best));
}

async function login(t: Target): Promise<string> {
  const reply = await post(
    t.agent,
    `${t.url}/api/v1/auth/login`,
    "127.0.0.1",
    { "content-type": "application/json" },
    Buffer.from(JSON.stringify({ username: "bench-clerk", password: "bench-password" })),
  );
  if (reply.status !== 200) throw new Error(`login: ${reply.status} ${reply.text}`);
  return (JSON.parse(reply.text) as { token: string }).token;
}

/** Warm-up, then the sides alternating; prints the rounds, the medians, the ratio and the check. */
async function measure(t: Target): Promise<boolean> {
  const warm = Math.min(2, SECONDS);
  const all: Round[] = [];
  for (const side of ["portal", "staff"] as const)
    all.push(await round(t, side, warm, REQUESTS && Math.ceil(REQUESTS / 4)));
  const measured: Record<Side, Round[]> = { portal: [], staff: [] };
  for (let i = 0; i < ROUNDS; i++) {
    for (const side of ["portal", "staff"] as const) {
      const r = await round(t, side, SECONDS, REQUESTS);
      measured[side].push(r);
      all.push(r);
      console.log(`  第 ${i + 1} 轮 ${side === "portal" ? "公开接口" : "登记接口"} ${line(r)}`);
    }
  }
  const p = medianRound(measured.portal);
  const s = medianRound(measured.staff);
  console.log(`中位数（${ROUNDS} 轮）：`);
  console.log(`  ${LABELS.portal}\n    ${line(p)}`);
  console.log(`  ${LABELS.staff}\n    ${line(s)}`);
  console.log(
    `吞吐量之比（网上申请 / 登记）：${(rate(p) / rate(s)).toFixed(2)}；p99 之比：${(p.p99 / s.p99).toFixed(2)}`,
  );
  const pairs = measured.portal.map((r, i) => rate(r) / rate(measured.staff[i] as Round));
  console.log(
    `相邻两轮（先网上申请、后登记）吞吐量之比：${pairs.map((x) => x.toFixed(2)).join("、")}，中位数 ${median(pairs).toFixed(2)}`,
  );
  const cpu = (r: Round) => r.nodeMs + (r.pgMs ?? 0) + r.redisMs;
  console.log(
    `服务端 CPU 每件合计之比（登记 / 网上申请）：${(cpu(s) / cpu(p)).toFixed(2)}（${cpu(s).toFixed(2)} / ${cpu(p).toFixed(2)} ms，受邻近负载的影响比吞吐量小）`,
  );
  const created = (side: Side) => all.filter((r) => r.side === side).reduce((a, r) => a + r.ok, 0);
  const failed = all.reduce((a, r) => a + [...r.errors.values()].reduce((x, y) => x + y, 0), 0);
  const counts = await askCounts(t.server);
  const isPortalRight = counts.onlineSubmissions === created("portal");
  const isStaffRight = counts.applications === created("staff");
  console.log(
    `核对（含预热）：online_submissions ${counts.onlineSubmissions} 行 / 公开接口 201 共 ${created("portal")} 次 ${isPortalRight ? "一致" : "不一致"}；applications ${counts.applications} 行 / 登记接口 201 共 ${created("staff")} 次 ${isStaffRight ? "一致" : "不一致"}${options.files ? `；documents ${counts.documents} 行` : ""}；非201 共 ${failed} 次`,
  );
  return isPortalRight && isStaffRight && failed === 0;
}

async function main(): Promise<number> {
  const base = await mkdtemp(join(tmpdir(), "ogi-bench-portal-"));
  const pg = options.pglite
    ? null
    : await startPrivatePostgres({ baseDir: await mkdtemp(join(tmpdir(), "ogi-bench-pg-")) });
  const redisServer = await startPrivateRedis({ dataDir: join(base, "redis"), appendOnly: false });
  const redis = new Redis(redisServer.url);
  const agent = new http.Agent({ keepAlive: true });
  let server: ChildProcess | undefined;
  try {
    const started = await startServerChild({
      ...(pg ? { DATABASE_URL: await pg.createDatabase("bench") } : {}),
      REDIS_URL: redisServer.url,
      OGI_DATA_DIR: join(base, "data"),
      HOST: "127.0.0.1",
      PORT: "0",
      LOG_LEVEL: "warn",
      OGI_FAKE_NOW: NOW,
    });
    server = started.child;
    const t: Target = {
      url: started.url,
      token: "",
      server,
      pg,
      redis,
      agent,
      nextClient: makeAddresses(ADDRESS_QUOTA),
    };
    t.token = await login(t);
    const size = REQUESTS === undefined ? `每轮 ${SECONDS} 秒` : `每轮 ${REQUESTS} 件`;
    console.log(
      `网上申请提交基准（${pg ? "PostgreSQL 私有实例" : "PGlite 内置"}，Redis 私有实例，API 在子进程中；${CLIENTS} 个并发客户端，keep-alive；${size}；${options.files ? "multipart，每件附一个 PNG" : "JSON"}；预热后两个接口交替各 ${ROUNDS} 轮）`,
    );
    console.log(
      `客户端地址：127.0.0.0/8 的回环地址（localAddress），每个地址最多 ${ADDRESS_QUOTA} 件，即每 IP 限额（${DEFAULT_PORTAL_LIMITS.submissionsPerIp} 件/${DEFAULT_PORTAL_LIMITS.submissionWindowMinutes} 分钟）未放宽；登记接口用同样的地址`,
    );
    const load = () => loadavg()[0]?.toFixed(1);
    const loadBefore = load();
    const isRight = await measure(t);
    console.log(
      `本机 ${cpus().length} 核，1 分钟平均负载：开始 ${loadBefore}，结束 ${load()}（与他人共用时各轮相差很大，以同一次运行中的比值为准）`,
    );
    return isRight ? 0 : 1;
  } finally {
    if (server) await stopServerChild(server);
    agent.destroy();
    redis.disconnect();
    await redisServer.stop();
    await pg?.stop();
    await rm(base, { recursive: true, force: true });
  }
}

process.exitCode = await main();
