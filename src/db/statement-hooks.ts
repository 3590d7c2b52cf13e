import type { PGlite } from "@electric-sql/pglite";
import type pg from "pg";

/** Called with the text of every statement sent to the database (BEGIN and COMMIT included). */
export type StatementObserver = (sql: string) => void;

/**
 * A statement whose text starts with this comment is a named prepared statement on PostgreSQL
 * (pg's `name`): parsed and planned once per connection, then only bound and executed. Only for
 * hot statements whose text never varies (no IN lists of varying length): every distinct name
 * stays prepared on each pooled connection.
 */
export function preparedName(name: string): string {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`prepared statement name ${name}`);
  return `/* ogi:${name} */`;
}

const NAMED = /^\/\* ogi:([a-z0-9-]+) \*\//;

type QueryFn = (text: unknown, values?: unknown) => unknown;

/**
 * Every new pooled client names the statements marked by `preparedName` and reports each
 * statement to `observe`. Kysely calls `client.query(text, values)`; other forms pass through.
 */
export function hookPool(pool: pg.Pool, observe: StatementObserver | undefined): void {
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as QueryFn;
    (client as unknown as { query: QueryFn }).query = (text, values) => {
      if (typeof text !== "string") return query(text, values);
      observe?.(text);
      const name = NAMED.exec(text)?.[1];
      return name ? query({ name, text, values }) : query(text, values);
    };
  });
}

/** Reports each statement of the embedded database (a transaction as BEGIN … COMMIT). */
export function hookPGlite(pglite: PGlite, observe: StatementObserver): void {
  const query = pglite.query.bind(pglite);
  const transaction = pglite.transaction.bind(pglite);
  pglite.query = ((text: string, params?: unknown[], options?: unknown) => {
    observe(text);
    return query(text, params, options as never);
  }) as typeof pglite.query;
  pglite.transaction = (async (work: (tx: Parameters<Parameters<typeof transaction>[0]>[0]) => unknown) => {
    observe("BEGIN");
    try {
      return await transaction(async (tx) => {
        const txQuery = tx.query.bind(tx);
        tx.query = ((text: string, params?: unknown[], options?: unknown) => {
          observe(text);
          return txQuery(text, params, options as never);
        }) as typeof tx.query;
        return work(tx);
      });
    } finally {
      observe("COMMIT");
    }
  }) as typeof pglite.transaction;
}
