// The web reads `user.can` (login, /auth/me) instead of role names (issue 12, point 4): for each
// capability, each test user's `can` says what the server then does with one request that needs
// it, in the user's own agency. Real PGlite and Redis.
import express from "express";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UserCapabilities } from "../../src/http/auth/user-capabilities.ts";
import { createPortalExtension } from "../../src/http/portal/create-portal-extension.ts";
import {
  createLettersRouter,
  createReportsRouter,
  letterRouteSpecs,
} from "../../src/http/reports/create-reports-router.ts";
import { reportRouteSpecs } from "../../src/http/reports/reports.routes.ts";
import { makeLetterService } from "../../src/letters/letter-service.ts";
import { makeReportService } from "../../src/reports/report-service.ts";
import { makeCalendarStore } from "../../src/services/calendar-store.ts";
import { submissionBody } from "../portal/helpers/portal-app.ts";
import { freshQueuePrefix, redisUrl } from "../support/services.ts";
import { actionBody, registerBody } from "./helpers/fixtures.ts";
import { SETUP_TIMEOUT, startTestApp, type TestApp, USERS, type UserKey } from "./helpers/test-app.ts";

type Probe = (as: UserKey, agency: string) => Promise<number>;
type BooleanCapability = {
  [K in keyof UserCapabilities]: UserCapabilities[K] extends boolean ? K : never;
}[keyof UserCapabilities];

/**
 * The capabilities whose request the server also accepts from the system administrator, who
 * may act in any agency (registration, the online queue, letter settings), while the web keeps
 * these pages to the agency's own staff: `can` says no, the server says yes.
 */
const SYSTEM_ADMIN_BEYOND: readonly BooleanCapability[] = [
  "register",
  "viewOnlineSubmissions",
  "confirmOnlineSubmissions",
  "manageAgencySettings",
];

