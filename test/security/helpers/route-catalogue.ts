/**
 * Every route the running app serves, read from Express's own router (so a file route missing
 * from the OpenAPI document is still found), joined with its operation in the OpenAPI document
 * (who may call it, its query parameters, its JSON body's schema). A route added tomorrow is in
 * this list without anyone touching the security suite.
 */
import type { Express } from "express";

export type JsonSchema = Record<string, unknown>;

export interface DocOperation {
  security: unknown[];
  parameters?: { name: string; in: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: JsonSchema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, DocOperation>>;
}

export interface CatalogueRoute {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Express form: `/api/v1/applications/:id`. */
  path: string;
  /** `POST /api/v1/applications/:id/actions`. */
  key: string;
  pathParams: string[];
  queryParams: string[];
  /** No credentials needed (the document lists no security requirement). */
  isPublic: boolean;
  /** The JSON body's schema, when the route takes one. */
  bodySchema: JsonSchema | undefined;
  /** The media types of an upload body (an XLSX), when the route takes a file. */
  uploadTypes: string[];
  /** Listed in the OpenAPI document (file downloads of the report and letter routers are not). */
  isDocumented: boolean;
}

interface Layer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** Method and path of every route mounted at the root of the app, nested routers included. */
export function servedRoutes(app: Express): { method: string; path: string }[] {
  const out: { method: string; path: string }[] = [];
  const walk = (stack: readonly Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
        for (const method of Object.keys(layer.route.methods)) {
          if (method === "_all") continue;
          for (const path of paths) out.push({ method: method.toUpperCase(), path });
        }
      } else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return out;
}

export function buildCatalogue(app: Express, doc: OpenApiDocument): CatalogueRoute[] {
  const seen = new Set<string>();
  const routes: CatalogueRoute[] = [];
  for (const { method, path } of servedRoutes(app)) {
    const key = `${method} ${path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const op = doc.paths[path.replace(/:(\w+)/g, "{$1}")]?.[method.toLowerCase()];
    const content = op?.requestBody?.content ?? {};
    routes.push({
      method: method as CatalogueRoute["method"],
      path,
      key,
      pathParams: [...path.matchAll(/:(\w+)/g)].map((m) => m[1] as string),
      queryParams: (op?.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name),
      // Undocumented routes (file downloads) are taken as needing a login: the safe side.
      isPublic: op !== undefined && op.security.length === 0,
      bodySchema: content["application/json"]?.schema,
      uploadTypes: Object.keys(content).filter((t) => t !== "application/json"),
      isDocumented: op !== undefined,
    });
  }
  return routes;
}

export const isUnsafe = (r: CatalogueRoute) => r.method !== "GET";
