/**
 * The probes of the security matrix, generated from the route catalogue: for each route, each
 * family of attack that applies to it. Nothing here lists a route by hand except the access
 * rules (who must be refused) and the sample bodies; a new route gets every other family.
 */
import type { ActionType } from "../../../src/domain/application-events.ts";
import { ACCESS_RULES, refusedForAction, SELF_ROUTES } from "./access-rules.ts";
import { PROBE_APPLICANT } from "./personal-data.ts";
import type { CatalogueRoute } from "./route-catalogue.ts";
import type { Probe } from "./run-probes.ts";
import { sampleBodies, textFieldPaths, valueAt, withValueAt } from "./sample-bodies.ts";
import {
  type Credentials,
  type RawRequest,
  SECURITY_USERS,
  type SecurityFixture,
  type SecurityUser,
  VICTIM,
} from "./security-system.ts";

type Body = Record<string, unknown>;

export interface PlanContext {
  routes: readonly CatalogueRoute[];
  users: Record<SecurityUser, Credentials>;
  fixture: SecurityFixture;
  /** The calendar year as GET returns it, minus its labels: the body of PUT /calendar/:year. */
  calendarYear: Body;
  /** A bearer token that was valid and has been revoked. */
  revokedToken: string;
  /** A bearer token only the logout probes use (one of them succeeding must not log out the owner). */
  spareToken: string;
  /** The agency id of `other` (a mass-assignment value). */
  otherAgencyId: number;
}

/** Values injected by the mass-assignment probes; none of them may end up stored. */
export const INJECTED = {
  state: "closed",
  version: 424242,
  outcome: "not_held",
  isSystemAdmin: true,
  is_system_admin: true,
  roles: ["supervisor"],
  events: [{ type: "application.decided", payload: { outcome: "disclosed" } }],
  // The case's number (`trackingNo` in the API); `trackingNumber` is the 挂号单号 a clerk types.
  trackingNo: "FORGED-424242",
  id: "forged-424242",
  userId: 1,
  createdBy: "forged-424242",
} as const;

/** What a file-serving route must never answer with: the contents of files outside its folder. */
export const FILE_SECRETS = [
  '"devDependencies"',
  '"name": "ogi"',
  "root:x:0:0",
  '"compilerOptions"',
  "BEGIN PRIVATE",
];

const JSON_TYPE = { "content-type": "application/json" };
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** The town's applicant as the other agencies must never see it. */
export function townSecrets(f: SecurityFixture): string[] {
  return [
    PROBE_APPLICANT.name,
    PROBE_APPLICANT.idNumber,
    PROBE_APPLICANT.phone,
    PROBE_APPLICANT.address,
    f.trackingNumber,
  ];
}

/** The real value of a path parameter: the town's records, a closed year of its report. */
function pathValue(route: CatalogueRoute, param: string, ctx: PlanContext): string {
  const before = route.path.split(`:${param}`)[0]?.split("/").filter(Boolean).at(-1);
  const f = ctx.fixture;
  if (param === "id" && before === "applications") return f.applicationId;
  if (param === "id" && before === "appeals") return f.appealId;
  // A town handler that only the probes aim at: disabling it stops no one else's probes.
  if (param === "username") return VICTIM;
  if (param === "code") return "town";
  if (param === "year") return before === "calendar" ? "2026" : f.closedYear;
  if (param === "version") return "1";
  if (param === "row") return "new_received";
  if (param === "column") return "total";
  // The receipt has no 送达回证; the supplement notice (issued in the fixture) has one.
  if (param === "kind") return route.path.includes("delivery-receipt") ? "supplement_notice" : "receipt";
  throw new Error(
    `${route.key}: the matrix has no value for :${param} (after /${before}/); add one to pathValue()`,
  );
}

/** The route's path with real values, `override` (already encoded) in place of one parameter. */
export function fillPath(route: CatalogueRoute, ctx: PlanContext, override?: { param: string; raw: string }) {
  return route.path.replace(/:(\w+)/g, (_m, name: string) =>
    override?.param === name ? override.raw : encodeURIComponent(pathValue(route, name, ctx)),
  );
}

function ownerOf(route: CatalogueRoute): SecurityUser {
  if (SELF_ROUTES.has(route.key)) return "handler";
  return ACCESS_RULES[route.key]?.owner ?? "admin";
}

/** A request as `user` (bearer); the logout route gets the spare token. */
function asUser(ctx: PlanContext, route: CatalogueRoute, user: SecurityUser): Record<string, string> {
  return bearer(route.key === "POST /api/v1/auth/logout" ? ctx.spareToken : ctx.users[user].token);
}

function withJson(req: RawRequest, body: unknown): RawRequest {
  return { ...req, headers: { ...req.headers, ...JSON_TYPE }, body: JSON.stringify(body) };
}

