/**
 * pino-http's request log, its lines unchanged, without its cost on a request whose line is not
 * written. pino-http builds a child logger for every request, and pino serializes and stringifies
 * a child's bindings (the request) when it is built; at the usual level (`warn`) a 2xx line is
 * never written, so that work was thrown away on every action. Here the child is built on first
 * use: when the request's line is written, or when a handler logs through `req.log`. pino-http
 * itself still configures the logger (its wrapped serializers), so what a line says is its own.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestHandler } from "express";
import type { LevelWithSilent, Logger } from "pino";
import { type Options, pinoHttp } from "pino-http";

export interface RequestLoggerOptions {
  logger: Logger;
  genReqId: (req: IncomingMessage, res: ServerResponse) => string;
  serializers: NonNullable<Options["serializers"]>;
  /** No line for these requests (pino-http's `autoLogging.ignore`). */
  ignore: (req: IncomingMessage) => boolean;
  customLogLevel: (req: IncomingMessage, res: ServerResponse, err: Error | undefined) => LevelWithSilent;
}

/** What pino-http leaves on a request and its response for the handlers. */
type Logged = { id?: unknown; log?: Logger };

export function lazyRequestLogger(options: RequestLoggerOptions): RequestHandler {
  // the logger pino-http would log through: the app's, with the request/response/error
  // serializers wrapped as pino-http wraps them
  const logger = pinoHttp({
    logger: options.logger,
    serializers: options.serializers,
    customLogLevel: options.customLogLevel,
  }).logger;
  return (req, res, next) => {
    const request = req as IncomingMessage & Logged;
    request.id = request.id || options.genReqId(req, res);
    const startedAt = Date.now();
    let child: Logger | undefined;
    const requestLog = () => {
      child ??= logger.child({ req });
      return child;
    };
    for (const target of [req, res]) {
      Object.defineProperty(target, "log", {
        configurable: true,
        enumerable: true,
        get: requestLog,
        set: (log: Logger) => {
          child = log;
        },
      });
    }
    const complete = (err?: Error) => {
      res.removeListener("close", complete);
      res.removeListener("finish", complete);
      res.removeListener("error", complete);
      const level = options.customLogLevel(req, res, err);
      if (level === "silent" || !logger.isLevelEnabled(level)) return;
      const responseTime = Date.now() - startedAt;
      const resErr = (res as ServerResponse & { err?: Error }).err;
      if (err || resErr || res.statusCode >= 500) {
        const error = err || resErr || new Error(`failed with status code ${res.statusCode}`);
        requestLog()[level]({ res, err: error, responseTime }, "request errored");
        return;
      }
      const message = !req.readableAborted && res.writableEnded ? "request completed" : "request aborted";
      requestLog()[level]({ res, responseTime }, message);
    };
    if (!options.ignore(req)) {
      res.on("close", complete);
      res.on("finish", complete);
    }
    res.on("error", complete);
    next();
  };
}
