import type { AddressInfo } from "node:net";
import express from "express";
import { type Logger, pino } from "pino";
import { pinoHttp } from "pino-http";
import { beforeAll, describe, expect, it } from "vitest";
import { requestLogOptions } from "./create-http-app.ts";
import { lazyRequestLogger, type RequestLoggerOptions } from "./request-logger.ts";

/** The app's options (create-http-app.ts), with request ids that repeat from one app to the other. */
function options(logger: Logger): RequestLoggerOptions {
  let n = 0;
  return requestLogOptions(logger, (_req, res) => {
    const id = `req-${++n}`;
    res.setHeader("X-Request-Id", id);
    return id;
  });
}

/** An app with the given request log, its lines collected parsed. */
async function serve(level: string, lazy: boolean) {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level }, { write: (line: string) => lines.push(JSON.parse(line)) });
  const o = options(logger);
  const app = express();
  app.use(
    lazy
      ? lazyRequestLogger(o)
      : pinoHttp({
          logger: o.logger,
          genReqId: o.genReqId,
          serializers: o.serializers,
          autoLogging: { ignore: o.ignore },
          customLogLevel: o.customLogLevel,
        }),
  );
  app.get("/ok", (_req, res) => {
    res.json({ ok: true });
  });
  app.get("/healthz", (_req, res) => {
    res.status(503).end();
  });
  app.get("/inside", (req, res) => {
    req.log.warn({ what: "x" }, "inside");
    res.status(404).json({});
  });
  app.get("/boom", () => {
    throw new Error("boom");
  });
  app.use((err: Error, req: express.Request, res: express.Response, _next: express.NextFunction) => {
    req.log.error({ err }, "failed");
    res.status(500).json({});
  });
  const server = app.listen(0);
  await new Promise((r) => server.once("listening", r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { lines, base, close: () => new Promise((r) => server.close(r)) };
}

/** The same requests, one after the other; the lines without their times. */
async function linesOf(level: string, lazy: boolean) {
  const s = await serve(level, lazy);
  const ids: (string | null)[] = [];
  for (const path of ["/ok", "/inside?name=x", "/boom", "/healthz", "/nowhere", "/ok?x=1"]) {
    const r = await fetch(`${s.base}${path}`);
    ids.push(r.headers.get("x-request-id"));
    await r.arrayBuffer();
  }
  await new Promise((r) => setTimeout(r, 50));
  await s.close();
  return {
    ids,
    lines: s.lines.map(
      ({ time, responseTime, err, ...rest }): Record<string, unknown> => ({
        ...rest,
        time: typeof time,
        responseTime: typeof responseTime,
        err: err && { type: (err as { type: string }).type, message: (err as { message: string }).message },
      }),
    ),
  };
}

describe("lazyRequestLogger", () => {
  const seen: Record<string, Awaited<ReturnType<typeof linesOf>>> = {};
  beforeAll(async () => {
    for (const level of ["info", "warn"])
      for (const lazy of [false, true]) seen[`${level}-${lazy}`] = await linesOf(level, lazy);
  });

  it("writes pino-http's lines, level by level, request ids and req.log included", () => {
    for (const level of ["info", "warn"]) {
      expect(seen[`${level}-true`]).toEqual(seen[`${level}-false`]);
    }
    const info = seen["info-true"];
    expect(info?.ids).toEqual(["req-1", "req-2", "req-3", "req-4", "req-5", "req-6"]);
    expect(info?.lines.map((l) => [l.msg, l.level])).toEqual([
      ["request completed", 30],
      ["inside", 40],
      ["request completed", 40],
      ["failed", 50],
      ["request errored", 50],
      ["request completed", 40],
      ["request completed", 30],
    ]);
    expect(info?.lines[1]).toMatchObject({ req: { id: "req-2", method: "GET", url: "/inside" }, what: "x" });
    expect(info?.lines[4]).toMatchObject({
      req: { id: "req-3", url: "/boom" },
      res: { statusCode: 500 },
      err: { message: "failed with status code 500" },
    });
  });

  it("at warn, writes no line of a 2xx answer", () => {
    expect(seen["warn-true"]?.lines.map((l) => l.msg)).toEqual([
      "inside",
      "request completed",
      "failed",
      "request errored",
      "request completed",
    ]);
  });
});
