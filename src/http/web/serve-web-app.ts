/**
 * Serves the built staff UI (web/dist, made by `npm run build:web`) from the API's own origin,
 * so the session cookie (SameSite=Strict) and the CSRF header work without any proxy. Mount it
 * after the API routes: it never answers under /api.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import express, { type NextFunction, type Request, type Response, type Router } from "express";
import { AppError } from "../../app-error.ts";
import { webAppSecurityHeaders } from "../security/security-headers.ts";

export interface WebAppOptions {
  /** The folder Vite built: index.html and assets/ (default: the repository's web/dist). */
  distDir: string;
}

/** web/dist of this repository. */
export const DEFAULT_WEB_DIST_DIR = fileURLToPath(new URL("../../../web/dist", import.meta.url));

/** Hashed file names change with their content: a year, immutable. */
const ASSET_MAX_AGE_MS = 365 * 24 * 3600 * 1000;

const NOT_BUILT_MESSAGE = "网页界面尚未构建：请先运行 npm run build:web，然后刷新页面";

function isUnderApi(req: Request): boolean {
  return req.path === "/api" || req.path.startsWith("/api/");
}

/** The applicant's portal (web/apply.html): /apply and every path below it. */
function isPortalPage(req: Request): boolean {
  return req.path === "/apply" || req.path.startsWith("/apply/");
}

function isPageRequest(req: Request): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  if (isUnderApi(req)) return false;
  // A missing script or image must stay a 404, not turn into the page.
  return req.accepts(["html", "json"]) === "html";
}

/**
 * Static files (hashed assets cached for a year, everything else revalidated) and the SPA
 * fallback: a GET that is not under /api and accepts HTML gets index.html, so a deep link such
 * as /applications/:id survives a reload; /apply and the paths below it get the applicant's
 * portal (apply.html), a page of its own that loads none of the staff UI's code.
 */
export function serveWebApp(options: WebAppOptions): Router {
  const { distDir } = options;
  const indexFile = join(distDir, "index.html");
  const portalFile = join(distDir, "apply.html");
  const router = express.Router();
  const securityHeaders = webAppSecurityHeaders();
  // the API's answers keep their own headers; the page and its files get the browser's
  router.use((req, res, next) => (isUnderApi(req) ? next() : securityHeaders(req, res, next)));
  router.use(
    "/assets",
    express.static(join(distDir, "assets"), {
      index: false,
      immutable: true,
      maxAge: ASSET_MAX_AGE_MS,
      fallthrough: false,
    }),
  );
  router.use(
    express.static(distDir, {
      index: false,
      setHeaders: (res) => res.setHeader("Cache-Control", "no-cache"),
    }),
  );
  router.use((req: Request, res: Response, next) => {
    if (!isPageRequest(req)) {
      next();
      return;
    }
    const page = isPortalPage(req) ? portalFile : indexFile;
    if (!existsSync(page)) {
      res.status(503).type("text/plain; charset=utf-8").send(NOT_BUILT_MESSAGE);
      return;
    }
    res.set("Cache-Control", "no-cache");
    res.sendFile(page, (err) => {
      if (err) next(err);
    });
  });
  router.use((err: unknown, _req: Request, _res: Response, next: NextFunction) => next(toClientError(err)));
  return router;
}

/**
 * The static server's refusals as the API's errors: a malformed address (bad %-encoding) is a
 * 400; a path that climbs out of the folder (`..%2F`), a dot-file or a missing file a 404 (the
 * same answer, so nothing is learnt about what exists). Anything else stays as it is.
 */
function toClientError(err: unknown): unknown {
  const status =
    (err as { status?: unknown; statusCode?: unknown } | null)?.status ??
    (err as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status !== "number" || status < 400 || status >= 500) return err;
  if (status === 400) {
    return new AppError("bad_request", { message: "文件地址格式不正确，请检查链接后重试", cause: err });
  }
  if (status === 403 || status === 404) {
    return new AppError("not_found", {
      message: "文件不存在：请刷新页面后重试（网页界面可能已更新）",
      cause: err,
    });
  }
  return new AppError("bad_request", { message: "无法提供该文件，请刷新页面后重试", cause: err });
}
