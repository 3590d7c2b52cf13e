import type { ResolvedAccount } from "./account-service.ts";

/** A token's account as last read from the database. */
export interface CachedToken extends ResolvedAccount {
  kind: "bearer" | "session";
  userId: number;
  csrfToken: string | null;
  /** When the token ends (a session: as last slid in the database). */
  expiresAt: number;
}

export interface TokenCache {
  /** The entry while fresh and the token not expired at `now` (ms, the service's clock). */
  get(tokenHash: string, now: number): CachedToken | undefined;
  /** A counter that every drop moves on: read it before reading the row, hand it to set. */
  generation(): number;
  /** Keeps the entry unless something was dropped since `generation` (the row may be stale). */
  set(tokenHash: string, entry: CachedToken, generation: number, now: number): void;
  /** A token revoked (logout). */
  dropToken(tokenHash: string): void;
  /** Every token of a user (password changed, roles edited, disabled, sessions ended). */
  dropUser(userId: number): void;
}

/**
 * Resolved tokens kept in this process for `ttlMs` (OGI_TOKEN_CACHE_SECONDS), so that an
 * authenticated request reads no row. Whatever revokes a token or changes a user in this process
 * drops the entries at once; another process (a second API process) sees a revocation when its
 * entry runs out, after at most `ttlMs`. At most `maxEntries` (oldest dropped first).
 */
export function makeTokenCache(options: {
  ttlMs: number;
  maxEntries?: number;
  /** A monotonic clock in ms for the entries' age (default performance.now): not the service's clock, which tests hold still. */
  monotonic?: () => number;
}): TokenCache {
  const entries = new Map<string, { token: CachedToken; readAt: number; readNow: number }>();
  const max = options.maxEntries ?? 10_000;
  const monotonic = options.monotonic ?? (() => performance.now());
  let drops = 0;
  return {
    generation: () => drops,
    get(tokenHash, now) {
      const e = entries.get(tokenHash);
      if (!e) return undefined;
      // Aged by the process's time and by the service's clock (a test moves it): a session
      // slides in the database at least once per ttl of either.
      const age = Math.max(monotonic() - e.readAt, now - e.readNow, e.readNow - now);
      if (age >= options.ttlMs || e.token.expiresAt <= now) {
        entries.delete(tokenHash);
        return undefined;
      }
      return e.token;
    },
    set(tokenHash, token, generation, now) {
      if (options.ttlMs <= 0 || generation !== drops) return;
      entries.delete(tokenHash);
      entries.set(tokenHash, { token, readAt: monotonic(), readNow: now });
      if (entries.size > max) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
    },
    dropToken(tokenHash) {
      drops++;
      entries.delete(tokenHash);
    },
    dropUser(userId) {
      drops++;
      for (const [k, e] of entries) if (e.token.userId === userId) entries.delete(k);
    },
  };
}
