// A write that read its case under a row lock, after waiting for another writer's commit, saw
// the row as that writer left it but the deadline rows as they were before (READ COMMITTED: the
// statement's snapshot). The write deletes the pending rows it no longer plans as it finds them,
// so a row the other writer added and this one does not plan does not stay pending.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/create-database.ts";
import { SETUP_TIMEOUT } from "../http/helpers/test-app.ts";
import { freshPostgresUrl } from "../support/services.ts";
import {
  openTown,
  registerSupplementOverdue,
  type Service,
  type TownActors,
} from "../workers/worker-fixtures.ts";

describe("a locked read that waited for another writer (PostgreSQL)", () => {
  let town: Awaited<ReturnType<typeof openTown>>;
  let handle: DatabaseHandle;
  let service: Service;
  let actors: TownActors;

  beforeAll(async () => {
    town = await openTown(await freshPostgresUrl());
    ({ handle, service, actors } = town);
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await town?.handle.close();
  });

  it("deletes a pending row the other writer added that it does not plan", async () => {
    const id = await registerSupplementOverdue(service, actors);
    const stray = `app-${id}.supplementWindow-remind-9wd.2020-01-20`;
    let release: () => void = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    let locked: () => void = () => {};
    const isLocked = new Promise<void>((r) => {
      locked = r;
    });
    // the other writer: holds the case row, adds a deadline row, commits when told
    const other = handle.db.transaction().execute(async (trx) => {
      await sql`UPDATE applications SET updated_at = now() WHERE id = ${id}`.execute(trx);
      await sql`INSERT INTO deadline_jobs (job_id, application_id, kind, run_on, payload, status)
        VALUES (${stray}, ${id}, 'deadline.reminder', '2020-01-13',
          '{"v":1,"clock":"supplementWindow","dueOn":"2020-01-20","offset":9}', 'pending')`.execute(trx);
      locked();
      await held;
    });
    await isLocked;
    // this writer: the automatic batch reads and locks the case (waits), then writes its owed event
    const batch = service.inTransaction((ops) => ops.applyAutomaticEventsToEach([id]));
    // the batch's read is waiting on the row lock when the other writer commits
    await waitForLockWait(handle);
    release();
    await other;
    expect((await batch).get(id)).toBe(1);
    const rows = await handle.db
      .selectFrom("deadline_jobs")
      .select(["job_id", "status"])
      .where("application_id", "=", id)
      .where("status", "=", "pending")
      .execute();
    expect(rows.map((r) => r.job_id)).not.toContain(stray);
    const outbox = await handle.db
      .selectFrom("deadline_job_outbox")
      .select("dropped")
      .where("application_id", "=", id)
      .execute();
    expect(outbox.flatMap((o) => o.dropped)).toContain(stray);
  });
});

/** Until some backend waits for a row lock (the batch's read behind the other writer). */
async function waitForLockWait(handle: DatabaseHandle): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE wait_event_type = 'Lock' AND datname = current_database()`.execute(handle.db);
    if ((r.rows[0]?.n ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error("the batch's read never waited for the row lock");
}
