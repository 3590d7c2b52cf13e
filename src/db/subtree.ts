import { type RawBuilder, type SqlBool, sql } from "kysely";

/**
 * The agency tree's paths are `/county/town/`: an agency is within a scope when its path starts
 * with the scope's path. Codes may contain `_` (and `%` must never act as a wildcard), so the
 * prefix is matched with LIKE on the escaped path, `\` being the escape character.
 */
export function escapeLikePrefix(path: string): string {
  return `${path.replace(/[\\%_]/g, "\\$&")}%`;
}

/**
 * "The agency path in `column` is within `scopePath`" as a Kysely condition: the one subtree
 * filter of every query (worklists, accounts, stats, reports), e.g.
 * `.where(isWithinPath("g.path", actor.agencyPath))`.
 */
export function isWithinPath(column: string, scopePath: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} like ${escapeLikePrefix(scopePath)} escape '\\'`;
}
