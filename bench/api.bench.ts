/**
 * `npm run bench:api`: actions per second and p50/p99 latency through HTTP with 32 concurrent
 * clients on PostgreSQL, next to a baseline of bare "append event + update row" transactions on
 * the same database in the same run. Prints both and the ratio.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { loadSettings } from "../config/settings.ts";
import { startPrivatePostgres } from "../src/runtime/private-postgres.ts";
import { startPrivateRedis } from "../src/runtime/private-redis.ts";
import { startSystem } from "../src/system/start-system.ts";

const CLIENTS = 32;
const CASES_PER_CLIENT = 4;
/** Consultation start/end pairs per case: 2 actions each. */
const PAIRS_PER_CASE = 5;

interface Stats {
  count: number;
  seconds: number;
  p50: number;
  p99: number;
}

function stats(latencies: number[], seconds: number): Stats {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { count: sorted.length, seconds, p50: at(0.5), p99: at(0.99) };
}

async function timed(fn: () => Promise<void>, into: number[]): Promise<void> {
  const t = performance.now();
  await fn();
  into.push(performance.now() - t);
}

async function post(
  url: string,
  token: string,
  body: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

async function login(base: string, username: string): Promise<string> {
  const r = await post(`${base}/api/v1/auth/login`, "", { username, password: "bench-password" });
  return String(r.json.token);
}

async function runApi(base: string): Promise<Stats> {
  const clerk = await login(base, "bench-clerk");
  const handler = await login(base, "bench-handler");
  const ids: string[] = [];
  for (let i = 0; i < CLIENTS * CASES_PER_CLIENT; i++) {
    const r = await post(`${base}/api/v1/applications`, clerk, {
      agencyCode: "bench",
      channel: "online",
      receivedOn: "2026-03-02",
      applicant: { type: "natural_person", name: `申请人${i}` },
      description: "基准测试申请",
    });
    if (r.status !== 201) throw new Error(`register failed: ${r.status} ${JSON.stringify(r.json)}`);
    ids.push(String(r.json.id));
  }
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      for (const id of ids.slice(c * CASES_PER_CLIENT, (c + 1) * CASES_PER_CLIENT)) {
        for (let p = 1; p <= PAIRS_PER_CASE; p++) {
          for (const body of [
            { type: "start_consultation", on: "2026-03-04", party: "third_party", name: "第三方" },
            { type: "end_consultation", on: "2026-03-04", consultationId: `c${p}` },
          ]) {
            await timed(async () => {
              const r = await post(`${base}/api/v1/applications/${id}/actions`, handler, body);
              if (r.status !== 200) throw new Error(`action failed: ${r.status} ${JSON.stringify(r.json)}`);
            }, latencies);
          }
        }
      }
    }),
  );
  return stats(latencies, (performance.now() - started) / 1000);
}

/** The floor: one transaction appending an event and bumping the row's version, nothing else. */
async function runBaseline(databaseUrl: string, count: number): Promise<Stats> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const { rows } = await pool.query<{ id: string }>("select id from applications order by id limit $1", [
    CLIENTS,
  ]);
  const latencies: number[] = [];
  const perClient = Math.ceil(count / CLIENTS);
  const started = performance.now();
  await Promise.all(
    rows.map(async ({ id }) => {
      for (let i = 0; i < perClient; i++) {
        await timed(async () => {
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
        }, latencies);
      }
    }),
  );
  await pool.end();
  return stats(latencies, (performance.now() - started) / 1000);
}

function line(name: string, s: Stats): string {
  return `${name.padEnd(34)} ${String(s.count).padStart(6)} 次  ${(s.count / s.seconds).toFixed(0).padStart(6)} 次/秒  p50 ${s.p50.toFixed(1).padStart(7)} ms  p99 ${s.p99.toFixed(1).padStart(7)} ms`;
}

async function main(): Promise<void> {
  const base = await mkdtemp(join(tmpdir(), "ogi-bench-"));
  const postgres = await startPrivatePostgres({ baseDir: await mkdtemp(join(tmpdir(), "ogi-bench-pg-")) });
  const redis = await startPrivateRedis({ dataDir: join(base, "redis"), appendOnly: false });
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
    try {
      const api = await runApi(system.url ?? "");
      const baseline = await runBaseline(databaseUrl, api.count);
      console.log(`HTTP 办理操作基准（PostgreSQL，${CLIENTS} 个并发客户端）`);
      console.log(line("API: POST /applications/:id/actions", api));
      console.log(line("基线: 追加事件 + 更新行（裸事务）", baseline));
      console.log(
        `吞吐量之比（API / 基线）：${(api.count / api.seconds / (baseline.count / baseline.seconds)).toFixed(3)}`,
      );
      console.log(`p50 延迟之比（API / 基线）：${(api.p50 / baseline.p50).toFixed(2)}`);
    } finally {
      await system.stop();
    }
  } finally {
    await redis.stop();
    await postgres.stop();
    await rm(base, { recursive: true, force: true });
  }
}

await main();
