// The whole system as `ogi start` runs it (startSystem: the API with the report and letter
// routes, the built web UI, the deadline workers, BullMQ on the run's Redis), its log captured
// in memory, the users of test/http (one per role) plus an admin of another agency, and one case
// in each of two agencies whose applicants carry the distinctive data of personal-data.ts.

import { mkdtempSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import type { Kysely } from "kysely";
import pino from "pino";
import { loadSettings } from "../../../config/settings.ts";
import type { Database } from "../../../src/db/schema.ts";
import { type RunningSystem, startSystem } from "../../../src/system/start-system.ts";
import { registerBody } from "../../http/helpers/fixtures.ts";
import { PASSWORD, seedTestUsers, TEST_NOW, USERS, type UserKey } from "../../http/helpers/test-app.ts";
import { ZERO_TABLE2_2021 } from "../../reports/support/table2-figures.ts";
import { freshQueuePrefix, redisUrl } from "../../support/services.ts";
import { OTHER_APPLICANT, PROBE_APPLICANT } from "./personal-data.ts";
import { makePortalFixture, type PortalFixture } from "./portal-fixture.ts";

/** The users of test/http, plus `otheradmin`: every role of the agency `other`, its admin too. */
export type SecurityUser = UserKey | "otheradmin";
export const SECURITY_USERS: Record<
  SecurityUser,
  { agency: string; roles: readonly string[]; isSystemAdmin?: boolean }
> = {
  ...USERS,
  otheradmin: { agency: "other", roles: ["intake", "handler", "approver", "agency_admin"] },
};

/** A town handler that only the user-administration probes aim at (disable, reset, end sessions). */
export const VICTIM = "victim";

export interface Credentials {
  userId: number;
  /** A bearer token (600 minutes). */
  token: string;
  /** A web session: the cookie's value and its CSRF token. */
  session: { token: string; csrfToken: string };
}

/** What the probes aim at: real ids of the town's (and the other agency's) records. */
export interface SecurityFixture {
  applicationId: string;
  trackingNumber: string;
  appealId: string;
  otherApplicationId: string;
  /** A closed year of the town's report (version 1 exists). */
  closedYear: string;
  /** The 查询码 of an online application confirmed into a town case with an issued receipt (PDF frozen). */
  queryCode: string;
  /** Its X-Verify: the last four digits of the applicant's phone. */
  verify: string;
  /** A town online submission still pending (网络申请待确认). */
  submissionId: string;
  /** A document of the town's case. */
  documentId: string;
  /** The file sent with the pending submission. */
  submissionDocumentId: string;
}

export interface RawRequest {
  method: string;
  /** Sent byte for byte: no URL normalisation (`%2e%2e` stays). */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export interface SecuritySystem {
  system: RunningSystem;
  baseUrl: string;
  db: Kysely<Database>;
  /** Every line the app and the workers logged, at level debug and above. */
  logLines: string[];
  users: Record<SecurityUser, Credentials>;
  fixture: SecurityFixture;
  send(req: RawRequest): Promise<RawResponse>;
  /** A JSON request with a bearer token of `as`; the parsed answer. */
  api<T = Record<string, unknown>>(
    as: SecurityUser,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }>;
  /** A new bearer token of `user` (for probes that could revoke the one in `users`). */
  freshToken(user: SecurityUser): Promise<string>;
  close(): Promise<void>;
}

export async function startSecuritySystem(databaseUrl: string | undefined): Promise<SecuritySystem> {
  const dataDir = mkdtempSync(join(tmpdir(), "ogi-security-"));
  const settings = loadSettings({
    OGI_DATA_DIR: dataDir,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    PORT: "0",
    HOST: "127.0.0.1",
    REDIS_URL: redisUrl(),
    OGI_JOB_HOUR: "0",
  });
  const logLines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logLines.push(chunk.toString("utf8"));
      done();
    },
  });
  let ids = {} as Record<SecurityUser, number>;
  const system = await startSystem(settings, {
    http: true,
    workers: true,
    now: () => TEST_NOW,
    queuePrefix: freshQueuePrefix(),
    logger: pino({ level: "debug", base: { app: "ogi" } }, sink),
    prepare: async (core) => {
      const seeded = await seedTestUsers(core.accounts, core.database.db);
      const other = SECURITY_USERS.otheradmin;
      const otheradmin = await core.accounts.createUser({
        username: "otheradmin",
        password: PASSWORD,
        displayName: "otheradmin（测试）",
        agencyCode: other.agency,
        roles: [...other.roles] as never,
        isSystemAdmin: false,
      });
      ids = { ...seeded, otheradmin: otheradmin.id };
      await core.accounts.createUser({
        username: VICTIM,
        password: PASSWORD,
        displayName: "victim（测试）",
        agencyCode: "town",
        roles: ["handler"],
        isSystemAdmin: false,
      });
    },
  });
  const baseUrl = system.url ?? "";
  const { port, hostname } = new URL(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: 8 });
  const accounts = system.core.accounts;

  const users = {} as Record<SecurityUser, Credentials>;
  for (const user of Object.keys(SECURITY_USERS) as SecurityUser[]) {
    const userId = ids[user];
    const bearer = await accounts.issueToken(userId, "bearer", 600);
    const session = await accounts.issueToken(userId, "session", 600);
    users[user] = {
      userId,
      token: bearer.token,
      session: { token: session.token, csrfToken: session.csrfToken ?? "" },
    };
  }

  function send(req: RawRequest): Promise<RawResponse> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string | number> = { ...req.headers };
      if (req.body !== undefined) headers["content-length"] = Buffer.byteLength(req.body);
      const r = request({ agent, hostname, port, method: req.method, path: req.path, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        res.on("error", reject);
      });
      // The server may answer (413) and close before it has read the whole body.
      r.on("error", (e: NodeJS.ErrnoException) => {
        if (e.code !== "EPIPE" && e.code !== "ECONNRESET") reject(e);
      });
      if (req.body !== undefined) r.write(req.body);
      r.end();
    });
  }

  async function api<T>(as: SecurityUser, method: string, path: string, body?: unknown) {
    const headers: Record<string, string> = { authorization: `Bearer ${users[as].token}` };
    if (body !== undefined) headers["content-type"] = "application/json";
    const res = await send({
      method,
      path,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (res.text ? JSON.parse(res.text) : undefined) as T };
  }

  let fixture: SecurityFixture;
  try {
    const base = await makeFixture(api);
    fixture = { ...base, ...(await makePortalFixture(api, send, system, base.applicationId)) };
  } catch (e) {
    agent.destroy();
    await system.stop();
    rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
  return {
    system,
    baseUrl,
    db: system.core.database.db,
    logLines,
    users,
    fixture,
    send,
    api,
    freshToken: async (user) => (await accounts.issueToken(ids[user], "bearer", 600)).token,
    async close() {
      agent.destroy();
      await system.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

type Api = <T = Record<string, unknown>>(
  as: SecurityUser,
  method: string,
  path: string,
  body?: unknown,
) => Promise<{ status: number; body: T }>;

/** Through the API, as the clerks would: a case in town and one in other, an appeal, a closed year. */
async function makeFixture(api: Api): Promise<Omit<SecurityFixture, keyof PortalFixture>> {
  const expectStatus = <T>(what: string, r: { status: number; body: T }, status: number): T => {
    if (r.status !== status) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const town = expectStatus(
    "register the town's case",
    await api<{ id: string; trackingNumber: string }>(
      "clerk",
      "POST",
      "/api/v1/applications",
      registerBody({ applicant: { ...PROBE_APPLICANT } }),
    ),
    201,
  );
  const other = expectStatus(
    "register the other agency's case",
    await api<{ id: string }>(
      "otheradmin",
      "POST",
      "/api/v1/applications",
      registerBody({ agencyCode: "other", handlerUsername: undefined, applicant: { ...OTHER_APPLICANT } }),
    ),
    201,
  );
  // A supplement notice, so that the case has a letter with a 送达回证.
  expectStatus(
    "send a supplement notice",
    await api("handler", "POST", `/api/v1/applications/${town.id}/actions`, {
      type: "request_supplement",
      on: "2026-03-10",
      items: ["请写明所需信息的名称"],
    }),
    200,
  );
  for (const [kind, as] of [
    ["receipt", "clerk"],
    ["supplement_notice", "handler"],
  ] as const) {
    const issued = await api(as, "POST", `/api/v1/applications/${town.id}/letters/${kind}`, {});
    if (issued.status !== 201 && issued.status !== 200) {
      throw new Error(`issue the ${kind}: ${issued.status} ${JSON.stringify(issued.body)}`);
    }
  }
  const appeal = expectStatus(
    "record an appeal",
    await api<{ id: string }>("handler", "POST", `/api/v1/applications/${town.id}/appeals`, {
      kind: "administrative_review",
      filedOn: "2026-03-10",
    }),
    201,
  );
  expectStatus(
    "fill in the town's 2025 table 二",
    await api("townadmin", "PUT", "/api/v1/agencies/town/reports/2025/proactive", ZERO_TABLE2_2021),
    200,
  );
  expectStatus(
    "close the town's 2025 report",
    await api("townadmin", "POST", "/api/v1/agencies/town/reports/2025/close", { acknowledgeWarnings: true }),
    200,
  );
  return {
    applicationId: town.id,
    trackingNumber: town.trackingNumber,
    appealId: appeal.id,
    otherApplicationId: other.id,
    closedYear: "2025",
  };
}
