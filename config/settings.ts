/**
 * Settings: the only place that reads `process.env`, once, through a zod schema. Invalid
 * settings stop the process with a message naming the variable. Policy choices of DOMAIN.md
 * (the supplement window, reminder offsets) are settings, not constants.
 */
import { isIP } from "node:net";
import { resolve } from "node:path";
import { z } from "zod";

const ZWorkdayList = z
  .string()
  .regex(/^\d+(,\d+)*$/, "应为逗号分隔的工作日数，如 5,2,0")
  .transform((s) => [...new Set(s.split(",").map(Number))].sort((a, b) => b - a));

const PROXY_NAMES = ["loopback", "linklocal", "uniquelocal"];

/** An address or CIDR block (`10.0.0.0/8`, `fd00::/8`), or one of Express's names. */
function isProxySpec(s: string): boolean {
  if (PROXY_NAMES.includes(s)) return true;
  const [address = "", bits, ...rest] = s.split("/");
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  const n = /^\d{1,3}$/.test(bits) ? Number(bits) : -1;
  return n >= 0 && n <= (family === 4 ? 32 : 128);
}

/**
 * Which reverse proxies' X-Forwarded-For / X-Forwarded-Proto to believe, as Express's
 * `trust proxy`: off (default: the client's address is the connection's), a hop count (`1`: the
 * one proxy in front), or a comma-separated list of addresses, CIDR blocks and the names
 * loopback, linklocal, uniquelocal. `true` (trust anyone) is refused: any client could then
 * choose its own address and escape the login delays.
 */
export const ZTrustProxy = z
  .string()
  .trim()
  .transform((s, ctx): false | number | string[] => {
    if (s === "" || s === "false" || s === "off" || s === "0") return false;
    if (/^\d{1,2}$/.test(s)) return Number(s);
    const list = s.split(",").map((p) => p.trim());
    const bad = list.filter((p) => !isProxySpec(p));
    if (bad.length > 0) {
      ctx.addIssue({
        code: "custom",
        message: `应为 off、代理层数（如 1）或以逗号分隔的地址、CIDR 网段、loopback/linklocal/uniquelocal；无法识别：${bad.join("、")}`,
      });
      return z.NEVER;
    }
    return list;
  });

