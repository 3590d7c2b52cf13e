import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import type { Kysely } from "kysely";
import pino from "pino";
import { createDatabase } from "../../../src/db/create-database.ts";
import { migrateToLatest } from "../../../src/db/migrate.ts";
import type { Database } from "../../../src/db/schema.ts";
import type { Role } from "../../../src/domain/roles.ts";
import { createHttpApp } from "../../../src/http/create-http-app.ts";
import type { HealthReport, HttpDeps } from "../../../src/http/http-deps.ts";
import { makeAccountService } from "../../../src/services/account-service.ts";
import {
  type ApplicationServiceDeps,
  makeApplicationService,
} from "../../../src/services/application-service.ts";
import { makeCalendarStore } from "../../../src/services/calendar-store.ts";
import { freshPostgresUrl } from "../../support/services.ts";

/**
 * Each suite runs on both databases: the embedded PGlite (in memory) and a fresh database on
 * the run's private PostgreSQL (test/support/services.ts).
 */
export const BACKENDS: [name: string, databaseUrl: () => Promise<string | undefined>][] = [
  ["pglite", async () => undefined],
  ["postgres", freshPostgresUrl],
];

/** A Friday in 2026, 10:00 China time: every date in the tests is relative to it. */
export const TEST_NOW = new Date("2026-03-20T02:00:00Z");
export const TODAY = "2026-03-20";
export const PASSWORD = "password-123";
/** Building a database takes seconds on a small machine (PGlite's initdb), more when files run in parallel. */
export const SETUP_TIMEOUT = 120_000;

export const USERS = {
  admin: { agency: "county", roles: [] as Role[], isSystemAdmin: true },
  clerk: { agency: "town", roles: ["intake"] as Role[] },
  handler: { agency: "town", roles: ["handler"] as Role[] },
  approver: { agency: "town", roles: ["approver"] as Role[] },
  townadmin: { agency: "town", roles: ["agency_admin"] as Role[] },
  outsider: { agency: "other", roles: ["intake", "handler", "approver"] as Role[] },
  supervisor: { agency: "county", roles: ["supervisor"] as Role[] },
};
export type UserKey = keyof typeof USERS;

export interface ApiResponse<T> {
  status: number;
  headers: Headers;
  body: T;
}

export interface CallOptions {
  /** A user to send a bearer token for; null sends none. */
  as?: UserKey | null;
  body?: unknown;
  /** Sent as is (malformed JSON tests). */
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface TestApp {
  baseUrl: string;
  db: Kysely<Database>;
  clock: { now: Date };
  health: { report: HealthReport };
  logLines: string[];
  tokens: Record<UserKey, string>;
  call<T = Record<string, unknown>>(
    method: string,
    path: string,
    options?: CallOptions,
  ): Promise<ApiResponse<T>>;
  close(): Promise<void>;
}

/**
 * Agencies county → town, other; one user per role. The first user is created by the account
 * service; the others copy its password hash (same password, real argon2id, no hashing cost).
 */
export async function seedTestUsers(
  accounts: ReturnType<typeof makeAccountService>,
  db: Kysely<Database>,
): Promise<Record<UserKey, number>> {
  await accounts.createAgency({ code: "county", name: "某县人民政府", kind: "government" });
  await accounts.createAgency({ code: "town", name: "某镇人民政府", kind: "township", parentCode: "county" });
  await accounts.createAgency({
    code: "other",
    name: "另一镇人民政府",
    kind: "township",
    parentCode: "county",
  });
  const ids = {} as Record<UserKey, number>;
  let hash: string | undefined;
  for (const [username, u] of Object.entries(USERS)) {
    const fields = {
      username,
      displayName: `${username}（测试）`,
      agencyCode: u.agency,
      roles: u.roles,
      isSystemAdmin: "isSystemAdmin" in u ? u.isSystemAdmin : false,
    };
    if (hash === undefined) {
      ids[username as UserKey] = (await accounts.createUser({ ...fields, password: PASSWORD })).id;
      const row = await db.selectFrom("users").select("password_hash").where("username", "=", username);
      hash = (await row.executeTakeFirstOrThrow()).password_hash;
      continue;
    }
    const agency = await accounts.agencyByCode(u.agency);
    const inserted = await db
      .insertInto("users")
      .values({
        username,
        password_hash: hash,
        display_name: fields.displayName,
        email: null,
        agency_id: agency?.id ?? 0,
        roles: JSON.stringify(u.roles),
        is_system_admin: fields.isSystemAdmin,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    ids[username as UserKey] = inserted.id;
  }
  return ids;
}

/** A migrated, seeded database, the app on an ephemeral port, and a token for every user. */
export async function startTestApp(
  databaseUrl?: string,
  hooks: Pick<ApplicationServiceDeps, "onJobsPlanned"> & {
    /** Settings (TRUST_PROXY, PUBLIC_URL …) and login limits of the HTTP app, over the defaults. */
    http?: {
      settings?: Partial<HttpDeps["settings"]>;
      loginLimits?: HttpDeps["loginLimits"];
      /** Further routers (the portal), built on the app's database, service and clock. */
      extensions?: (parts: {
        db: Kysely<Database>;
        applications: ReturnType<typeof makeApplicationService>;
        now: () => Date;
      }) => NonNullable<HttpDeps["extensions"]>;
    };
  } = {},
): Promise<TestApp> {
  const { http, ...serviceHooks } = hooks;
  const handle = await createDatabase({ databaseUrl, dataDir: "memory://" });
  await migrateToLatest(handle.db);
  const clock = { now: TEST_NOW };
  const now = () => clock.now;
  const accounts = makeAccountService({ db: handle.db, now });
  const userIds = await seedTestUsers(accounts, handle.db);
  const calendars = makeCalendarStore(handle.db);
  const applications = makeApplicationService({
    db: handle.db,
    calendars,
    now,
    settings: { supplementWindowWorkdays: 15, reminderOffsets: [5, 2, 0] },
    ...serviceHooks,
  });
  const logLines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logLines.push(chunk.toString("utf8"));
      done();
    },
  });
  const health = { report: { ok: true, details: { database: "ok" } } as HealthReport };
  const app = createHttpApp({
    db: handle.db,
    applications,
    accounts,
    calendars,
    logger: pino({ level: "info" }, sink),
    settings: { OGI_SESSION_MINUTES: 60, PUBLIC_URL: undefined, ...http?.settings },
    ...(http?.loginLimits ? { loginLimits: http.loginLimits } : {}),
    ...(http?.extensions ? { extensions: http.extensions({ db: handle.db, applications, now }) } : {}),
    now,
    health: async () => health.report,
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const tokens = {} as Record<UserKey, string>;

  async function call<T>(method: string, path: string, options: CallOptions = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    const as = options.as === undefined ? "admin" : options.as;
    if (as !== null && tokens[as]) headers.authorization = `Bearer ${tokens[as]}`;
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers["content-type"] ??= "application/json";
    const res = await fetch(`${baseUrl}${path}`, { method, headers, body });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : undefined) as T };
  }

  // Tokens straight from the account service: logging in is auth.test.ts's subject (and slow).
  for (const username of Object.keys(USERS) as UserKey[]) {
    tokens[username] = (await accounts.issueToken(userIds[username], "bearer", 60 * 24)).token;
  }

  return {
    baseUrl,
    db: handle.db,
    clock,
    health,
    logLines,
    tokens,
    call,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await handle.close();
    },
  };
}
