import express, { type RequestHandler, type Response } from "express";
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
/** A form's text fields and multipart framing, beyond its files. */
const FORM_OVERHEAD_BYTES = 128 * 1024;

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

function tooLarge(res: Response, message: string): AppError {
  res.setHeader("Connection", "close");
  return new AppError("payload_too_large", { message });
}

/**
 * 413 before anything else for a public body over its limit: JSON over 64 KB (the app's parser
 * takes up to 1 MB for the staff), a form over its files' total and the text fields. The rest
 * of the body is read and dropped, so the client gets the answer.
 */
function publicBodyLimit(limits: PortalLimits): RequestHandler {
  return (req, res, next) => {
    const isForm = (req.headers["content-type"] ?? "").toLowerCase().startsWith("multipart/");
    const length = Number(req.headers["content-length"] ?? 0);
    if (isForm && length > limits.maxFilesBytes + FORM_OVERHEAD_BYTES) {
      req.resume();
      next(
        tooLarge(
          res,
          `提交的内容过大：附件合计不超过 ${Math.round(limits.maxFilesBytes / 1024 / 1024)} MB，请减少或压缩文件后重新提交`,
        ),
      );
      return;
    }
    if (!isForm && length > PUBLIC_JSON_LIMIT_BYTES) {
      next(
        tooLarge(
          res,
          `提交的内容过大（上限 ${PUBLIC_JSON_LIMIT_BYTES / 1024} KB）：申请内容请控制在5000字以内，材料请作为附件上传`,
        ),
      );
      return;
    }
    next();
  };
}

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
  router.use(PUBLIC_BASE, publicBodyLimit(limits));
  mountRoutes(router, specs, auth);
  return { router, specs };
}
