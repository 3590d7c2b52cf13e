import { type AnyRoute, defineRoute } from "../routing/define-route.ts";
import { buildOpenApiDocument } from "./build-openapi-document.ts";

/** The document describes `routes` and itself; built on first request, then kept. */
export function openApiRoutes(routes: readonly AnyRoute[]): AnyRoute[] {
  let document: Record<string, unknown> | undefined;
  const self = defineRoute({
    method: "get",
    path: "/api/v1/openapi.json",
    summary: "本接口的 OpenAPI 3.1 文档（由校验请求的同一套 zod 模式生成）",
    tag: "meta",
    access: "public",
    async handle() {
      document ??= buildOpenApiDocument([...routes, self]);
      return document;
    },
  });
  return [self];
}