export const ZSettings = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  OGI_DATA_DIR: z.string().default("./data"),
  DATABASE_URL: z.string().url().optional(),
  REDIS_URL: z.string().url().optional(),
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default("政府信息公开办理系统 <ogi@localhost>"),
  PUBLIC_URL: z.string().url().optional(),
  /** The reverse proxies to trust (ZTrustProxy): client address for the login delays, https for Secure cookies. */
  TRUST_PROXY: ZTrustProxy.default(false),
  OGI_BOOTSTRAP_ADMIN: z
    .string()
    .regex(/^[^:]+:.{8,}$/, "格式应为 用户名:密码，密码至少 8 位")
    .optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** DOMAIN.md §5 policy: the supplement window the agency sets, in working days. */
  OGI_SUPPLEMENT_WINDOW_WORKDAYS: z.coerce.number().int().min(1).max(60).default(15),
  /** DOMAIN.md §5 policy: reminders to the handler, working days before each deadline. */
  OGI_REMINDER_OFFSETS: ZWorkdayList.default([5, 2, 0]),
  /** Hour (China time) at which a day's reminders and automatic events run. */
  OGI_JOB_HOUR: z.coerce.number().int().min(0).max(23).default(0),
  /** Minutes between reconciler runs (fractions allowed: tests use 0.05, i.e. 3 s). */
  OGI_RECONCILE_MINUTES: z.coerce.number().min(0.05).max(1440).default(5),
  /**
   * Milliseconds between a worker's looks at the deadline-job outbox (the job changes written by
   * the API and other processes; a worker relays its own writes at once).
   */
  OGI_OUTBOX_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).default(500),
  /** Seconds a running deadline job's lock lasts: a crashed worker's job runs again after about twice this. */
  OGI_JOB_LOCK_SECONDS: z.coerce.number().int().min(1).max(600).default(30),
  /** Deadline jobs run at once by each worker process (default: workers/start-workers.ts, 4). */
  OGI_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  /** Session lifetime for the web UI, minutes of inactivity. */
  OGI_SESSION_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .default(480),
  /**
   * Seconds an API process answers a token (bearer or session) from memory without reading its
   * row. A logout, password change, disable or role change drops it at once in the process that
   * made it; another API process notices within this many seconds. 0: read the row every time.
   */
  OGI_TOKEN_CACHE_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
  /** Largest case document (one file), MB (issue 12). */
  OGI_DOCUMENT_MAX_MB: z.coerce.number().int().min(1).max(1024).default(50),
  /** Largest total of one case's documents (or one online submission's), MB. */
  OGI_CASE_DOCUMENTS_MAX_MB: z.coerce.number().int().min(1).max(102400).default(500),
  /** Test-only: the clock starts at this instant (ISO 8601) and runs on. */
  OGI_FAKE_NOW: z.string().datetime({ offset: true }).optional(),
  /**
   * Notices to the applicant (issue 12): an event notifies only when its effective date lies within
   * this many working days before today (a backdated history, a ledger import never mails about
   * things long past). 0: only events dated today.
   */
  OGI_NOTICE_RECENT_WORKDAYS: z.coerce.number().int().min(0).max(60).default(3),
  /** Seconds between two passes of the applicant-notice relay in each worker process. */
  OGI_NOTICE_INTERVAL_SECONDS: z.coerce.number().min(0.2).max(3600).default(30),
  /** Attempts per channel (mail, SMS) before a notice is marked failed; retried with backoff. */
  OGI_NOTICE_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
  /** The SMS gateway's webhook (POST JSON {phone, templateId, params, signName}); no SMS without it. */
  SMS_WEBHOOK_URL: z.string().url().optional(),
  /** HMAC-SHA256 key of the webhook's X-Signature header (hex of `timestamp.body`). */
  SMS_WEBHOOK_SECRET: z.string().min(1).optional(),
  /** The SMS signature (签名) registered with the gateway. */
  SMS_SIGN_NAME: z.string().min(1).default("政务公开"),
  /** The gateway's template id per notice kind. */
  SMS_TEMPLATE_RECEIPT: z.string().min(1).default("OGI_RECEIPT"),
  SMS_TEMPLATE_SUPPLEMENT: z.string().min(1).default("OGI_SUPPLEMENT"),
  SMS_TEMPLATE_EXTENSION: z.string().min(1).default("OGI_EXTENSION"),
  SMS_TEMPLATE_FEE: z.string().min(1).default("OGI_FEE"),
  SMS_TEMPLATE_REPLY: z.string().min(1).default("OGI_REPLY"),
  SMS_TEMPLATE_REREPLY: z.string().min(1).default("OGI_REREPLY"),
  SMS_TEMPLATE_WITHDRAWAL: z.string().min(1).default("OGI_WITHDRAWAL"),
  /** Load the demo county at start when the database has no agency (npm start sets it). */
  OGI_DEMO: z.enum(["0", "1"]).default("0"),
});

export type Settings = z.infer<typeof ZSettings> & { dataDir: string };

/** Parses the environment (or the given object); exits with a clear message when invalid. */
export function loadSettings(env: Record<string, string | undefined> = process.env): Settings {
  const parsed = ZSettings.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`配置有误（环境变量）：\n${lines.join("\n")}`);
  }
  if (parsed.data.SMS_WEBHOOK_URL && !parsed.data.SMS_WEBHOOK_SECRET) {
    // the gateway tells our requests from forged ones by the signature: never send unsigned
    throw new Error(
      "配置有误（环境变量）：\n  SMS_WEBHOOK_SECRET: 设置了 SMS_WEBHOOK_URL 时必须设置（短信网关用它验证请求的签名 X-Signature）",
    );
  }
  return { ...parsed.data, dataDir: resolve(parsed.data.OGI_DATA_DIR) };
}
