import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import pino from "pino";
import { createHttpApp } from "../../../src/http/create-http-app.ts";
import type { HttpDeps } from "../../../src/http/http-deps.ts";
import type { Actor } from "../../../src/services/actor.ts";

export const STUB_ACTOR: Actor = {
  userId: 1,
  username: "clerk",
  displayName: "登记员",
  agencyId: 1,
  agencyCode: "town",
  agencyPath: "/town/",
  roles: ["intake"],
  isSystemAdmin: false,
};

/**
 * The app over stand-in services, for what needs no database (the document, the error
 * middleware): only the members passed in exist, and any bearer token is STUB_ACTOR's.
 */
export async function startStubApp(
  services: Record<string, Record<string, unknown>> = {},
  extensions: HttpDeps["extensions"] = [],
) {
  const logLines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logLines.push(chunk.toString("utf8"));
      done();
    },
  });
  const deps = {
    ...services,
    accounts: { resolveToken: async () => ({ actor: STUB_ACTOR, csrfToken: null }), ...services.accounts },
    logger: pino({ level: "info" }, sink),
    settings: { OGI_SESSION_MINUTES: 60, PUBLIC_URL: undefined },
    now: () => new Date("2026-03-20T02:00:00Z"),
    health: async () => ({ ok: true, details: {} }),
    extensions,
  } as unknown as HttpDeps;
  const server = createHttpApp(deps).listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    logLines,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
