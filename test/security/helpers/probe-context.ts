import { ACCESS_RULES, SELF_ROUTES } from "./access-rules.ts";
import { PROBE_APPLICANT } from "./personal-data.ts";
import type { CatalogueRoute } from "./route-catalogue.ts";
import { sampleBodies } from "./sample-bodies.ts";
import {
  type Credentials,
  type RawRequest,
  type SecurityFixture,
  type SecurityUser,
  VICTIM,
} from "./security-system.ts";

export type Body = Record<string, unknown>;

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

export const JSON_TYPE = { "content-type": "application/json" };
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

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
export function pathValue(route: CatalogueRoute, param: string, ctx: PlanContext): string {
  const before = route.path.split(`:${param}`)[0]?.split("/").filter(Boolean).at(-1);
  const f = ctx.fixture;
  if (param === "id" && before === "applications") return f.applicationId;
  if (param === "id" && before === "appeals") return f.appealId;
  if (param === "id" && before === "online-submissions") return f.submissionId;
  if (param === "queryCode") return f.queryCode;
  if (param === "docId")
    return route.path.startsWith("/api/v1/online-submissions") ? f.submissionDocumentId : f.documentId;
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

export function ownerOf(route: CatalogueRoute): SecurityUser {
  if (SELF_ROUTES.has(route.key)) return "handler";
  return ACCESS_RULES[route.key]?.owner ?? "admin";
}

/** A request as `user` (bearer); the logout route gets the spare token. */
export function asUser(ctx: PlanContext, route: CatalogueRoute, user: SecurityUser): Record<string, string> {
  return bearer(route.key === "POST /api/v1/auth/logout" ? ctx.spareToken : ctx.users[user].token);
}

export function withJson(req: RawRequest, body: unknown): RawRequest {
  return { ...req, headers: { ...req.headers, ...JSON_TYPE }, body: JSON.stringify(body) };
}

/** The route's kind of body: JSON, or for an upload route a (small, not valid) file of its type. */
export function withBody(route: CatalogueRoute, req: RawRequest, body: unknown): RawRequest {
  if (route.uploadTypes.length === 0) return withJson(req, body);
  return {
    ...req,
    headers: { ...req.headers, "content-type": route.uploadTypes[0] as string },
    body: "PK probe",
  };
}

/** The first sample body, or `{}` for routes whose body is optional or absent. */
export function firstBody(route: CatalogueRoute, ctx: PlanContext): Body {
  return sampleBodies(route, ctx.calendarYear)[0] ?? {};
}
