/**
 * One route = one spec: method, path, who may call it, the zod schemas of its path, query and
 * body, and its handler. The same list mounts the Express routes and generates the OpenAPI
 * document, so the document cannot drift from what the server accepts.
 */
import type { Request, Response, Router } from "express";
import type { z } from "zod";
import { AppError } from "../../app-error.ts";
import type { Actor } from "../../services/actor.ts";
import type { Authenticator } from "../auth/authenticate.ts";
import { assertStorableText, parseInput } from "../validation/parse-input.ts";

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

export interface RouteContext<B, Q, P> {
  req: Request;
  res: Response;
  /** The logged-in user (routes with access "user"); reading it on a public route is a 401. */
  actor: Actor;
  body: B;
  query: Q;
  params: P;
  /** The uploaded file's bytes (routes with `upload`). */
  upload: Buffer;
}

/** A file sent as the raw request body instead of JSON (e.g. an XLSX ledger). */
export interface UploadSpec {
  /** Accepted Content-Type media types (parameters such as charset ignored); another one is a 400. */
  mediaTypes: readonly string[];
  /** The largest body accepted, in bytes; a larger one is a 413 that names the limit. */
  maxBytes: number;
  /** What to send, in Chinese, for the document. */
  description: string;
}

/**
 * A multipart/form-data body that the handler reads itself (readMultipartUpload streams each
 * file to disk): declared here for the document only, mountRoutes reads nothing.
 */
export interface MultipartSpec {
  /** The text fields (an object of strings). */
  fields: z.ZodType;
  /** The fields that carry a file. */
  files: readonly string[];
  /** The largest file accepted, bytes (413 beyond). */
  maxBytes: number;
  /** What to send, in Chinese, for the document. */
  description: string;
}

/** One media type of a route's success answer, for the document. */
export interface ResponseContent {
  mediaType: string;
  /** Chinese; joined into the response's description. */
  description?: string;
  /** The JSON shape (of each line, for application/x-ndjson); a binary file when absent. */
  schema?: z.ZodType;
}

export interface RouteSpec<
  B extends z.ZodType,
  Q extends z.ZodType,
  P extends z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  method: HttpMethod;
  /** Express form: `/api/v1/applications/:id`. */
  path: string;
  /** Chinese one-line summary, shown in the OpenAPI document. */
  summary: string;
  tag: string;
  access: "public" | "user";
  body?: B;
  /**
   * The JSON body may be left out (no body, no Content-Type): it is then parsed as `{}`. For
   * options added to a route that used to take none. Default false: a missing body is a 400.
   */
  isBodyOptional?: boolean;
  /** Instead of a JSON body: an uploaded file, handed to the handler as `upload`. */
  upload?: UploadSpec;
  /**
   * Instead of a JSON body: a multipart form the handler streams itself (files, fields). With
   * `body` too, the route takes either: JSON is parsed as usual, a form is left to the handler.
   */
  multipart?: MultipartSpec;
  query?: Q;
  params?: P;
  /** Optional request headers the route reads (e.g. Prefer), for the document. */
  headers?: readonly { name: string; description: string; required?: boolean }[];
  /**
   * The JSON success answer's shape, for the document (and the web UI's types generated from
   * it: `npm run gen:api-types`); the handler must return it. Name a schema with `.meta({id})`
   * to make it a `components.schemas` entry.
   */
  response?: R;
  /** The success answer's media types when not (only) JSON: a file, a stream of lines. */
  produces?: readonly ResponseContent[];
  /** Success status (default 200); 204 sends no body. */
  status?: number;
  /** Error statuses this route may answer besides 400/401/422/500, for the document. */
  errors?: readonly number[];
  /** An error status whose body may also be another shape than Error (a 429 with a challenge): that schema, named. */
  errorBodies?: Readonly<Partial<Record<number, z.ZodType>>>;
  handle(ctx: RouteContext<z.output<B>, z.output<Q>, z.output<P>>): Promise<RouteAnswer<R>>;
}

/** What a handler may return: the declared JSON (unknown without `response`) or a special answer. */
export type RouteAnswer<R extends z.ZodType> = z.input<R> | HttpReply | HttpFile | typeof STREAMED;

/** A handler's answer with a status other than the route's usual one (e.g. /healthz's 503). */
export class HttpReply {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {}
}

/** A handler's answer that is a file to download (sent as is, never cached). */
export class HttpFile {
  constructor(
    readonly body: Buffer,
    readonly contentType: string,
    /** Sent RFC 5987-encoded (Chinese names), with an ASCII fallback. */
    readonly filename: string,
  ) {}
}

/**
 * A handler's answer when it has written the response itself (a stream of progress lines):
 * mountRoutes sends nothing more. Errors after the first byte are the handler's to report.
 */
