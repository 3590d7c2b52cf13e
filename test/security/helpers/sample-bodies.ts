/**
 * A valid body for every route that takes one, aimed at the town's records: the probes change
 * one thing in it (a poisoned field, an extra field, the caller) so that what refuses them is the
 * thing probed and not a missing field. A route without an entry gets a body made from its JSON
 * schema; the role probes fail (422 instead of 403) when that body is not valid.
 */
import { ACTION_TYPES } from "../../../src/domain/application-events.ts";
import { actionBody, registerBody } from "../../http/helpers/fixtures.ts";
import { ZERO_TABLE2_2021 } from "../../reports/support/table2-figures.ts";
import { PROBE_APPLICANT } from "./personal-data.ts";
import type { CatalogueRoute, JsonSchema } from "./route-catalogue.ts";

type Body = Record<string, unknown>;
const REPORTS = "/api/v1/agencies/:code/reports/:year";

const SAMPLES: Record<string, (calendarYear: Body) => Body[]> = {
  // Never the right password: a probe must not log anyone in or change a password.
  "POST /api/v1/auth/login": () => [{ username: "clerk", password: "not-the-password" }],
  "POST /api/v1/auth/password": () => [
    { currentPassword: "not-the-password", newPassword: "another-password-456" },
  ],
  "POST /api/v1/agencies": () => [
    { code: "probe-dept", name: "探测局", kind: "department", parentCode: "town" },
  ],
  "POST /api/v1/users": () => [
    {
      username: "probe-user",
      password: "a-long-password",
      displayName: "探测用户",
      agencyCode: "town",
      roles: ["handler"],
    },
  ],
  "POST /api/v1/applications": () => [registerBody({ applicant: { ...PROBE_APPLICANT } })],
  "POST /api/v1/applications/:id/actions": () => ACTION_TYPES.map((type) => actionBody(type)),
  "POST /api/v1/applications/:id/appeals": () => [{ kind: "litigation_direct", filedOn: "2026-03-10" }],
  "POST /api/v1/appeals/:id/result": () => [{ result: "upheld", on: "2026-03-15" }],
  "PUT /api/v1/calendar/:year": (calendarYear) => [structuredClone(calendarYear)],
  [`PUT ${REPORTS}/proactive`]: () => [{ ...ZERO_TABLE2_2021, amendmentReason: "探测：更正表二" }],
  [`PUT ${REPORTS}/texts`]: () => [{ overview: "探测：总体情况", amendmentReason: "探测：更正文字" }],
  [`POST ${REPORTS}/close`]: () => [{ acknowledgeWarnings: true }],
  [`POST ${REPORTS}/amend`]: () => [{ reason: "探测：修订" }],
  "PUT /api/v1/agencies/:code/letter-settings": () => [{ shortName: "探测镇" }],
  "POST /api/v1/applications/:id/letters/:kind": () => [{}],
  "PATCH /api/v1/users/:username": () => [{ displayName: "探测改名" }],
  "POST /api/v1/users/:username/disable": () => [{ reason: "探测：停用" }],
  "POST /api/v1/users/:username/enable": () => [{ reason: "探测：启用" }],
  "POST /api/v1/users/:username/end-sessions": () => [{ reason: "探测：结束会话" }],
  "POST /api/v1/users/:username/hand-over": () => [{ toUsername: "handler", reason: "探测：交接" }],
  "POST /api/v1/users/:username/reset-password": () => [{ password: "a-temporary-password" }],
};

/** The valid bodies of a route (one per variant: an action body per action type). */
export function sampleBodies(route: CatalogueRoute, calendarYear: Body): Body[] {
  const known = SAMPLES[route.key];
  const schema = route.bodySchema;
  // A field made required after the sample was written (a new action type's) gets a schema value.
  if (known) return known(calendarYear).map((b) => (schema ? withRequiredFields(b, schema) : b));
  if (!route.bodySchema) return [];
  return [exampleOf(route.bodySchema) as Body];
}

