// /healthz's report (src/system/health.ts): ready when the database and Redis answer; the
// deadline-job outbox's backlog reported beside them, in words, without making the API unready.
import { Redis } from "ioredis";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type DatabaseHandle } from "../../src/db/create-database.ts";
import { migrateToLatest } from "../../src/db/migrate.ts";
import { checkHealth, OUTBOX_BACKLOG_SECONDS } from "../../src/system/health.ts";
import { redisUrl } from "../support/services.ts";
import { BACKENDS, SETUP_TIMEOUT } from "./helpers/test-app.ts";

describe.each(BACKENDS)("the health report (%s)", (_name, databaseUrl) => {
  let handle: DatabaseHandle;
  let redis: Redis;

  beforeAll(async () => {
    handle = await createDatabase({ databaseUrl: await databaseUrl(), dataDir: "memory://" });
    await migrateToLatest(handle.db);
    redis = new Redis(redisUrl(), { lazyConnect: true, maxRetriesPerRequest: 1 });
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    redis?.disconnect();
    await handle?.close();
  });

  async function addOutboxEntry(ageSeconds: number): Promise<void> {
    await sql`INSERT INTO deadline_job_outbox (application_id, added, dropped, created_at)
      VALUES ('app-x', ARRAY['app-x.reply-overdue.2026-04-20'], '{}', now() - make_interval(secs => ${ageSeconds}))`.execute(
      handle.db,
    );
  }

  it("is ok with an empty outbox, and with entries younger than the limit", async () => {
    expect(await checkHealth(handle.db, redis)).toEqual({
      ok: true,
      details: { database: "ok", redis: "ok", deadlineOutbox: "ok" },
    });
    await addOutboxEntry(5);
    expect((await checkHealth(handle.db, redis)).details.deadlineOutbox).toBe("ok");
  });

  it("reports a backlog older than the limit with its size and age, and stays ready", async () => {
    await sql`DELETE FROM deadline_job_outbox`.execute(handle.db);
    await addOutboxEntry(OUTBOX_BACKLOG_SECONDS + 125);
    await addOutboxEntry(3);
    const report = await checkHealth(handle.db, redis);
    expect(report.ok).toBe(true);
    expect(report.details.deadlineOutbox).toMatch(
      /^期限任务待转交 2 条，最早一条已等待 3 分 (5|6) 秒：请确认工作进程（ogi worker）在运行且能连接 Redis$/,
    );
  });

  it("is not ready when Redis does not answer", async () => {
    const away = new Redis("redis://127.0.0.1:1", {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    away.on("error", () => {});
    const report = await checkHealth(handle.db, away);
    away.disconnect();
    expect(report.ok).toBe(false);
    expect(report.details.database).toBe("ok");
    expect(report.details.redis).not.toBe("ok");
  });
});