export const STREAMED: unique symbol = Symbol("streamed");

export type AnyRoute = RouteSpec<z.ZodType, z.ZodType, z.ZodType, z.ZodType>;

/** Typed in, erased out: the handler sees the parsed types of its own schemas. */
export function defineRoute<
  B extends z.ZodType = z.ZodUnknown,
  Q extends z.ZodType = z.ZodUnknown,
  P extends z.ZodType = z.ZodUnknown,
  R extends z.ZodType = z.ZodUnknown,
>(spec: RouteSpec<B, Q, P, R>): AnyRoute {
  return spec as unknown as AnyRoute;
}

/** Mounts the routes: credentials first (401 before 422), then path, query and body. */
export function mountRoutes(router: Router, routes: readonly AnyRoute[], auth: Authenticator): void {
  for (const route of routes) {
    router[route.method](route.path, async (req: Request, res: Response) => {
      const actor = route.access === "user" ? await auth.require(req, res) : undefined;
      // every text of the request, schema or not: a NUL or lone surrogate never reaches a query
      assertStorableText(req.params, "path");
      assertStorableText(req.query, "query");
      if (req.body !== undefined) assertStorableText(req.body, "body");
      const params = route.params ? parseInput(route.params, req.params, "path") : req.params;
      const query = route.query ? parseInput(route.query, req.query, "query") : {};
      // A route with both takes JSON or a multipart form; the handler reads the form itself.
      const isForm = route.multipart !== undefined && isMultipartRequest(req);
      const body =
        route.body && !isForm
          ? parseInput(route.body, jsonBody(req, route.isBodyOptional), "body")
          : undefined;
      const upload = route.upload ? await readUpload(req, res, route.upload) : undefined;
      const result = await route.handle({
        req,
        res,
        get actor(): Actor {
          if (!actor) throw auth.unauthenticated();
          return actor;
        },
        body,
        query,
        params,
        get upload(): Buffer {
          if (!upload) throw new AppError("internal", { message: `路由 ${route.path} 没有声明 upload` });
          return upload;
        },
      });
      if (result === STREAMED) return;
      if (result instanceof HttpFile) {
        sendFile(res, result);
        return;
      }
      const reply = result instanceof HttpReply ? result : new HttpReply(route.status ?? 200, result);
      if (reply.status === 204) res.status(204).end();
      else res.status(reply.status).json(reply.body);
    });
  }
}

function sendFile(res: Response, file: HttpFile): void {
  const ascii = file.filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  res.setHeader("Content-Type", file.contentType);
  res.setHeader(
    "Content-Disposition",
    `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
  );
  res.status(200).send(file.body);
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

/**
 * The raw body of an upload route, at most `maxBytes`. Too large: the rest is read and dropped
 * (so the client gets the 413 instead of a reset connection), then 413.
 */
function readUpload(req: Request, res: Response, spec: UploadSpec): Promise<Buffer> {
  const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (!spec.mediaTypes.includes(type)) {
    throw new AppError("bad_request", {
      message: `请求体应为文件本身，Content-Type 应为 ${spec.mediaTypes.join(" 或 ")}，收到“${type || "（无）"}”`,
    });
  }
  const tooLarge = () => {
    res.setHeader("Connection", "close");
    return new AppError("payload_too_large", {
      message: `文件过大（上限 ${megabytes(spec.maxBytes)}）：请将文件拆分为几个较小的文件分别提交`,
    });
  };
  if (Number(req.headers["content-length"] ?? 0) > spec.maxBytes) {
    req.resume();
    throw tooLarge();
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= spec.maxBytes) chunks.push(chunk);
    });
    req.once("end", () => (size > spec.maxBytes ? reject(tooLarge()) : resolve(Buffer.concat(chunks))));
    req.once("error", reject);
  });
}

function isMultipartRequest(req: Request): boolean {
  return (req.headers["content-type"] ?? "").toLowerCase().startsWith("multipart/form-data");
}

/** The request carries a body (of whatever type), as opposed to none at all. */
function hasBody(req: Request): boolean {
  return Number(req.headers["content-length"] ?? 0) > 0 || req.headers["transfer-encoding"] !== undefined;
}

function jsonBody(req: Request, isOptional: boolean | undefined): unknown {
  // express.json() leaves the body undefined when the request is not JSON. An optional body may
  // be left out, but one sent in another type (a form, text/plain) is refused, not ignored.
  if (req.body === undefined && isOptional && !hasBody(req)) return {};
  if (req.body === undefined) {
    throw new AppError("bad_request", {
      message: "请求体应为 JSON：请设置 Content-Type: application/json，并发送一个对象 {…}",
    });
  }
  return req.body;
}
