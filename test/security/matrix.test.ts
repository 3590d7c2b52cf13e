// The security matrix (issue 10): every route the running system serves, probed as an attacker
// would — without credentials, from another agency, in a role that may not, with a session
// cookie but no CSRF token, with fields it must not take, with bodies too large, malformed or
// of another type, with a NUL or a lone surrogate in every text field, query and path
// parameter, with paths that climb out of the static folder. Every probe must get a 4xx; the
// log of the whole run must not contain the applicants' data the probes carried.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LEDGER_MAX_BYTES } from "../../src/http/imports/imports.routes.ts";
import { BACKENDS, SETUP_TIMEOUT } from "../http/helpers/test-app.ts";
import {
  crossAgencyProbes,
  csrfProbes,
  methodConfusionProbes,
  personalDataProbes,
  roleProbes,
  routesWithoutRule,
  unauthenticatedProbes,
} from "./helpers/access-probes.ts";
import { ACCESS_RULES } from "./helpers/access-rules.ts";
import {
  contentTypeProbes,
  malformedJsonProbes,
  massAssignmentProbes,
  oversizedProbes,
  pathParameterProbes,
  pathTraversalProbes,
  poisonedTextProbes,
} from "./helpers/body-probes.ts";
import { linesWithPersonalData } from "./helpers/personal-data.ts";
import { fillPath, INJECTED, type PlanContext } from "./helpers/probe-context.ts";
import { buildCatalogue, type OpenApiDocument } from "./helpers/route-catalogue.ts";
import { failuresOf, type Probe, type ProbeFamily, runProbes } from "./helpers/run-probes.ts";
import { type SecuritySystem, startSecuritySystem } from "./helpers/security-system.ts";

/** The probe count of each family in the last run of each backend (printed at the end). */
const counts: Record<string, number> = {};

