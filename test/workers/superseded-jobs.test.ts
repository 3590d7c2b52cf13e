// A moved deadline (issue 13): the write deletes the pending rows of the old date and records
// them in the outbox; the relay (run after each write here, as a worker does for its own) removes
// their delayed jobs from Redis, so no job for a date that no longer holds waits in the queue;
// the new date's jobs are there.
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/create-database.ts";
import { createDeadlineQueue, type DeadlineQueue } from "../../workers/queues.ts";
import { freshPostgresUrl, freshRedisUrl } from "../support/services.ts";
import {
  d,
  makeService,
  openMigratedDatabase,
  register,
  relayingNow,
  type Service,
  seedTown,
  TODAY_INSTANT,
  type TownActors,
} from "./worker-fixtures.ts";

const now = () => new Date(TODAY_INSTANT);

let db: DatabaseHandle;
let redis: Redis;
let queue: DeadlineQueue;
let actors: TownActors;
let service: Service;

beforeAll(async () => {
  const [databaseUrl, redisUrl] = await Promise.all([freshPostgresUrl(), freshRedisUrl()]);
  db = await openMigratedDatabase(databaseUrl);
  redis = new Redis(redisUrl);
  queue = createDeadlineQueue(redisUrl);
  actors = await seedTown(db.db, now);
  service = makeService(db.db, now, { onJobsPlanned: relayingNow(db.db, queue, now) });
});

afterAll(async () => {
  await queue?.close();
  redis?.disconnect();
  await db?.close();
});

/** The case's jobs waiting in Redis for a later day. */
async function delayedJobIds(applicationId: string): Promise<string[]> {
  const ids = await redis.zrange(queue.toKey("delayed"), "0", "-1");
  return ids.filter((id) => id.startsWith(`app-${applicationId}.`)).sort();
}

async function pendingRowIds(applicationId: string): Promise<string[]> {
  const rows = await db.db
    .selectFrom("deadline_jobs")
    .select("job_id")
    .where("application_id", "=", applicationId)
    .where("status", "=", "pending")
    .orderBy("job_id")
    .execute();
  return rows.map((r) => r.job_id);
}

describe("a moved deadline's jobs", () => {
  it("leaves no delayed job for the superseded date in Redis: the queue holds the pending rows' jobs", async () => {
    const app = await register(service, actors, "2026-03-20");
    const first = await delayedJobIds(app.id);
    expect(first.some((id) => id.includes(".reply-overdue."))).toBe(true);
    expect(first).toEqual((await pendingRowIds(app.id)).filter((id) => first.includes(id)));

    // an extension moves the reply date: every reply reminder and the escalation get new ids
    await service.act(actors.approver, app.id, {
      type: "extend",
      on: d("2026-03-25"),
      workdays: 20,
      reason: "需要调取档案",
    });
    const moved = await delayedJobIds(app.id);
    const pending = await pendingRowIds(app.id);
    const superseded = first.filter((id) => !pending.includes(id));
    expect(superseded.length).toBeGreaterThan(0);
    expect(moved.filter((id) => superseded.includes(id))).toEqual([]);
    // what waits in Redis is exactly what the rows plan for a later day
    expect(moved).toEqual(pending.filter((id) => moved.includes(id)));
    expect(moved.some((id) => id.includes(".reply-overdue.") && !first.includes(id))).toBe(true);
  });
});
