import express from "express";
import type { Redis } from "ioredis";
import { createDocumentsExtension } from "../http/documents/create-documents-extension.ts";
import type { HttpDeps } from "../http/http-deps.ts";
import { createPortalExtension } from "../http/portal/create-portal-extension.ts";
import {
  createLettersRouter,
  createReportsRouter,
  letterRouteSpecs,
} from "../http/reports/create-reports-router.ts";
import { reportRouteSpecs } from "../http/reports/reports.routes.ts";
import type { Core } from "./open-core.ts";

/**
 * The parts of the API beyond the core routes: reports and letters, case documents, the public
 * portal (its abuse counters in `portal.redis` under `portal.redisPrefix`). The server mounts
 * them; `gen:api-types` lists them in the document.
 */
export function httpExtensions(
  core: Core,
  portal: { redis: Redis; redisPrefix: string },
): NonNullable<HttpDeps["extensions"]> {
  return [
    (auth) => {
      const deps = { auth, reports: core.reports, letters: core.letters };
      const router = express.Router();
      router.use(createReportsRouter(deps), createLettersRouter(deps));
      return { router, specs: [...reportRouteSpecs(core.reports), ...letterRouteSpecs(core.letters)] };
    },
    createDocumentsExtension(core.documents),
    (auth) =>
      createPortalExtension(auth, {
        db: core.database.db,
        applications: core.applications,
        now: core.now,
        redis: portal.redis,
        redisPrefix: portal.redisPrefix,
      }),
  ];
}
