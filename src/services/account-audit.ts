import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema.ts";

/** What an administrator (or the user itself) did to an account. */
export const ACCOUNT_ACTIONS = [
  "user.created",
  "user.updated",
  "user.disabled",
  "user.enabled",
  "password.reset",
  "sessions.ended",
  "password.changed",
] as const;
export type AccountAction = (typeof ACCOUNT_ACTIONS)[number];

export const ACCOUNT_ACTION_LABELS: Record<AccountAction, string> = {
  "user.created": "新建用户",
  "user.updated": "修改用户信息",
  "user.disabled": "停用账号",
  "user.enabled": "启用账号",
  "password.reset": "重置密码",
  "sessions.ended": "结束全部会话",
  "password.changed": "本人修改密码",
};

export interface AccountAuditEntry {
  at: Date;
  /** null: the system (command line). */
  actorUserId: number | null;
  targetUserId: number;
  action: AccountAction;
  /** Never a password or a token. */
  details: Record<string, unknown>;
}

/** One row of the account audit, in the caller's transaction (the change and its record commit together). */
export async function recordAccountAudit(
  db: Kysely<Database> | Transaction<Database>,
  entry: AccountAuditEntry,
): Promise<void> {
  await db
    .insertInto("account_audit")
    .values({
      at: entry.at,
      actor_user_id: entry.actorUserId,
      target_user_id: entry.targetUserId,
      action: entry.action,
      details: JSON.stringify({ v: 1, ...entry.details }),
    })
    .execute();
}
