import { type CaseRow, type Db, loadCase, loadCases } from "./case-store.ts";

interface Waiter {
  resolve: (c: CaseRow | undefined) => void;
  reject: (e: unknown) => void;
}

/**
 * The API's reads of a case for a write (`loadCase(db, id, "write")`, no lock) that arrive in
 * the same turn of the event loop go to PostgreSQL as ONE statement (`loadCases`): under load
 * several requests reach their read together, and each statement costs a round trip and its
 * own execution. Alone, a read is the single-case statement. Each caller gets its own CaseRow
 * (the write path updates it in place), the same the single read gives; a failed statement
 * fails every read it carried. Reads without a lock only: the version-checked write guards them.
 */
export function makeCaseReadCoalescer(db: Db): (id: string) => Promise<CaseRow | undefined> {
  let waiting: Map<string, Waiter[]> | undefined;
  const flush = () => {
    const batch = waiting;
    waiting = undefined;
    if (!batch) return;
    const ids = [...batch.keys()];
    const read =
      ids.length === 1
        ? loadCase(db, ids[0] as string, "write").then((c) => (c ? [c] : []))
        : loadCases(db, ids, "write");
    read.then(
      (rows) => {
        const byId = new Map(rows.map((c) => [c.row.id, c]));
        for (const [id, waiters] of batch) {
          const c = byId.get(id);
          waiters.forEach((w, i) => {
            w.resolve(c && i > 0 ? structuredClone(c) : c);
          });
        }
      },
      (e: unknown) => {
        for (const waiters of batch.values()) for (const w of waiters) w.reject(e);
      },
    );
  };
  return (id) =>
    new Promise<CaseRow | undefined>((resolve, reject) => {
      if (!waiting) {
        waiting = new Map();
        setImmediate(flush);
      }
      const waiters = waiting.get(id);
      if (waiters) waiters.push({ resolve, reject });
      else waiting.set(id, [{ resolve, reject }]);
    });
}
