/**
 * The one error type of the system: a string code, a Chinese message a clerk can act on, and
 * optional details (e.g. which field). Only the HTTP error middleware turns it into a response,
 * through ERROR_STATUS; the CLI prints the message; workers treat PERMANENT codes as final.
 */

export const ERROR_STATUS = {
  invalid_input: 422,
  bad_request: 400,
  payload_too_large: 413,
  unauthenticated: 401,
  forbidden: 403,
  /** An administrator set the password: only /auth/me, /auth/password and /auth/logout until changed. */
  password_change_required: 403,
  not_found: 404,
  illegal_action: 409,
  version_conflict: 409,
  conflict: 409,
  year_closed: 409,
  /** Closing a year whose report has failing warnings, without acknowledging them. */
  warnings_unacknowledged: 409,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorDetail {
  /** Dotted path of the field, e.g. `applicant.name`. */
  field?: string;
  message: string;
}

export class AppError extends Error {
  override readonly name = "AppError";
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: ErrorDetail[] | undefined;

  constructor(code: ErrorCode, options: { message: string; details?: ErrorDetail[]; cause?: unknown }) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.details = options.details;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
