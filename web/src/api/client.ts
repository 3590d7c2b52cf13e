/**
 * The one way the UI calls the API: JSON in and out, the session cookie sent by the browser,
 * the CSRF token (kept in memory only) on every unsafe request, and every error turned into an
 * ApiError carrying the server's Chinese message and its field details.
 */
import type { ErrorBody } from "./types.ts";

export interface FieldError {
  field?: string;
  message: string;
}

export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldError[] = [],
  ) {
    super(message);
  }

  /** Someone else changed the case first (409 version conflict). */
  get isVersionConflict(): boolean {
    return this.status === 409 && this.code === "version_conflict";
  }
}

let csrfToken: string | null = null;
let onUnauthenticated: ((message: string) => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called once by the session: a 401 on any call but login ends the session in the UI. */
export function setUnauthenticatedHandler(handler: ((message: string) => void) | null): void {
  onUnauthenticated = handler;
}

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

function toQuery(query: object | undefined): string {
  if (!query) return "";
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : "";
}

async function readError(res: Response): Promise<ApiError> {
  const text = await res.text();
  try {
    const body = JSON.parse(text) as ErrorBody;
    if (body?.error?.message) {
      return new ApiError(res.status, body.error.code, body.error.message, body.error.details ?? []);
    }
  } catch {
    // not JSON: a proxy's or the static server's page
  }
  const fallback =
    res.status === 404
      ? "请求的内容不存在（404）"
      : `服务器返回错误 ${res.status}，请稍后重试或联系系统管理员`;
  return new ApiError(res.status, res.status === 404 ? "not_found" : "http_error", fallback);
}

/** The CSRF header of an unsafe request, for calls that send a body of their own (a file). */
export function csrfHeader(): Record<string, string> {
  return csrfToken ? { "X-CSRF-Token": csrfToken } : {};
}

/** A failed response as apiRequest reports it: the server's message; a 401 ends the session. */
export async function responseError(res: Response): Promise<ApiError> {
  const error = await readError(res);
  if (res.status === 401) onUnauthenticated?.(error.message);
  return error;
}

export interface RequestOptions {
  query?: object;
  body?: unknown;
  /** Do not end the session on 401 (the login form itself). */
  quiet401?: boolean;
  /** Extra request headers (e.g. Prefer). */
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export async function apiRequest<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json", ...options.headers };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  if (UNSAFE.has(method) && csrfToken) headers["X-CSRF-Token"] = csrfToken;
  let res: Response;
  try {
    res = await fetch(`${path}${toQuery(options.query)}`, {
      method,
      headers,
      credentials: "same-origin",
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (e) {
    if ((e as Error).name === "AbortError") throw e;
    throw new ApiError(0, "network", "无法连接服务器，请检查网络后重试");
  }
  if (!res.ok) {
    const error = await readError(res);
    if (res.status === 401 && !options.quiet401) onUnauthenticated?.(error.message);
    throw error;
  }
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: object, signal?: AbortSignal) =>
    apiRequest<T>("GET", path, { query, ...(signal ? { signal } : {}) }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>("POST", path, { body: body ?? {} }),
  put: <T>(path: string, body: unknown) => apiRequest<T>("PUT", path, { body }),
};
