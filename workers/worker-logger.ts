import { serializeErrorForLog } from "../src/log-safe-error.ts";

/** The part of a pino logger the workers use (pino's `Logger` satisfies it). */
export interface WorkerLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

const SAFE = Symbol("log-safe");

/**
 * The logger the workers write through: an `err` field becomes its log-safe form (type,
 * message, SQLSTATE, stack; never a query's parameters or SQL text, which carry applicants'
 * personal data), whatever logger the process gave. Wrapping twice wraps once.
 */
export function logSafe(logger: WorkerLogger): WorkerLogger {
  if ((logger as { [SAFE]?: boolean })[SAFE]) return logger;
  const clean = (obj: object): object =>
    "err" in obj ? { ...obj, err: serializeErrorForLog((obj as { err: unknown }).err) } : obj;
  return {
    [SAFE]: true,
    debug: (obj, msg) => logger.debug(clean(obj), msg),
    info: (obj, msg) => logger.info(clean(obj), msg),
    warn: (obj, msg) => logger.warn(clean(obj), msg),
    error: (obj, msg) => logger.error(clean(obj), msg),
  } as WorkerLogger;
}
