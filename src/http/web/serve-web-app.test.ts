import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveWebApp } from "./serve-web-app.ts";

const INDEX = '<!doctype html><html><body><div id="root"></div></body></html>';
const PORTAL = '<!doctype html><html><body><div id="root" class="portal"></div></body></html>';

async function listen(app: express.Express): Promise<{ url: string; server: Server }> {
  const server = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** An app shaped like createHttpApp: API routes, /api 404s, then the UI. */
function appWith(distDir: string): express.Express {
  const app = express();
  app.get("/api/v1/ping", (_req, res) => {
    res.json({ ok: true });
  });
  app.use("/api", (_req, res) => {
    res.status(404).json({ error: { code: "not_found", message: "接口不存在" } });
  });
  app.use(serveWebApp({ distDir }));
  return app;
}

describe("serveWebApp", () => {
  let dist: string;
  let url: string;
  let missingUrl: string;
  const servers: Server[] = [];
  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), "ogi-web-dist-"));
    mkdirSync(join(dist, "assets"));
    writeFileSync(join(dist, "index.html"), INDEX);
    writeFileSync(join(dist, "apply.html"), PORTAL);
    writeFileSync(join(dist, "assets", "index-AbC123.js"), "console.log(1)");
    writeFileSync(join(dist, "favicon.svg"), "<svg/>");
    const a = await listen(appWith(dist));
    const b = await listen(appWith(join(dist, "not-built")));
    servers.push(a.server, b.server);
    url = a.url;
    missingUrl = b.url;
  });
  afterAll(() => {
    for (const s of servers) s.close();
    rmSync(dist, { recursive: true, force: true });
  });
  const html = { accept: "text/html,application/xhtml+xml,*/*;q=0.8" };

  it("serves hashed assets for a year, immutable", async () => {
    const res = await fetch(`${url}/assets/index-AbC123.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(await res.text()).toBe("console.log(1)");
  });

  it("answers a missing asset with 404, never with the page", async () => {
    const res = await fetch(`${url}/assets/gone-123.js`, { headers: html });
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('id="root"');
  });

  it("revalidates other files", async () => {
    const res = await fetch(`${url}/favicon.svg`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-cache");
  });

  it("returns index.html for a deep link that accepts HTML, with security headers", async () => {
    const res = await fetch(`${url}/applications/0b6f/receipt`, { headers: html });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(INDEX);
    expect(res.headers.get("cache-control")).toBe("no-cache");
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
  });

  it("returns the applicant's portal (apply.html) for /apply and below, with the same headers", async () => {
    for (const path of ["/apply", "/apply/", "/apply/query"]) {
      const res = await fetch(`${url}${path}`, { headers: html });
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(PORTAL);
      expect(res.headers.get("cache-control")).toBe("no-cache");
      expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
    }
    // a staff path that merely begins with the same letters stays the staff UI
    expect(await (await fetch(`${url}/applyx`, { headers: html })).text()).toBe(INDEX);
    expect(await (await fetch(`${url}/applications/1`, { headers: html })).text()).toBe(INDEX);
  });

  it("leaves /api, non-GET requests and non-HTML requests alone", async () => {
    const api = await fetch(`${url}/api/v1/nothing`, { headers: html });
    expect(api.status).toBe(404);
    expect(await api.json()).toEqual({ error: { code: "not_found", message: "接口不存在" } });
    expect((await fetch(`${url}/api/v1/ping`)).status).toBe(200);
    expect((await fetch(`${url}/applications`, { method: "POST", headers: html })).status).toBe(404);
    expect((await fetch(`${url}/applications`, { headers: { accept: "application/json" } })).status).toBe(
      404,
    );
  });

  it("says in Chinese how to build the UI when web/dist is missing", async () => {
    const res = await fetch(`${missingUrl}/`, { headers: html });
    expect(res.status).toBe(503);
    expect(await res.text()).toContain("npm run build:web");
  });
});
