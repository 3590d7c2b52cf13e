// The deadline worker's automatic batch (issue 13): its cases are read and locked in ONE
// statement (loadCases, primary-key order), then written through the one write path together: one
// statement for all their writes (writeCaseRows).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/create-database.ts";
import { loadCase, loadCases } from "../../src/services/case-store.ts";
import { BACKENDS, SETUP_TIMEOUT } from "../http/helpers/test-app.ts";
import {
  eventsOf,
  openTown,
  registerSupplementOverdue,
  type Service,
  type TownActors,
} from "../workers/worker-fixtures.ts";

describe.each(BACKENDS)("an automatic batch reads its cases in one statement (%s)", (_name, databaseUrl) => {
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

  it("loadCases gives each case as loadCase gives it, in primary-key order, leaving out unknown ids", async () => {
    const ids = [
      await registerSupplementOverdue(service, actors),
      await registerSupplementOverdue(service, actors),
      await registerSupplementOverdue(service, actors),
    ];
    const asked = [ids[2], "no-such-case", ids[0], ids[1], ids[2]] as string[];
    const { many, one } = await handle.db.transaction().execute(async (trx) => ({
      many: await loadCases(trx, asked, "lock"),
      one: await Promise.all([...ids].sort().map((id) => loadCase(trx, id, "lock"))),
    }));
    expect(many.map((c) => c.row.id)).toEqual([...ids].sort());
    expect(many).toEqual(one);
    expect(many.every((c) => (c.pendingJobIds ?? []).length > 0)).toBe(true);
    expect(await loadCases(handle.db, [], "write")).toEqual([]);
  });

  it("applies each case's owed events after one read of them all; a second pass owes nothing", async () => {
    const ids = [
      await registerSupplementOverdue(service, actors),
      await registerSupplementOverdue(service, actors),
      await registerSupplementOverdue(service, actors),
    ];
    town.statements.length = 0;
    const counts = await service.inTransaction((ops) =>
      ops.applyAutomaticEventsToEach([ids[1], ids[0], ids[2], ids[1]] as string[]),
    );
    const sent = [...town.statements];
    expect([...counts.entries()].sort()).toEqual(ids.map((id) => [id, 1]).sort());
    const reads = sent.filter((s) => /^\/\* ogi:case(s)?-read(-lock)? \*\//.test(s));
    expect(reads.map((s) => /^\/\* ogi:([a-z-]+)/.exec(s)?.[1])).toEqual(["cases-read-lock"]);
    expect(reads[0]).toMatch(/ORDER BY a\.id\s+FOR NO KEY UPDATE OF a/);
    // and written together: the three cases' writes are one statement
    const writes = sent.filter((s) => /^\/\* ogi:case-write/.test(s));
    expect(writes.map((s) => /^\/\* ogi:([a-z-]+)/.exec(s)?.[1])).toEqual(["case-write-batch"]);
    for (const id of ids) {
      const types = (await eventsOf(handle.db, id)).map((e) => e.type);
      expect(types.filter((t) => t === "supplement.expired")).toEqual(["supplement.expired"]);
    }
    const again = await service.inTransaction((ops) => ops.applyAutomaticEventsToEach(ids));
    expect([...again.values()]).toEqual([0, 0, 0]);
  });

  it("a missing case rolls the whole batch back", async () => {
    const id = await registerSupplementOverdue(service, actors);
    await expect(
      service.inTransaction((ops) => ops.applyAutomaticEventsToEach([id, "no-such-case"])),
    ).rejects.toThrow();
    expect((await eventsOf(handle.db, id)).map((e) => e.type)).not.toContain("supplement.expired");
  });
});
