import type { Logger } from "pino";
import type { DocumentService } from "./document-service.ts";

/**
 * Converts the issued letters still without a PDF at start and then every `minutes` (the
 * reconciler's period): what a crash after an issue's commit, or a missing LibreOffice, left
 * behind. Several processes may sweep at once: one PDF per letter (a unique index) still holds.
 */
export function startLetterPdfSweep(
  documents: Pick<DocumentService, "freezePendingLetters">,
  minutes: number,
  logger: Pick<Logger, "warn" | "info">,
): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const pass = () => {
    running = documents
      .freezePendingLetters()
      .then((r) => {
        if (r.frozen > 0) logger.info(r, "已出具文书补做 PDF 存档");
      })
      .catch((err: unknown) => logger.warn({ err }, "已出具文书 PDF 补做失败，稍后重试"));
  };
  pass();
  const timer = setInterval(pass, minutes * 60_000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
