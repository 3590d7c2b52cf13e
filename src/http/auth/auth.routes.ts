import { AppError } from "../../app-error.ts";
import type { HttpDeps } from "../http-deps.ts";
import { type AnyRoute, defineRoute } from "../routing/define-route.ts";
import { ZLoginBody, ZPasswordChangeBody } from "./auth.schema.ts";
import { ZLoginReply, ZMeReply } from "./auth-answers.schema.ts";
import type { Authenticator } from "./authenticate.ts";
import { type LoginLimiter, withRetryAfter } from "./login-limiter.ts";
import { clearSessionCookie, setSessionCookie } from "./session-cookie.ts";
import { toUserInfo, type UserInfo } from "./user-info.ts";

/**
 * An API client (no `session`) gets a bearer token; the web UI (`session: true`) only the session
 * cookie and its CSRF token: a token it never uses would outlive the logout (issue 10).
 */
type LoginReply =
  | {
      token: string;
      /** ISO instant the bearer token stops working. */
      expiresAt: string;
      user: UserInfo;
    }
  | {
      user: UserInfo;
      /** Send it as X-CSRF-Token on every unsafe cookie request. */
      csrfToken: string | null;
    };

/** Bearer tokens of API clients live 30 days. */
export const BEARER_TOKEN_MINUTES = 30 * 24 * 60;

export function authRoutes(deps: HttpDeps, auth: Authenticator, limiter: LoginLimiter): AnyRoute[] {
  const { accounts } = deps;
  const sessionMinutes = deps.settings.OGI_SESSION_MINUTES;
  return [
    defineRoute({
      method: "post",
      path: "/api/v1/auth/login",
      summary:
        "登录：返回令牌（Bearer，30 天）；session 为 true 时（网页）只设置会话 Cookie 并返回 CSRF 令牌，不发令牌。失败较多时逐次延迟（429，Retry-After）",
      tag: "auth",
      access: "public",
      body: ZLoginBody,
      response: ZLoginReply,
      errors: [429],
      async handle({ req, res, body }) {
        const ip = req.ip ?? "unknown";
        withRetryAfter(res, () => limiter.begin(ip, body.username));
        const account = await accounts.checkPassword(body.username, body.password);
        if (!account || account.actor.userId === null) {
          throw new AppError("unauthenticated", { message: "用户名或密码错误" });
        }
        limiter.succeeded(ip, body.username);
        const { actor, mustChangePassword } = account;
        const user = await toUserInfo(accounts, actor, mustChangePassword);
        if (body.session) {
          const session = await accounts.issueToken(actor.userId as number, "session", sessionMinutes);
          setSessionCookie(res, session.token, sessionMinutes, auth.secureCookies(req));
          return { user, csrfToken: session.csrfToken } satisfies LoginReply;
        }
        const bearer = await accounts.issueToken(actor.userId as number, "bearer", BEARER_TOKEN_MINUTES);
        return {
          token: bearer.token,
          expiresAt: bearer.expiresAt.toISOString(),
          user,
        } satisfies LoginReply;
      },
    }),
    defineRoute({
      method: "post",
      path: "/api/v1/auth/logout",
      summary: "退出登录：吊销本次登录所发的令牌或会话",
      tag: "auth",
      access: "user",
      status: 204,
      async handle({ req, res }) {
        const info = auth.infoOf(req);
        if (info) await accounts.revokeToken(info.token);
        if (info?.kind === "session") {
          // Authentication renewed the sliding cookie on the way in; the last word is "cleared".
          res.removeHeader("Set-Cookie");
          clearSessionCookie(res, auth.secureCookies(req));
        }
        return undefined;
      },
    }),
    defineRoute({
      method: "post",
      path: "/api/v1/auth/password",
      summary:
        "修改本人密码：需当前密码；其他已登录的令牌和会话随之失效。当前密码输错较多时逐次延迟（429，Retry-After）",
      tag: "auth",
      access: "user",
      status: 204,
      body: ZPasswordChangeBody,
      errors: [422, 429],
      async handle({ req, res, actor, body }) {
        const info = auth.infoOf(req);
        const userId = actor.userId as number;
        // Checked before the current password: argon2 (64 MiB) is not run while limited.
        withRetryAfter(res, () => limiter.beginPasswordChange(userId));
        try {
          await accounts.changePassword(actor, body.currentPassword, body.newPassword, info?.token);
        } catch (e) {
          if (!isWrongCurrentPassword(e)) limiter.passwordChangeSucceeded(userId);
          throw e;
        }
        limiter.passwordChangeSucceeded(userId);
        return undefined;
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/v1/auth/me",
      summary: "当前用户；以会话 Cookie 登录时同时返回 CSRF 令牌（页面刷新后取回）",
      tag: "auth",
      access: "user",
      response: ZMeReply,
      async handle({ req, actor }) {
        const info = auth.infoOf(req);
        return {
          user: await toUserInfo(accounts, actor, info?.mustChangePassword ?? false),
          ...(info?.kind === "session" ? { csrfToken: info.csrfToken } : {}),
        };
      },
    }),
  ];
}

function isWrongCurrentPassword(e: unknown): boolean {
  return e instanceof AppError && (e.details ?? []).some((d) => d.field === "currentPassword");
}
