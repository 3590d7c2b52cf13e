import type { Db } from "./case-store.ts";
import { type CaseRowWrite, type CaseRowWritten, writeCaseRow, writeCaseRows } from "./case-write-store.ts";

interface Pending {
  write: CaseRowWrite;
  resolve: (r: CaseRowWritten) => void;
  reject: (e: unknown) => void;
}

/**
 * The API's version-checked case writes (autocommit, no transaction) that arrive in the same
 * turn of the event loop go to PostgreSQL as ONE statement (`writeCaseRows`); alone, a write is
 * the single-case statement (`writeCaseRow`). Each case is written, or not (its version moved),
 * as by its own statement. A second write of a case already in the turn waits for the next
 * turn. Should the shared statement fail (a deadlock with another process, a row refused), each
 * write is sent again on its own, so an error reaches only the write it belongs to.
 */
export function makeCaseWriteCoalescer(
  db: Db,
  options: {
    /**
     * Inside a transaction (the deadline worker's automatic batch): a failed shared statement
     * has aborted the transaction, so every write it carried fails with it (no write by write).
     */
    inTransaction?: boolean;
  } = {},
): (write: CaseRowWrite) => Promise<CaseRowWritten> {
  let waiting: Pending[] = [];
  let scheduled = false;
  const single = (p: Pending) => writeCaseRow(db, p.write).then(p.resolve, p.reject);
  const flush = () => {
    scheduled = false;
    const ids = new Set<string>();
    const batch: Pending[] = [];
    const later: Pending[] = [];
    for (const p of waiting) {
      if (ids.has(p.write.id)) later.push(p);
      else {
        ids.add(p.write.id);
        batch.push(p);
      }
    }
    waiting = later;
    if (later.length > 0) schedule();
    if (batch.length === 1) {
      void single(batch[0] as Pending);
      return;
    }
    writeCaseRows(
      db,
      batch.map((p) => p.write),
    ).then(
      (results) => {
        batch.forEach((p, i) => {
          p.resolve(results[i] as CaseRowWritten);
        });
      },
      (e: unknown) => {
        if (options.inTransaction) for (const p of batch) p.reject(e);
        else for (const p of batch) void single(p);
      },
    );
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(flush);
  };
  return (write) =>
    new Promise<CaseRowWritten>((resolve, reject) => {
      waiting.push({ write, resolve, reject });
      schedule();
    });
}
