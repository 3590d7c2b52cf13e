/**
 * What a log line may say about an error: its type, message, SQLSTATE and the names of the
 * database objects involved, and its stack. Never the query's parameters, its SQL text, or
 * PostgreSQL's `detail` (`Key (id_number)=(110…)`): they carry applicants' names, ID numbers,
 * phones and addresses (个人信息保护法). PGlite attaches `query` and `params` to its errors,
 * node-postgres `detail`, `where` and `internalQuery`; a whitelist keeps all of them out. Used as
 * pino's `err` serializer by the HTTP app, the workers and the CLI.
 */

/** The fields of an error a log line keeps (strings and numbers only). */
const KEPT_FIELDS = [
  "code",
  "severity",
  "routine",
  "schema",
  "table",
  "column",
  "constraint",
  "dataType",
  "status",
  "statusCode",
] as const;

const MAX_DEPTH = 3;

/** A PostgreSQL error (SQLSTATE code: five characters). */
function isDatabaseError(err: Record<string, unknown>): boolean {
  return typeof err.code === "string" && /^[0-9A-Z]{5}$/.test(err.code);
}

/**
 * A database message without what it quotes: PostgreSQL quotes values (`value "110101…" is out
 * of range for type integer`, `invalid input syntax for type date: "张三"`) as it quotes names,
 * and a value may itself contain quotes, so everything from the first quote to the last goes.
 * The names stay in the error's `table`, `column` and `constraint` fields.
 */
function redactMessage(message: string, isDatabase: boolean): string {
  return isDatabase ? message.replace(/"[\s\S]*"/, '"（已隐去）"') : message;
}

function typeOf(err: Record<string, unknown>): string {
  if (typeof err.type === "string") return err.type;
  if (typeof err.name === "string") return err.name;
  const ctor = (err as { constructor?: { name?: unknown } }).constructor;
  return typeof ctor?.name === "string" ? ctor.name : "Error";
}

/** The stack's frames under a first line that is the (redacted) message. */
function safeStack(stack: unknown, head: string): string | undefined {
  if (typeof stack !== "string") return undefined;
  const frames = stack.split("\n").filter((line) => /^\s+at /.test(line));
  return [head, ...frames].join("\n");
}

/** The log-safe form of any thrown value (an Error, pino's serialized error, anything else). */
export function serializeErrorForLog(err: unknown, depth = 0): Record<string, unknown> {
  if (typeof err !== "object" || err === null) {
    return { type: typeof err, message: typeof err === "string" ? err : String(err) };
  }
  const e = err as Record<string, unknown>;
  const isDatabase = isDatabaseError(e);
  const type = typeOf(e);
  const message = redactMessage(typeof e.message === "string" ? e.message : "", isDatabase);
  // a null prototype: pino's own err serializer copies the fields and takes `name` as the type
  const out: Record<string, unknown> = Object.create(null);
  out.type = type;
  out.name = type;
  out.message = message;
  const stack = safeStack(e.stack, `${type}: ${message}`);
  if (stack !== undefined) out.stack = stack;
  for (const field of KEPT_FIELDS) {
    const value = e[field];
    if (typeof value === "string" || typeof value === "number") out[field] = value;
  }
  if (depth < MAX_DEPTH && e.cause !== undefined) out.cause = serializeErrorForLog(e.cause, depth + 1);
  if (depth < MAX_DEPTH && Array.isArray(e.errors)) {
    out.errors = e.errors.slice(0, 10).map((x) => serializeErrorForLog(x, depth + 1));
  }
  return out;
}

/** pino's serializers with the log-safe `err` (give them to `pino({ serializers })` and pino-http). */
export const LOG_SAFE_SERIALIZERS = { err: serializeErrorForLog } as const;

/** An error as the CLI prints it: the type and message and the stack's frames, nothing else. */
export function formatErrorForCli(err: unknown): string {
  const safe = serializeErrorForLog(err);
  return String(safe.stack ?? `${String(safe.type)}: ${String(safe.message)}`);
}