/** The route's kind of body: JSON, or for an upload route a (small, not valid) file of its type. */
function withBody(route: CatalogueRoute, req: RawRequest, body: unknown): RawRequest {
  if (route.uploadTypes.length === 0) return withJson(req, body);
  return {
    ...req,
    headers: { ...req.headers, "content-type": route.uploadTypes[0] as string },
    body: "PK probe",
  };
}

/** The first sample body, or `{}` for routes whose body is optional or absent. */
function firstBody(route: CatalogueRoute, ctx: PlanContext): Body {
  return sampleBodies(route, ctx.calendarYear)[0] ?? {};
}

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

export function massAssignmentProbes(ctx: PlanContext): Probe[] {
  const extras: Body = { ...INJECTED, agencyId: ctx.otherAgencyId, agency_id: ctx.otherAgencyId };
  return ctx.routes
    .filter((r) => r.bodySchema && r.method !== "GET")
    .flatMap((route) => {
      const body = firstBody(route, ctx);
      const variants: [string, Body][] = [
        ...Object.entries(extras).map(([k, v]): [string, Body] => [k, { ...body, [k]: v }]),
        ["all of them", { ...body, ...extras }],
      ];
      if (typeof body.applicant === "object") {
        variants.push([
          "applicant.agencyId",
          { ...body, applicant: { ...(body.applicant as Body), agencyId: ctx.otherAgencyId } },
        ]);
      }
      return variants.map(
        ([what, b]): Probe => ({
          family: "mass-assignment",
          name: `${route.key} with ${what}`,
          request: withJson(
            { method: route.method, path: fillPath(route, ctx), headers: asUser(ctx, route, ownerOf(route)) },
            b,
          ),
          // Refused, or accepted with the extra ignored: the test then reads the stored rows.
          allowSuccess: true,
        }),
      );
    });
}

/** More than the 1 MB JSON limit; more than the ledger's 20 MB. */
export function oversizedProbes(ctx: PlanContext, ledgerMaxBytes: number): Probe[] {
  const big = JSON.stringify({ description: "长".repeat(400_000) }); // 1.2 MB in UTF-8
  return ctx.routes.map((route): Probe => {
    const headers = asUser(ctx, route, ownerOf(route));
    const path = fillPath(route, ctx);
    if (route.uploadTypes.length > 0) {
      return {
        family: "oversized",
        name: `${route.key} with a ${ledgerMaxBytes + 1}-byte file`,
        request: {
          method: route.method,
          path,
          headers: { ...headers, "content-type": route.uploadTypes[0] as string },
          body: Buffer.alloc(ledgerMaxBytes + 1, 0x41),
        },
        statuses: [413],
      };
    }
    return {
      family: "oversized",
      name: `${route.key} with a 1.2 MB JSON body`,
      request: { method: route.method, path, headers: { ...headers, ...JSON_TYPE }, body: big },
      statuses: [413],
    };
  });
}

const MALFORMED = [
  '{"agencyCode": "town",',
  "{'a': 1}",
  '{"a": 1} trailing',
  "\u0000",
  "[".repeat(10_000),
  '{"a": 0x10}',
];

export function malformedJsonProbes(ctx: PlanContext): Probe[] {
  return ctx.routes
    .filter((r) => r.uploadTypes.length === 0)
    .flatMap((route) =>
      MALFORMED.map(
        (raw, i): Probe => ({
          family: "malformed-json",
          name: `${route.key} with malformed JSON #${i + 1}`,
          request: {
            method: route.method,
            path: fillPath(route, ctx),
            headers: { ...asUser(ctx, route, ownerOf(route)), ...JSON_TYPE },
            body: raw,
          },
          statuses: [400],
        }),
      ),
    );
}

const WRONG_TYPES = [
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/xml",
  "application/json; charset=utf-16",
];

export function contentTypeProbes(ctx: PlanContext): Probe[] {
  return ctx.routes
    .filter((r) => r.method !== "GET" && (r.bodySchema || r.uploadTypes.length > 0))
    .flatMap((route) => {
      const types =
        route.uploadTypes.length > 0 ? ["application/json", "text/csv", "application/zip"] : WRONG_TYPES;
      const body = route.uploadTypes.length > 0 ? "{}" : JSON.stringify(firstBody(route, ctx));
      return types.map(
        (type): Probe => ({
          family: "content-type",
          name: `${route.key} sent as ${type}`,
          request: {
            method: route.method,
            path: fillPath(route, ctx),
            headers: { ...asUser(ctx, route, ownerOf(route)), "content-type": type },
            body,
          },
        }),
      );
    });
}

/** A NUL and lone surrogates, put in the middle of a valid text. */
const POISONS: [string, (s: string) => string][] = [
  ["NUL", (s) => `${s.slice(0, 1)}\u0000${s.slice(1)}`],
  ["a lone high surrogate", (s) => `${s.slice(0, 1)}\uD800${s.slice(1)}`],
  ["a lone low surrogate", (s) => `${s}\uDC00`],
];

