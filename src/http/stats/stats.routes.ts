import { civilDateInChina, yearOf } from "../../domain/civil-date.ts";
import type { StatsService } from "../../services/stats-service.ts";
import { type AnyRoute, defineRoute } from "../routing/define-route.ts";
import { ZStatsQuery } from "./stats.schema.ts";
import { ZStats } from "./stats-answers.schema.ts";

export function statsRoutes(stats: StatsService, now: () => Date): AnyRoute[] {
  return [
    defineRoute({
      method: "get",
      path: "/api/v1/stats",
      summary: "统计：一个年度每月收到申请数、办理结果、按期答复率、平均答复用时与当前逾期件数",
      tag: "stats",
      access: "user",
      query: ZStatsQuery,
      response: ZStats,
      errors: [404],
      async handle({ actor, query }) {
        return stats.getStats(actor, {
          agency: query.agency,
          year: query.year ?? yearOf(civilDateInChina(now())),
          includeSubtree: query.include === "subtree",
        });
      },
    }),
  ];
}
