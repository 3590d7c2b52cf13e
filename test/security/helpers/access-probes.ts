/** The access families of the security matrix: credentials, agencies, roles, CSRF, methods, personal data. */
import type { ActionType } from "../../../src/domain/application-events.ts";
import { ACCESS_RULES, refusedForAction, SELF_ROUTES } from "./access-rules.ts";
import { PROBE_APPLICANT } from "./personal-data.ts";
import {
  asUser,
  type Body,
  bearer,
  fillPath,
  firstBody,
  ownerOf,
  type PlanContext,
  townSecrets,
  withBody,
  withJson,
} from "./probe-context.ts";
import type { CatalogueRoute } from "./route-catalogue.ts";
import type { Probe } from "./run-probes.ts";
import { sampleBodies } from "./sample-bodies.ts";
import { type RawRequest, SECURITY_USERS, type SecurityUser } from "./security-system.ts";

export function unauthenticatedProbes(ctx: PlanContext): Probe[] {
  const variants: [string, Record<string, string>, string?][] = [
    ["no credentials", {}],
    ["a made-up bearer token", bearer("not-a-token-0000000000000000")],
    ["a revoked bearer token", bearer(ctx.revokedToken)],
    [
      "Basic with the right password",
      { authorization: `Basic ${Buffer.from("admin:password-123").toString("base64")}` },
    ],
    ["a made-up session cookie", { cookie: "ogi_session=not-a-session-000000000000" }],
    ["the admin's token in the query string", {}, `access_token=${ctx.users.admin.token}`],
  ];
  return ctx.routes
    .filter((r) => !r.isPublic)
    .flatMap((route) =>
      variants.map(([what, headers, query]): Probe => {
        const path = fillPath(route, ctx) + (query ? `?${query}` : "");
        const req: RawRequest = { method: route.method, path, headers };
        return {
          family: "unauthenticated",
          name: `${route.key} with ${what}`,
          request: route.method === "GET" ? req : withBody(route, req, firstBody(route, ctx)),
          statuses: [401],
        };
      }),
    );
}

/**
 * Query strings an attacker of another agency would try on a list: the town's cases by name, by
 * LIKE wildcards, by SQL that would widen the filter.
 */
function attackerQueries(route: CatalogueRoute): string[] {
  const q: string[] = [""];
  if (route.queryParams.includes("agency"))
    q.push("agency=town", "agency=%25", "agency=town%27%20OR%20%271%27%3D%271");
  if (route.queryParams.includes("q")) {
    q.push(
      `q=${encodeURIComponent(PROBE_APPLICANT.name)}`,
      "q=%25",
      "q=_",
      "q=%27%20OR%20%271%27%3D%271%27--",
    );
  }
  if (route.queryParams.includes("include")) q.push("include=subtree");
  return q;
}

