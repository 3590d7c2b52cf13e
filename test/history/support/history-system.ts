// The whole system as `ogi start` runs it (startSystem: HTTP API, report routes, deadline workers,
// BullMQ on the run's Redis), on PGlite or a fresh PostgreSQL database, with a fixed clock: the
// ground on which histories are typed in after the fact while the workers run.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadSettings } from "../../../config/settings.ts";
import type { Role } from "../../../src/domain/roles.ts";
import type { ApplicationView } from "../../../src/services/application-types.ts";
import { type RunningSystem, startSystem } from "../../../src/system/start-system.ts";
import { freshPostgresUrl, freshQueuePrefix, redisUrl } from "../../support/services.ts";

export const BACKENDS: [name: string, databaseUrl: () => Promise<string | undefined>][] = [
  ["pglite", async () => undefined],
  ["postgres", freshPostgresUrl],
];

/** Friday 2026-03-20, 10:00 China time. */
export const NOW = new Date("2026-03-20T02:00:00Z");

const USERS: Record<string, { agency: string; roles: Role[]; isSystemAdmin?: boolean }> = {
  clerk: { agency: "town", roles: ["intake"] },
  handler: { agency: "town", roles: ["handler"] },
  approver: { agency: "town", roles: ["approver"] },
  townadmin: { agency: "town", roles: ["agency_admin"] },
  sysadmin: { agency: "county", roles: [], isSystemAdmin: true },
};
export type HistoryUser = "clerk" | "handler" | "approver" | "townadmin" | "sysadmin";

export interface Reply<T> {
  status: number;
  body: T;
}

export interface ErrorReply {
  error: { code: string; message: string };
}

export interface HistorySystem {
  system: RunningSystem;
  call<T = ApplicationView & ErrorReply>(
    as: HistoryUser,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<Reply<T>>;
  /** Registers an application handed in on `receivedOn` (natural person unless given). */
  register(receivedOn: string, applicantType?: string, channel?: string): Promise<ApplicationView>;
  /** POSTs an action; returns the reply whatever its status. */
  act(
    as: HistoryUser,
    id: string,
    body: Record<string, unknown>,
  ): Promise<Reply<ApplicationView & ErrorReply>>;
  get(id: string): Promise<ApplicationView>;
  /** Waits until the workers have run every job due today (automatic events, reminders). */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export async function startHistorySystem(databaseUrl: string | undefined): Promise<HistorySystem> {
  const dataDir = mkdtempSync(join(tmpdir(), "ogi-history-"));
  const settings = loadSettings({
    OGI_DATA_DIR: dataDir,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    PORT: "0",
    HOST: "127.0.0.1",
    REDIS_URL: redisUrl(),
    LOG_LEVEL: "error",
    OGI_JOB_HOUR: "0",
  });
  const tokens = new Map<string, string>();
  const system = await startSystem(settings, {
    http: true,
    workers: true,
    now: () => NOW,
    queuePrefix: freshQueuePrefix(),
    prepare: async (core) => {
      await core.accounts.createAgency({ code: "county", name: "某县人民政府", kind: "government" });
      await core.accounts.createAgency({
        code: "town",
        name: "某镇人民政府",
        kind: "township",
        parentCode: "county",
      });
      for (const [username, u] of Object.entries(USERS)) {
        const created = await core.accounts.createUser({
          username,
          password: "password-123",
          displayName: `${username}（测试）`,
          agencyCode: u.agency,
          roles: u.roles,
          email: `${username}@town.example.gov.cn`,
          isSystemAdmin: u.isSystemAdmin ?? false,
        });
        tokens.set(username, (await core.accounts.issueToken(created.id, "bearer", 600)).token);
      }
    },
  });
  const base = system.url ?? "";

  async function call<T>(as: HistoryUser, method: string, path: string, body?: unknown): Promise<Reply<T>> {
    const headers: Record<string, string> = { authorization: `Bearer ${tokens.get(as)}` };
    if (body !== undefined) headers["content-type"] = "application/json";
    const res = await fetch(`${base}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  async function settle(): Promise<void> {
    const today = "2026-03-20";
    const deadline = Date.now() + 20_000;
    for (;;) {
      const due = await system.core.database.db
        .selectFrom("deadline_jobs")
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .where("status", "=", "pending")
        .where("run_on", "<=", today)
        .executeTakeFirstOrThrow();
      const [waiting, active] = await Promise.all([
        system.queue.getWaitingCount(),
        system.queue.getActiveCount(),
      ]);
      if (Number(due.n) === 0 && waiting === 0 && active === 0) return;
      if (Date.now() > deadline)
        throw new Error(`workers did not settle: ${due.n} due rows, ${waiting} waiting`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  return {
    system,
    call,
    async register(receivedOn, applicantType = "natural_person", channel = "in_person") {
      const r = await call<ApplicationView & ErrorReply>("clerk", "POST", "/api/v1/applications", {
        agencyCode: "town",
        // Handed in by default: the notices go back the same way, received the day they are sent.
        channel,
        receivedOn,
        applicant: { type: applicantType, name: "张三" },
        description: "本镇道路修缮工程的招标文件",
        handlerUsername: "handler",
      });
      if (r.status !== 201) throw new Error(`register ${receivedOn}: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body;
    },
    act: (as, id, body) => call(as, "POST", `/api/v1/applications/${id}/actions`, body),
    async get(id) {
      return (await call<ApplicationView>("townadmin", "GET", `/api/v1/applications/${id}`)).body;
    },
    settle,
    async close() {
      await system.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
