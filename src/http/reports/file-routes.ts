import type { Request, Response, Router } from "express";
import type { z } from "zod";
import type { Actor } from "../../services/actor.ts";
import type { Authenticator } from "../auth/authenticate.ts";
import { reportPageSecurityHeaders } from "../security/security-headers.ts";
import { assertStorableText, parseInput } from "../validation/parse-input.ts";

/** A downloaded document: its bytes, media type and file name (Chinese names are sent RFC 5987-encoded). */
export interface FileReply {
  body: Buffer | string;
  contentType: string;
  filename: string;
  /** `inline` for the web page, `attachment` for files. */
  disposition: "inline" | "attachment";
}

export const MEDIA_TYPES = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  html: "text/html; charset=utf-8",
} as const;

/** A GET route that answers with a file instead of JSON (mountRoutes sends JSON only). */
export interface FileRouteSpec<P extends z.ZodType, Q extends z.ZodType> {
  path: string;
  params: P;
  query?: Q;
  handle(ctx: { actor: Actor; params: z.output<P>; query: z.output<Q> }): Promise<FileReply>;
}

export function defineFileRoute<P extends z.ZodType, Q extends z.ZodType = z.ZodUnknown>(
  spec: FileRouteSpec<P, Q>,
): FileRouteSpec<z.ZodType, z.ZodType> {
  return spec as unknown as FileRouteSpec<z.ZodType, z.ZodType>;
}

function asciiFallback(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return ascii.replace(/_+/g, "_");
}

function send(res: Response, file: FileReply): void {
  res.setHeader("Content-Type", file.contentType);
  res.setHeader(
    "Content-Disposition",
    `${file.disposition}; filename="${asciiFallback(file.filename)}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
  );
  res.setHeader("Cache-Control", "no-store");
  res.status(200).send(file.body);
}

/** Mounts file routes like mountRoutes does JSON ones: credentials (401) first, then path and query (422). */
export function mountFileRoutes(
  router: Router,
  routes: readonly FileRouteSpec<z.ZodType, z.ZodType>[],
  auth: Authenticator,
): void {
  const reportPageHeaders = reportPageSecurityHeaders();
  for (const route of routes) {
    router.get(route.path, async (req: Request, res: Response) => {
      const actor = await auth.require(req, res);
      assertStorableText(req.query, "query");
      const params = parseInput(route.params, req.params, "path");
      const query = route.query ? parseInput(route.query, req.query, "query") : {};
      const file = await route.handle({ actor, params, query });
      // the report's web page is opened in the browser: CSP, no framing by others, no referrer
      if (file.contentType.startsWith("text/html")) {
        await new Promise<void>((resolve, reject) =>
          reportPageHeaders(req, res, (err?: unknown) => (err ? reject(err) : resolve())),
        );
      }
      send(res, file);
    });
  }
}
