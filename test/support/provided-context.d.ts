// What test/support/global-setup.ts provides to every test file (read it through services.ts).
import "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    /** The run's private Redis, database 0: `redis://127.0.0.1:PORT`. */
    redisUrl: string;
    /** How many logical databases that Redis has (database 0 included). */
    redisDatabases: number;
    /** Superuser URL of the run's private PostgreSQL cluster (database `postgres`). */
    postgresAdminUrl: string;
  }
}
