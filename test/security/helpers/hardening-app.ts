import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import express from "express";
import pino from "pino";
import type { Role } from "../../../src/domain/roles.ts";
import { createHttpApp } from "../../../src/http/create-http-app.ts";
import {
  createLettersRouter,
  createReportsRouter,
  letterRouteSpecs,
} from "../../../src/http/reports/create-reports-router.ts";
import { reportRouteSpecs } from "../../../src/http/reports/reports.routes.ts";
import { serveWebApp } from "../../../src/http/web/serve-web-app.ts";
import type { Actor } from "../../../src/services/actor.ts";
import { makeReportFixture, type ReportFixture } from "../../reports/support/report-fixture.ts";

/** The fixture's "now": a Friday in March 2026, 10:00 China time. */
export const HARDENING_NOW = new Date("2026-03-20T02:00:00Z");

export interface Answer<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  /** The JSON body, when the answer is JSON. */
  body: T;
  bytes: Buffer;
}

export interface CallOptions {
  /** A member of staff of the fixture (or one added); null: no credentials. */
  as?: string | null;
  body?: unknown;
  /** Sent as is, with Content-Type application/json unless headers say otherwise. */
  rawBody?: string;
  headers?: Record<string, string>;
}

/**
 * The whole HTTP surface as start-system wires it (API, report and letter routers, the web UI
 * from a small built folder) over the report fixture's services (county → town, other, dept;
 * one user per role), on PGlite or PostgreSQL, with every log line kept in `logLines`.
 */
export async function startHardeningApp(databaseUrl: string | undefined) {
  const f: ReportFixture = await makeReportFixture({ databaseUrl, now: HARDENING_NOW });
  const logLines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logLines.push(chunk.toString("utf8"));
      done();
    },
  });
  const distDir = mkdtempSync(join(tmpdir(), "ogi-hardening-web-"));
  mkdirSync(join(distDir, "assets"));
  writeFileSync(
    join(distDir, "index.html"),
    '<!doctype html><html><body><div id="root"></div></body></html>',
  );
  writeFileSync(join(distDir, "assets", "index-AbC123.js"), "console.log(1)");
  const app = createHttpApp({
    db: f.db,
    applications: f.applications,
    accounts: f.accounts,
    calendars: f.calendars,
    appeals: f.appeals,
    logger: pino({ level: "info" }, sink),
    settings: { OGI_SESSION_MINUTES: 60, PUBLIC_URL: undefined },
    now: () => f.clock.now,
    health: async () => ({ ok: true, details: {} }),
    webApp: serveWebApp({ distDir }),
    extensions: [
      (auth) => {
        const deps = { auth, reports: f.reports, letters: f.letters };
        const router = express.Router();
        router.use(createReportsRouter(deps), createLettersRouter(deps));
        return { router, specs: [...reportRouteSpecs(f.reports), ...letterRouteSpecs(f.letters)] };
      },
    ],
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const actors: Record<string, Actor> = { ...f.actors };
  const tokens = new Map<string, string>();

  async function tokenOf(user: string): Promise<string> {
    let token = tokens.get(user);
    if (!token) {
      const actor = actors[user];
      if (!actor?.userId) throw new Error(`no user ${user}`);
      token = (await f.accounts.issueToken(actor.userId, "bearer", 60 * 24)).token;
      tokens.set(user, token);
    }
    return token;
  }

  async function call<T = Record<string, unknown>>(
    method: string,
    path: string,
    options: CallOptions = {},
  ): Promise<Answer<T>> {
    const headers: Record<string, string> = { ...options.headers };
    const as = options.as === undefined ? "approver" : options.as;
    if (as !== null) headers.authorization = `Bearer ${await tokenOf(as)}`;
    const body = options.body === undefined ? options.rawBody : JSON.stringify(options.body);
    if (body !== undefined) headers["content-type"] ??= "application/json";
    const res = await fetch(`${base}${path}`, { method, headers, body });
    const bytes = Buffer.from(await res.arrayBuffer());
    const type = res.headers.get("content-type") ?? "";
    const json = type.includes("json") && bytes.length > 0 ? JSON.parse(bytes.toString("utf8")) : undefined;
    return { status: res.status, headers: res.headers, body: json as T, bytes };
  }

  /** A member of staff added to the fixture (one argon2 hash each). */
  async function addUser(username: string, agencyCode: string, roles: Role[]): Promise<Actor> {
    const u = await f.accounts.createUser({
      username,
      password: "password-123",
      displayName: `${username}名`,
      agencyCode,
      roles,
    });
    const actor = (await f.accounts.toActor(u.id)) as Actor;
    actors[username] = actor;
    return actor;
  }

  return {
    f,
    base,
    logLines,
    actors,
    call,
    addUser,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await f.handle.close();
      rmSync(distDir, { recursive: true, force: true });
    },
  };
}

export type HardeningApp = Awaited<ReturnType<typeof startHardeningApp>>;
