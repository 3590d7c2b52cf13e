/**
 * Serves the built staff UI (web/dist, made by `npm run build:web`) from the API's own origin,
 * so the session cookie (SameSite=Strict) and the CSRF header work without any proxy. Mount it
 * after the API routes: it never answers under /api.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import express, { type Request, type Response, type Router } from "express";

export interface WebAppOptions {
  /** The folder Vite built: index.html and assets/ (default: the repository's web/dist). */
  distDir: string;
}

/** web/dist of this repository. */
export const DEFAULT_WEB_DIST_DIR = fileURLToPath(new URL("../../../web/dist", import.meta.url));

/** Hashed file names change with their content: a year, immutable. */
const ASSET_MAX_AGE_MS = 365 * 24 * 3600 * 1000;

/**
 * The page's security headers. Ant Design writes its CSS-in-JS into <style> tags, hence
 * 'unsafe-inline' for styles only; scripts come from our own origin alone.
 */
const PAGE_HEADERS: Record<string, string> = {
  "Content-Security-Policy":
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
    "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "same-origin",
};

const NOT_BUILT_MESSAGE = "网页界面尚未构建：请先运行 npm run build:web，然后刷新页面";

function isPageRequest(req: Request): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  if (req.path === "/api" || req.path.startsWith("/api/")) return false;
  // A missing script or image must stay a 404, not turn into the page.
  return req.accepts(["html", "json"]) === "html";
}

/**
 * Static files (hashed assets cached for a year, everything else revalidated) and the SPA
 * fallback: a GET that is not under /api and accepts HTML gets index.html, so a deep link such
 * as /applications/:id survives a reload.
 */
export function serveWebApp(options: WebAppOptions): Router {
  const { distDir } = options;
  const indexFile = join(distDir, "index.html");
  const router = express.Router();
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
    if (!existsSync(indexFile)) {
      res.status(503).type("text/plain; charset=utf-8").send(NOT_BUILT_MESSAGE);
      return;
    }
    res.set({ ...PAGE_HEADERS, "Cache-Control": "no-cache" });
    res.sendFile(indexFile, (err) => {
      if (err) next(err);
    });
  });
  return router;
}
