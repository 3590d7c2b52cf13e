import { describe, expect, it } from "vitest";
import type { Actor } from "./actor.ts";
import { type CachedToken, makeTokenCache } from "./token-cache.ts";

const actor = {
  userId: 7,
  username: "u",
  displayName: "u",
  roles: [],
  isSystemAdmin: false,
} as unknown as Actor;
const entry = (userId: number, expiresAt = 10_000_000): CachedToken => ({
  actor,
  mustChangePassword: false,
  kind: "bearer",
  userId,
  csrfToken: null,
  expiresAt,
});

describe("token cache", () => {
  it("serves an entry for ttl of the process's time and of the service's clock, never past the token's end", () => {
    let t = 0;
    const cache = makeTokenCache({ ttlMs: 30_000, monotonic: () => t });
    cache.set("a", entry(7), cache.generation(), 1_000);
    t = 29_999;
    expect(cache.get("a", 1_000)?.userId).toBe(7);
    t = 30_000;
    expect(cache.get("a", 1_000)).toBeUndefined();
    cache.set("b", entry(7), cache.generation(), 1_000);
    expect(cache.get("b", 31_000)).toBeUndefined(); // the service's clock moved 30 s
    cache.set("c", entry(7, 5_000), cache.generation(), 1_000);
    expect(cache.get("c", 5_000)).toBeUndefined(); // the token ended
  });

  it("drops a user's entries and a revoked token; a row read before a drop is not kept", () => {
    const cache = makeTokenCache({ ttlMs: 30_000, monotonic: () => 0 });
    const g = cache.generation();
    cache.set("a", entry(7), g, 0);
    cache.set("b", entry(7), g, 0);
    cache.set("c", entry(8), g, 0);
    cache.dropUser(7);
    expect([cache.get("a", 0), cache.get("b", 0), cache.get("c", 0)?.userId]).toEqual([
      undefined,
      undefined,
      8,
    ]);
    cache.dropToken("c");
    expect(cache.get("c", 0)).toBeUndefined();
    cache.set("d", entry(9), g, 0); // read before the drops: may be stale
    expect(cache.get("d", 0)).toBeUndefined();
  });

  it("keeps nothing with ttl 0 and at most maxEntries", () => {
    expect(
      (() => {
        const c = makeTokenCache({ ttlMs: 0 });
        c.set("a", entry(1), c.generation(), 0);
        return c.get("a", 0);
      })(),
    ).toBeUndefined();
    const c = makeTokenCache({ ttlMs: 30_000, maxEntries: 2, monotonic: () => 0 });
    for (const k of ["a", "b", "c"]) c.set(k, entry(1), c.generation(), 0);
    expect([c.get("a", 0), c.get("b", 0)?.userId, c.get("c", 0)?.userId]).toEqual([undefined, 1, 1]);
  });
});
