import type { Kysely } from "kysely";
import { AppError } from "../app-error.ts";
import type { Database } from "../db/schema.ts";
import { administrationRefusal } from "../domain/account-rules.ts";
import type { Role } from "../domain/roles.ts";
import type { Actor } from "./actor.ts";
import type { ApplicationService } from "./application-service.ts";
import { OPEN_STATES } from "./list-agency-handlers.ts";

export interface HandOverInput {
  toUsername: string;
  reason: string;
}

export interface HandOverResult {
  fromUsername: string;
  toUsername: string;
  /** The cases moved, each with its 转办 entry in its log. */
  moved: { id: string; trackingNo: string }[];
}

/**
 * 工作交接: every open case of one handler to another handler of the same agency, each through
 * the one write path as a 转办 with the reason, in ONE transaction (all or nothing). Whatever a
 * case owes by itself today (a window that ran out) is applied first; a case it closes stays.
 * For the system administrator and the agency's admin (src/domain/account-rules.ts).
 */
export async function handOverCases(
  deps: { db: Kysely<Database>; applications: ApplicationService },
  actor: Actor,
  fromUsername: string,
  input: HandOverInput,
): Promise<HandOverResult> {
  const from = await userWithAgency(deps.db, fromUsername);
  if (!from) throw new AppError("not_found", { message: `用户“${fromUsername}”不存在` });
  const refusal = administrationRefusal(actor, {
    agencyCode: from.agency_code,
    roles: from.roles as unknown as Role[],
    isSystemAdmin: from.is_system_admin,
  });
  if (refusal)
    throw new AppError("forbidden", { message: refusal.replace("管理该用户", "交接该用户的申请") });
  const to = await userWithAgency(deps.db, input.toUsername);
  const why = !to
    ? `用户“${input.toUsername}”不存在`
    : to.id === from.id
      ? "请选择另一名承办人"
      : to.agency_id !== from.agency_id || !(to.roles as unknown as string[]).includes("handler")
        ? `“${to.display_name}”不是本机关的承办人`
        : to.is_disabled
          ? `“${to.display_name}”的账号已停用`
          : null;
  if (why || !to) {
    throw new AppError("invalid_input", {
      message: `不能交接给该用户：${why}`,
      details: [{ field: "toUsername", message: why ?? "" }],
    });
  }
  const open = await deps.db
    .selectFrom("applications")
    .select(["id", "tracking_no"])
    .where("handler_user_id", "=", from.id)
    .where("state", "in", [...OPEN_STATES])
    .orderBy("received_on")
    .orderBy("id")
    .execute();
  const moved = await deps.applications.inTransaction(async (batch) => {
    const out: HandOverResult["moved"] = [];
    for (const c of open) {
      await batch.applyAutomaticEvents(c.id);
      const now = await batch.db
        .selectFrom("applications")
        .select("state")
        .where("id", "=", c.id)
        .executeTakeFirstOrThrow();
      if (!(OPEN_STATES as readonly string[]).includes(now.state)) continue;
      const event = {
        type: "case.assigned" as const,
        on: batch.today,
        handlerUserId: to.id,
        handlerUsername: to.username,
        handlerName: to.display_name,
        previousUsername: from.username,
        previousName: from.display_name,
      };
      await batch.record(actor, c.id, event, input.reason);
      out.push({ id: c.id, trackingNo: c.tracking_no });
    }
    return out;
  });
  return { fromUsername: from.username, toUsername: to.username, moved };
}

async function userWithAgency(db: Kysely<Database>, username: string) {
  return db
    .selectFrom("users as u")
    .leftJoin("agencies as g", "g.id", "u.agency_id")
    .select([
      "u.id",
      "u.username",
      "u.display_name",
      "u.agency_id",
      "u.roles",
      "u.is_disabled",
      "u.is_system_admin",
      "g.code as agency_code",
    ])
    .where("u.username", "=", username)
    .executeTakeFirst();
}
