// Shared setup of the worker tests: a migrated PostgreSQL database with one township and its
// staff (with email addresses), the application service, and polling helpers.
import type { Kysely } from "kysely";
import { createDatabase, type DatabaseHandle } from "../../src/db/create-database.ts";
import { migrateToLatest } from "../../src/db/migrate.ts";
import type { Database } from "../../src/db/schema.ts";
import type { CivilDate } from "../../src/domain/civil-date.ts";
import { makeAccountService } from "../../src/services/account-service.ts";
import type { Actor } from "../../src/services/actor.ts";
import {
  type ApplicationServiceDeps,
  makeApplicationService,
} from "../../src/services/application-service.ts";
import { makeCalendarStore } from "../../src/services/calendar-store.ts";
import type { DeadlineQueue } from "../../workers/queues.ts";
import { relayDeadlineOutbox } from "../../workers/relay-deadline-outbox.ts";
import type { WorkerLogger } from "../../workers/worker-logger.ts";

/** Thursday 2026-03-26, 12:00 in China: far from midnight, so "today" cannot shift mid-test. */
export const TODAY_INSTANT = "2026-03-26T04:00:00.000Z";
export const d = (s: string) => s as CivilDate;

export const EMAILS = {
  handler: "handler@town.example.gov.cn",
  approver: "approver@town.example.gov.cn",
  admin: "admin@town.example.gov.cn",
} as const;

export async function openMigratedDatabase(databaseUrl: string): Promise<DatabaseHandle> {
  const handle = await createDatabase({ databaseUrl, dataDir: "unused", poolSize: 5 });
  await migrateToLatest(handle.db);
  return handle;
}

/** A county and its township `town`, with a clerk, a handler, an approver and an agency admin. */
export async function seedTown(db: Kysely<Database>, now: () => Date) {
  const accounts = makeAccountService({ db, now });
  await accounts.createAgency({ code: "county", name: "某县人民政府", kind: "government" });
  await accounts.createAgency({ code: "town", name: "某镇人民政府", kind: "township", parentCode: "county" });
  const mk = async (
    username: keyof typeof EMAILS | "clerk",
    roles: Parameters<typeof accounts.createUser>[0]["roles"],
  ) => {
    const email = username === "clerk" ? undefined : EMAILS[username];
    const u = await accounts.createUser({
      username,
      password: "password-123",
      displayName: `${username}-姓名`,
      email,
      agencyCode: "town",
      roles,
    });
    return (await accounts.toActor(u.id)) as Actor;
  };
  return {
    clerk: await mk("clerk", ["intake"]),
    handler: await mk("handler", ["handler"]),
    approver: await mk("approver", ["approver"]),
    admin: await mk("admin", ["agency_admin"]),
  };
}
export type TownActors = Awaited<ReturnType<typeof seedTown>>;

/**
 * A migrated database (the embedded PGlite in memory when `databaseUrl` is undefined) with the
 * town seeded and the application service on it; every statement sent is appended to
 * `statements` (empty it with `statements.length = 0`).
 */
export async function openTown(
  databaseUrl: string | undefined,
  now: () => Date = () => new Date(TODAY_INSTANT),
) {
  const statements: string[] = [];
  const handle = await createDatabase({
    databaseUrl,
    dataDir: "memory://",
    observeStatements: (sql) => statements.push(sql),
  });
  await migrateToLatest(handle.db);
  const actors = await seedTown(handle.db, now);
  return { handle, statements, actors, service: makeService(handle.db, now) };
}

/** A statement's prepared name (`/* ogi:case-read *\/ …` → `case-read`), else its first characters. */
export const statementName = (sql: string) => /^\/\* ogi:([a-z-]+) \*\//.exec(sql)?.[1] ?? sql.slice(0, 30);

/**
 * The service's `onJobsPlanned` as a worker process wires it (its own writes relayed from the
 * outbox at once), but awaited: when a test's call returns, its jobs are in Redis. A pass of
 * another relay holding the lock is waited out and the pass run again. Never throws (a relay
 * that fails leaves the entries, like the real one).
 */
export function relayingNow(
  db: Kysely<Database>,
  queue: DeadlineQueue,
  now: () => Date,
  logger?: WorkerLogger,
) {
  return async () => {
    try {
      for (let i = 0; i < 250; i++) {
        if ((await relayDeadlineOutbox({ db, queue, now, jobHour: 0, logger })).mode === "ran") return;
        await new Promise((r) => setTimeout(r, 20));
      }
    } catch (err) {
      logger?.warn({ err }, "outbox relay failed in a test hook");
    }
  };
}

export function makeService(
  db: Kysely<Database>,
  now: () => Date,
  hooks: Pick<ApplicationServiceDeps, "onJobsPlanned" | "afterCommit"> = {},
) {
  return makeApplicationService({
    db,
    calendars: makeCalendarStore(db),
    now,
    settings: { supplementWindowWorkdays: 15, reminderOffsets: [5, 2, 0] },
    ...hooks,
  });
}
export type Service = ReturnType<typeof makeService>;

export function register(
  service: Service,
  actors: TownActors,
  receivedOn: string,
  description = "本镇道路修缮工程的招标文件",
) {
  return service.register(actors.clerk, {
    agencyCode: "town",
    channel: "post",
    receivedOn: d(receivedOn),
    applicant: { type: "natural_person", name: "张三" },
    description,
    handlerUsername: "handler",
  });
}

/**
 * Received 2020-01-02, supplement requested 2020-01-06 with a 15-WD window: the window ended
 * 2020-02-03 (春节 2020 and its make-up Sunday 01-19 counted), so the case is owed
 * `supplement.expired` on 2020-02-04.
 */
export async function registerSupplementOverdue(service: Service, actors: TownActors): Promise<string> {
  const app = await register(service, actors, "2020-01-02", "2019年本镇财政预算执行情况");
  await service.act(actors.handler, app.id, {
    type: "request_supplement",
    on: d("2020-01-06"),
    items: ["请写明所需信息的具体年份和文件名称"],
    windowWorkdays: 15,
    // Posted, and signed for the same day: the window counts from 01-06 (DOMAIN.md §5).
    receivedByAddresseeOn: d("2020-01-06"),
  });
  return app.id;
}

export async function eventsOf(db: Kysely<Database>, applicationId: string) {
  return db
    .selectFrom("application_events")
    .select(["seq", "type", "actor_name", "effective_on"])
    .where("application_id", "=", applicationId)
    .orderBy("seq")
    .execute();
}

/** Polls until `check` returns a value other than undefined/false. */
export async function waitUntil<T>(
  check: () => Promise<T | undefined | false>,
  what: string,
  timeoutMs = 15_000,
  intervalMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** A logger that keeps warnings and errors, to show them when a test fails. */
export function collectingLogger(): WorkerLogger & { problems: string[] } {
  const problems: string[] = [];
  const keep = (level: string) => (obj: object, msg?: string) => {
    problems.push(
      `${level} ${msg ?? ""} ${JSON.stringify(obj, (_k, v) => (v instanceof Error ? v.stack : v))}`,
    );
  };
  const ignore = () => {};
  return { problems, debug: ignore, info: ignore, warn: keep("warn"), error: keep("error") };
}
