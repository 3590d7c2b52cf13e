/**
 * `npm run bench:import [-- --rows N] [-- --pglite]`: rows per second of a real ledger import
 * (every path of DOMAIN.md §3; default 30,000 rows, which keeps the run near 10 minutes on a small
 * 2-core machine; `--rows 100000` for the full figure) through the API's one write path, in process,
 * on a private PostgreSQL (or the embedded PGlite), next to the bare insert rate measured in the
 * same run: plain INSERTs of as many application rows plus one event each, in one transaction.
 * Prints both and the ratio, and the rate at each tenth of the import (to see whether it slows).
 */
import { randomUUID } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { type Kysely, sql } from "kysely";
import { createDatabase } from "../src/db/create-database.ts";
import { migrateToLatest } from "../src/db/migrate.ts";
import type { Database } from "../src/db/schema.ts";
import { authorizeLedgerAccess } from "../src/imports/authorize-ledger-access.ts";
import { importLedger } from "../src/imports/import-ledger.ts";
import { ledgerImportActor } from "../src/imports/ledger-import-actor.ts";
import { readLedgerWorkbook } from "../src/imports/read-ledger-workbook.ts";
import { writeLedgerWorkbook } from "../src/imports/write-ledger-workbook.ts";
import { startPrivatePostgres } from "../src/runtime/private-postgres.ts";
import { makeAccountService } from "../src/services/account-service.ts";
import type { Actor } from "../src/services/actor.ts";
import { makeApplicationService } from "../src/services/application-service.ts";
import { makeCalendarStore } from "../src/services/calendar-store.ts";
import { generateLedger } from "../test/imports/support/generate-ledger.ts";

const { values } = parseArgs({
  options: { rows: { type: "string", default: "30000" }, pglite: { type: "boolean", default: false } },
});
const ROWS = Number(values.rows);
const NOW = new Date("2026-03-20T02:00:00Z");

async function prepare(db: Kysely<Database>) {
  await migrateToLatest(db);
  const now = () => NOW;
  const accounts = makeAccountService({ db, now });
  await accounts.createAgency({ code: "bench", name: "基准测试镇人民政府", kind: "township" });
  const admin = await accounts.createUser({
    username: "bench-admin",
    password: "bench-password",
    displayName: "管理员",
    agencyCode: "bench",
    roles: ["agency_admin"],
  });
  for (const username of ["handler"]) {
    await accounts.createUser({
      username,
      password: "bench-password",
      displayName: "handler名",
      agencyCode: "bench",
      roles: ["handler"],
    });
  }
  const calendars = makeCalendarStore(db);
  const applications = makeApplicationService({
    db,
    calendars,
    now,
    settings: { supplementWindowWorkdays: 15, reminderOffsets: [5, 2, 0] },
  });
  return { applications, calendars, admin: (await accounts.toActor(admin.id)) as Actor };
}

/** The floor: one transaction of plain INSERTs, an application row and its registration event each. */
async function runBaseline(db: Kysely<Database>, count: number): Promise<number> {
  const agency = await db
    .selectFrom("agencies")
    .select("id")
    .where("code", "=", "bench")
    .executeTakeFirstOrThrow();
  const started = performance.now();
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < count; i++) {
      const id = randomUUID();
      await trx
        .insertInto("applications")
        .values({
          id,
          tracking_no: `BASE-${i}`,
          agency_id: agency.id,
          channel: "online",
          applicant_type: "natural_person",
          applicant: JSON.stringify({ type: "natural_person", name: `申请人${i}` }),
          description: "基线",
          delivery_form: null,
          handler_user_id: null,
          received_on: "2025-03-03",
          state: "registered",
          outcome: null,
          disposition_on: null,
          reply_due_on: null,
          snapshot: JSON.stringify({ value: "registered", context: {} }),
          version: 1,
        })
        .execute();
      await trx
        .insertInto("application_events")
        .values({
          application_id: id,
          seq: 1,
          type: "application.registered",
          actor_user_id: null,
          actor_name: "bench",
          effective_on: "2025-03-03",
          payload: JSON.stringify({ v: 1 }),
          reason: null,
        })
        .execute();
    }
  });
  return (performance.now() - started) / 1000;
}

function rate(rows: number, seconds: number): string {
  return `${(rows / seconds).toFixed(0).padStart(6)} 行/秒`;
}

async function main(): Promise<void> {
  const pg = values.pglite
    ? null
    : await startPrivatePostgres({ baseDir: await mkdtemp(join(tmpdir(), "ogi-bench-pg-")) });
  const open = async (name: string) =>
    createDatabase({ dataDir: "memory://", databaseUrl: pg ? await pg.createDatabase(name) : undefined });
  const importDb = await open("bench_import");
  const baseDb = await open("bench_base");
  try {
    const { applications, calendars, admin } = await prepare(importDb.db);
    await prepare(baseDb.db);
    let t = performance.now();
    const ledger = generateLedger({ count: ROWS, withBadRows: false });
    const file = await writeLedgerWorkbook(ledger.rows.map((r) => r.cells));
    const writeSeconds = (performance.now() - t) / 1000;
    t = performance.now();
    const sheet = await readLedgerWorkbook(file);
    const readSeconds = (performance.now() - t) / 1000;
    console.log(
      `台账：${sheet.rows.length} 行，${(file.length / 1024 / 1024).toFixed(1)} MB（生成 ${writeSeconds.toFixed(1)} 秒，读取 ${readSeconds.toFixed(1)} 秒）`,
    );
    const agency = await authorizeLedgerAccess(importDb.db, admin, "bench");
    const started = performance.now();
    let last = { at: started, done: 0, tenth: 0 };
    const result = await importLedger(
      { applications, calendars },
      {
        agency,
        actor: ledgerImportActor(admin, agency),
        sheet,
        dryRun: false,
        onProgress: (done, total) => {
          const tenth = Math.floor((done * 10) / total);
          if (tenth === last.tenth || done === 0) return;
          const now = performance.now();
          console.log(
            `  ${String(done).padStart(7)}/${total}  本段 ${rate(done - last.done, (now - last.at) / 1000)}`,
          );
          last = { at: now, done, tenth };
        },
      },
    );
    const importSeconds = (performance.now() - started) / 1000;
    if (result.errors.length > 0) {
      throw new Error(`导入有 ${result.errors.length} 处错误：${JSON.stringify(result.errors.slice(0, 3))}`);
    }
    const written = Number(
      (
        await importDb.db
          .selectFrom("applications")
          .select(sql<number>`count(*)`.as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const baseSeconds = await runBaseline(baseDb.db, result.imported);
    const backend = pg ? "PostgreSQL（私有实例）" : "PGlite（内置）";
    console.log(`台账导入基准（${backend}，进程内，一个事务，不设保存点）`);
    console.log(
      `导入：${result.imported} 行（库中 ${written} 件）用时 ${importSeconds.toFixed(1)} 秒，${rate(result.imported, importSeconds)}`,
    );
    console.log(
      `基线：${result.imported} 行 applications + 各 1 条事件的裸 INSERT，一个事务，用时 ${baseSeconds.toFixed(1)} 秒，${rate(result.imported, baseSeconds)}`,
    );
    console.log(`吞吐量之比（导入 / 基线）：${(baseSeconds / importSeconds).toFixed(3)}`);
    console.log(`含读取 XLSX 的导入：${rate(result.imported, importSeconds + readSeconds)}`);
  } finally {
    await importDb.close();
    await baseDb.close();
    await pg?.stop();
  }
}

await main();
