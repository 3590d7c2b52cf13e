import express, { type RequestHandler } from "express";
import type { Redis } from "ioredis";
import type { Kysely } from "kysely";
import { AppError } from "../../app-error.ts";
import type { Database } from "../../db/schema.ts";
import { makeIntakeQueueService } from "../../portal/intake-queue-service.ts";
import { makePortalService } from "../../portal/portal-service.ts";
import type { ApplicationService } from "../../services/application-service.ts";
import type { Authenticator } from "../auth/authenticate.ts";
import type { HttpExtension } from "../http-deps.ts";
import { onlineSubmissionRoutes } from "../online-submissions/online-submissions.routes.ts";
import { mountRoutes } from "../routing/define-route.ts";
import { PUBLIC_BASE, portalRoutes } from "./portal.routes.ts";
import { DEFAULT_PORTAL_LIMITS, makePortalGuard, type PortalLimits } from "./portal-guard.ts";

/** The largest JSON body the public API takes (a request is at most 5,000 characters). */
export const PUBLIC_JSON_LIMIT_BYTES = 64 * 1024;

export interface PortalExtensionDeps {
  db: Kysely<Database>;
  applications: ApplicationService;
  now: () => Date;
  /** The limits' counters and the challenge key live here. */
  redis: Redis;
  /** Prefix of the portal's Redis keys (e.g. `ogi:portal:`). */
  redisPrefix: string;
  limits?: PortalLimits | undefined;
  /** Where uploaded files are spooled (default: the system's temporary folder). */
  tmpDir?: string | undefined;
}

/** 413 for a public JSON body over the limit (the app's parser takes up to 1 MB for staff). */
const publicBodyLimit: RequestHandler = (req, res, next) => {
  const type = (req.headers["content-type"] ?? "").toLowerCase();
  const length = Number(req.headers["content-length"] ?? 0);
  if (!type.startsWith("multipart/") && length > PUBLIC_JSON_LIMIT_BYTES) {
    res.setHeader("Connection", "close");
    next(
      new AppError("payload_too_large", {
        message: `提交的内容过大（上限 ${PUBLIC_JSON_LIMIT_BYTES / 1024} KB）：申请内容请控制在5000字以内，材料请作为附件上传`,
      }),
    );
    return;
  }
  next();
};

/**
 * The public portal's API (`/api/v1/public/…`, no login) and the staff's intake queue
 * (`/api/v1/online-submissions`), mounted by createHttpApp as an extension.
 */
export function createPortalExtension(auth: Authenticator, deps: PortalExtensionDeps): HttpExtension {
  const limits = deps.limits ?? DEFAULT_PORTAL_LIMITS;
  const portal = makePortalService({
    ...deps,
    fileLimits: { maxFileBytes: limits.maxFileBytes, maxOwnerBytes: limits.maxFilesBytes },
  });
  const guard = makePortalGuard({ redis: deps.redis, prefix: deps.redisPrefix, now: deps.now, limits });
  const queue = makeIntakeQueueService({ db: deps.db, applications: deps.applications, now: deps.now });
  const specs = [
    ...portalRoutes({ db: deps.db, portal, guard, limits, tmpDir: deps.tmpDir }),
    ...onlineSubmissionRoutes(queue),
  ];
  const router = express.Router();
  router.use(PUBLIC_BASE, publicBodyLimit);
  mountRoutes(router, specs, auth);
  return { router, specs };
}
