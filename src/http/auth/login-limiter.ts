import { AppError } from "../../app-error.ts";

export interface LoginLimits {
  /** Failed logins allowed per username within the window (default 10). */
  perUsername: number;
  /** Failed logins allowed per client IP within the window (default 30: an office shares one IP). */
  perIp: number;
  /** The window, minutes (default 15). */
  windowMinutes: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { perUsername: 10, perIp: 30, windowMinutes: 15 };

interface Counter {
  failures: number;
  resetAt: number;
}

/**
 * Counts failed logins per username and per IP in fixed windows, in memory (one API process).
 * An attempt counts as a failure from its start, so a burst of parallel guesses cannot slip
 * through while the password hashes are being checked; a success takes its own count back.
 */
export function makeLoginLimiter(now: () => Date, limits: LoginLimits = DEFAULT_LOGIN_LIMITS) {
  const counters = new Map<string, Counter>();
  const windowMs = limits.windowMinutes * 60_000;

  function live(key: string, t: number): Counter | undefined {
    const c = counters.get(key);
    if (c && c.resetAt <= t) {
      counters.delete(key);
      return undefined;
    }
    return c;
  }

  function prune(t: number) {
    if (counters.size < 10_000) return;
    for (const [key, c] of counters) if (c.resetAt <= t) counters.delete(key);
  }

  function keysOf(ip: string, username: string): [string, number][] {
    return [
      [`user:${username.toLowerCase()}`, limits.perUsername],
      [`ip:${ip}`, limits.perIp],
    ];
  }

  return {
    /** Throws 429 when either key is over its limit; otherwise counts this attempt. */
    begin(ip: string, username: string): void {
      const t = now().getTime();
      prune(t);
      const keys = keysOf(ip, username);
      for (const [key, max] of keys) {
        const c = live(key, t);
        if (c && c.failures >= max) {
          const minutes = Math.max(1, Math.ceil((c.resetAt - t) / 60_000));
          throw new AppError("rate_limited", { message: `登录失败次数过多，请 ${minutes} 分钟后再试` });
        }
      }
      for (const [key] of keys) {
        const c = live(key, t);
        if (c) c.failures += 1;
        else counters.set(key, { failures: 1, resetAt: t + windowMs });
      }
    },
    /** The attempt succeeded: it was no failure, and the username's count starts over. */
    succeeded(ip: string, username: string): void {
      const [[userKey], [ipKey]] = keysOf(ip, username) as [[string, number], [string, number]];
      counters.delete(userKey);
      const c = counters.get(ipKey);
      if (c) c.failures = Math.max(0, c.failures - 1);
    },
  };
}

export type LoginLimiter = ReturnType<typeof makeLoginLimiter>;
