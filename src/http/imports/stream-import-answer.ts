import type { Request, Response } from "express";
import { isAppError } from "../../app-error.ts";
import type { ImportProgress } from "../../imports/ledger-types.ts";
import { serializeErrorForLog } from "../../log-safe-error.ts";
import { STREAMED } from "../routing/define-route.ts";

export const NDJSON = "application/x-ndjson";
/** At most one progress line per this many milliseconds (plus the first and the last). */
const PROGRESS_EVERY_MS = 250;

/** Whether the client asked for the answer as a stream of lines (the web UI's progress bar). */
export function wantsNdjson(req: Request): boolean {
  return (req.headers.accept ?? "").toLowerCase().includes(NDJSON);
}

/**
 * The import's answer as application/x-ndjson, status 200: `{"progress":{"done","total"}}` lines
 * while it runs, then the final line `run` returns (`{"result": …}`, or the 422 body when a real
 * run had errors). A failure after the first line cannot change the status: it is the last line,
 * `{"error": {code, message}}`, as the error middleware would have written it.
 */
export async function streamImportAnswer(
  req: Request,
  res: Response,
  run: (onProgress: ImportProgress) => Promise<unknown>,
): Promise<typeof STREAMED> {
  res.status(200).setHeader("Content-Type", `${NDJSON}; charset=utf-8`);
  res.flushHeaders();
  const line = (value: unknown) => res.write(`${JSON.stringify(value)}\n`);
  let last = 0;
  const onProgress: ImportProgress = (done, total) => {
    const now = Date.now();
    if (done !== 0 && done !== total && now - last < PROGRESS_EVERY_MS) return;
    last = now;
    line({ progress: { done, total } });
  };
  try {
    line(await run(onProgress));
  } catch (e) {
    if (isAppError(e) && e.code !== "internal") {
      line({ error: { code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) } });
    } else {
      req.log.error({ err: serializeErrorForLog(e) }, "台账导入失败");
      line({
        error: {
          code: "internal",
          message: "系统内部错误，台账未导入；请稍后重试，如果问题持续出现，请联系系统管理员",
        },
      });
    }
  }
  res.end();
  return STREAMED;
}