describe("user.can says what the server then allows", () => {
  let t: TestApp;
  let redis: Redis;
  const can = {} as Record<UserKey, UserCapabilities & { agencyCode: string }>;
  const users = Object.keys(USERS) as UserKey[];

  beforeAll(async () => {
    redis = new Redis(redisUrl(), { maxRetriesPerRequest: 1 });
    // the whole surface the web gates: the core API, reports and letters, the portal's queue
    t = await startTestApp(undefined, {
      http: {
        extensions: ({ db, applications, now }) => [
          (auth) => {
            const calendars = makeCalendarStore(db);
            const deps = {
              auth,
              reports: makeReportService({ db, calendars, now }),
              letters: makeLetterService({ db, applications, now }),
            };
            const router = express.Router();
            router.use(createReportsRouter(deps), createLettersRouter(deps));
            return { router, specs: [...reportRouteSpecs(deps.reports), ...letterRouteSpecs(deps.letters)] };
          },
          (auth) =>
            createPortalExtension(auth, {
              db,
              applications,
              now,
              redis,
              redisPrefix: `${freshQueuePrefix()}:portal:`,
            }),
        ],
      },
    });
    for (const as of users) {
      const me = await t.call<{ user: { can: UserCapabilities; agencyCode: string } }>(
        "GET",
        "/api/v1/auth/me",
        { as },
      );
      expect(me.status).toBe(200);
      can[as] = { ...me.body.user.can, agencyCode: me.body.user.agencyCode };
    }
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await t?.close();
    redis?.disconnect();
  });

  let lastBody = "";
  const status = async (method: string, path: string, as: UserKey, body?: unknown) => {
    // fetch itself: a download (the ledger's XLSX) is not JSON
    const res = await fetch(`${t.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${t.tokens[as]}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    lastBody = res.headers.get("content-type")?.includes("json") ? await res.text() : "";
    if (!lastBody) await res.arrayBuffer();
    return res.status;
  };
  /** A fresh registered case of `agency`, registered by the system administrator. */
  const freshCase = async (agency: string) => {
    const r = await t.call<{ id: string }>("POST", "/api/v1/applications", {
      as: "admin",
      body: registerBody({ agencyCode: agency, handlerUsername: undefined }),
    });
    expect(r.status).toBe(201);
    return r.body.id;
  };
  /** A pending online submission to `agency`. */
  const freshSubmission = async (agency: string) => {
    const sent = await t.call("POST", "/api/v1/public/applications", {
      as: null,
      body: submissionBody({ agencyCode: agency }),
    });
    expect(sent.status).toBe(201);
    const list = await t.call<{ items: { id: string }[] }>(
      "GET",
      `/api/v1/online-submissions?agency=${agency}`,
      {
        as: "admin",
      },
    );
    return (list.body.items[0] as { id: string }).id;
  };

  const probes: Record<BooleanCapability, Probe | null> = {
    register: (as, agency) =>
      status(
        "POST",
        "/api/v1/applications",
        as,
        registerBody({ agencyCode: agency, handlerUsername: undefined }),
      ),
    viewOnlineSubmissions: (as, agency) => status("GET", `/api/v1/online-submissions?agency=${agency}`, as),
    confirmOnlineSubmissions: async (as, agency) =>
      status("POST", `/api/v1/online-submissions/${await freshSubmission(agency)}/confirm`, as, {}),
    approve: async (as, agency) =>
      status(
        "POST",
        `/api/v1/applications/${await freshCase(agency)}/actions`,
        as,
        actionBody("decide", "2026-03-10"),
      ),
    manageUsers: (as, agency) => status("GET", `/api/v1/users?agency=${agency}`, as),
    importLedger: (as, agency) => status("GET", `/api/v1/agencies/${agency}/ledger.xlsx?year=2026`, as),
    viewAccessLog: (as, agency) => status("GET", `/api/v1/agencies/${agency}/access-log`, as),
    manageAgencySettings: (as, agency) => status("GET", `/api/v1/agencies/${agency}/letter-settings`, as),
    closeReports: (as, agency) => status("PUT", `/api/v1/agencies/${agency}/reports/2025/texts`, as, {}),
    editCalendar: async (as) => {
      const year = await t.call<Record<string, unknown>>("GET", "/api/v1/calendar/2026", { as: "admin" });
      const { replanned: _r, holidayNames: _h, workdayNames: _w, ...body } = year.body;
      return status("PUT", "/api/v1/calendar/2026", as, body);
    },
    // No request needs these: they choose what the web shows (the 待办 tab, the subtree's
    // columns, the agency tree page), which the server filters by the same roles.
    hasTodo: null,
    viewSubtree: null,
    viewAgencies: null,
  };

  it.each(Object.keys(probes) as BooleanCapability[])("%s", async (capability) => {
    const probe = probes[capability];
    if (!probe) return;
    for (const as of users) {
      const { agencyCode } = can[as];
      const allowed = can[as][capability] || (as === "admin" && SYSTEM_ADMIN_BEYOND.includes(capability));
      const got = await probe(as, agencyCode);
      const what = `${capability} as ${as}: ${got} ${lastBody}`;
      if (allowed) {
        expect(got, what).toBeGreaterThanOrEqual(200);
        expect(got, what).toBeLessThan(300);
      } else {
        // 404 where the record itself is hidden from a non-administrator (letter settings)
        expect([403, 404], what).toContain(got);
        expect(lastBody, what).not.toContain("接口不存在");
      }
    }
  });

  it("each role's capabilities", () => {
    const yes = (as: UserKey) =>
      (Object.keys(probes) as BooleanCapability[]).filter((k) => can[as][k]).sort();
    expect(yes("clerk")).toEqual([
      "confirmOnlineSubmissions",
      "hasTodo",
      "register",
      "viewOnlineSubmissions",
    ]);
    expect(yes("handler")).toEqual(["hasTodo"]);
    expect(yes("approver")).toEqual(["approve", "hasTodo"]);
    expect(yes("townadmin")).toEqual(
      [
        "closeReports",
        "importLedger",
        "manageAgencySettings",
        "manageUsers",
        "viewAccessLog",
        "viewAgencies",
        "viewOnlineSubmissions",
      ].sort(),
    );
    expect(yes("supervisor")).toEqual(["viewAgencies", "viewSubtree"]);
    expect(yes("admin")).toEqual([
      "editCalendar",
      "importLedger",
      "manageUsers",
      "viewAccessLog",
      "viewAgencies",
    ]);
    expect(can.admin.grantRoles).toEqual(["intake", "handler", "approver", "agency_admin", "supervisor"]);
    expect(can.townadmin.grantRoles).toEqual(["intake", "handler", "approver", "agency_admin"]);
    expect(can.clerk.grantRoles).toEqual([]);
  });
});
