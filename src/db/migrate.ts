import type { Kysely } from "kysely";
import { type Migration, type MigrationProvider, Migrator } from "kysely/migration";
import * as m0001 from "./migrations/0001-initial.ts";
import * as m0002 from "./migrations/0002-letters.ts";
import * as m0003 from "./migrations/0003-worklist-index.ts";
import * as m0004 from "./migrations/0004-awaiting-approval.ts";
import * as m0005 from "./migrations/0005-superseded-events.ts";
import * as m0007 from "./migrations/0007-agency-letter-settings.ts";
import * as m0008 from "./migrations/0008-account-security.ts";
import * as m0009 from "./migrations/0009-access-log.ts";
import * as m0010 from "./migrations/0010-issued-letters.ts";
import * as m0012 from "./migrations/0012-worklist-clock.ts";
import * as m0014 from "./migrations/0014-registration.ts";
import * as m0015 from "./migrations/0015-hot-actions.ts";
import * as m0017 from "./migrations/0017-documents.ts";
import * as m0018 from "./migrations/0018-online-submissions.ts";
import * as m0019 from "./migrations/0019-applicant-notices.ts";
import * as m0020 from "./migrations/0020-deadline-outbox.ts";
import type { Database } from "./schema.ts";

/** Forward-only migrations, listed here so a bundle or a fresh clone finds them without a scan. */
const MIGRATIONS: Record<string, Migration> = {
  "0001-initial": m0001,
  "0002-letters": m0002,
  "0003-worklist-index": m0003,
  "0004-awaiting-approval": m0004,
  "0005-superseded-events": m0005,
  "0007-agency-letter-settings": m0007,
  "0008-account-security": m0008,
  "0009-access-log": m0009,
  "0010-issued-letters": m0010,
  "0012-worklist-clock": m0012,
  "0014-registration": m0014,
  "0015-hot-actions": m0015,
  "0017-documents": m0017,
  "0018-online-submissions": m0018,
  "0019-applicant-notices": m0019,
  "0020-deadline-outbox": m0020,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Brings the schema up to date; run at every start. Returns the names applied now. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: "ogi_migrations",
    migrationLockTableName: "ogi_migrations_lock",
    // Numbers are reserved per piece of work, so a lower one may land after higher ones ran.
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error)
    throw new Error(`数据库迁移失败：${(error as Error).message ?? String(error)}`, { cause: error });
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
