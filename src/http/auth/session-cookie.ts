import type { Request, Response } from "express";

/** The web UI's session cookie: httpOnly, SameSite=Strict, Path=/. */
export const SESSION_COOKIE = "ogi_session";
/** The header a cookie-authenticated unsafe request must carry (the session's CSRF token). */
export const CSRF_HEADER = "x-csrf-token";

export function readCookie(req: Request, name: string): string | undefined {
  const header = req.get("cookie");
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return undefined;
}

/** Sets (or renews: the session slides) the cookie for `minutes` of inactivity. */
export function setSessionCookie(res: Response, token: string, minutes: number, secure: boolean): void {
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "strict",
    path: "/",
    secure,
    maxAge: minutes * 60_000,
  });
}

export function clearSessionCookie(res: Response, secure: boolean): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: "strict", path: "/", secure });
}
