/**
 * The OpenAPI 3.1 document of the API, generated from the route specs and their zod schemas
 * (z.toJSONSchema, JSON Schema 2020-12 as OpenAPI 3.1 uses), so it lists exactly what the
 * server mounts and validates.
 */
import { z } from "zod";
import { ERROR_STATUS } from "../../app-error.ts";
import { SESSION_COOKIE } from "../auth/session-cookie.ts";
import type { AnyRoute } from "../routing/define-route.ts";

type JsonSchema = Record<string, unknown>;

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "请求体不是有效的 JSON",
  401: "未登录或登录已失效",
  403: "无权执行（角色或机关不符），或会话请求缺少 X-CSRF-Token",
  404: "不存在，或不在您的查看范围内",
  409: "当前状态不允许该操作（消息中列出当前状态和可执行的操作），或已被他人修改（请重新读取后重试）",
  413: "请求体过大",
  422: "输入有误：消息和 details 指出字段及原因",
  429: "登录失败次数过多",
  500: "系统内部错误",
};

/** A request's schema as it is accepted ("input"), an answer's as it is sent ("output"). */
function toJsonSchema(schema: z.ZodType, io: "input" | "output" = "input"): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" });
  return rest as JsonSchema;
}

const DEFS_REF = "#/$defs/";
const COMPONENTS_REF = "#/components/schemas/";

/**
 * The schemas named with `.meta({id})` land in each operation's `$defs`: moved to
 * `components.schemas` (one entry per name) and referenced from there. Two different shapes
 * under one name would make the web's generated types lie, so they stop the build.
 */
function hoistNamedSchemas(node: unknown, named: Map<string, string>): unknown {
  if (Array.isArray(node)) return node.map((n) => hoistNamedSchemas(n, named));
  if (typeof node !== "object" || node === null) return node;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "$defs" && typeof value === "object" && value !== null) {
      for (const [id, def] of Object.entries(value)) {
        if (id.startsWith("__schema")) {
          throw new Error(`OpenAPI: a recursive schema has no name (${id}): name it with .meta({id})`);
        }
        const json = JSON.stringify(hoistNamedSchemas(def, named));
        const known = named.get(id);
        if (known !== undefined && known !== json) {
          throw new Error(`OpenAPI: two different schemas are named "${id}" (.meta({id})): rename one`);
        }
        named.set(id, json);
      }
    } else if (key === "$ref" && typeof value === "string" && value.startsWith(DEFS_REF)) {
      out[key] = COMPONENTS_REF + value.slice(DEFS_REF.length);
    } else {
      out[key] = hoistNamedSchemas(value, named);
    }
  }
  return out;
}

/** One entry of an error's `details`: the field (when one is at fault) and what is wrong. */
const ERROR_DETAIL_SCHEMA: JsonSchema = {
  type: "object",
  required: ["message"],
  properties: {
    field: { type: "string", description: "字段路径，如 applicant.name" },
    message: { type: "string" },
  },
};

const ERROR_SCHEMA: JsonSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string", enum: Object.keys(ERROR_STATUS) },
        message: { type: "string", description: "中文说明，写明哪里有误、应当怎么做" },
        details: {
          type: "array",
          items: { $ref: "#/components/schemas/ErrorDetail" },
        },
      },
    },
  },
};

/** An error status's body: Error, or also the route's other shape for it (errorBodies). */
function errorSchemaOf(route: AnyRoute, status: number): JsonSchema {
  const error = { $ref: "#/components/schemas/Error" };
  const other = route.errorBodies?.[status];
  return other ? { anyOf: [error, toJsonSchema(other, "output")] } : error;
}

function parametersOf(route: AnyRoute): JsonSchema[] {
  const params: JsonSchema[] = [];
  const pathNames = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1] as string);
  const pathShape = route.params instanceof z.ZodObject ? route.params.shape : {};
  for (const name of pathNames) {
    const s = (pathShape as Record<string, z.ZodType>)[name];
    params.push({ name, in: "path", required: true, schema: s ? toJsonSchema(s) : { type: "string" } });
  }
  if (route.query instanceof z.ZodObject) {
    for (const [name, s] of Object.entries(route.query.shape as Record<string, z.ZodType>)) {
      params.push({ name, in: "query", required: !s.safeParse(undefined).success, schema: toJsonSchema(s) });
    }
  }
  for (const h of route.headers ?? []) {
    params.push({
      name: h.name,
      in: "header",
      required: h.required ?? false,
      description: h.description,
      schema: { type: "string" },
    });
  }
  return params;
}

