import type { AddressInfo } from "node:net";
import express from "express";
import pino from "pino";
import { createDatabase, type DatabaseHandle } from "../../../src/db/create-database.ts";
import { migrateToLatest } from "../../../src/db/migrate.ts";
import type { Role } from "../../../src/domain/roles.ts";
import { createHttpApp } from "../../../src/http/create-http-app.ts";
import { createLettersRouter, letterRouteSpecs } from "../../../src/http/reports/create-reports-router.ts";
import { makeLetterService } from "../../../src/letters/letter-service.ts";
import { makeAccountService } from "../../../src/services/account-service.ts";
import type { Actor } from "../../../src/services/actor.ts";
import { makeApplicationService } from "../../../src/services/application-service.ts";
import { makeCalendarStore } from "../../../src/services/calendar-store.ts";

/** The tree of the letters tests: a city above the county, the county's department and township. */
export const AGENCIES = [
  { code: "city", name: "某市人民政府", kind: "government", parentCode: undefined },
  { code: "county", name: "某县人民政府", kind: "government", parentCode: "city" },
  { code: "dept", name: "某县自然资源局", kind: "department", parentCode: "county" },
  { code: "town", name: "某镇人民政府", kind: "township", parentCode: "county" },
  // a government with no government above it in the system, and a vertically managed office
  { code: "lone", name: "某区人民政府", kind: "government", parentCode: undefined },
  { code: "tax", name: "某县税务局", kind: "department", parentCode: "county" },
] as const;
export type AgencyCode = (typeof AGENCIES)[number]["code"];

const STAFF_ROLES: Role[] = ["intake", "handler", "approver", "agency_admin"];

export interface ApiAnswer<T> {
  status: number;
  body: T;
  headers: Headers;
}

/**
 * The services and the public API (with the letter routes, as start-system wires them) on one
 * embedded database, and one member of staff per agency holding every role.
 */
export async function startLettersSystem(now: Date) {
  const handle: DatabaseHandle = await createDatabase({ dataDir: "memory://" });
  await migrateToLatest(handle.db);
  const clock = { now };
  const nowFn = () => clock.now;
  const accounts = makeAccountService({ db: handle.db, now: nowFn });
  const actors = {} as Record<AgencyCode, Actor>;
  const tokens = {} as Record<AgencyCode, string>;
  for (const a of AGENCIES) {
    await accounts.createAgency({ code: a.code, name: a.name, kind: a.kind, parentCode: a.parentCode });
    const u = await accounts.createUser({
      username: `staff-${a.code}`,
      password: "password-123",
      displayName: `${a.name}工作人员`,
      agencyCode: a.code,
      roles: STAFF_ROLES,
    });
    actors[a.code] = (await accounts.toActor(u.id)) as Actor;
    tokens[a.code] = (await accounts.issueToken(u.id, "bearer", 60 * 24)).token;
  }
  const calendars = makeCalendarStore(handle.db);
  const applications = makeApplicationService({
    db: handle.db,
    calendars,
    now: nowFn,
    settings: { supplementWindowWorkdays: 15, reminderOffsets: [5, 2, 0] },
  });
  const letters = makeLetterService({ db: handle.db, applications, now: nowFn });
  const app = createHttpApp({
    db: handle.db,
    applications,
    accounts,
    calendars,
    logger: pino({ level: "silent" }),
    settings: { OGI_SESSION_MINUTES: 60, PUBLIC_URL: undefined },
    now: nowFn,
    health: async () => ({ ok: true, details: {} }),
    extensions: [
      (auth) => {
        const router = express.Router();
        router.use(createLettersRouter({ auth, letters, reports: undefined as never }));
        return { router, specs: letterRouteSpecs(letters) };
      },
    ],
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  /** A request as the staff of `as`; JSON in and out, or the raw bytes of a file. */
  async function call<T = Record<string, unknown>>(
    as: AgencyCode,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<ApiAnswer<T>> {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${tokens[as]}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const type = res.headers.get("content-type") ?? "";
    const parsed = type.includes("json") ? await res.json() : Buffer.from(await res.arrayBuffer());
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  return {
    db: handle.db,
    clock,
    actors,
    applications,
    letters,
    call,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await handle.close();
    },
  };
}

export type LettersSystem = Awaited<ReturnType<typeof startLettersSystem>>;
