import fc from "fast-check";
import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/schema.ts";
import { isChineseError, registerBody } from "./helpers/fixtures.ts";
import { type FuzzEndpoint, fuzzEndpoints } from "./helpers/fuzz-endpoints.ts";
import { BACKENDS, SETUP_TIMEOUT, startTestApp, type TestApp } from "./helpers/test-app.ts";

/** Every table's row count and a digest of its whole contents. */
async function snapshot(db: Kysely<Database>): Promise<Record<string, string>> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const out: Record<string, string> = {};
  for (const { name } of tables.rows) {
    const r = await sql<{ n: string; digest: string | null }>`
      select count(*)::text as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest
      from ${sql.table(name)} t`.execute(db);
    out[name] = `${r.rows[0]?.n}:${r.rows[0]?.digest}`;
  }
  return out;
}

describe.each(BACKENDS)("malformed bodies to every write endpoint (%s)", (_name, databaseUrl) => {
  let t: TestApp;
  let endpoints: FuzzEndpoint[];
  beforeAll(async () => {
    t = await startTestApp(await databaseUrl());
    const app = await t.call<{ id: string }>("POST", "/api/v1/applications", {
      as: "clerk",
      body: registerBody(),
    });
    const appeal = await t.call<{ id: string }>("POST", `/api/v1/applications/${app.body.id}/appeals`, {
      as: "handler",
      body: { kind: "administrative_review", filedOn: "2026-03-10" },
    });
    const year = await t.call<Record<string, unknown>>("GET", "/api/v1/calendar/2026", { as: "admin" });
    const { holidayNames: _h, workdayNames: _w, ...calendarYear } = year.body;
    endpoints = fuzzEndpoints({ applicationId: app.body.id, appealId: appeal.body.id, calendarYear });
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await t?.close();
  });

  it("answers every one with a Chinese 4xx error and changes nothing in the database", async () => {
    const before = await snapshot(t.db);
    let sent = 0;
    for (const e of endpoints) {
      await fc.assert(
        fc.asyncProperty(e.body, async (wire) => {
          const rawBody = "raw" in wire ? wire.raw : JSON.stringify(wire.json);
          const r = await t.call(e.method, e.path, { as: e.as, rawBody });
          sent++;
          const what = `${e.name} ${rawBody.slice(0, 300)} → ${r.status} ${JSON.stringify(r.body)}`;
          expect(r.status, what).toBeGreaterThanOrEqual(400);
          expect(r.status, what).toBeLessThan(500);
          expect(isChineseError(r.body), what).toBe(true);
        }),
        { numRuns: e.runs },
      );
    }
    expect(sent).toBeGreaterThanOrEqual(2000);
    expect(await snapshot(t.db)).toEqual(before);
  }, 120_000);
});
