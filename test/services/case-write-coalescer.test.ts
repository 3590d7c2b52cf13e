// API actions on different cases that reach their write in the same turn of the event loop are
// written by ONE statement (src/services/case-write-coalescer.ts, writeCaseRows), each case as
// its own statement would have written it; actions on one case still take turns (409 with
// expectedVersion); a shared statement that fails is sent again write by write.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/create-database.ts";
import type { Actor } from "../../src/services/actor.ts";
import { BACKENDS, SETUP_TIMEOUT } from "../http/helpers/test-app.ts";
import {
  d,
  openTown,
  register,
  type Service,
  statementName,
  type TownActors,
} from "../workers/worker-fixtures.ts";

const consult = {
  type: "start_consultation",
  on: d("2026-03-25"),
  party: "third_party",
  name: "第三方",
} as const;

describe.each(BACKENDS)("coalesced case writes (%s)", (_name, databaseUrl) => {
  let town: Awaited<ReturnType<typeof openTown>>;
  let handle: DatabaseHandle;
  let service: Service;
  let actors: TownActors;

  beforeAll(async () => {
    town = await openTown(await databaseUrl());
    ({ handle, service, actors } = town);
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await town?.handle.close();
  });

  /** What a case's write left, its id written as `<id>`: events, pending deadline rows, outbox. */
  async function traceOf(id: string) {
    const anon = (s: string) => s.replaceAll(id, "<id>");
    const events = await handle.db
      .selectFrom("application_events")
      .select(["seq", "type", "actor_name", "effective_on", "payload", "superseded_by_seq"])
      .where("application_id", "=", id)
      .orderBy("seq")
      .execute();
    const jobs = await handle.db
      .selectFrom("deadline_jobs")
      .select(["job_id", "kind", "run_on", "payload", "status"])
      .where("application_id", "=", id)
      .orderBy("job_id")
      .execute();
    const outbox = await handle.db
      .selectFrom("deadline_job_outbox")
      .select(["added", "dropped"])
      .where("application_id", "=", id)
      .orderBy("seq")
      .execute();
    const row = await handle.db
      .selectFrom("applications")
      .select([
        "version",
        "state",
        "reply_due_on",
        "next_due_on",
        "next_due_clock",
        "open_clocks",
        "snapshot",
      ])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    return JSON.parse(anon(JSON.stringify({ events, jobs: jobs.map((j) => ({ ...j })), outbox, row })));
  }

  it("writes several cases' actions in one statement, each case as its own statement would", async () => {
    const alone = (await register(service, actors, "2026-03-02")).id;
    const together = [];
    for (let i = 0; i < 4; i++) together.push((await register(service, actors, "2026-03-02")).id);
    await service.actMinimal(actors.handler, alone, consult);
    town.statements.length = 0;
    const answers = await Promise.all(together.map((id) => service.actMinimal(actors.handler, id, consult)));
    expect(town.statements.map(statementName)).toEqual(["cases-read", "case-write-batch"]);
    expect(answers.map((a) => [a.version, a.state, a.events.map((e) => e.type)])).toEqual(
      together.map(() => [2, "in_progress", ["consultation.started"]]),
    );
    const expected = await traceOf(alone);
    for (const id of together) expect(await traceOf(id)).toEqual(expected);
  });

  it("actions on one case take turns: with the version read, the later one is refused (409)", async () => {
    const id = (await register(service, actors, "2026-03-02")).id;
    const results = await Promise.allSettled([
      service.actMinimal(actors.handler, id, { ...consult, expectedVersion: 1 }),
      service.actMinimal(actors.handler, id, { ...consult, name: "另一第三方", expectedVersion: 1 }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "version_conflict" });
    // without it, both are written, one after the other
    const [a, b] = await Promise.all([
      service.actMinimal(actors.handler, id, {
        type: "end_consultation",
        on: d("2026-03-25"),
        consultationId: "c1",
      }),
      service.actMinimal(actors.handler, id, { ...consult, name: "第三人" }),
    ]);
    expect([a.version, b.version].sort()).toEqual([3, 4]);
    const types = await handle.db
      .selectFrom("application_events")
      .select("type")
      .where("application_id", "=", id)
      .orderBy("seq")
      .execute();
    expect(types.map((t) => t.type).slice(0, 2)).toEqual(["application.registered", "consultation.started"]);
    expect(types).toHaveLength(4);
  });

  it("a shared statement that fails is sent again write by write: only the faulty one fails", async () => {
    const good = (await register(service, actors, "2026-03-02")).id;
    const bad = (await register(service, actors, "2026-03-02")).id;
    // an actor whose user row is gone: its event breaks the actor foreign key
    const ghost: Actor = { ...actors.handler, userId: 999_999 };
    town.statements.length = 0;
    const results = await Promise.allSettled([
      service.actMinimal(actors.handler, good, consult),
      service.actMinimal(ghost, bad, consult),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected"]);
    expect(town.statements.map(statementName)).toContain("case-write-batch");
    const versions = await sql<{ id: string; version: number }>`SELECT id, version FROM applications
      WHERE id IN (${good}, ${bad})`.execute(handle.db);
    expect(Object.fromEntries(versions.rows.map((r) => [r.id, r.version]))).toEqual({ [good]: 2, [bad]: 1 });
  });
});
