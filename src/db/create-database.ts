import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PGliteDialect, PostgresDialect } from "kysely";
import pg from "pg";
import type { Database } from "./schema.ts";
import { hookPGlite, hookPool, type StatementObserver } from "./statement-hooks.ts";

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: "pglite" | "postgres";
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A PostgreSQL server; without it, the embedded PGlite database under `dataDir/pg`. */
  databaseUrl?: string | undefined;
  /** Where the embedded database lives; `memory://` keeps it in memory (tests). */
  dataDir: string;
  /** Pool size for a server (default 20). */
  poolSize?: number;
  /** Sees the text of every statement sent (tests and benchmarks count them). */
  observeStatements?: StatementObserver | undefined;
}

const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

/** Dates stay `YYYY-MM-DD`: a JS Date would shift them by the process time zone. */
const parsers = {
  [DATE_OID]: (v: string) => v,
  [INT8_OID]: (v: string) => Number(v),
  [NUMERIC_OID]: (v: string) => Number(v),
};

export async function createDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 20,
      types: {
        getTypeParser: ((oid: number, format?: "text" | "binary") =>
          parsers[oid as keyof typeof parsers] ??
          pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
      },
    });
    hookPool(pool, options.observeStatements);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: "postgres", close: () => db.destroy() };
  }
  let dataPath = options.dataDir;
  if (!dataPath.startsWith("memory://")) {
    dataPath = join(options.dataDir, "pg");
    mkdirSync(dataPath, { recursive: true });
  }
  const pglite = await PGlite.create(dataPath, { parsers });
  if (options.observeStatements) hookPGlite(pglite, options.observeStatements);
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  return { db, kind: "pglite", close: () => db.destroy() };
}