/** Every text field of every body (present in the sample or only declared), every query parameter. */
export function poisonedTextProbes(ctx: PlanContext): Probe[] {
  const probes: Probe[] = [];
  for (const route of ctx.routes) {
    const headers = asUser(ctx, route, ownerOf(route));
    if (route.bodySchema) {
      for (const body of sampleBodies(route, ctx.calendarYear)) {
        for (const path of textFieldPaths(route.bodySchema, body)) {
          if (path.length === 0) continue;
          const current = valueAt(body, path);
          const text = typeof current === "string" && current.length > 0 ? current : "探测文字";
          for (const [what, poison] of POISONS) {
            const variant = "type" in body ? ` (${String(body.type)})` : "";
            probes.push({
              family: "poisoned-text",
              name: `${route.key}${variant}: ${what} in ${path.join(".")}`,
              request: withJson(
                { method: route.method, path: fillPath(route, ctx), headers },
                withValueAt(body, path, poison(text)),
              ),
              statuses: [422],
            });
          }
        }
      }
    }
    // A URL cannot carry a lone surrogate (it is UTF-8): the NUL, alone and inside a text.
    for (const name of route.queryParams) {
      for (const raw of ["%00", "a%00b"]) {
        const req: RawRequest = {
          method: route.method,
          path: `${fillPath(route, ctx)}?${name}=${raw}`,
          headers,
        };
        probes.push({
          family: "poisoned-text",
          name: `${route.key}: ?${name}=${raw}`,
          request: route.method === "GET" ? req : withBody(route, req, firstBody(route, ctx)),
          statuses: [422],
        });
      }
    }
  }
  return probes;
}

/** Odd values of every path parameter: a NUL (422), broken escapes, huge, negative, SQL, far years. */
const PATH_VALUES: [string, readonly number[] | undefined][] = [
  ["x%00", [422]],
  ["%00", [422]],
  ["%E0%A4%A", undefined],
  ["%ED%A0%80", undefined],
  ["9".repeat(300), undefined],
  ["9999", undefined],
  ["0", undefined],
  ["-1", undefined],
  ["1e3", undefined],
  ["%27%20OR%20%271%27%3D%271", undefined],
  ["%F0%9F%98%80", undefined],
];

export function pathParameterProbes(ctx: PlanContext): Probe[] {
  return ctx.routes.flatMap((route) =>
    route.pathParams.flatMap((param) =>
      PATH_VALUES.map(([raw, statuses]): Probe => {
        const req: RawRequest = {
          method: route.method,
          path: fillPath(route, ctx, { param, raw }),
          headers: asUser(ctx, route, ownerOf(route)),
        };
        return {
          family: "path-parameters",
          name: `${route.key} with :${param} = ${raw.slice(0, 40)}`,
          request: route.method === "GET" ? req : withBody(route, req, firstBody(route, ctx)),
          ...(statuses ? { statuses } : {}),
        };
      }),
    ),
  );
}

const TRAVERSALS = [
  "..%2F..%2Fpackage.json",
  "..%2f..%2f..%2fpackage.json",
  "%2e%2e%2f%2e%2e%2fpackage.json",
  "%2e%2e/%2e%2e/package.json",
  "..%252F..%252Fpackage.json",
  "%252e%252e%252f%252e%252e%252fpackage.json",
  "..%5c..%5cpackage.json",
  "....%2F%2F....%2F%2Fpackage.json",
  "%c0%ae%c0%ae%2f%c0%ae%c0%ae%2fpackage.json",
  "..%2F..%2F..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd",
  "%00",
  "index.html%00.js",
  "..%00%2Fpackage.json",
];

/** The web UI's static files, and every parameter of the routes that answer with a file. */
export function pathTraversalProbes(ctx: PlanContext): Probe[] {
  const probes: Probe[] = [];
  for (const t of TRAVERSALS) {
    probes.push({
      family: "path-traversal",
      name: `GET /assets/${t}`,
      request: { method: "GET", path: `/assets/${t}`, headers: {} },
      secrets: FILE_SECRETS,
    });
    // Outside /assets a page request may get the web UI's page: only that, never the file.
    for (const accept of ["*/*", "application/javascript"]) {
      probes.push({
        family: "path-traversal",
        name: `GET /${t} (Accept: ${accept})`,
        request: { method: "GET", path: `/${t}`, headers: { accept } },
        secrets: FILE_SECRETS,
        mayBePage: true,
      });
    }
  }
  const fileRoutes = ctx.routes.filter(
    (r) => r.method === "GET" && (!r.isDocumented || /\.(docx|xlsx|html)$/.test(r.path)),
  );
  for (const route of fileRoutes) {
    for (const param of route.pathParams) {
      for (const t of TRAVERSALS) {
        probes.push({
          family: "path-traversal",
          name: `${route.key} with :${param} = ${t}`,
          request: {
            method: "GET",
            path: fillPath(route, ctx, { param, raw: t }),
            headers: asUser(ctx, route, ownerOf(route)),
          },
          secrets: FILE_SECRETS,
        });
      }
    }
  }
  return probes;
}
