import { timingSafeEqual } from "node:crypto";
import type { Request, Response } from "express";
import { AppError } from "../../app-error.ts";
import type { AccountService } from "../../services/account-service.ts";
import type { Actor } from "../../services/actor.ts";
import {
  CSRF_HEADER,
  clearSessionCookie,
  readCookie,
  SESSION_COOKIE,
  setSessionCookie,
} from "./session-cookie.ts";

export interface AuthInfo {
  actor: Actor;
  kind: "bearer" | "session";
  token: string;
  csrfToken: string | null;
  /** An administrator set the password: only PASSWORD_CHANGE_PATHS answer until it is changed. */
  mustChangePassword: boolean;
}

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** What a user whose password an administrator set may still call (issue 10). */
export const PASSWORD_CHANGE_PATHS: ReadonlySet<string> = new Set([
  "/api/v1/auth/me",
  "/api/v1/auth/password",
  "/api/v1/auth/logout",
]);

export interface Authenticator {
  /** The caller, or 401; a cookie-authenticated unsafe request must carry the CSRF token (403). */
  require(req: Request, res: Response): Promise<Actor>;
  /** How the request was authenticated (after require). */
  infoOf(req: Request): AuthInfo | undefined;
  unauthenticated(message?: string): AppError;
  /**
   * Whether the session cookie carries Secure: the public URL is https, or this request came over
   * https (req.secure: the connection, or X-Forwarded-Proto from a proxy that TRUST_PROXY trusts).
   */
  secureCookies(req: Request): boolean;
}

export function makeAuthenticator(deps: {
  accounts: AccountService;
  sessionMinutes: number;
  /** The public URL is https: every cookie is Secure whatever the request says. */
  alwaysSecure: boolean;
}): Authenticator {
  const secureCookies = (req: Request) => deps.alwaysSecure || req.secure;
  const resolved = new WeakMap<Request, AuthInfo>();
  const unauthenticated = (message = "请先登录") => new AppError("unauthenticated", { message });

  async function fromBearer(header: string): Promise<AuthInfo> {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!m?.[1]) throw unauthenticated("请先登录（Authorization 头的格式应为 Bearer <令牌>）");
    const r = await deps.accounts.resolveToken(m[1], "bearer");
    if (!r) throw unauthenticated("登录已失效或令牌无效，请先登录");
    return {
      actor: r.actor,
      kind: "bearer",
      token: m[1],
      csrfToken: null,
      mustChangePassword: r.mustChangePassword,
    };
  }

  async function fromCookie(req: Request, res: Response, token: string): Promise<AuthInfo> {
    const r = await deps.accounts.resolveToken(token, "session", deps.sessionMinutes);
    if (!r) {
      clearSessionCookie(res, secureCookies(req));
      throw unauthenticated("会话已过期，请先登录");
    }
    if (UNSAFE_METHODS.has(req.method) && !sameToken(req.get(CSRF_HEADER), r.csrfToken)) {
      throw new AppError("forbidden", {
        message: "缺少或错误的 X-CSRF-Token 请求头：请刷新页面后重试",
      });
    }
    setSessionCookie(res, token, deps.sessionMinutes, secureCookies(req));
    return {
      actor: r.actor,
      kind: "session",
      token,
      csrfToken: r.csrfToken,
      mustChangePassword: r.mustChangePassword,
    };
  }

  return {
    async require(req, res) {
      const header = req.get("authorization");
      const cookie = readCookie(req, SESSION_COOKIE);
      let info: AuthInfo;
      // A bearer token wins: a browser never adds one by itself, so it needs no CSRF token.
      if (header) info = await fromBearer(header);
      else if (cookie) info = await fromCookie(req, res, cookie);
      else throw unauthenticated();
      resolved.set(req, info);
      if (info.mustChangePassword && !PASSWORD_CHANGE_PATHS.has(pathOf(req))) {
        throw new AppError("password_change_required", {
          message: "管理员已重置您的密码：请先修改密码（POST /api/v1/auth/password），再使用系统",
        });
      }
      return info.actor;
    },
    infoOf: (req) => resolved.get(req),
    unauthenticated,
    secureCookies,
  };
}

/** The request's path as sent (routers mounted below the app see only their part in req.path). */
function pathOf(req: Request): string {
  return (req.originalUrl.split("?")[0] ?? "").replace(/\/+$/, "");
}

function sameToken(given: string | undefined, expected: string | null): boolean {
  if (!given || !expected) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
