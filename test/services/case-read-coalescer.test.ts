// The API's case reads (no lock) that arrive in the same turn of the event loop go to the
// database as one statement (src/services/case-read-coalescer.ts); alone, a read is the
// single-case statement. Each caller gets the case as loadCase gives it, its own copy.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type DatabaseHandle } from "../../src/db/create-database.ts";
import { migrateToLatest } from "../../src/db/migrate.ts";
import { makeCaseReadCoalescer } from "../../src/services/case-read-coalescer.ts";
import { loadCase } from "../../src/services/case-store.ts";
import { BACKENDS, SETUP_TIMEOUT } from "../http/helpers/test-app.ts";
import {
  makeService,
  register,
  type Service,
  seedTown,
  TODAY_INSTANT,
  type TownActors,
} from "../workers/worker-fixtures.ts";

const now = () => new Date(TODAY_INSTANT);
const named = (sql: string) => /^\/\* ogi:([a-z-]+) \*\//.exec(sql)?.[1] ?? sql.slice(0, 30);

describe.each(BACKENDS)("coalesced case reads (%s)", (_name, databaseUrl) => {
  let handle: DatabaseHandle;
  let statements: string[] = [];
  let service: Service;
  let actors: TownActors;

  beforeAll(async () => {
    handle = await createDatabase({
      databaseUrl: await databaseUrl(),
      dataDir: "memory://",
      observeStatements: (sql) => statements.push(sql),
    });
    await migrateToLatest(handle.db);
    actors = await seedTown(handle.db, now);
    service = makeService(handle.db, now);
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await handle?.close();
  });

  it("reads asked in one turn share one statement; each caller gets its own copy; an unknown id gets nothing", async () => {
    const a = (await register(service, actors, "2026-03-02")).id;
    const b = (await register(service, actors, "2026-03-03")).id;
    const read = makeCaseReadCoalescer(handle.db);
    statements = [];
    const [ra, rb, ra2, none] = await Promise.all([read(a), read(b), read(a), read("no-such-case")]);
    expect(statements.map(named)).toEqual(["cases-read"]);
    expect(ra).toEqual(await loadCase(handle.db, a, "write"));
    expect(rb).toEqual(await loadCase(handle.db, b, "write"));
    expect(ra2).toEqual(ra);
    expect(ra2).not.toBe(ra);
    expect(ra2?.row).not.toBe(ra?.row);
    expect(none).toBeUndefined();
    // alone in its turn: the single-case statement
    statements = [];
    expect((await read(b))?.row.id).toBe(b);
    expect(statements.map(named)).toEqual(["case-read"]);
  });

  it("a statement that fails fails every read it carried, and the next turn reads again", async () => {
    const a = (await register(service, actors, "2026-03-02")).id;
    const read = makeCaseReadCoalescer(handle.db);
    // PostgreSQL refuses a NUL character in text: the shared statement fails
    const results = await Promise.allSettled([read(a), read("bad\u0000id")]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect((await read(a))?.row.id).toBe(a);
  });
});
