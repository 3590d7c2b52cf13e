/**
 * Abuse limits of the public portal (issue 12), kept in Redis so every `ogi serve` node counts
 * the same: submissions per client IP in a fixed window, and failed look-ups (a wrong 查询码 or
 * wrong last four digits, never told apart) per IP and per code, slowed down as the login
 * limiter does (src/http/auth/login-limiter.ts: after a few free failures each attempt waits a
 * delay that doubles from the last one, 1 s … 60 s, 429 with Retry-After) and, past the free
 * failures, answered only with a solved arithmetic challenge (src/http/portal/challenge.ts).
 */
import type { Redis } from "ioredis";
import { RateLimited } from "../auth/login-limiter.ts";
import { type Challenge, makeChallenges } from "./challenge.ts";

export interface PortalLimits {
  /** Submissions per client IP per window (default 20 per 60 minutes: an office may help several people). */
  submissionsPerIp: number;
  submissionWindowMinutes: number;
  /** Failed look-ups per client IP before delays and the challenge (default 10). */
  freeFailuresPerIp: number;
  /** Failed look-ups per 查询码 before delays and the challenge (default 5). */
  freeFailuresPerCode: number;
  /** The first delay, seconds (default 1); each further failure doubles it, up to maxDelaySeconds (60). */
  firstDelaySeconds: number;
  maxDelaySeconds: number;
  /** A key's failures are forgotten this many minutes after its last attempt (default 15). */
  forgetAfterMinutes: number;
  /** How long a challenge may be answered, minutes (default 5). */
  challengeMinutes: number;
  /** Files with one submission or one supplement (default 5), each at most maxFileBytes (10 MB), together at most maxFilesBytes (30 MB). */
  maxFiles: number;
  maxFileBytes: number;
  maxFilesBytes: number;
}

export const DEFAULT_PORTAL_LIMITS: PortalLimits = {
  submissionsPerIp: 20,
  submissionWindowMinutes: 60,
  freeFailuresPerIp: 10,
  freeFailuresPerCode: 5,
  firstDelaySeconds: 1,
  maxDelaySeconds: 60,
  forgetAfterMinutes: 15,
  challengeMinutes: 5,
  maxFiles: 5,
  maxFileBytes: 10 * 1024 * 1024,
  maxFilesBytes: 30 * 1024 * 1024,
};

/** Past the free failures without a solved challenge: 429 with a new question to answer. */
export class ChallengeRequired extends Error {
  constructor(
    readonly challenge: Challenge,
    readonly reason: "required" | "wrong",
  ) {
    super("challenge required");
  }
}

// KEYS: the failure counters. ARGV: now ms, forget ms, first delay ms, max delay ms, solved (0/1),
// then each key's free failures. Returns {0} (go: counted as a failure), {1, wait ms}, {2} (challenge).
const BEGIN = `
local now, forget, first, max = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local solved = ARGV[5] == '1'
local wait, over = 0, false
for i, key in ipairs(KEYS) do
  local n = tonumber(redis.call('HGET', key, 'n') or '0')
  local last = tonumber(redis.call('HGET', key, 't') or '0')
  local free = tonumber(ARGV[5 + i])
  if n > free then
    over = true
    local delay = math.min(first * 2 ^ math.min(n - free - 1, 30), max)
    if last + delay - now > wait then wait = last + delay - now end
  end
end
if wait > 0 then return {1, wait} end
if over and not solved then return {2, 0} end
for _, key in ipairs(KEYS) do
  redis.call('HINCRBY', key, 'n', 1)
  redis.call('HSET', key, 't', now)
  redis.call('PEXPIRE', key, forget)
end
return {0, 0}`;

// KEYS[1]: the window's counter. ARGV: window ms. Returns {count, ms left}.
const HIT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {n, redis.call('PTTL', KEYS[1])}`;

// KEYS[1]: a failure counter: one attempt fewer, never below 0, never created.
const TAKE_BACK = `
if redis.call('EXISTS', KEYS[1]) == 1 and redis.call('HINCRBY', KEYS[1], 'n', -1) < 0 then
  redis.call('HSET', KEYS[1], 'n', 0)
end
return 0`;

export interface PortalGuardDeps {
  redis: Redis;
  /** Prefix of every key (`ogi:portal:`). */
  prefix: string;
  now: () => Date;
  limits?: PortalLimits | undefined;
}

export type PortalGuard = ReturnType<typeof makePortalGuard>;

export function makePortalGuard(deps: PortalGuardDeps) {
  const { redis, prefix } = deps;
  const limits = deps.limits ?? DEFAULT_PORTAL_LIMITS;
  const challenges = makeChallenges({ redis, prefix, now: deps.now, minutes: limits.challengeMinutes });
  const ipKey = (ip: string) => `${prefix}fail:ip:${ip}`;
  const codeKey = (codeHash: string) => `${prefix}fail:code:${codeHash}`;

  return {
    /** Before a submission is stored: 429 with Retry-After past the IP's share of the window. */
    async beginSubmission(ip: string): Promise<void> {
      const windowMs = limits.submissionWindowMinutes * 60_000;
      const [n, left] = (await redis.eval(HIT, 1, `${prefix}submit:ip:${ip}`, windowMs)) as [number, number];
      if (n > limits.submissionsPerIp) {
        throw new RateLimited(Math.max(1, Math.ceil(left / 1000)), "同一网络提交的申请过多");
      }
    },

    /**
     * Before a look-up by code and digits: 429 while a delay runs, ChallengeRequired past the
     * free failures without a solved challenge; otherwise the attempt counts as a failure on the
     * IP and the code until `succeeded` takes it back (so parallel guesses cannot slip through).
     */
    async beginLookup(
      ip: string,
      codeHash: string,
      answer: { token?: string | undefined; answer?: string | undefined },
    ): Promise<void> {
      const solved =
        answer.token !== undefined && (await challenges.redeem(answer.token, answer.answer ?? ""));
      const [status, waitMs] = (await redis.eval(
        BEGIN,
        2,
        ipKey(ip),
        codeKey(codeHash),
        deps.now().getTime(),
        limits.forgetAfterMinutes * 60_000,
        limits.firstDelaySeconds * 1000,
        limits.maxDelaySeconds * 1000,
        solved ? "1" : "0",
        limits.freeFailuresPerIp,
        limits.freeFailuresPerCode,
      )) as [number, number];
      if (status === 1) throw new RateLimited(Math.max(1, Math.ceil(waitMs / 1000)), "查询失败次数较多");
      if (status === 2) {
        throw new ChallengeRequired(
          await challenges.issue(),
          answer.token === undefined ? "required" : "wrong",
        );
      }
    },

    /** The code and digits were right: the code's count starts over, the IP's attempt is taken back. */
    async succeeded(ip: string, codeHash: string): Promise<void> {
      await redis.multi().del(codeKey(codeHash)).eval(TAKE_BACK, 1, ipKey(ip)).exec();
    },

    /** A new question (GET /public/challenge). */
    issueChallenge: () => challenges.issue(),
  };
}
