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
import { parseInput } from "../validation/parse-input.ts";

export type HttpMethod = "get" | "post" | "put" | "delete";

export interface RouteContext<B, Q, P> {
  req: Request;
  res: Response;
  /** The logged-in user (routes with access "user"); reading it on a public route is a 401. */
  actor: Actor;
  body: B;
  query: Q;
  params: P;
}

export interface RouteSpec<B extends z.ZodType, Q extends z.ZodType, P extends z.ZodType> {
  method: HttpMethod;
  /** Express form: `/api/v1/applications/:id`. */
  path: string;
  /** Chinese one-line summary, shown in the OpenAPI document. */
  summary: string;
  tag: string;
  access: "public" | "user";
  body?: B;
  query?: Q;
  params?: P;
  /** Success status (default 200); 204 sends no body. */
  status?: number;
  /** Error statuses this route may answer besides 400/401/422/500, for the document. */
  errors?: readonly number[];
  handle(ctx: RouteContext<z.output<B>, z.output<Q>, z.output<P>>): Promise<unknown>;
}

/** A handler's answer with a status other than the route's usual one (e.g. /healthz's 503). */
export class HttpReply {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {}
}

export type AnyRoute = RouteSpec<z.ZodType, z.ZodType, z.ZodType>;

/** Typed in, erased out: the handler sees the parsed types of its own schemas. */
export function defineRoute<
  B extends z.ZodType = z.ZodUnknown,
  Q extends z.ZodType = z.ZodUnknown,
  P extends z.ZodType = z.ZodUnknown,
>(spec: RouteSpec<B, Q, P>): AnyRoute {
  return spec as unknown as AnyRoute;
}

/** Mounts the routes: credentials first (401 before 422), then path, query and body. */
export function mountRoutes(router: Router, routes: readonly AnyRoute[], auth: Authenticator): void {
  for (const route of routes) {
    router[route.method](route.path, async (req: Request, res: Response) => {
      const actor = route.access === "user" ? await auth.require(req, res) : undefined;
      const params = route.params ? parseInput(route.params, req.params, "path") : req.params;
      const query = route.query ? parseInput(route.query, req.query, "query") : {};
      const body = route.body ? parseInput(route.body, requireJsonBody(req), "body") : undefined;
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
      });
      const reply = result instanceof HttpReply ? result : new HttpReply(route.status ?? 200, result);
      if (reply.status === 204) res.status(204).end();
      else res.status(reply.status).json(reply.body);
    });
  }
}

function requireJsonBody(req: Request): unknown {
  // express.json() leaves the body undefined when the request is not JSON.
  if (req.body === undefined) {
    throw new AppError("bad_request", {
      message: "请求体应为 JSON：请设置 Content-Type: application/json，并发送一个对象 {…}",
    });
  }
  return req.body;
}
