// Job planning off the request path (issue 13): a case write records its deadline-row changes in
// the outbox, in the same statement, and calls no Redis; the workers' relay hands them to BullMQ
// from the rows' state at that moment, then deletes the entries. Real PostgreSQL and Redis.
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/create-database.ts";
import type { CivilDate } from "../../src/domain/civil-date.ts";
import { findFreePort } from "../../src/runtime/free-port.ts";
import { runAtMillis } from "../../workers/enqueue-planned-jobs.ts";
import { createDeadlineQueue, type DeadlineQueue } from "../../workers/queues.ts";
import { relayDeadlineOutbox } from "../../workers/relay-deadline-outbox.ts";
import { withRedisLock } from "../../workers/with-redis-lock.ts";
import { freshPostgresUrl, freshQueuePrefix, freshRedisUrl } from "../support/services.ts";
import {
  collectingLogger,
  d,
  makeService,
  openMigratedDatabase,
  register,
  type Service,
  seedTown,
  TODAY_INSTANT,
  type TownActors,
} from "./worker-fixtures.ts";

const now = () => new Date(TODAY_INSTANT);

let db: DatabaseHandle;
let redisUrl: string;
let redis: Redis;
let queue: DeadlineQueue;
let actors: TownActors;
/** As the API process wires it: no job sink, so nothing but the database is written. */
let api: Service;

beforeAll(async () => {
  let databaseUrl: string;
  [databaseUrl, redisUrl] = await Promise.all([freshPostgresUrl(), freshRedisUrl()]);
  db = await openMigratedDatabase(databaseUrl);
  redis = new Redis(redisUrl);
  queue = createDeadlineQueue(redisUrl);
  actors = await seedTown(db.db, now);
  api = makeService(db.db, now);
});

afterAll(async () => {
  await queue?.close();
  redis?.disconnect();
  await db?.close();
});

const relay = (q: DeadlineQueue = queue, redisTimeoutMs?: number) =>
  relayDeadlineOutbox({ db: db.db, queue: q, now, jobHour: 0, redisTimeoutMs });

async function outbox(applicationId: string) {
  return db.db
    .selectFrom("deadline_job_outbox")
    .select(["seq", "added", "dropped"])
    .where("application_id", "=", applicationId)
    .orderBy("seq")
    .execute();
}

async function pendingRows(applicationId: string): Promise<string[]> {
  const rows = await db.db
    .selectFrom("deadline_jobs")
    .select("job_id")
    .where("application_id", "=", applicationId)
    .where("status", "=", "pending")
    .orderBy("job_id")
    .execute();
  return rows.map((r) => r.job_id);
}

/** The case's jobs in Redis that have not run: delayed to a later day, or waiting (due). */
async function queuedJobs(applicationId: string): Promise<string[]> {
  const delayed = await redis.zrange(queue.toKey("delayed"), "0", "-1");
  const waiting = await redis.lrange(queue.toKey("wait"), "0", "-1");
  return [...delayed, ...waiting].filter((id) => id.startsWith(`app-${applicationId}.`)).sort();
}

/** An extension moves the reply date: every reply reminder and the escalation get new ids. */
const extend = (id: string) =>
  api.act(actors.approver, id, { type: "extend", on: d("2026-03-25"), workdays: 20, reason: "需要调取档案" });

