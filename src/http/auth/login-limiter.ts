import type { Response } from "express";
import { AppError } from "../../app-error.ts";

export interface LoginLimits {
  /** Failed logins per username before the delays start (default 3). */
  freeFailuresPerUsername: number;
  /** Failed logins per client IP before the delays start (default 10: an office shares one IP). */
  freeFailuresPerIp: number;
  /** Wrong current passwords per user before password changes are delayed (default 3). */
  freeFailuresPerPasswordChange: number;
  /** The first delay, seconds (default 1); each further failure doubles it. */
  firstDelaySeconds: number;
  /** The longest delay, seconds (default 60). */
  maxDelaySeconds: number;
  /** A key's failures are forgotten this many minutes after its last attempt (default 15). */
  forgetAfterMinutes: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  freeFailuresPerUsername: 3,
  freeFailuresPerIp: 10,
  freeFailuresPerPasswordChange: 3,
  firstDelaySeconds: 1,
  maxDelaySeconds: 60,
  forgetAfterMinutes: 15,
};

interface Counter {
  failures: number;
  /** The latest counted attempt, ms. */
  lastAt: number;
}

/**
 * Slows guessing down instead of locking the right password out: after a few failures of a key
 * (a username, an IP, a user's password changes) each further attempt must wait a delay that
 * doubles with every failure (1 s, 2 s, 4 s … at most 60 s) from the latest one; an attempt
 * inside the delay is a 429 with Retry-After, and once the delay has passed the right password
 * works. In memory (one API process). An attempt counts as a failure from its start, so a burst
 * of parallel guesses cannot slip through while the password hashes are checked; a success takes
 * its own count back.
 */
export function makeLoginLimiter(now: () => Date, limits: LoginLimits = DEFAULT_LOGIN_LIMITS) {
  const counters = new Map<string, Counter>();
  const forgetMs = limits.forgetAfterMinutes * 60_000;

  function live(key: string, t: number): Counter | undefined {
    const c = counters.get(key);
    if (c && c.lastAt + forgetMs <= t) {
      counters.delete(key);
      return undefined;
    }
    return c;
  }

  function prune(t: number) {
    if (counters.size < 10_000) return;
    for (const [key, c] of counters) if (c.lastAt + forgetMs <= t) counters.delete(key);
  }

  /** The delay owed after `failures` failures when `free` are free, ms. */
  function delayAfter(failures: number, free: number): number {
    if (failures <= free) return 0;
    const exponent = Math.min(failures - free - 1, 30);
    return Math.min(limits.firstDelaySeconds * 2 ** exponent, limits.maxDelaySeconds) * 1000;
  }

  /** Seconds to wait before the next attempt on these keys (0: none). */
  function waitSeconds(keys: readonly [string, number][], t: number): number {
    let until = 0;
    for (const [key, free] of keys) {
      const c = live(key, t);
      if (c) until = Math.max(until, c.lastAt + delayAfter(c.failures, free));
    }
    return until > t ? Math.ceil((until - t) / 1000) : 0;
  }

  /** Refuses (429) while a delay runs; otherwise counts this attempt as a failure on every key. */
  function begin(keys: readonly [string, number][], what: string): void {
    const t = now().getTime();
    prune(t);
    const seconds = waitSeconds(keys, t);
    if (seconds > 0) throw new RateLimited(seconds, what);
    for (const [key] of keys) {
      const c = live(key, t);
      if (c) {
        c.failures += 1;
        c.lastAt = t;
      } else counters.set(key, { failures: 1, lastAt: t });
    }
  }

  const loginKeys = (ip: string, username: string): [string, number][] => [
    [`user:${username.toLowerCase()}`, limits.freeFailuresPerUsername],
    [`ip:${ip}`, limits.freeFailuresPerIp],
  ];
  const passwordKeys = (userId: number): [string, number][] => [
    [`password:${userId}`, limits.freeFailuresPerPasswordChange],
  ];

  return {
    /** Before a login's password is checked: 429 while the username or the IP must wait. */
    begin(ip: string, username: string): void {
      begin(loginKeys(ip, username), "登录失败次数较多");
    },
    /** The login succeeded: it was no failure, and the username's count starts over. */
    succeeded(ip: string, username: string): void {
      const [[userKey], [ipKey]] = loginKeys(ip, username) as [[string, number], [string, number]];
      counters.delete(userKey);
      const c = counters.get(ipKey);
      if (c) c.failures = Math.max(0, c.failures - 1);
    },
    /** Before a password change checks the current password (argon2 is not run while limited). */
    beginPasswordChange(userId: number): void {
      begin(passwordKeys(userId), "当前密码输错次数较多");
    },
    /** The current password was right: the user's count starts over. */
    passwordChangeSucceeded(userId: number): void {
      counters.delete(`password:${userId}`);
    },
  };
}

export type LoginLimiter = ReturnType<typeof makeLoginLimiter>;

/** 429 with the seconds to wait; `sendRetryAfter` puts them into the Retry-After header. */
export class RateLimited extends AppError {
  constructor(
    readonly retryAfterSeconds: number,
    what: string,
  ) {
    super("rate_limited", { message: `${what}，请 ${retryAfterSeconds} 秒后再试` });
  }
}

/** Runs `fn`; a RateLimited from it sets Retry-After on the response before it propagates. */
export function withRetryAfter<T>(res: Response, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof RateLimited) res.setHeader("Retry-After", String(e.retryAfterSeconds));
    throw e;
  }
}
