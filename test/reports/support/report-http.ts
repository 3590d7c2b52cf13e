import type { AddressInfo } from "node:net";
import express from "express";
import pino from "pino";
import { createHttpApp } from "../../../src/http/create-http-app.ts";
import {
  createLettersRouter,
  createReportsRouter,
  letterRouteSpecs,
} from "../../../src/http/reports/create-reports-router.ts";
import { reportRouteSpecs } from "../../../src/http/reports/reports.routes.ts";
import type { ReportFixture, UserKey } from "./report-fixture.ts";

export interface ReportApi {
  base: string;
  /** A JSON request as `user`; throws on anything but the expected status. */
  call<T = Record<string, unknown>>(
    user: UserKey,
    method: string,
    path: string,
    body?: unknown,
    status?: number,
  ): Promise<T>;
  close(): Promise<void>;
}

/** The public API over the fixture's services, as the system wires it, on an ephemeral port. */
export async function startReportApi(f: ReportFixture): Promise<ReportApi> {
  const app = createHttpApp({
    db: f.db,
    applications: f.applications,
    accounts: f.accounts,
    calendars: f.calendars,
    appeals: f.appeals,
    logger: pino({ level: "silent" }),
    settings: { OGI_SESSION_MINUTES: 60, PUBLIC_URL: undefined },
    now: () => f.clock.now,
    health: async () => ({ ok: true, details: {} }),
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
  const tokens = new Map<UserKey, string>();
  async function call<T>(
    user: UserKey,
    method: string,
    path: string,
    body?: unknown,
    status?: number,
  ): Promise<T> {
    let token = tokens.get(user);
    if (!token) {
      const r = await fetch(`${base}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: user, password: "password-123" }),
      });
      token = String(((await r.json()) as { token: string }).token);
      tokens.set(user, token);
    }
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await res.json()) as T;
    const expected =
      status ?? (method === "POST" && !path.includes("/actions") && !path.includes("/result") ? 201 : 200);
    if (res.status !== expected)
      throw new Error(`${method} ${path} as ${user}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  }
  return {
    base,
    call,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