describe("the deadline-job outbox", () => {
  it("runs a job at jobHour:00 China time on its day", () => {
    expect(new Date(runAtMillis("2026-03-27" as CivilDate, 0)).toISOString()).toBe(
      "2026-03-26T16:00:00.000Z",
    );
    expect(new Date(runAtMillis("2026-03-27" as CivilDate, 9)).toISOString()).toBe(
      "2026-03-27T01:00:00.000Z",
    );
  });

  it("a case write calls no Redis: the rows it inserted and deleted wait in the outbox", async () => {
    const before = await redis.dbsize();
    const app = await register(api, actors, "2026-03-20");
    const registered = await pendingRows(app.id);
    await extend(app.id);
    const extended = await pendingRows(app.id);
    expect(await redis.dbsize()).toBe(before);
    const entries = await outbox(app.id);
    expect(entries).toHaveLength(2);
    expect([...(entries[0]?.added ?? [])].sort()).toEqual(registered);
    expect(entries[0]?.dropped).toEqual([]);
    // the extension: the new date's rows in, the old date's pending rows out
    const moved = registered.filter((id) => !extended.includes(id));
    expect(moved.length).toBeGreaterThan(0);
    expect([...(entries[1]?.dropped ?? [])].sort()).toEqual(moved);
    expect([...(entries[1]?.added ?? [])].sort()).toEqual(extended.filter((id) => !registered.includes(id)));
  });

  it("the relay adds the pending rows' jobs, delayed to their day, none for a superseded date, then empties the outbox", async () => {
    const app = await register(api, actors, "2026-03-20");
    const first = await pendingRows(app.id);
    await extend(app.id);
    const run = await relay();
    expect(run.mode).toBe("ran");
    const pending = await pendingRows(app.id);
    expect(await queuedJobs(app.id)).toEqual(pending);
    expect(first.filter((id) => !pending.includes(id)).length).toBeGreaterThan(0);
    expect(await outbox(app.id)).toEqual([]);
    const overdue = pending.find((id) => id.includes(".reply-overdue."));
    const job = await queue.getJob(overdue ?? "");
    expect(job?.name).toBe("deadline.overdue");
    expect(job?.data).toEqual({ v: 1, jobId: overdue, applicationId: app.id, kind: "deadline.overdue" });
    expect(job?.opts.attempts).toBe(10);
    const { run_on } = await db.db
      .selectFrom("deadline_jobs")
      .select("run_on")
      .where("job_id", "=", overdue ?? "")
      .executeTakeFirstOrThrow();
    const runOn = run_on as CivilDate;
    // delayed from the relay's clock (the test's 2026-03-26 12:00) to 00:00 China time on its day
    expect(job?.delay).toBe(runAtMillis(runOn, 0) - now().getTime());
  });

  it("relayed between the writes or after both, the queue ends the same: the superseded jobs removed", async () => {
    const app = await register(api, actors, "2026-03-20");
    await relay();
    const registered = await queuedJobs(app.id);
    expect(registered).toEqual(await pendingRows(app.id));
    await extend(app.id);
    const run = await relay();
    const pending = await pendingRows(app.id);
    const superseded = registered.filter((id) => !pending.includes(id));
    expect(superseded.length).toBeGreaterThan(0);
    expect(run).toMatchObject({ mode: "ran", entries: 1, removed: superseded.length });
    expect(await queuedJobs(app.id)).toEqual(pending);
    // a second pass finds nothing to do
    expect(await relay()).toEqual({ mode: "ran", entries: 0, added: 0, removed: 0 });
  });

  it("a row inserted and deleted by writes of one page asks Redis nothing: no job added, none removed", async () => {
    const app = await register(api, actors, "2026-03-20");
    await relay();
    const registered = await queuedJobs(app.id);
    await extend(app.id);
    await api.act(actors.handler, app.id, {
      type: "start_consultation",
      on: d("2026-03-25"),
      party: "third_party",
      name: "第三方",
    });
    const [extended, consulting] = await outbox(app.id);
    // the extension's reply rows: inserted by the extension, deleted by the consultation (paused)
    const bornAndGone = (extended?.added ?? []).filter((id) => consulting?.dropped.includes(id));
    expect(bornAndGone.length).toBeGreaterThan(0);
    const asked: string[] = [];
    const counting = createDeadlineQueue(redisUrl);
    const remove = counting.remove.bind(counting);
    counting.remove = (id: string, opts?: { removeChildren?: boolean }) => {
      asked.push(id);
      return remove(id, opts);
    };
    try {
      const run = await relay(counting);
      expect(run).toMatchObject({ mode: "ran", entries: 2 });
    } finally {
      await counting.close();
    }
    // the registration's superseded jobs are removed; the rows born and gone in the page are not asked for
    expect(asked.filter((id) => bornAndGone.includes(id))).toEqual([]);
    const pending = await pendingRows(app.id);
    expect(asked.sort()).toEqual(registered.filter((id) => !pending.includes(id)));
    expect(await queuedJobs(app.id)).toEqual(pending);
  });

  it("a relay that cannot reach Redis fails within its timeout and leaves the entries; the next one relays them", async () => {
    const app = await register(api, actors, "2026-03-20");
    const dead = createDeadlineQueue(`redis://127.0.0.1:${await findFreePort()}`, {
      prefix: freshQueuePrefix(),
    });
    dead.on("error", () => {}); // connection refused, expected here
    const started = Date.now();
    await expect(relay(dead, 300)).rejects.toThrow(/did not answer within 300 ms/);
    expect(Date.now() - started).toBeLessThan(3000);
    await dead.close();
    expect(await outbox(app.id)).toHaveLength(1);
    expect(await queuedJobs(app.id)).toEqual([]);
    await relay();
    expect(await outbox(app.id)).toEqual([]);
    expect(await queuedJobs(app.id)).toEqual(await pendingRows(app.id));
  });

  it("one relay at a time: while another holds the lock a pass is skipped and the entries wait for it", async () => {
    const app = await register(api, actors, "2026-03-20");
    const held = await withRedisLock(queue, "outbox-relay-lock", collectingLogger(), 1000, async () =>
      relay(),
    );
    expect(held).toEqual({ mode: "ran", value: { mode: "skipped" } });
    expect(await outbox(app.id)).toHaveLength(1);
    expect((await relay()).mode).toBe("ran");
    expect(await outbox(app.id)).toEqual([]);
  });
});
