/**
 * Migration 0008 (issue 10, hole 4): the bearer tokens that web logins issued beside their
 * session before the fix are revoked; API clients' tokens and every session stay. On both
 * databases, from a schema at 0007 with tokens as the old login wrote them.
 */
import { sql } from "kysely";
import { type Migration, Migrator } from "kysely/migration";
import { describe, expect, it } from "vitest";
import { createDatabase } from "../../src/db/create-database.ts";
import { migrateToLatest } from "../../src/db/migrate.ts";
import * as m0001 from "../../src/db/migrations/0001-initial.ts";
import * as m0002 from "../../src/db/migrations/0002-letters.ts";
import * as m0003 from "../../src/db/migrations/0003-worklist-index.ts";
import * as m0004 from "../../src/db/migrations/0004-awaiting-approval.ts";
import * as m0005 from "../../src/db/migrations/0005-superseded-events.ts";
import * as m0007 from "../../src/db/migrations/0007-agency-letter-settings.ts";
import { BACKENDS, SETUP_TIMEOUT } from "../http/helpers/test-app.ts";

const BEFORE_0008: Record<string, Migration> = {
  "0001-initial": m0001,
  "0002-letters": m0002,
  "0003-worklist-index": m0003,
  "0004-awaiting-approval": m0004,
  "0005-superseded-events": m0005,
  "0007-agency-letter-settings": m0007,
};

describe.each(BACKENDS)("migration 0008 and the web logins' old bearer tokens (%s)", (_name, databaseUrl) => {
  it(
    "revokes a bearer token issued with a session, keeps API clients' tokens and the sessions",
    async () => {
      const handle = await createDatabase({ databaseUrl: await databaseUrl(), dataDir: "memory://" });
      try {
        const db = handle.db;
        const migrator = new Migrator({
          db,
          provider: { getMigrations: async () => BEFORE_0008 },
          migrationTableName: "ogi_migrations",
          migrationLockTableName: "ogi_migrations_lock",
        });
        const { error } = await migrator.migrateToLatest();
        expect(error).toBeUndefined();
        await sql`INSERT INTO agencies (code, name, kind, path) VALUES ('town', '某镇', 'township', '/town/')`.execute(
          db,
        );
        await sql`INSERT INTO users (username, password_hash, display_name, agency_id, roles)
                  VALUES ('clerk', 'x', '王登记', 1, '["intake"]'), ('robot', 'x', '接口', 1, '["handler"]')`.execute(
          db,
        );
        const token = (hash: string, user: number, kind: string, createdAt: string) =>
          sql`INSERT INTO auth_tokens (token_hash, user_id, kind, csrf_token, expires_at, created_at)
              VALUES (${hash}, ${user}, ${kind}, ${kind === "session" ? "c" : null}, '2026-12-31T00:00:00Z', ${createdAt})`.execute(
            db,
          );
        // A web login: the bearer token, then its session 12 ms later (the old login route).
        await token("web-bearer", 1, "bearer", "2026-03-20T02:00:00.000Z");
        await token("web-session", 1, "session", "2026-03-20T02:00:00.012Z");
        // The same user's API client an hour later, and another user's API client.
        await token("clerk-api", 1, "bearer", "2026-03-20T03:00:00.000Z");
        await token("robot-api", 2, "bearer", "2026-03-20T02:00:00.005Z");
        // A session made long after a bearer token of the same user: not that login's.
        await token("clerk-later-session", 1, "session", "2026-03-20T03:00:30.000Z");

        const applied = await migrateToLatest(db);
        expect(applied).toContain("0008-account-security");
        const left = await sql<{
          token_hash: string;
        }>`SELECT token_hash FROM auth_tokens ORDER BY token_hash`.execute(db);
        expect(left.rows.map((r) => r.token_hash)).toEqual([
          "clerk-api",
          "clerk-later-session",
          "robot-api",
          "web-session",
        ]);
        const flags = await sql<{
          must_change_password: boolean;
        }>`SELECT must_change_password FROM users`.execute(db);
        expect(flags.rows.map((r) => r.must_change_password)).toEqual([false, false]);
      } finally {
        await handle.close();
      }
    },
    SETUP_TIMEOUT,
  );
});