describe.each(BACKENDS)("the security matrix (%s)", (backend, databaseUrl) => {
  let s: SecuritySystem;
  let ctx: PlanContext;
  let isClosed = false;

  beforeAll(async () => {
    s = await startSecuritySystem(await databaseUrl());
    const doc = (await s.api<OpenApiDocument>("admin", "GET", "/api/v1/openapi.json")).body;
    const app = s.system.app;
    if (!app) throw new Error("startSystem served no HTTP app");
    const year = await s.api("admin", "GET", "/api/v1/calendar/2026");
    const { holidayNames: _h, workdayNames: _w, ...calendarYear } = year.body;
    const revokedToken = await s.freshToken("clerk");
    await s.system.core.accounts.revokeToken(revokedToken);
    const other = await s.db
      .selectFrom("agencies")
      .select("id")
      .where("code", "=", "other")
      .executeTakeFirstOrThrow();
    ctx = {
      routes: buildCatalogue(app, doc),
      users: s.users,
      fixture: s.fixture,
      calendarYear,
      revokedToken,
      spareToken: await s.freshToken("handler"),
      otherAgencyId: other.id,
    };
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    if (!isClosed) await s?.close();
  });

  async function expectOnly4xx(family: ProbeFamily, probes: Probe[], atLeast: number) {
    expect(probes.length, `${family}: probes generated`).toBeGreaterThanOrEqual(atLeast);
    counts[`${backend} ${family}`] = probes.length;
    const results = await runProbes(s.send, probes);
    expect(failuresOf(results)).toEqual([]);
    return results;
  }

  it("finds every route, with a value for each path parameter and a rule for each write", () => {
    const keys = ctx.routes.map((r) => r.key);
    // The API, the report and letter routers, the documents they serve outside the OpenAPI list.
    for (const key of [
      "POST /api/v1/applications",
      "PUT /api/v1/agencies/:code/reports/:year/texts",
      "GET /api/v1/agencies/:code/reports/:year.docx",
      "GET /api/v1/applications/:id/letters/:kind.docx",
      "GET /healthz",
    ]) {
      expect(keys).toContain(key);
    }
    expect(ctx.routes.length).toBeGreaterThanOrEqual(45);
    for (const route of ctx.routes) expect(() => fillPath(route, ctx), route.key).not.toThrow();
    expect(routesWithoutRule(ctx)).toEqual([]);
    // A rule for a route that is gone would check nothing.
    expect(Object.keys(ACCESS_RULES).filter((k) => !keys.includes(k))).toEqual([]);
  });

  it("reaches real records: the owner of every read gets it (so the refusals below mean something)", async () => {
    const failures: string[] = [];
    for (const route of ctx.routes.filter((r) => r.method === "GET")) {
      const res = await s.send({
        method: "GET",
        path: fillPath(route, ctx),
        headers: {
          authorization: `Bearer ${s.users[route.key.includes("/reports/") ? "townadmin" : "admin"].token}`,
          // the public portal's look-ups: the last four digits of the applicant's phone
          ...(route.pathParams.includes("queryCode") ? { "x-verify": s.fixture.verify } : {}),
        },
      });
      if (res.status !== 200) failures.push(`${route.key} → ${res.status} ${res.text.slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
  });

  it("refuses every route without valid credentials (401)", async () => {
    await expectOnly4xx("unauthenticated", unauthenticatedProbes(ctx), 200);
  });

  it("shows nothing of the town's cases to users of another agency (403/404, never its applicant)", async () => {
    await expectOnly4xx("cross-agency", crossAgencyProbes(ctx), 100);
  });

  it("shows the applicant's ID number and phone in full only on the case page, to the handling agency; no read writes", async () => {
    const before = await tableDigests(s);
    await expectOnly4xx("personal-data", personalDataProbes(ctx), 200);
    // Every GET of every route as every user: no letter numbered, no row touched (issue 10, hole 7).
    expect(await tableDigests(s)).toEqual(before);
  });

  it("refuses every role that may not (403), and an agency admin's escalations", async () => {
    await expectOnly4xx("roles", roleProbes(ctx), 80);
  });

  it("refuses a session cookie without its own X-CSRF-Token on every unsafe route (403)", async () => {
    await expectOnly4xx("csrf", csrfProbes(ctx), 80);
    // The same cookie with its token passes the check (a wrong current password: 4xx, not 403).
    const { session } = s.users.handler;
    const ok = await s.send({
      method: "POST",
      path: "/api/v1/auth/password",
      headers: {
        cookie: `ogi_session=${session.token}`,
        "x-csrf-token": session.csrfToken,
        "content-type": "application/json",
      },
      body: JSON.stringify({ currentPassword: "not-the-password", newPassword: "another-password-456" }),
    });
    expect(ok.status).not.toBe(403);
    expect(ok.status).toBeLessThan(500);
  });

  it("refuses bodies over the limit on every route (413)", async () => {
    await expectOnly4xx("oversized", oversizedProbes(ctx, LEDGER_MAX_BYTES), 45);
  });

  it("refuses malformed JSON on every route (400)", async () => {
    await expectOnly4xx("malformed-json", malformedJsonProbes(ctx), 250);
  });

  it("refuses a body of another content type on every route that takes one (4xx)", async () => {
    await expectOnly4xx("content-type", contentTypeProbes(ctx), 60);
  });

  it("refuses a NUL or a lone surrogate in every text field of every body and query (422)", async () => {
    await expectOnly4xx("poisoned-text", poisonedTextProbes(ctx), 300);
  });

  it("refuses a NUL in every path parameter (422), and odd values of them (4xx)", async () => {
    await expectOnly4xx("path-parameters", pathParameterProbes(ctx), 300);
  });

  it("answers a method a path does not serve with 404 or 405", async () => {
    await expectOnly4xx("method-confusion", methodConfusionProbes(ctx), 100);
  });

  it("serves no file from outside the web UI's folder, however the path is encoded (4xx)", async () => {
    await expectOnly4xx("path-traversal", pathTraversalProbes(ctx), 100);
  });

  it("takes no field it does not offer: state, version, outcome, roles, agency, events", async () => {
    const before = await protectedFacts(s);
    const results = await runProbes(s.send, massAssignmentProbes(ctx));
    counts[`${backend} mass-assignment`] = results.length;
    expect(results.length).toBeGreaterThanOrEqual(100);
    expect(failuresOf(results)).toEqual([]);
    const after = await protectedFacts(s);
    const town = await s.db
      .selectFrom("agencies")
      .select("id")
      .where("code", "=", "town")
      .executeTakeFirstOrThrow();
    // Rows that existed keep what the extra fields named; rows a probe created carry none of it.
    for (const [username, user] of Object.entries(after.users)) {
      const was = before.users[username];
      if (was) expect(user, username).toEqual(was);
      else expect(user, username).toEqual({ isSystemAdmin: false, roles: ["handler"], agencyId: town.id });
    }
    for (const [id, app] of Object.entries(after.applications)) {
      const was = before.applications[id];
      expect(app.version, id).not.toBe(INJECTED.version);
      expect(app.trackingNo, id).not.toBe(INJECTED.trackingNo);
      expect(id).not.toBe(INJECTED.id);
      if (was) {
        expect({ agencyId: app.agencyId, trackingNo: app.trackingNo }, id).toEqual({
          agencyId: was.agencyId,
          trackingNo: was.trackingNo,
        });
        // An action a probe carried may have moved the case, never to what the extras named.
        if (app.version !== was.version) expect([app.state, app.outcome], id).not.toContain(INJECTED.state);
      } else {
        expect({ agencyId: app.agencyId, state: app.state, outcome: app.outcome }, id).toEqual({
          agencyId: town.id,
          state: "registered",
          outcome: null,
        });
      }
    }
    for (const [code, agency] of Object.entries(after.agencies)) {
      const was = before.agencies[code];
      if (was) expect(agency, code).toEqual(was);
      else expect(agency, code).toEqual({ name: "探测局", kind: "department", parentId: town.id });
    }
    expect(after.forgedEvents).toEqual([]);
  });

  it("logged none of the applicants' ID numbers, phones, names or addresses (app and workers, up to shutdown)", async () => {
    const requests = Object.entries(counts)
      .filter(([k]) => k.startsWith(`${backend} `))
      .reduce((n, [, c]) => n + c, 0);
    await s.close();
    isClosed = true;
    // The capture works: one request line per probe at least, and the workers' own lines.
    expect(s.logLines.length).toBeGreaterThan(requests);
    expect(s.logLines.some((l) => l.includes('"statusCode":422'))).toBe(true);
    // The workers' lines too: the reconciler at start, and the job of the case's overdue receipt
    // clock (the posted supplement notice of 2026-03-10), whose reminder mail names the applicant.
    expect(s.logLines.some((l) => l.includes("reconciled deadline jobs"))).toBe(true);
    expect(s.logLines.some((l) => l.includes("deadline job handled"))).toBe(true);
    expect(linesWithPersonalData(s.logLines)).toEqual([]);
    process.stdout.write(
      `security matrix (${backend}): ${requests} probes, ${s.logLines.length} log lines\n` +
        `${Object.entries(counts)
          .filter(([k]) => k.startsWith(`${backend} `))
          .map(([k, n]) => `  ${k.slice(backend.length + 1)}: ${n}`)
          .join("\n")}\n`,
    );
  });
});

/**
 * Every table's row count and a digest of its contents, except what a read writes by design (the
 * access log of full reads, the session's sliding expiry) and what the workers write on their own.
 */
async function tableDigests(s: SecuritySystem): Promise<Record<string, string>> {
  const skip = new Set([
    "access_log",
    "auth_tokens",
    "deadline_jobs",
    "sent_notifications",
    // the applicant-notice relay of the workers: its rows and its watermark
    "applicant_notices",
    "notice_relay",
    "kysely_migration",
    "kysely_migration_lock",
  ]);
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(s.db);
  const out: Record<string, string> = {};
  for (const { name } of tables.rows.filter((t) => !skip.has(t.name))) {
    const r = await sql<{ n: string; digest: string | null }>`
      select count(*)::text as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest
      from ${sql.table(name)} t`.execute(s.db);
    out[name] = `${r.rows[0]?.n}:${r.rows[0]?.digest}`;
  }
  return out;
}

interface Facts {
  users: Record<string, { isSystemAdmin: boolean; roles: unknown; agencyId: number | null }>;
  applications: Record<
    string,
    { agencyId: number; trackingNo: string; state: string; outcome: string | null; version: number }
  >;
  agencies: Record<string, { name: string; kind: string; parentId: number | null }>;
  /** Events whose payload carries a value only a forged request would. */
  forgedEvents: string[];
}

/** What a mass assignment would change: who is admin of what, which case is where and in what state. */
async function protectedFacts(s: SecuritySystem): Promise<Facts> {
  const users = await s.db
    .selectFrom("users")
    .select(["username", "is_system_admin", "roles", "agency_id"])
    .execute();
  const apps = await s.db
    .selectFrom("applications")
    .select(["id", "agency_id", "tracking_no", "state", "outcome", "version"])
    .execute();
  const agencies = await s.db.selectFrom("agencies").select(["code", "name", "kind", "parent_id"]).execute();
  const forged = await sql<{ payload: string }>`
    select payload::text as payload from application_events where payload::text like ${"%424242%"}`.execute(
    s.db,
  );
  return {
    users: Object.fromEntries(
      users.map((u) => [
        u.username,
        {
          isSystemAdmin: u.is_system_admin,
          roles: typeof u.roles === "string" ? JSON.parse(u.roles) : u.roles,
          agencyId: u.agency_id,
        },
      ]),
    ),
    applications: Object.fromEntries(
      apps.map((a) => [
        String(a.id),
        {
          agencyId: a.agency_id,
          trackingNo: a.tracking_no,
          state: a.state,
          outcome: a.outcome,
          version: a.version,
        },
      ]),
    ),
    agencies: Object.fromEntries(
      agencies.map((a) => [a.code, { name: a.name, kind: a.kind, parentId: a.parent_id }]),
    ),
    forgedEvents: forged.rows.map((r) => r.payload),
  };
}
