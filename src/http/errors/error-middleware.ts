import type { ErrorRequestHandler, RequestHandler } from "express";
import type { Logger } from "pino";
import { z } from "zod";
import { AppError, isAppError } from "../../app-error.ts";
import { serializeErrorForLog } from "../../log-safe-error.ts";
import { toInvalidInput } from "../validation/parse-input.ts";

/** The body of every error response (API.md conventions). */
export interface ErrorBody {
  error: { code: string; message: string; details?: { field?: string; message: string }[] };
}

const INTERNAL_MESSAGE = "系统内部错误，请稍后重试；如果问题持续出现，请联系系统管理员";

/** An error thrown by express.json() (body-parser): it carries `type` and `status`. */
interface BodyParserError {
  type: string;
  status: number;
}

function isBodyParserError(e: unknown): e is BodyParserError {
  return (
    typeof e === "object" &&
    e !== null &&
    typeof (e as { type?: unknown }).type === "string" &&
    typeof (e as { status?: unknown }).status === "number"
  );
}

function fromBodyParser(e: BodyParserError, limit: string): AppError | undefined {
  switch (e.type) {
    case "entity.parse.failed":
      return new AppError("bad_request", {
        message: "请求体不是有效的 JSON：请检查引号、逗号和括号；顶层应为一个对象 {…}",
      });
    case "entity.too.large":
      return new AppError("payload_too_large", { message: `请求体过大（上限 ${limit}）` });
    case "charset.unsupported":
    case "encoding.unsupported":
      return new AppError("bad_request", {
        message: "请求体的字符集或压缩编码不受支持，请使用 UTF-8 编码的 JSON",
      });
    default:
      return e.status >= 400 && e.status < 500
        ? new AppError("bad_request", { message: "请求无法读取，请检查请求体后重试" })
        : undefined;
  }
}

/**
 * Express's router could not percent-decode a path parameter (`%c0%ae`, `%E0%A4%A`): a URIError
 * it marks 400. The client sent a broken address; it is not our failure.
 */
function isUndecodablePath(e: unknown): boolean {
  return e instanceof URIError && (e as { status?: unknown }).status === 400;
}

/** Turns any error into the API's error response; the only place that does (STYLE.md). */
export function errorMiddleware(deps: { logger: Logger; bodyLimit: string }): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    let appError: AppError | undefined;
    if (isAppError(err)) appError = err;
    else if (err instanceof z.ZodError) appError = toInvalidInput(err.issues, "body");
    else if (isBodyParserError(err)) appError = fromBodyParser(err, deps.bodyLimit);
    else if (isUndecodablePath(err)) {
      appError = new AppError("bad_request", {
        message: "地址中有无法解码的百分号编码（如 %c0%ae）：请检查链接是否完整、是否被改动",
      });
    }
    if (!appError || appError.code === "internal") {
      // never the query's parameters or SQL text: they carry applicants' personal data
      (req.log ?? deps.logger).error({ err: serializeErrorForLog(err) }, "请求处理失败");
      appError = new AppError("internal", { message: INTERNAL_MESSAGE });
    }
    const body: ErrorBody = { error: { code: appError.code, message: appError.message } };
    if (appError.details && appError.details.length > 0) body.error.details = appError.details;
    res.status(appError.status).json(body);
  };
}

/** Any path under /api that no route answers. */
export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(
    new AppError("not_found", {
      message: `接口不存在：${req.method} ${req.originalUrl.split("?")[0]}，请核对地址（参见 /api/v1/openapi.json）`,
    }),
  );
};
