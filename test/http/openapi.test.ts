import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTION_TYPES } from "../../src/domain/application-events.ts";
import { defineRoute, mountRoutes } from "../../src/http/routing/define-route.ts";
import { startStubApp } from "./helpers/stub-app.ts";

type Json = Record<string, unknown>;
interface Operation {
  summary: string;
  security: unknown[];
  parameters: { name: string; in: string; required: boolean }[];
  requestBody?: { content: { "application/json": { schema: Json } } };
  responses: Record<string, { content?: { "application/json": { schema?: { $ref?: string } } } }>;
}
interface Document {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Json>; securitySchemes: Record<string, Json> };
}

/** The API.md surface this part of the system serves, plus its documented additions. */
const EXPECTED: [string, string][] = [
  ["get", "/healthz"],
  ["post", "/api/v1/auth/login"],
  ["post", "/api/v1/auth/logout"],
  ["get", "/api/v1/auth/me"],
  ["post", "/api/v1/agencies"],
  ["get", "/api/v1/agencies"],
  ["get", "/api/v1/agencies/{code}/handlers"],
  ["post", "/api/v1/users"],
  ["get", "/api/v1/users"],
  ["patch", "/api/v1/users/{username}"],
  ["post", "/api/v1/users/{username}/disable"],
  ["post", "/api/v1/users/{username}/enable"],
  ["post", "/api/v1/users/{username}/reset-password"],
  ["post", "/api/v1/users/{username}/end-sessions"],
  ["post", "/api/v1/users/{username}/hand-over"],
  ["get", "/api/v1/account-audit"],
  ["post", "/api/v1/applications"],
  ["get", "/api/v1/applications"],
  ["get", "/api/v1/applications/counters"],
  ["get", "/api/v1/applications/{id}"],
  ["post", "/api/v1/applications/{id}/actions"],
  ["post", "/api/v1/applications/{id}/appeals"],
  ["get", "/api/v1/applications/{id}/appeals"],
  ["get", "/api/v1/applications/{id}/notices"],
  ["post", "/api/v1/appeals/{id}/result"],
  ["get", "/api/v1/calendar/{year}"],
  ["put", "/api/v1/calendar/{year}"],
  ["get", "/api/v1/stats"],
  ["get", "/api/v1/settings"],
  ["post", "/api/v1/auth/password"],
  ["get", "/api/v1/meta"],
  ["get", "/api/v1/openapi.json"],
  ["post", "/api/v1/agencies/{code}/imports"],
  ["get", "/api/v1/agencies/{code}/ledger.xlsx"],
  ["get", "/api/v1/agencies/{code}/access-log"],
  ["get", "/api/v1/agencies/{code}/access-log.csv"],
  ["get", "/api/v1/agencies/{code}/access-log.xlsx"],
  ["get", "/api/v1/imports/template.xlsx"],
];

