import type { Redis } from "ioredis";
import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema.ts";

/**
 * How long the oldest deadline-job outbox entry may wait before /healthz reports a backlog:
 * a worker relays its own writes at once and the API's within OGI_OUTBOX_INTERVAL_MS (0.5 s),
 * so a minute means no worker is relaying (an API process started without `ogi worker`, or the
 * workers cannot reach Redis).
 */
export const OUTBOX_BACKLOG_SECONDS = 60;

export interface HealthReport {
  ok: boolean;
  details: Record<string, string>;
}

/**
 * /healthz: ready when the database and Redis answer. The deadline-job outbox's backlog is
 * reported beside them (`deadlineOutbox`) but does not make the API unready: the API still
 * serves while no worker relays, and deadlines catch up once one does.
 */
export async function checkHealth(db: Kysely<Database>, redis: Redis): Promise<HealthReport> {
  const details: Record<string, string> = {};
  let ok = true;
  try {
    await sql`select 1`.execute(db);
    details.database = "ok";
  } catch (e) {
    ok = false;
    details.database = (e as Error).message;
  }
  try {
    if (redis.status === "wait") await redis.connect();
    await redis.ping();
    details.redis = "ok";
  } catch (e) {
    ok = false;
    details.redis = (e as Error).message;
  }
  if (details.database === "ok") details.deadlineOutbox = await outboxBacklog(db);
  return { ok, details };
}

/**
 * "ok", or the backlog in words an administrator can act on. Waiting time by the database's
 * clock (the entries' created_at is), not the application's (OGI_FAKE_NOW in a demo).
 */
export async function outboxBacklog(db: Kysely<Database>): Promise<string> {
  try {
    const oldest = await sql<{
      waited: number;
    }>`SELECT floor(extract(epoch FROM now() - created_at))::int AS waited
      FROM deadline_job_outbox ORDER BY seq LIMIT 1`.execute(db);
    const waited = oldest.rows[0]?.waited;
    if (waited === undefined || waited < OUTBOX_BACKLOG_SECONDS) return "ok";
    const counted = await sql<{ n: number }>`SELECT count(*)::int AS n FROM
      (SELECT 1 FROM deadline_job_outbox LIMIT 100001) AS o`.execute(db);
    const n = counted.rows[0]?.n ?? 0;
    return `期限任务待转交 ${n > 100_000 ? "超过 100000" : n} 条，最早一条已等待 ${Math.floor(waited / 60)} 分 ${waited % 60} 秒：请确认工作进程（ogi worker）在运行且能连接 Redis`;
  } catch (e) {
    return (e as Error).message;
  }
}
