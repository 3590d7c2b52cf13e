import type { Db } from "../services/case-store.ts";
import { fail, ok, type Parsed } from "./ledger-types.ts";
import { suggestNearestLabel } from "./suggest-nearest-label.ts";

/** How many handlers an error lists. */
const LISTED = 10;

/**
 * 承办人 → username: the agency's users with the handler role (the ones registration accepts,
 * disabled ones too: a ledger names who handled the case then), by username or display name.
 */
export async function loadHandlerDirectory(
  db: Db,
  agencyId: number,
): Promise<(text: string) => Parsed<string>> {
  const users = (
    await db
      .selectFrom("users")
      .select(["username", "display_name", "roles"])
      .where("agency_id", "=", agencyId)
      .orderBy("username")
      .execute()
  ).filter((u) => (u.roles as unknown as string[]).includes("handler"));
  const byUsername = new Map(users.map((u) => [u.username.toLowerCase(), u.username]));
  const byName = new Map<string, string[]>();
  for (const u of users) byName.set(u.display_name, [...(byName.get(u.display_name) ?? []), u.username]);
  const listed = users
    .slice(0, LISTED)
    .map((u) => `${u.display_name}（${u.username}）`)
    .join("、");
  return (text) => {
    const t = text.trim();
    const username = byUsername.get(t.toLowerCase());
    if (username !== undefined) return ok(username);
    const named = byName.get(t) ?? [];
    if (named.length === 1 && named[0] !== undefined) return ok(named[0]);
    if (named.length > 1)
      return fail(`本机关有 ${named.length} 位承办人名为“${t}”，请改填用户名（${named.join("、")}）`);
    if (users.length === 0) return fail(`“${t}”不是本机关的承办人：本机关还没有具有“承办人”角色的用户`);
    const nearest = suggestNearestLabel(
      t,
      users.flatMap((u) => [
        { text: u.username, suggest: u.username },
        { text: u.display_name, suggest: u.display_name },
      ]),
    );
    const more = users.length > LISTED ? ` 等 ${users.length} 人` : "";
    return fail(
      `“${t}”不是本机关的承办人。${nearest ? `是否为“${nearest}”？` : ""}本机关的承办人：${listed}${more}`,
    );
  };
}
