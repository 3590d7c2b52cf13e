import { AppError } from "../../app-error.ts";
import type { HttpDeps } from "../http-deps.ts";
import { type AnyRoute, defineRoute } from "../routing/define-route.ts";
import { ZLoginBody, ZPasswordChangeBody } from "./auth.schema.ts";
import type { Authenticator } from "./authenticate.ts";
import type { LoginLimiter } from "./login-limiter.ts";
import { clearSessionCookie, setSessionCookie } from "./session-cookie.ts";
import { toUserInfo, type UserInfo } from "./user-info.ts";

interface LoginReply {
  token: string;
  /** ISO instant the bearer token stops working. */
  expiresAt: string;
  user: UserInfo;
  /** With `session: true`: send it as X-CSRF-Token on every unsafe cookie request. */
  csrfToken?: string | null;
}

/** Bearer tokens of API clients live 30 days. */
export const BEARER_TOKEN_MINUTES = 30 * 24 * 60;

export function authRoutes(deps: HttpDeps, auth: Authenticator, limiter: LoginLimiter): AnyRoute[] {
  const { accounts } = deps;
  const sessionMinutes = deps.settings.OGI_SESSION_MINUTES;
  return [
    defineRoute({
      method: "post",
      path: "/api/v1/auth/login",
      summary: "登录：返回令牌（Bearer）；session 为 true 时同时设置会话 Cookie 并返回 CSRF 令牌",
      tag: "auth",
      access: "public",
      body: ZLoginBody,
      errors: [429],
      async handle({ req, res, body }) {
        const ip = req.ip ?? "unknown";
        limiter.begin(ip, body.username);
        const actor = await accounts.verifyPassword(body.username, body.password);
        if (!actor || actor.userId === null) {
          throw new AppError("unauthenticated", { message: "用户名或密码错误" });
        }
        limiter.succeeded(ip, body.username);
        const bearer = await accounts.issueToken(actor.userId, "bearer", BEARER_TOKEN_MINUTES);
        const result: LoginReply = {
          token: bearer.token,
          expiresAt: bearer.expiresAt.toISOString(),
          user: await toUserInfo(accounts, actor),
        };
        if (body.session) {
          const session = await accounts.issueToken(actor.userId, "session", sessionMinutes);
          setSessionCookie(res, session.token, sessionMinutes, auth.secureCookies);
          result.csrfToken = session.csrfToken;
        }
        return result;
      },
    }),
    defineRoute({
      method: "post",
      path: "/api/v1/auth/logout",
      summary: "退出登录：吊销当前令牌或会话",
      tag: "auth",
      access: "user",
      status: 204,
      async handle({ req, res }) {
        const info = auth.infoOf(req);
        if (info) await accounts.revokeToken(info.token);
        if (info?.kind === "session") {
          // Authentication renewed the sliding cookie on the way in; the last word is "cleared".
          res.removeHeader("Set-Cookie");
          clearSessionCookie(res, auth.secureCookies);
        }
        return undefined;
      },
    }),
    defineRoute({
      method: "post",
      path: "/api/v1/auth/password",
      summary: "修改本人密码：需当前密码；其他已登录的令牌和会话随之失效",
      tag: "auth",
      access: "user",
      status: 204,
      body: ZPasswordChangeBody,
      errors: [422],
      async handle({ req, actor, body }) {
        const info = auth.infoOf(req);
        await accounts.changePassword(actor, body.currentPassword, body.newPassword, info?.token);
        return undefined;
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/v1/auth/me",
      summary: "当前用户；以会话 Cookie 登录时同时返回 CSRF 令牌（页面刷新后取回）",
      tag: "auth",
      access: "user",
      async handle({ req, actor }) {
        const info = auth.infoOf(req);
        return {
          user: await toUserInfo(accounts, actor),
          ...(info?.kind === "session" ? { csrfToken: info.csrfToken } : {}),
        };
      },
    }),
  ];
}
