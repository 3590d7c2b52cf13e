import type { Kysely } from "kysely";
import { AppError } from "../app-error.ts";
import type { Database } from "../db/schema.ts";
import { type Actor, canSeeAgency } from "./actor.ts";

/** A handler the case can be given to (分办/转办), with the open cases already theirs. */
export interface HandlerChoice {
  username: string;
  displayName: string;
  /** Cases of theirs not yet archived or closed. */
  openCases: number;
}

/** The states in which a case is still worked: a handler's open cases, the hand-over's. */
export const OPEN_STATES = [
  "registered",
  "awaiting_supplement",
  "in_progress",
  "decided",
  "delivered",
] as const;

/**
 * The enabled users with the handler role in the agency (`GET /agencies/:code/handlers`), for
 * whoever may see the agency; by name. A disabled user is never offered.
 */
export async function listAgencyHandlers(
  db: Kysely<Database>,
  actor: Actor,
  agencyCode: string,
): Promise<{ items: HandlerChoice[]; total: number }> {
  const agency = await db
    .selectFrom("agencies")
    .select(["id", "path"])
    .where("code", "=", agencyCode)
    .executeTakeFirst();
  if (!agency || !canSeeAgency(actor, agency.path)) {
    throw new AppError("not_found", { message: `机关“${agencyCode}”不存在，或不在您的查看范围内` });
  }
  const users = await db
    .selectFrom("users as u")
    .select(["u.id", "u.username", "u.display_name", "u.roles"])
    .select((eb) =>
      eb
        .selectFrom("applications as a")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("a.handler_user_id", "=", "u.id")
        .where("a.state", "in", [...OPEN_STATES])
        .as("open_cases"),
    )
    .where("u.agency_id", "=", agency.id)
    .where("u.is_disabled", "=", false)
    .orderBy("u.display_name")
    .orderBy("u.username")
    .execute();
  const items = users
    .filter((u) => (u.roles as unknown as string[]).includes("handler"))
    .map((u) => ({
      username: u.username,
      displayName: u.display_name,
      openCases: Number(u.open_cases ?? 0),
    }));
  return { items, total: items.length };
}
