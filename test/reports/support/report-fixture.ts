import { createDatabase, type DatabaseHandle } from "../../../src/db/create-database.ts";
import { migrateToLatest } from "../../../src/db/migrate.ts";
import type { CivilDate } from "../../../src/domain/civil-date.ts";
import type { Role } from "../../../src/domain/roles.ts";
import { makeLetterService } from "../../../src/letters/letter-service.ts";
import { makeReportService } from "../../../src/reports/report-service.ts";
import type { AmendResult } from "../../../src/reports/report-writes.ts";
import { makeAccountService } from "../../../src/services/account-service.ts";
import type { Actor } from "../../../src/services/actor.ts";
import { makeAppealService } from "../../../src/services/appeal-service.ts";
import { makeApplicationService } from "../../../src/services/application-service.ts";
import { makeCalendarStore } from "../../../src/services/calendar-store.ts";

export const d = (s: string) => s as CivilDate;

const USERS: [string, string, Role[]][] = [
  ["clerk", "town", ["intake"]],
  ["handler", "town", ["handler"]],
  ["approver", "town", ["approver"]],
  ["admin", "town", ["agency_admin"]],
  ["otherclerk", "other", ["intake"]],
  ["otherapprover", "other", ["approver"]],
  ["otheradmin", "other", ["agency_admin"]],
  ["deptadmin", "dept", ["agency_admin"]],
  ["supervisor", "county", ["supervisor"]],
];

export type UserKey =
  | "clerk"
  | "handler"
  | "approver"
  | "admin"
  | "otherclerk"
  | "otherapprover"
  | "otheradmin"
  | "deptadmin"
  | "supervisor";

/**
 * A county (`county`) with a township (`town`, 某镇人民政府), another township (`other`) and a
 * department (`dept`), their users, and every service the reports need, on one database.
 */
export async function makeReportFixture(options: { databaseUrl?: string | undefined; now: Date }) {
  const handle: DatabaseHandle = await createDatabase({
    dataDir: "memory://",
    databaseUrl: options.databaseUrl,
  });
  await migrateToLatest(handle.db);
  const clock = { now: options.now };
  const now = () => clock.now;
  const accounts = makeAccountService({ db: handle.db, now });
  await accounts.createAgency({ code: "county", name: "某县人民政府", kind: "government" });
  await accounts.createAgency({ code: "town", name: "某镇人民政府", kind: "township", parentCode: "county" });
  await accounts.createAgency({
    code: "other",
    name: "另一镇人民政府",
    kind: "township",
    parentCode: "county",
  });
  await accounts.createAgency({
    code: "dept",
    name: "某县自然资源局",
    kind: "department",
    parentCode: "county",
  });
  const actors = {} as Record<UserKey, Actor>;
  for (const [username, agencyCode, roles] of USERS) {
    const u = await accounts.createUser({
      username,
      password: "password-123",
      displayName: `${username}名`,
      agencyCode,
      roles,
    });
    actors[username as UserKey] = (await accounts.toActor(u.id)) as Actor;
  }
  const calendars = makeCalendarStore(handle.db);
  const amendments: AmendResult[] = [];
  const applications = makeApplicationService({
    db: handle.db,
    calendars,
    now,
    settings: { supplementWindowWorkdays: 15, reminderOffsets: [5, 2, 0] },
    // the lead's wiring: a committed change dated in a closed year makes the year's next version
    onAmendment: async (a) => {
      amendments.push(await reports.amendForCaseChange(a));
    },
  });
  const appeals = makeAppealService({ db: handle.db, applications, now });
  const reports = makeReportService({ db: handle.db, calendars, now });
  const letters = makeLetterService({ db: handle.db, applications, now });
  return {
    handle,
    db: handle.db,
    clock,
    accounts,
    actors,
    calendars,
    applications,
    appeals,
    reports,
    letters,
    amendments,
  };
}

export type ReportFixture = Awaited<ReturnType<typeof makeReportFixture>>;
