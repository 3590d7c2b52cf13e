import { randomUUID } from "node:crypto";
import express, { type Express, type Router } from "express";
import { LOG_SAFE_SERIALIZERS } from "../log-safe-error.ts";
import { withoutQueryCode } from "../portal/query-code.ts";
import { makeAccessLogService } from "../services/access-log-service.ts";
import { makeAppealService } from "../services/appeal-service.ts";
import { makeCalendarService } from "../services/calendar-service.ts";
import { makeStatsService } from "../services/stats-service.ts";
import { accessLogRoutes } from "./access-log/access-log.routes.ts";
import { agencyRoutes } from "./agencies/agencies.routes.ts";
import { appealRoutes } from "./appeals/appeals.routes.ts";
import { applicationRoutes } from "./applications/applications.routes.ts";
import { authRoutes } from "./auth/auth.routes.ts";
import { makeAuthenticator } from "./auth/authenticate.ts";
import { makeLoginLimiter } from "./auth/login-limiter.ts";
import { calendarRoutes } from "./calendar/calendar.routes.ts";
import { apiNotFound, errorMiddleware } from "./errors/error-middleware.ts";
import { healthRoutes } from "./health/health.routes.ts";
import type { HttpDeps } from "./http-deps.ts";
import { importRoutes } from "./imports/imports.routes.ts";
import { metaRoutes } from "./meta/meta.routes.ts";
import { noticeRoutes } from "./notices/notices.routes.ts";
import { buildOpenApiDocument } from "./openapi/build-openapi-document.ts";
import { openApiRoutes } from "./openapi/openapi.routes.ts";
import { lazyRequestLogger, type RequestLoggerOptions } from "./request-logger.ts";
import { type AnyRoute, mountRoutes } from "./routing/define-route.ts";
import { settingsRoutes } from "./settings/settings.routes.ts";
import { statsRoutes } from "./stats/stats.routes.ts";
import { userRoutes } from "./users/users.routes.ts";

/** Largest JSON body accepted (a description is at most 5000 characters). */
export const JSON_BODY_LIMIT = "1mb";

/** The core routes of the API, in the order of the document. */
function coreRoutes(deps: HttpDeps, parts: Parameters<typeof authRoutes>): AnyRoute[] {
  const appeals =
    deps.appeals ?? makeAppealService({ db: deps.db, applications: deps.applications, now: deps.now });
  const calendar =
    deps.calendarService ??
    makeCalendarService({ db: deps.db, calendars: deps.calendars, applications: deps.applications });
  const stats = deps.stats ?? makeStatsService({ db: deps.db, calendars: deps.calendars, now: deps.now });
  const accessLog = makeAccessLogService({ db: deps.db });
  return [
    ...healthRoutes(deps),
    ...authRoutes(...parts),
    ...agencyRoutes(deps),
    ...userRoutes(deps),
    ...applicationRoutes(deps),
    ...noticeRoutes(deps),
    ...importRoutes(deps),
    ...accessLogRoutes(accessLog),
    ...appealRoutes(appeals),
    ...calendarRoutes(calendar),
    ...statsRoutes(stats, deps.now),
    ...metaRoutes(),
    ...settingsRoutes(deps.policy),
  ];
}

/**
 * The request log: method, path, status and time. Never headers (tokens, cookies), bodies
 * (passwords), query strings (a search may be an applicant's name) or a public path's 查询码.
 */
function requestLogger(deps: HttpDeps) {
  return lazyRequestLogger(
    requestLogOptions(deps.logger, (_req, res) => {
      const id = randomUUID();
      res.setHeader("X-Request-Id", id);
      return id;
    }),
  );
}

/** What the request log writes and when (request-logger.test.ts checks them against pino-http's own). */
export function requestLogOptions(
  logger: RequestLoggerOptions["logger"],
  genReqId: RequestLoggerOptions["genReqId"],
): RequestLoggerOptions {
  return {
    logger,
    genReqId,
    serializers: {
      req: (req: { id: unknown; method: string; url: string; remoteAddress?: string }) => ({
        id: req.id,
        method: req.method,
        url: withoutQueryCode(req.url.split("?")[0] ?? ""),
        remoteAddress: req.remoteAddress,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      ...LOG_SAFE_SERIALIZERS,
    },
    ignore: (req) => req.url === "/healthz",
    customLogLevel: (_req, res, err) =>
      err || res.statusCode >= 500 ? "error" : res.statusCode >= 400 ? "warn" : "info",
  };
}

/** The core routes, the extensions (each made once) and what the document lists. */
function assembleRoutes(deps: HttpDeps) {
  const auth = makeAuthenticator({
    accounts: deps.accounts,
    sessionMinutes: deps.settings.OGI_SESSION_MINUTES,
    alwaysSecure: deps.settings.PUBLIC_URL?.startsWith("https:") ?? false,
  });
  const limiter = makeLoginLimiter(deps.now, deps.loginLimits);
  const routes = coreRoutes(deps, [deps, auth, limiter]);
  const extensions = (deps.extensions ?? []).map((make) => make(auth));
  const documented = [...routes, ...extensions.flatMap((e) => e.specs ?? [])];
  return { auth, routes, extensions, documented };
}

/**
 * The document the app serves at /api/v1/openapi.json, built without mounting or listening
 * (`npm run gen:api-types` writes the web UI's types from it).
 */
export function openApiDocumentOf(deps: HttpDeps): Record<string, unknown> {
  const { documented } = assembleRoutes(deps);
  return buildOpenApiDocument([...documented, ...openApiRoutes(documented)]);
}

/** The Express app of the public API (API.md). Listening is the caller's business. */
export function createHttpApp(deps: HttpDeps): Express {
  const app = express();
  app.disable("x-powered-by");
  // The API's answers are never cached (no-store below): no ETag hash of every answer. The web
  // UI's files carry their own (serve-static).
  app.set("etag", false);
  // req.ip (the login delays) and req.secure (Secure cookies) believe only the proxies named here.
  app.set("trust proxy", deps.settings.TRUST_PROXY ?? false);
  app.use(requestLogger(deps));
  app.use("/api", (_req, res, next) => {
    // Answers carry tokens and case data: never cached, never sniffed as another type.
    res.set({ "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" });
    next();
  });
  app.use(express.json({ limit: JSON_BODY_LIMIT }));

  const { auth, routes, extensions, documented } = assembleRoutes(deps);
  const router: Router = express.Router();
  mountRoutes(router, [...routes, ...openApiRoutes(documented)], auth);
  app.use(router);
  for (const e of extensions) app.use(e.router);
  app.use("/api", apiNotFound);
  // The staff web UI: everything that is not the API (static files and the SPA's pages).
  if (deps.webApp) app.use(deps.webApp);
  app.use(errorMiddleware({ logger: deps.logger, bodyLimit: "1 MB" }));
  return app;
}