describe("the OpenAPI document", () => {
  let app: Awaited<ReturnType<typeof startStubApp>>;
  let doc: Document;
  beforeAll(async () => {
    app = await startStubApp();
    const res = await fetch(`${app.baseUrl}/api/v1/openapi.json`);
    expect(res.status).toBe(200);
    doc = JSON.parse(await res.text()) as Document;
  });
  afterAll(async () => {
    await app?.close();
  });
  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ path, method, op })),
    );

  it("is OpenAPI 3.1 and lists exactly the served routes", () => {
    expect(doc.openapi).toBe("3.1.0");
    const listed = operations().map(({ method, path }) => [method, path]);
    expect(new Set(listed.map((x) => x.join(" ")))).toEqual(new Set(EXPECTED.map((x) => x.join(" "))));
  });

  it("lists routes the server really answers", async () => {
    for (const { path, method, op } of operations()) {
      if (op.security.length === 0) continue;
      const url = path.replace("{id}", "x").replace("{year}", "2026");
      const res = await fetch(`${app.baseUrl}${url}`, { method: method.toUpperCase() });
      expect(res.status, `${method} ${path}`).toBe(401);
    }
  });

  it("gives every operation its request schema and the error shape", () => {
    for (const { path, method, op } of operations()) {
      const errors = Object.entries(op.responses).filter(([status]) => Number(status) >= 400);
      expect(errors.length, `${method} ${path}`).toBeGreaterThan(0);
      for (const [, r] of errors) {
        expect(r.content?.["application/json"].schema?.$ref).toBe("#/components/schemas/Error");
      }
      if (method === "post" || method === "put") {
        const needsBody = !path.endsWith("/logout");
        expect(Boolean(op.requestBody), `${method} ${path}`).toBe(needsBody);
      }
      for (const name of [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1])) {
        expect(op.parameters).toContainEqual(expect.objectContaining({ name, in: "path", required: true }));
      }
    }
    const error = doc.components.schemas.Error as { properties: { error: { required: string[] } } };
    expect(error.properties.error.required).toEqual(["code", "message"]);
    const register = doc.paths["/api/v1/applications"]?.post?.requestBody?.content["application/json"].schema;
    expect(register).toMatchObject({
      additionalProperties: false,
      required: expect.arrayContaining(["applicant"]),
    });
    const list = doc.paths["/api/v1/applications"]?.get?.parameters.map((p) => p.name);
    expect(list).toEqual(expect.arrayContaining(["view", "sort", "order"]));
    expect(list).toEqual(
      expect.arrayContaining(["agency", "state", "dueBefore", "q", "page", "pageSize", "mine", "assigned"]),
    );
  });

  it("lists all 20 action types in the action body schema (API.md, record_receipt, re_reply, withdraw_proposal, assign and amend_registration included)", () => {
    const body = doc.paths["/api/v1/applications/{id}/actions"]?.post?.requestBody?.content[
      "application/json"
    ].schema as { $ref?: string };
    expect(body.$ref).toBe("#/components/schemas/ActionBody");
    const schema = doc.components.schemas.ActionBody as { oneOf?: Json[]; anyOf?: Json[] };
    const variants = schema.oneOf ?? schema.anyOf ?? [];
    const types = variants.map((v) => (v.properties as { type: { const: string } }).type.const);
    expect(types).toHaveLength(20);
    expect(new Set(types)).toEqual(new Set(ACTION_TYPES));
    const extend = variants.find(
      (v) => (v.properties as { type: { const: string } }).type.const === "extend",
    );
    expect(extend).toMatchObject({
      required: expect.arrayContaining(["type", "on", "workdays", "reason"]),
      properties: { workdays: { type: "integer", minimum: 1, maximum: 20 } },
    });
  });

  it("mounts an extension's router and documents its routes", async () => {
    const ext = await startStubApp({}, [
      (auth) => {
        const specs = [
          defineRoute({
            method: "get",
            path: "/api/v1/demo/:id",
            summary: "示例扩展",
            tag: "demo",
            access: "user",
            async handle({ actor, req }) {
              return { id: req.params.id, user: actor.username };
            },
          }),
        ];
        const router = express.Router();
        mountRoutes(router, specs, auth);
        return { router, specs };
      },
    ]);
    try {
      const reply = await fetch(`${ext.baseUrl}/api/v1/demo/7`, { headers: { authorization: "Bearer x" } });
      expect(await reply.json()).toEqual({ id: "7", user: "clerk" });
      expect(reply.headers.get("cache-control")).toBe("no-store");
      const extDoc = (await (await fetch(`${ext.baseUrl}/api/v1/openapi.json`)).json()) as Document;
      expect(extDoc.paths["/api/v1/demo/{id}"]?.get?.summary).toBe("示例扩展");
      expect((await fetch(`${ext.baseUrl}/api/v1/demo`)).status).toBe(404);
    } finally {
      await ext.close();
    }
  });
});
