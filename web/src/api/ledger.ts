/**
 * The ledger (台账) calls of API.md “Ledger import and export”. The import sends the XLSX bytes
 * as the body and asks for an `application/x-ndjson` answer: progress lines, then one result or
 * error line, so the page can draw a progress bar; a plain JSON answer is read as well.
 */
import { ApiError, csrfHeader, responseError } from "./client.ts";
import type { components } from "./generated/openapi.ts";
import type { ImportReply, ImportRowError, ImportStreamLine } from "./types.ts";

const V1 = "/api/v1";
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export const templateUrl = () => `${V1}/imports/template.xlsx`;
/** `full`: ID numbers and phones not masked (the agency's admin only; the export is logged). */
export const ledgerExportUrl = (agency: string, year?: number, full = false) => {
  const q = new URLSearchParams();
  if (year) q.set("year", String(year));
  if (full) q.set("full", "true");
  const s = q.toString();
  return `${V1}/agencies/${encodeURIComponent(agency)}/ledger.xlsx${s ? `?${s}` : ""}`;
};

/** Rows done of the total, as the stream's progress lines give them. */
export type ImportProgress = components["schemas"]["ImportProgress"];

/** The server's answer: the reply (a dry run may carry errors), or a real run it refused by row. */
export type ImportOutcome =
  | { ok: true; reply: ImportReply }
  | { ok: false; message: string; errors: ImportRowError[] };

const TOO_LARGE = "文件过大（413），超过服务器允许的上传大小。请将台账拆分为几个文件，分别校验和导入。";

/** The errors of a refusal's `details`: `[{row, column | field, message}]` or `{errors: [...]}`. */
function rowErrors(details: unknown): ImportRowError[] {
  const list = Array.isArray(details)
    ? details
    : Array.isArray((details as { errors?: unknown } | null)?.errors)
      ? (details as { errors: unknown[] }).errors
      : [];
  return list.flatMap((d): ImportRowError[] => {
    const o = (d ?? {}) as Record<string, unknown>;
    if (typeof o.message !== "string") return [];
    const column = typeof o.column === "string" ? o.column : typeof o.field === "string" ? o.field : "";
    return [{ row: typeof o.row === "number" ? o.row : null, column, message: o.message }];
  });
}

/**
 * An `{error}` body (a 422, or the stream's last line): a real run refused row by row (its
 * `errors` beside `error`, or in `error.details`) is an outcome; anything else is thrown.
 */
function refusal(status: number, body: unknown): ImportOutcome {
  const value = (body ?? {}) as {
    error?: { code?: string; message?: string; details?: unknown };
    errors?: unknown;
  };
  const { error } = value;
  const errors = rowErrors(Array.isArray(value.errors) ? value.errors : error?.details);
  if (error?.message && errors.some((e) => e.row !== null))
    return { ok: false, message: error.message, errors };
  // The server's message already names what is wrong (a missing column, a broken file).
  const message =
    error?.message ??
    (errors.map((e) => (e.column ? `${e.column}：${e.message}` : e.message)).join("；") ||
      `服务器返回错误 ${status}，请稍后重试或联系系统管理员`);
  throw new ApiError(status, error?.code ?? "http_error", message);
}

async function jsonOf(res: Response): Promise<unknown> {
  try {
    return JSON.parse(await res.text());
  } catch {
    return null; // a proxy's page
  }
}

function interrupted(dryRun: boolean): ApiError {
  return new ApiError(
    0,
    "network",
    dryRun
      ? "校验过程中与服务器的连接中断，请检查网络后重新校验"
      : "导入过程中与服务器的连接中断，无法确认是否已写入。请先到工作台查看这些申请是否已在，再决定是否重新导入",
  );
}

function readLine(line: string, onProgress: (p: ImportProgress) => void): ImportOutcome | null {
  let value: ImportStreamLine;
  try {
    value = JSON.parse(line) as ImportStreamLine;
  } catch {
    throw new ApiError(0, "bad_reply", "服务器的回答无法读取，请稍后重试或联系系统管理员");
  }
  // The last line of a refused real run, or a failure after the answer had begun. First: the
  // error line may carry any other key, so only its absence narrows to progress or result.
  if ("error" in value) return refusal(422, value);
  if ("progress" in value) {
    onProgress(value.progress);
    return null;
  }
  if ("result" in value) return { ok: true, reply: value.result };
  return null;
}

async function readStream(
  body: ReadableStream<Uint8Array>,
  dryRun: boolean,
  onProgress: (p: ImportProgress) => void,
): Promise<ImportOutcome> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let pending = "";
  let outcome: ImportOutcome | null = null;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch (e) {
      if ((e as Error).name === "AbortError") throw e;
      throw interrupted(dryRun);
    }
    pending += chunk.done ? decoder.decode() : decoder.decode(chunk.value, { stream: true });
    const lines = pending.split("\n");
    pending = chunk.done ? "" : (lines.pop() ?? "");
    for (const line of lines) {
      if (line.trim() === "") continue;
      outcome = readLine(line, onProgress) ?? outcome;
    }
    if (chunk.done) break;
  }
  if (!outcome) throw interrupted(dryRun);
  return outcome;
}

/**
 * `POST /agencies/:code/imports?dryRun=`: the file as the body, progress reported as it comes.
 * Throws ApiError for what is not a verdict on the rows (network, 401, 403, 413, a broken file).
 */
export async function importLedger(
  agency: string,
  file: Blob,
  options: {
    dryRun: boolean;
    /** Required by the server when rows fall in a year whose report is closed. */
    amendmentReason?: string | undefined;
    onProgress: (p: ImportProgress) => void;
    signal?: AbortSignal | undefined;
  },
): Promise<ImportOutcome> {
  const { dryRun, onProgress } = options;
  const query = new URLSearchParams({ dryRun: String(dryRun) });
  if (options.amendmentReason) query.set("amendmentReason", options.amendmentReason);
  let res: Response;
  try {
    res = await fetch(`${V1}/agencies/${encodeURIComponent(agency)}/imports?${query}`, {
      method: "POST",
      headers: {
        "Content-Type": XLSX_TYPE,
        Accept: "application/x-ndjson, application/json",
        ...csrfHeader(),
      },
      credentials: "same-origin",
      body: file,
      signal: options.signal ?? null,
    });
  } catch (e) {
    if ((e as Error).name === "AbortError") throw e;
    throw new ApiError(0, "network", "无法连接服务器，请检查网络后重试");
  }
  if (res.status === 413) {
    // The server names its limit; a proxy in front of it may answer with a page of its own.
    const body = (await jsonOf(res)) as { error?: { message?: string } } | null;
    throw new ApiError(413, "payload_too_large", body?.error?.message ?? TOO_LARGE);
  }
  if (res.status === 422) return refusal(422, await jsonOf(res));
  if (!res.ok) throw await responseError(res);
  if (res.body && (res.headers.get("content-type") ?? "").includes("ndjson")) {
    return readStream(res.body, dryRun, onProgress);
  }
  return { ok: true, reply: (await res.json()) as ImportReply };
}
