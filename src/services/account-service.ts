import { createHash, randomBytes } from "node:crypto";
import argon2 from "argon2";
import type { Kysely } from "kysely";
import { AppError } from "../app-error.ts";
import type { AgencyKind, Database } from "../db/schema.ts";
import { isWithinPath } from "../db/subtree.ts";
import type { Role } from "../domain/roles.ts";
import { recordAccountAudit } from "./account-audit.ts";
import type { Actor } from "./actor.ts";
import { makeTokenCache } from "./token-cache.ts";

export interface NewAgency {
  code: string;
  name: string;
  kind: AgencyKind;
  parentCode?: string | undefined;
}

export interface NewUser {
  username: string;
  password: string;
  displayName: string;
  email?: string | undefined;
  agencyCode: string;
  roles: Role[];
  isSystemAdmin?: boolean;
}

export interface AgencyView {
  code: string;
  name: string;
  kind: AgencyKind;
  parentCode: string | null;
}

export interface UserView {
  id: number;
  username: string;
  displayName: string;
  email: string | null;
  agencyCode: string | null;
  agencyName: string | null;
  roles: Role[];
  isSystemAdmin: boolean;
  /** A disabled user cannot log in; its tokens and sessions ended when it was disabled. */
  isDisabled: boolean;
  /** An administrator set its password: it must change it before anything else. */
  mustChangePassword: boolean;
}

/** An account behind a token or a password: the actor, and whether its password must change first. */
export interface ResolvedAccount {
  actor: Actor;
  mustChangePassword: boolean;
}

/** The columns of a `UserView` (users as u, agencies as g). */
export const USER_VIEW_COLUMNS = [
  "u.id",
  "u.username",
  "u.display_name",
  "u.email",
  "u.roles",
  "u.is_system_admin",
  "u.is_disabled",
  "u.must_change_password",
  "g.code",
  "g.name",
] as const;

/** A row of `USER_VIEW_COLUMNS` as the API shows a user. */
export function toUserView(r: {
  id: number;
  username: string;
  display_name: string;
  email: string | null;
  roles: unknown;
  is_system_admin: boolean;
  is_disabled: boolean;
  must_change_password: boolean;
  code: string | null;
  name: string | null;
}): UserView {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    email: r.email,
    agencyCode: r.code,
    agencyName: r.name,
    roles: r.roles as Role[],
    isSystemAdmin: r.is_system_admin,
    isDisabled: r.is_disabled,
    mustChangePassword: r.must_change_password,
  };
}

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export type AccountService = ReturnType<typeof makeAccountService>;

