// The API's case reads (no lock) that arrive in the same turn of the event loop go to the
// database as one statement (src/services/case-read-coalescer.ts); alone, a read is the
// single-case statement. Each caller gets the case as loadCase gives it, its own copy.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeCaseReadCoalescer } from "../../src/services/case-read-coalescer.ts";
import { loadCase } from "../../src/services/case-store.ts";
import { BACKENDS, SETUP_TIMEOUT } from "../http/helpers/test-app.ts";
import { openTown, register, statementName } from "../workers/worker-fixtures.ts";

describe.each(BACKENDS)("coalesced case reads (%s)", (_name, databaseUrl) => {
  let town: Awaited<ReturnType<typeof openTown>>;

  beforeAll(async () => {
    town = await openTown(await databaseUrl());
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await town?.handle.close();
  });

  it("reads asked in one turn share one statement; each caller gets its own copy; an unknown id gets nothing", async () => {
    const a = (await register(town.service, town.actors, "2026-03-02")).id;
    const b = (await register(town.service, town.actors, "2026-03-03")).id;
    const read = makeCaseReadCoalescer(town.handle.db);
    town.statements.length = 0;
    const [ra, rb, ra2, none] = await Promise.all([read(a), read(b), read(a), read("no-such-case")]);
    expect(town.statements.map(statementName)).toEqual(["cases-read"]);
    expect(ra).toEqual(await loadCase(town.handle.db, a, "write"));
    expect(rb).toEqual(await loadCase(town.handle.db, b, "write"));
    expect(ra2).toEqual(ra);
    expect(ra2).not.toBe(ra);
    expect(ra2?.row).not.toBe(ra?.row);
    expect(none).toBeUndefined();
    // alone in its turn: the single-case statement
    town.statements.length = 0;
    expect((await read(b))?.row.id).toBe(b);
    expect(town.statements.map(statementName)).toEqual(["case-read"]);
  });

  it("a statement that fails fails every read it carried, and the next turn reads again", async () => {
    const a = (await register(town.service, town.actors, "2026-03-02")).id;
    const read = makeCaseReadCoalescer(town.handle.db);
    // PostgreSQL refuses a NUL character in text: the shared statement fails
    const results = await Promise.allSettled([read(a), read("bad\u0000id")]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect((await read(a))?.row.id).toBe(a);
  });
});
