/**
 * `npm run bench:portal`: online submissions per second and p50/p99 latency with 100 concurrent
 * applicants (each its own client address through a trusted proxy's X-Forwarded-For, so the
 * per-address limit of 20 an hour is not what is measured), next to the staff's registration
 * endpoint (`POST /api/v1/applications`, 100 concurrent clerks' requests) in the same run, on
 * PostgreSQL and Redis as `ogi start` runs them. After a warm-up, the median of 3 rounds each,
 * the two endpoints alternating.
 */

import { mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadSettings } from "../config/settings.ts";
import { startPrivatePostgres } from "../src/runtime/private-postgres.ts";
import { startPrivateRedis } from "../src/runtime/private-redis.ts";
import { startSystem } from "../src/system/start-system.ts";

const CLIENTS = 100;
const PER_CLIENT = 5;
const ROUNDS = 3;

interface Round {
  count: number;
  seconds: number;
  p50: number;
  p99: number;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
const rate = (r: Round) => r.count / r.seconds;

function post(
  url: string,
  headers: Record<string, string>,
  body: unknown,
): Promise<{ status: number; text: string }> {
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: "POST",
        agent,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(text),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(text);
  });
}

/** CLIENTS concurrent clients, PER_CLIENT requests each, one after the other; 201 expected. */
async function round(
  send: (client: number, i: number) => Promise<{ status: number; text: string }>,
): Promise<Round> {
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      for (let i = 0; i < PER_CLIENT; i++) {
        const t = performance.now();
        const r = await send(c, i);
        if (r.status !== 201) throw new Error(`${r.status} ${r.text.slice(0, 300)}`);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { count: sorted.length, seconds, p50: at(0.5), p99: at(0.99) };
}

const median = (rounds: Round[]) =>
  [...rounds].sort((a, b) => rate(a) - rate(b))[Math.floor(rounds.length / 2)] as Round;
const line = (name: string, r: Round) =>
  `${name.padEnd(24)} ${String(r.count).padStart(5)} 件 ${rate(r).toFixed(0).padStart(6)} 件/秒  p50 ${r.p50.toFixed(1).padStart(6)} ms  p99 ${r.p99.toFixed(1).padStart(6)} ms`;

const APPLICANT = {
  type: "natural_person",
  name: "基准申请人",
  idType: "resident_id",
  idNumber: "11010519491231002X",
  phone: "13912345678",
};

async function main(): Promise<void> {
  const base = await mkdtemp(join(tmpdir(), "ogi-bench-portal-"));
  const postgres = await startPrivatePostgres({ baseDir: await mkdtemp(join(tmpdir(), "ogi-bench-pg-")) });
  const redis = await startPrivateRedis({ dataDir: join(base, "redis"), appendOnly: false });
  try {
    const settings = loadSettings({
      DATABASE_URL: await postgres.createDatabase("bench"),
      REDIS_URL: redis.url,
      OGI_DATA_DIR: join(base, "data"),
      PORT: "0",
      LOG_LEVEL: "warn",
      TRUST_PROXY: "loopback",
      OGI_FAKE_NOW: "2026-03-20T02:00:00Z",
    });
    const system = await startSystem(settings, {
      http: true,
      workers: false,
      prepare: async (core) => {
        await core.accounts.createAgency({ code: "bench", name: "基准测试镇人民政府", kind: "township" });
        await core.accounts.createUser({
          username: "bench-clerk",
          password: "bench-password",
          displayName: "bench-clerk",
          agencyCode: "bench",
          roles: ["intake"],
        });
      },
    });
    try {
      const url = system.url ?? "";
      const login = await post(
        `${url}/api/v1/auth/login`,
        {},
        { username: "bench-clerk", password: "bench-password" },
      );
      const token = String((JSON.parse(login.text) as { token: string }).token);
      const description = "2025年本镇农村危房改造补助资金的发放名单";
      let r = 0;
      const portal = () => {
        const n = r++;
        return round((c) =>
          post(
            `${url}/api/v1/public/applications`,
            { "x-forwarded-for": `10.${n}.${c >> 8}.${c & 255}` },
            { agencyCode: "bench", applicant: APPLICANT, description },
          ),
        );
      };
      const staff = () =>
        round(() =>
          post(
            `${url}/api/v1/applications`,
            { authorization: `Bearer ${token}` },
            {
              agencyCode: "bench",
              channel: "online",
              receivedOn: "2026-03-20",
              applicant: APPLICANT,
              description,
            },
          ),
        );
      await portal(); // warm-up
      await staff();
      const portalRounds: Round[] = [];
      const staffRounds: Round[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        portalRounds.push(await portal());
        staffRounds.push(await staff());
      }
      const p = median(portalRounds);
      const s = median(staffRounds);
      console.log(
        `网上申请提交基准（PostgreSQL，${CLIENTS} 个并发申请人，每人 ${PER_CLIENT} 件；预热后各取 ${ROUNDS} 轮的中位数）`,
      );
      console.log(line("公开接口 提交网上申请", p));
      console.log(line("工作人员接口 登记申请", s));
      console.log(`吞吐量之比（网上申请 / 登记）：${(rate(p) / rate(s)).toFixed(3)}`);
    } finally {
      await system.stop();
    }
  } finally {
    agent.destroy();
    await redis.stop();
    await postgres.stop();
    await rm(base, { recursive: true, force: true });
  }
}

await main();