/** Agencies, users, passwords (argon2id) and tokens (stored only as sha256). */
export function makeAccountService(deps: {
  db: Kysely<Database>;
  now: () => Date;
  /** Seconds a resolved token serves without reading its row (OGI_TOKEN_CACHE_SECONDS). Default 30; 0: none. */
  tokenCacheSeconds?: number;
}) {
  const tokens = makeTokenCache({ ttlMs: (deps.tokenCacheSeconds ?? 30) * 1000 });
  const { db } = deps;

  async function agencyByCode(code: string) {
    return db.selectFrom("agencies").selectAll().where("code", "=", code).executeTakeFirst();
  }

  async function loadAccount(userId: number): Promise<ResolvedAccount | undefined> {
    const u = await db
      .selectFrom("users as u")
      .leftJoin("agencies as g", "g.id", "u.agency_id")
      .select([
        "u.id",
        "u.username",
        "u.display_name",
        "u.roles",
        "u.is_system_admin",
        "u.is_disabled",
        "u.must_change_password",
        "g.id as agency_id",
        "g.code",
        "g.path",
      ])
      .where("u.id", "=", userId)
      .executeTakeFirst();
    if (!u || u.is_disabled) return undefined;
    const actor: Actor = {
      userId: u.id,
      username: u.username,
      displayName: u.display_name,
      agencyId: u.agency_id,
      agencyCode: u.code,
      agencyPath: u.path,
      roles: u.roles as unknown as Role[],
      isSystemAdmin: u.is_system_admin,
    };
    return { actor, mustChangePassword: u.must_change_password };
  }

  async function toActor(userId: number): Promise<Actor | undefined> {
    return (await loadAccount(userId))?.actor;
  }

  /** The account behind a username and password; undefined when either is wrong or it is disabled. */
  async function checkPassword(username: string, password: string): Promise<ResolvedAccount | undefined> {
    const u = await db
      .selectFrom("users")
      .select(["id", "password_hash", "is_disabled"])
      .where("username", "=", username)
      .executeTakeFirst();
    const hash = u?.password_hash ?? DUMMY_HASH;
    const ok = await argon2.verify(hash, password).catch(() => false);
    if (!u || !ok || u.is_disabled) return undefined;
    return loadAccount(u.id);
  }

  return {
    agencyByCode,
    toActor,
    loadAccount,

    async createAgency(input: NewAgency): Promise<AgencyView> {
      if (await agencyByCode(input.code)) {
        throw new AppError("conflict", {
          message: `机关代码“${input.code}”已存在`,
          details: [{ field: "code", message: "已存在" }],
        });
      }
      let path = `/${input.code}/`;
      let parentId: number | null = null;
      if (input.parentCode) {
        const parent = await agencyByCode(input.parentCode);
        if (!parent) {
          throw new AppError("invalid_input", {
            message: `上级机关“${input.parentCode}”不存在`,
            details: [{ field: "parentCode", message: "上级机关不存在" }],
          });
        }
        path = `${parent.path}${input.code}/`;
        parentId = parent.id;
      }
      await db
        .insertInto("agencies")
        .values({ code: input.code, name: input.name, kind: input.kind, parent_id: parentId, path })
        .execute();
      return { code: input.code, name: input.name, kind: input.kind, parentCode: input.parentCode ?? null };
    },

    async listAgencies(scopePath: string | null): Promise<(AgencyView & { path: string })[]> {
      let q = db
        .selectFrom("agencies as g")
        .leftJoin("agencies as p", "p.id", "g.parent_id")
        .select(["g.code", "g.name", "g.kind", "g.path", "p.code as parent_code"])
        .orderBy("g.path");
      if (scopePath) q = q.where(isWithinPath("g.path", scopePath));
      const rows = await q.execute();
      return rows.map((r) => ({
        code: r.code,
        name: r.name,
        kind: r.kind,
        parentCode: r.parent_code,
        path: r.path,
      }));
    },

    /** A new user; `by` (the administrator, when there is one) is recorded in the account audit. */
    async createUser(input: NewUser, by?: Actor): Promise<UserView> {
      const agency = await agencyByCode(input.agencyCode);
      if (!agency) {
        throw new AppError("invalid_input", {
          message: `机关“${input.agencyCode}”不存在`,
          details: [{ field: "agencyCode", message: "机关不存在" }],
        });
      }
      const exists = await db
        .selectFrom("users")
        .select("id")
        .where("username", "=", input.username)
        .executeTakeFirst();
      if (exists) {
        throw new AppError("conflict", {
          message: `用户名“${input.username}”已被使用`,
          details: [{ field: "username", message: "已被使用" }],
        });
      }
      const passwordHash = await argon2.hash(input.password, { type: argon2.argon2id });
      const row = await db.transaction().execute(async (trx) => {
        const inserted = await trx
          .insertInto("users")
          .values({
            username: input.username,
            password_hash: passwordHash,
            display_name: input.displayName,
            email: input.email ?? null,
            agency_id: agency.id,
            roles: JSON.stringify(input.roles),
            is_system_admin: input.isSystemAdmin ?? false,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        if (by) {
          await recordAccountAudit(trx, {
            at: deps.now(),
            actorUserId: by.userId,
            targetUserId: inserted.id,
            action: "user.created",
            details: { agencyCode: agency.code, roles: input.roles },
          });
        }
        return inserted;
      });
      return {
        id: row.id,
        username: input.username,
        displayName: input.displayName,
        email: input.email ?? null,
        agencyCode: agency.code,
        agencyName: agency.name,
        roles: input.roles,
        isSystemAdmin: input.isSystemAdmin ?? false,
        isDisabled: false,
        mustChangePassword: false,
      };
    },

    /** The system administrator, outside every agency (first start, OGI_BOOTSTRAP_ADMIN). */
    async createSystemAdmin(username: string, password: string, displayName = "系统管理员"): Promise<number> {
      const passwordHash = await argon2.hash(password, { type: argon2.argon2id });
      const row = await db
        .insertInto("users")
        .values({
          username,
          password_hash: passwordHash,
          display_name: displayName,
          email: null,
          agency_id: null,
          roles: JSON.stringify([]),
          is_system_admin: true,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return row.id;
    },

    /** Users, by agency path then username; `agencyCode` narrows to one agency. */
    async listUsers(agencyCode?: string): Promise<UserView[]> {
      let q = db
        .selectFrom("users as u")
        .innerJoin("agencies as g", "g.id", "u.agency_id")
        .select(USER_VIEW_COLUMNS)
        .orderBy("g.path")
        .orderBy("u.username");
      if (agencyCode !== undefined) q = q.where("g.code", "=", agencyCode);
      const rows = await q.execute();
      return rows.map(toUserView);
    },

    async userCount(): Promise<number> {
      const r = await db
        .selectFrom("users")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    /** Checks a password; the same work whether or not the user exists (no user enumeration). */
    async verifyPassword(username: string, password: string): Promise<Actor | undefined> {
      return (await checkPassword(username, password))?.actor;
    },

    /** verifyPassword with whether the password must be changed first (login). */
    checkPassword,

    /** A new token (bearer for API clients, session for the web UI, with its CSRF token). */
    async issueToken(
      userId: number,
      kind: "bearer" | "session",
      ttlMinutes: number,
    ): Promise<{ token: string; csrfToken: string | null; expiresAt: Date }> {
      const token = randomBytes(32).toString("base64url");
      const csrfToken = kind === "session" ? randomBytes(24).toString("base64url") : null;
      const expiresAt = new Date(deps.now().getTime() + ttlMinutes * 60_000);
      await db
        .insertInto("auth_tokens")
        .values({
          token_hash: hashToken(token),
          user_id: userId,
          kind,
          csrf_token: csrfToken,
          expires_at: expiresAt,
        })
        .execute();
      return { token, csrfToken, expiresAt };
    },

    /**
     * The actor behind a token, or undefined when unknown or expired. Sessions slide. A token
     * read less than tokenCacheSeconds ago is answered from memory (token-cache.ts).
     */
    async resolveToken(
      token: string,
      kind: "bearer" | "session",
      slideMinutes?: number,
    ): Promise<(ResolvedAccount & { csrfToken: string | null }) | undefined> {
      const tokenHash = hashToken(token);
      const now = deps.now().getTime();
      const cached = tokens.get(tokenHash, now);
      const generation = tokens.generation();
      if (cached?.kind === kind) {
        return {
          actor: cached.actor,
          mustChangePassword: cached.mustChangePassword,
          csrfToken: cached.csrfToken,
        };
      }
      const row = await db
        .selectFrom("auth_tokens")
        .selectAll()
        .where("token_hash", "=", tokenHash)
        .where("kind", "=", kind)
        .executeTakeFirst();
      if (!row || new Date(row.expires_at).getTime() <= now) return undefined;
      const account = await loadAccount(row.user_id);
      if (!account) return undefined;
      let expiresAt = new Date(row.expires_at).getTime();
      if (slideMinutes) {
        expiresAt = now + slideMinutes * 60_000;
        await db
          .updateTable("auth_tokens")
          .set({ expires_at: new Date(expiresAt) })
          .where("token_hash", "=", row.token_hash)
          .execute();
      }
      tokens.set(
        tokenHash,
        { ...account, kind, userId: row.user_id, csrfToken: row.csrf_token, expiresAt },
        generation,
        now,
      );
      return { ...account, csrfToken: row.csrf_token };
    },

    /** Forgets what this process cached of a user's tokens (the user was changed or disabled). */
    forgetUser(userId: number): void {
      tokens.dropUser(userId);
    },

    /**
     * A user's new password, after checking the current one; every other token and session of the
     * user ends (a stolen session does not outlive the change).
     */
    async changePassword(actor: Actor, current: string, next: string, keepToken?: string): Promise<void> {
      const u = actor.userId === null ? undefined : (await checkPassword(actor.username, current))?.actor;
      if (!u || u.userId !== actor.userId) {
        throw new AppError("invalid_input", {
          message: "字段 currentPassword：当前密码不正确",
          details: [{ field: "currentPassword", message: "当前密码不正确" }],
        });
      }
      if (current === next) {
        throw new AppError("invalid_input", {
          message: "字段 newPassword：新密码不能与当前密码相同",
          details: [{ field: "newPassword", message: "新密码不能与当前密码相同" }],
        });
      }
      const passwordHash = await argon2.hash(next, { type: argon2.argon2id });
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable("users")
          .set({ password_hash: passwordHash, must_change_password: false })
          .where("id", "=", u.userId as number)
          .execute();
        let del = trx.deleteFrom("auth_tokens").where("user_id", "=", u.userId as number);
        if (keepToken) del = del.where("token_hash", "!=", hashToken(keepToken));
        const ended = await del.executeTakeFirst();
        tokens.dropUser(u.userId as number);
        await recordAccountAudit(trx, {
          at: deps.now(),
          actorUserId: u.userId,
          targetUserId: u.userId as number,
          action: "password.changed",
          details: { sessionsEnded: Number(ended.numDeletedRows) },
        });
      });
    },

    async revokeToken(token: string): Promise<void> {
      tokens.dropToken(hashToken(token));
      await db.deleteFrom("auth_tokens").where("token_hash", "=", hashToken(token)).execute();
    },
  };
}

// A valid argon2id hash of a random password: verifying against it costs the same as a real one.
const DUMMY_HASH = "$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$RdescudvJCsgt3ub+b+dWRWJTmaaJObG";