export function crossAgencyProbes(ctx: PlanContext): Probe[] {
  const attackers: SecurityUser[] = ["outsider", "otheradmin"];
  const secrets = townSecrets(ctx.fixture);
  return ctx.routes
    .filter((r) => !r.isPublic && !SELF_ROUTES.has(r.key))
    .flatMap((route) => {
      const isTownBound = route.pathParams.some((p) => p === "id" || p === "code" || p === "username");
      const bodies = route.method === "GET" ? [undefined] : sampleBodies(route, ctx.calendarYear);
      return attackers.flatMap((attacker) =>
        attackerQueries(route).flatMap((query) =>
          (bodies.length > 0 ? bodies : [{}]).map((body): Probe => {
            const path = fillPath(route, ctx) + (query ? `?${query}` : "");
            const req: RawRequest = { method: route.method, path, headers: asUser(ctx, route, attacker) };
            const what = body && "type" in body ? ` (${String(body.type)})` : query ? ` ?${query}` : "";
            // A read of the attacker's own agency (a list, the calendar) may succeed: without the town's data.
            const mayRead = route.method === "GET" && !isTownBound;
            return {
              family: "cross-agency",
              name: `${route.key}${what} as ${attacker}`,
              request: body === undefined ? req : withBody(route, req, body),
              ...(mayRead ? { allowSuccess: true } : { statuses: [403, 404] }),
              secrets,
            };
          }),
        ),
      );
    });
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Every path with the methods it does not serve (DELETE of a case, PUT of a login): 404 or 405. */
export function methodConfusionProbes(ctx: PlanContext): Probe[] {
  const byPath = new Map<string, CatalogueRoute[]>();
  for (const r of ctx.routes) byPath.set(r.path, [...(byPath.get(r.path) ?? []), r]);
  return [...byPath.values()].flatMap((routes) => {
    const route = routes[0] as CatalogueRoute;
    return METHODS.filter((m) => !routes.some((r) => r.method === m)).map(
      (method): Probe => ({
        family: "method-confusion",
        name: `${method} ${route.path}`,
        request: withJson(
          { method, path: fillPath(route, ctx), headers: bearer(ctx.users.admin.token) },
          firstBody(route, ctx),
        ),
        statuses: [404, 405],
      }),
    );
  });
}

/** The routes that show an applicant's ID number and phone in full, to the handling agency only. */
const FULL_PERSONAL_DATA_ROUTES = new Set(["GET /api/v1/applications/:id"]);

/**
 * Every read, as every user: lists, exports, reports and the supervisor's views carry the
 * applicant's ID number and phone masked, never the e-mail or address; the case page shows them
 * in full to the handling agency's users alone (issue 10, 个人信息保护法).
 */
export function personalDataProbes(ctx: PlanContext): Probe[] {
  const a = PROBE_APPLICANT;
  const full = [a.idNumber, a.phone, a.email, a.address];
  const users = Object.keys(ctx.users) as SecurityUser[];
  return ctx.routes
    .filter((r) => r.method === "GET")
    .flatMap((route) =>
      users.flatMap((user) => {
        const isHandlingAgency =
          SECURITY_USERS[user].agency === "town" && !SECURITY_USERS[user].isSystemAdmin;
        if (FULL_PERSONAL_DATA_ROUTES.has(route.key) && isHandlingAgency) return [];
        return attackerQueries(route).map(
          (query): Probe => ({
            family: "personal-data",
            name: `${route.key}${query ? `?${query}` : ""} as ${user}`,
            request: {
              method: "GET",
              path: fillPath(route, ctx) + (query ? `?${query}` : ""),
              headers: asUser(ctx, route, user),
            },
            allowSuccess: true,
            secrets: full,
          }),
        );
      }),
    );
}

/** Routes that write and have no access rule: the matrix cannot know who must be refused. */
export function routesWithoutRule(ctx: PlanContext): string[] {
  return ctx.routes
    .filter((r) => r.method !== "GET" && !r.isPublic && !SELF_ROUTES.has(r.key) && !ACCESS_RULES[r.key])
    .map((r) => r.key);
}

export function roleProbes(ctx: PlanContext): Probe[] {
  const probes: Probe[] = [];
  for (const route of ctx.routes) {
    const rule = ACCESS_RULES[route.key];
    if (!rule || route.isPublic) continue;
    const bodies = route.method === "GET" ? [undefined] : sampleBodies(route, ctx.calendarYear);
    for (const body of bodies.length > 0 ? bodies : [{}]) {
      const isAction = route.key === "POST /api/v1/applications/:id/actions";
      const refused = isAction ? refusedForAction(String(body?.type) as ActionType) : rule.refused;
      for (const user of refused) {
        const req: RawRequest = {
          method: route.method,
          path: fillPath(route, ctx),
          headers: asUser(ctx, route, user),
        };
        probes.push({
          family: "roles",
          name: `${route.key}${isAction ? ` (${String(body?.type)})` : ""} as ${user}`,
          request: body === undefined ? req : withBody(route, req, body),
          statuses: [403, 404],
        });
      }
    }
  }
  return [...probes, ...escalationProbes(ctx)];
}

/** An agency admin grants only its own agency's roles (issue 10, hole 1). */
function escalationProbes(ctx: PlanContext): Probe[] {
  const route = ctx.routes.find((r) => r.key === "POST /api/v1/users");
  if (!route) return [];
  const base = firstBody(route, ctx);
  const tries: [string, Body][] = [
    ["grants supervisor", { ...base, username: "probe-esc-1", roles: ["supervisor"] }],
    ["creates a user in the county above", { ...base, username: "probe-esc-2", agencyCode: "county" }],
    ["creates a user in a sibling agency", { ...base, username: "probe-esc-3", agencyCode: "other" }],
    ["creates a system admin", { ...base, username: "probe-esc-4", isSystemAdmin: true }],
  ];
  return tries.map(([what, body]) => ({
    family: "roles",
    name: `POST /api/v1/users: the town's admin ${what}`,
    request: withJson({ method: "POST", path: route.path, headers: asUser(ctx, route, "townadmin") }, body),
    statuses: [403, 422],
  }));
}

export function csrfProbes(ctx: PlanContext): Probe[] {
  return ctx.routes
    .filter((r) => r.method !== "GET" && !r.isPublic)
    .flatMap((route) => {
      const owner = ownerOf(route);
      const { session } = ctx.users[owner];
      const another = ctx.users[owner === "clerk" ? "handler" : "clerk"].session.csrfToken;
      const cookie = { cookie: `ogi_session=${session.token}` };
      const body = firstBody(route, ctx);
      const variants: [string, Record<string, string>, string, unknown][] = [
        ["no X-CSRF-Token", cookie, "", body],
        ["a wrong X-CSRF-Token", { ...cookie, "x-csrf-token": "x".repeat(32) }, "", body],
        ["another session's X-CSRF-Token", { ...cookie, "x-csrf-token": another }, "", body],
        ["the token in the query string", cookie, `?csrfToken=${session.csrfToken}`, body],
        ["the token in the body", cookie, "", { ...body, csrfToken: session.csrfToken }],
      ];
      return variants.map(
        ([what, headers, query, b]): Probe => ({
          family: "csrf",
          name: `${route.key}: ${owner}'s session cookie with ${what}`,
          request: withBody(route, { method: route.method, path: fillPath(route, ctx) + query, headers }, b),
          statuses: [403],
        }),
      );
    });
}
