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
}

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export interface Authenticator {
  /** The caller, or 401; a cookie-authenticated unsafe request must carry the CSRF token (403). */
  require(req: Request, res: Response): Promise<Actor>;
  /** How the request was authenticated (after require). */
  infoOf(req: Request): AuthInfo | undefined;
  unauthenticated(message?: string): AppError;
  /** Whether cookies carry the Secure flag (the public URL is https). */
  secureCookies: boolean;
}

export function makeAuthenticator(deps: {
  accounts: AccountService;
  sessionMinutes: number;
  secureCookies: boolean;
}): Authenticator {
  const resolved = new WeakMap<Request, AuthInfo>();
  const unauthenticated = (message = "请先登录") => new AppError("unauthenticated", { message });

  async function fromBearer(header: string): Promise<AuthInfo> {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!m?.[1]) throw unauthenticated("请先登录（Authorization 头的格式应为 Bearer <令牌>）");
    const r = await deps.accounts.resolveToken(m[1], "bearer");
    if (!r) throw unauthenticated("登录已失效或令牌无效，请先登录");
    return { actor: r.actor, kind: "bearer", token: m[1], csrfToken: null };
  }

  async function fromCookie(req: Request, res: Response, token: string): Promise<AuthInfo> {
    const r = await deps.accounts.resolveToken(token, "session", deps.sessionMinutes);
    if (!r) {
      clearSessionCookie(res, deps.secureCookies);
      throw unauthenticated("会话已过期，请先登录");
    }
    if (UNSAFE_METHODS.has(req.method) && !sameToken(req.get(CSRF_HEADER), r.csrfToken)) {
      throw new AppError("forbidden", {
        message: "缺少或错误的 X-CSRF-Token 请求头：请刷新页面后重试",
      });
    }
    setSessionCookie(res, token, deps.sessionMinutes, deps.secureCookies);
    return { actor: r.actor, kind: "session", token, csrfToken: r.csrfToken };
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
      return info.actor;
    },
    infoOf: (req) => resolved.get(req),
    unauthenticated,
    secureCookies: deps.secureCookies,
  };
}

function sameToken(given: string | undefined, expected: string | null): boolean {
  if (!given || !expected) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
