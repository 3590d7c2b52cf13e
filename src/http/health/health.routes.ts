import type { HttpDeps } from "../http-deps.ts";
import { type AnyRoute, defineRoute, HttpReply } from "../routing/define-route.ts";

/** 200 `{status: "ok"}` once the API, the database and Redis are ready; else 503. */
export function healthRoutes(deps: HttpDeps): AnyRoute[] {
  return [
    defineRoute({
      method: "get",
      path: "/healthz",
      summary: "健康检查：接口、数据库和 Redis 均就绪时返回 200，否则 503",
      tag: "health",
      access: "public",
      async handle() {
        const report = await deps.health().catch((e: unknown) => ({
          ok: false,
          details: { health: e instanceof Error ? e.message : String(e) },
        }));
        if (report.ok) return { status: "ok", details: report.details };
        return new HttpReply(503, { status: "unavailable", details: report.details });
      },
    }),
  ];
}
