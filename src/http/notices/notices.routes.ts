import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { listCaseNotices } from "../../notices/list-applicant-notices.ts";
import type { ApplicationService } from "../../services/application-service.ts";
import { type AnyRoute, defineRoute } from "../routing/define-route.ts";
import { ZIdParams } from "../validation/common.schema.ts";
import { ZCaseNotices } from "./notices.schema.ts";

/** The notices to the applicant of a case (issue 12): whoever may read the case, as its page. */
export function noticeRoutes(deps: { db: Kysely<Database>; applications: ApplicationService }): AnyRoute[] {
  return [
    defineRoute({
      method: "get",
      path: "/api/v1/applications/:id/notices",
      summary:
        "给申请人的通知：登记、补正、延期、收费、答复、重新答复各一条，邮件和短信是否已发送、何时发送、失败原因",
      tag: "applications",
      access: "user",
      params: ZIdParams,
      response: ZCaseNotices,
      errors: [404],
      async handle({ actor, params }) {
        const c = await deps.applications.visibleCase(actor, params.id);
        return { items: await listCaseNotices(deps.db, c.row.id) };
      },
    }),
  ];
}
