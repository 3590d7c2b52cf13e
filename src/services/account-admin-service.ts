import { randomInt } from "node:crypto";
import argon2 from "argon2";
import type { Kysely, Transaction } from "kysely";
import { AppError } from "../app-error.ts";
import type { Database } from "../db/schema.ts";
import {
  type AccountTarget,
  administrationRefusal,
  grantRefusal,
  isAccountAdmin,
} from "../domain/account-rules.ts";
import type { Role } from "../domain/roles.ts";
import { ACCOUNT_ACTION_LABELS, type AccountAction, recordAccountAudit } from "./account-audit.ts";
import {
  type AccountService,
  type NewUser,
  toUserView,
  USER_VIEW_COLUMNS,
  type UserView,
} from "./account-service.ts";
import type { Actor } from "./actor.ts";

/** The fields an administrator may change (PATCH /users/:username); null clears the e-mail. */
export interface UserChanges {
  displayName?: string | undefined;
  email?: string | null | undefined;
  roles?: Role[] | undefined;
}

export interface AccountAuditQuery {
  /** One agency's users; the agency admin's own agency when absent (system admin: everyone). */
  agency?: string | undefined;
  /** One user's entries. */
  username?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

export interface AccountAuditLine {
  id: string;
  /** ISO instant. */
  at: string;
  action: AccountAction;
  actionLabel: string;
  /** Who did it (username and name); null: the system. */
  actor: { username: string; displayName: string } | null;
  target: { username: string; displayName: string; agencyCode: string | null };
  details: Record<string, unknown>;
}

/** Letters and digits that cannot be misread for one another (no 0/O, 1/l/I). */
const PASSWORD_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789";

/** A temporary password an administrator hands over: 12 characters, about 68 bits. */
export function generateTemporaryPassword(length = 12): string {
  let s = "";
  for (let i = 0; i < length; i++) s += PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)];
  return s;
}

type Db = Kysely<Database> | Transaction<Database>;

export type AccountAdminService = ReturnType<typeof makeAccountAdminService>;

/**
 * User administration (issue 10): edit, disable and enable, reset a password, end all sessions;
 * who may do what is `src/domain/account-rules.ts`; every change is recorded in the account
 * audit in the same transaction.
 */