/** The simplest value a JSON schema accepts: required properties only, first enum value. */
export function exampleOf(schema: JsonSchema): unknown {
  if ("const" in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  const variants = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (variants?.[0]) return exampleOf(variants.find((v) => v.type !== "null") ?? variants[0]);
  switch (schema.type) {
    case "object": {
      const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
      const required = (schema.required ?? []) as string[];
      return Object.fromEntries(required.map((k) => [k, exampleOf(props[k] ?? {})]));
    }
    case "array":
      return Array.from({ length: Number(schema.minItems ?? 0) }, () =>
        exampleOf((schema.items ?? {}) as JsonSchema),
      );
    case "string":
      if (schema.format === "date") return "2026-03-10";
      return "探测".padEnd(Number(schema.minLength ?? 1), "测");
    case "integer":
    case "number":
      return Number(schema.minimum ?? 1);
    case "boolean":
      return true;
    default:
      return null;
  }
}

/** `body` plus a value for each required property it lacks (of the union variant of its `type`). */
function withRequiredFields(body: Body, schema: JsonSchema): Body {
  const variants = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  const variant =
    variants?.find((v) => {
      const t = (v.properties as Record<string, JsonSchema> | undefined)?.type;
      return (
        t !== undefined && (t.const === body.type || (Array.isArray(t.enum) && t.enum.includes(body.type)))
      );
    }) ?? schema;
  const props = (variant.properties ?? {}) as Record<string, JsonSchema>;
  const missing = ((variant.required ?? []) as string[]).filter((k) => !(k in body) && props[k]);
  return { ...body, ...Object.fromEntries(missing.map((k) => [k, exampleOf(props[k] as JsonSchema)])) };
}

/** A path into a body: keys and array indexes. */
export type FieldPath = (string | number)[];

/**
 * Every text field the schema declares, present in the sample or not (an optional
 * `applicant.idNumber` too): the paths the poisoned-text probes write to. The variant of a
 * union is the one whose `type` matches the sample's.
 */
export function textFieldPaths(schema: JsonSchema, sample: unknown): FieldPath[] {
  const variants = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (variants) {
    const type = (sample as Body | undefined)?.type;
    const matching = variants.filter((v) => {
      const t = (v.properties as Record<string, JsonSchema> | undefined)?.type;
      return t === undefined || t.const === type || (Array.isArray(t.enum) && t.enum.includes(type));
    });
    const paths = matching.flatMap((v) => textFieldPaths(v, sample));
    const unique = new Map(paths.map((p) => [JSON.stringify(p), p]));
    return [...unique.values()];
  }
  if (schema.type === "string" || (Array.isArray(schema.type) && schema.type.includes("string"))) return [[]];
  if (schema.type === "array" && schema.items) {
    return textFieldPaths(schema.items as JsonSchema, (sample as unknown[] | undefined)?.[0]).map((p) => [
      0,
      ...p,
    ]);
  }
  if (schema.type === "object" && schema.properties) {
    return Object.entries(schema.properties as Record<string, JsonSchema>).flatMap(([key, s]) =>
      textFieldPaths(s, (sample as Body | undefined)?.[key]).map((p) => [key, ...p]),
    );
  }
  return [];
}

/** A copy of `body` with `value` at `path`, creating the objects and arrays on the way. */
export function withValueAt(body: Body, path: FieldPath, value: unknown): Body {
  const copy = structuredClone(body);
  let node: Record<string | number, unknown> = copy;
  path.forEach((key, i) => {
    if (i === path.length - 1) {
      node[key] = value;
      return;
    }
    const next = node[key];
    if (typeof next !== "object" || next === null) node[key] = typeof path[i + 1] === "number" ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  });
  return copy;
}

export function valueAt(body: unknown, path: FieldPath): unknown {
  let node = body;
  for (const key of path) node = (node as Record<string | number, unknown> | undefined)?.[key];
  return node;
}
