import {
  asUser,
  type Body,
  FILE_SECRETS,
  fillPath,
  firstBody,
  INJECTED,
  JSON_TYPE,
  ownerOf,
  type PlanContext,
  withBody,
  withJson,
} from "./probe-context.ts";
import type { Probe } from "./run-probes.ts";
import { sampleBodies, textFieldPaths, valueAt, withValueAt } from "./sample-bodies.ts";
import type { RawRequest } from "./security-system.ts";

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
/** Above every multipart route's whole-body limit (files and fields). */
const FORM_MAX_BYTES = 64 * 1024 * 1024;

export function oversizedProbes(ctx: PlanContext, ledgerMaxBytes: number): Probe[] {
  const big = JSON.stringify({ description: "长".repeat(400_000) }); // 1.2 MB in UTF-8
  return ctx.routes.map((route): Probe => {
    const headers = asUser(ctx, route, ownerOf(route));
    const path = fillPath(route, ctx);
    if (route.uploadTypes.length > 0) {
      // A form's limit is its files' total (a case document: 50 MB; the portal's: 30 MB).
      const bytes = (route.uploadTypes[0] === "multipart/form-data" ? FORM_MAX_BYTES : ledgerMaxBytes) + 1;
      return {
        family: "oversized",
        name: `${route.key} with a ${bytes}-byte file`,
        request: {
          method: route.method,
          path,
          headers: { ...headers, "content-type": route.uploadTypes[0] as string },
          body: Buffer.alloc(bytes, 0x41),
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