export function makeAccountAdminService(deps: {
  db: Kysely<Database>;
  accounts: AccountService;
  now: () => Date;
}) {
  const { db } = deps;

  async function findUser(q: Db, username: string): Promise<UserView | undefined> {
    const r = await q
      .selectFrom("users as u")
      .leftJoin("agencies as g", "g.id", "u.agency_id")
      .select(USER_VIEW_COLUMNS)
      .where("u.username", "=", username)
      .executeTakeFirst();
    return r && toUserView(r);
  }

  /** The user `actor` may administer, or 404/403 (in Chinese). */
  async function administered(q: Db, actor: Actor, username: string): Promise<UserView> {
    if (!isAccountAdmin(actor)) {
      throw new AppError("forbidden", { message: "只有系统管理员或机关管理员可以管理用户" });
    }
    const user = await findUser(q, username);
    if (!user) throw new AppError("not_found", { message: `用户“${username}”不存在` });
    const refusal = administrationRefusal(actor, toTarget(user));
    if (refusal) throw new AppError("forbidden", { message: refusal });
    return user;
  }

  /** Changes a user in one transaction with its audit row; the user is locked first. */
  async function change(
    actor: Actor,
    username: string,
    work: (trx: Transaction<Database>, user: UserView) => Promise<AuditChange | undefined>,
  ): Promise<UserView> {
    const changed = await db.transaction().execute(async (trx) => {
      await trx.selectFrom("users").select("id").where("username", "=", username).forUpdate().execute();
      const user = await administered(trx, actor, username);
      const audit = await work(trx, user);
      if (audit) {
        await recordAccountAudit(trx, {
          at: deps.now(),
          actorUserId: actor.userId,
          targetUserId: user.id,
          ...audit,
        });
      }
      return (await findUser(trx, username)) as UserView;
    });
    // Roles, agency, password or state changed: this process reads the user's tokens anew.
    deps.accounts.forgetUser(changed.id);
    return changed;
  }

  async function endTokens(trx: Db, userId: number): Promise<number> {
    const r = await trx.deleteFrom("auth_tokens").where("user_id", "=", userId).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  function refuseSelf(actor: Actor, user: UserView, what: string): void {
    if (actor.userId === user.id) {
      throw new AppError("conflict", { message: `不能${what}自己的账号，请由其他管理员操作` });
    }
  }

  return {
    /** POST /users: the grant rules of point 1 (an agency admin grants its agency's roles, in it). */
    async createUser(actor: Actor, input: NewUser): Promise<UserView> {
      const refusal = grantRefusal(actor, input.agencyCode, input.roles);
      if (refusal) throw new AppError("forbidden", { message: refusal });
      return deps.accounts.createUser({ ...input, isSystemAdmin: false }, actor);
    },

    async updateUser(actor: Actor, username: string, changes: UserChanges): Promise<UserView> {
      return change(actor, username, async (trx, user) => {
        const set: { display_name?: string; email?: string | null; roles?: string } = {};
        const changed: Record<string, { from: unknown; to: unknown }> = {};
        if (changes.displayName !== undefined && changes.displayName !== user.displayName) {
          set.display_name = changes.displayName;
          changed.displayName = { from: user.displayName, to: changes.displayName };
        }
        if (changes.email !== undefined && changes.email !== user.email) {
          set.email = changes.email;
          changed.email = { from: user.email, to: changes.email };
        }
        if (changes.roles !== undefined && !sameRoles(changes.roles, user.roles)) {
          if (actor.userId === user.id) {
            throw new AppError("conflict", { message: "不能修改自己的角色，请由其他管理员操作" });
          }
          if (!user.isSystemAdmin && user.agencyCode !== null) {
            const refusal = grantRefusal(actor, user.agencyCode, changes.roles);
            if (refusal) throw new AppError("forbidden", { message: refusal });
          }
          set.roles = JSON.stringify(changes.roles);
          changed.roles = { from: user.roles, to: changes.roles };
        }
        if (Object.keys(set).length === 0) return undefined;
        await trx.updateTable("users").set(set).where("id", "=", user.id).execute();
        return { action: "user.updated", details: { changed } };
      });
    },

    /** Disabling ends every token and session of the user at once; enabling lets it log in again. */
    async setDisabled(
      actor: Actor,
      username: string,
      disabled: boolean,
      reason?: string | undefined,
    ): Promise<UserView> {
      return change(actor, username, async (trx, user) => {
        if (disabled) refuseSelf(actor, user, "停用");
        if (user.isDisabled === disabled) return undefined;
        await trx.updateTable("users").set({ is_disabled: disabled }).where("id", "=", user.id).execute();
        const why = reason === undefined ? {} : { reason };
        if (!disabled) return { action: "user.enabled", details: why };
        return { action: "user.disabled", details: { ...why, sessionsEnded: await endTokens(trx, user.id) } };
      });
    },

    /**
     * Sets a temporary password (the given one, or a generated one returned once): the user's
     * sessions end and it must change the password at its next login.
     */
    async resetPassword(
      actor: Actor,
      username: string,
      password: string | undefined,
    ): Promise<{ user: UserView; generatedPassword: string | null }> {
      const generated = password === undefined ? generateTemporaryPassword() : null;
      const hash = await argon2.hash(password ?? (generated as string), { type: argon2.argon2id });
      const user = await change(actor, username, async (trx, target) => {
        await trx
          .updateTable("users")
          .set({ password_hash: hash, must_change_password: true })
          .where("id", "=", target.id)
          .execute();
        const sessionsEnded = await endTokens(trx, target.id);
        return { action: "password.reset", details: { generated: generated !== null, sessionsEnded } };
      });
      return { user, generatedPassword: generated };
    },

    async endSessions(
      actor: Actor,
      username: string,
      reason?: string | undefined,
    ): Promise<{ user: UserView; sessionsEnded: number }> {
      let sessionsEnded = 0;
      const user = await change(actor, username, async (trx, target) => {
        sessionsEnded = await endTokens(trx, target.id);
        return {
          action: "sessions.ended",
          details: { ...(reason === undefined ? {} : { reason }), sessionsEnded },
        };
      });
      return { user, sessionsEnded };
    },

    async listAudit(
      actor: Actor,
      query: AccountAuditQuery,
    ): Promise<{ items: AccountAuditLine[]; total: number }> {
      if (!isAccountAdmin(actor)) {
        throw new AppError("forbidden", { message: "只有系统管理员或机关管理员可以查看账号操作记录" });
      }
      const agency = actor.isSystemAdmin ? query.agency : (query.agency ?? actor.agencyCode ?? undefined);
      if (!actor.isSystemAdmin && agency !== actor.agencyCode) {
        throw new AppError("forbidden", { message: "机关管理员只能查看本机关用户的账号操作记录" });
      }
      let base = db
        .selectFrom("account_audit as a")
        .innerJoin("users as t", "t.id", "a.target_user_id")
        .leftJoin("agencies as g", "g.id", "t.agency_id");
      if (agency !== undefined) base = base.where("g.code", "=", agency);
      if (query.username !== undefined) base = base.where("t.username", "=", query.username);
      const pageSize = query.pageSize ?? 50;
      const page = query.page ?? 1;
      const [rows, count] = await Promise.all([
        base
          .leftJoin("users as w", "w.id", "a.actor_user_id")
          .select([
            "a.id",
            "a.at",
            "a.action",
            "a.details",
            "t.username as target_username",
            "t.display_name as target_name",
            "g.code as target_agency",
            "w.username as actor_username",
            "w.display_name as actor_name",
          ])
          .orderBy("a.at", "desc")
          .orderBy("a.id", "desc")
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        base.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow(),
      ]);
      return {
        total: Number(count.n),
        items: rows.map((r) => {
          const { v: _v, ...details } = r.details as Record<string, unknown>;
          const action = r.action as AccountAction;
          return {
            id: String(r.id),
            at: new Date(r.at).toISOString(),
            action,
            actionLabel: ACCOUNT_ACTION_LABELS[action] ?? action,
            actor:
              r.actor_username === null
                ? null
                : { username: r.actor_username, displayName: r.actor_name ?? r.actor_username },
            target: { username: r.target_username, displayName: r.target_name, agencyCode: r.target_agency },
            details,
          };
        }),
      };
    },
  };
}

interface AuditChange {
  action: AccountAction;
  details: Record<string, unknown>;
}

function toTarget(user: UserView): AccountTarget {
  return {
    agencyCode: user.agencyCode,
    roles: user.roles,
    isSystemAdmin: user.isSystemAdmin,
  };
}

function sameRoles(a: readonly Role[], b: readonly Role[]): boolean {
  return a.length === b.length && a.every((r) => b.includes(r));
}