function errorStatuses(route: AnyRoute): number[] {
  const statuses = new Set<number>(route.errors ?? []);
  if (route.body || route.upload || route.multipart) statuses.add(400).add(413);
  if (route.body || route.upload || route.multipart || route.query || route.params) statuses.add(422);
  if (route.access === "user") statuses.add(401);
  statuses.add(500);
  return [...statuses].sort((a, b) => a - b);
}

const BINARY: JsonSchema = { type: "string", format: "binary" };

/** The success answer: JSON by default, else the route's media types (a file, a stream of lines). */
function successOf(route: AnyRoute, status: number): JsonSchema {
  if (status === 204) return { description: "成功，无内容" };
  if (!route.produces) {
    const json = route.response ? { schema: toJsonSchema(route.response, "output") } : {};
    return { description: "成功", content: { "application/json": json } };
  }
  const descriptions = route.produces.flatMap((p) => (p.description ? [p.description] : []));
  return {
    description: descriptions.length > 0 ? descriptions.join("；") : "成功",
    content: Object.fromEntries(
      route.produces.map((p) => [p.mediaType, { schema: p.schema ? toJsonSchema(p.schema) : BINARY }]),
    ),
  };
}

function operationOf(route: AnyRoute): JsonSchema {
  const status = route.status ?? 200;
  const responses: Record<string, JsonSchema> = { [status]: successOf(route, status) };
  for (const s of errorStatuses(route)) {
    responses[s] = {
      description: ERROR_DESCRIPTIONS[s] ?? "错误",
      content: { "application/json": { schema: errorSchemaOf(route, s) } },
    };
  }
  const op: JsonSchema = {
    operationId: `${route.method}${route.path.replace(/[^A-Za-z0-9]+(\w)?/g, (_m, c: string | undefined) => (c ?? "").toUpperCase())}`,
    summary: route.summary,
    tags: [route.tag],
    security: route.access === "user" ? [{ bearerAuth: [] }, { sessionCookie: [] }] : [],
    parameters: parametersOf(route),
    responses,
  };
  if (route.body) {
    op.requestBody = {
      required: route.isBodyOptional !== true,
      content: { "application/json": { schema: toJsonSchema(route.body) } },
    };
  }
  if (route.upload) {
    op.requestBody = {
      required: true,
      description: `${route.upload.description}（不超过 ${route.upload.maxBytes} 字节）`,
      content: Object.fromEntries(route.upload.mediaTypes.map((t) => [t, { schema: BINARY }])),
    };
  }
  if (route.multipart) {
    const fields = toJsonSchema(route.multipart.fields);
    const files = Object.fromEntries(route.multipart.files.map((f) => [f, BINARY]));
    const json = route.body ? (op.requestBody as { content: JsonSchema } | undefined)?.content : undefined;
    op.requestBody = {
      required: true,
      description: `${route.multipart.description}（每个文件不超过 ${route.multipart.maxBytes} 字节）`,
      content: {
        ...json,
        "multipart/form-data": {
          schema: {
            ...fields,
            properties: { ...(fields.properties as object | undefined), ...files },
            required: [...((fields.required as string[] | undefined) ?? []), ...route.multipart.files],
          },
        },
      },
    };
  }
  return op;
}

export function buildOpenApiDocument(routes: readonly AnyRoute[]): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, "{$1}");
    paths[path] ??= {};
    paths[path][route.method] = operationOf(route);
  }
  const named = new Map<string, string>();
  const hoisted = hoistNamedSchemas(paths, named);
  const schemas: JsonSchema = { Error: ERROR_SCHEMA, ErrorDetail: ERROR_DETAIL_SCHEMA };
  for (const id of [...named.keys()].sort()) schemas[id] = JSON.parse(named.get(id) ?? "null");
  return {
    openapi: "3.1.0",
    info: {
      title: "政府信息公开申请办理系统 API",
      version: "1",
      description:
        "依申请公开的登记、办理、期限与统计。错误统一为 {error: {code, message, details?}}，message 为中文。",
    },
    paths: hoisted,
    components: {
      schemas,
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "POST /api/v1/auth/login 返回的令牌" },
        sessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: SESSION_COOKIE,
          description: "网页会话；修改类请求须带 X-CSRF-Token 请求头",
        },
      },
    },
  };
}
