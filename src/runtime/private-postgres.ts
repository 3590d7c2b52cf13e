import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { createPostgresDatabase } from "./create-postgres-database.ts";
import { findFreePort } from "./free-port.ts";

export interface PrivatePostgresOptions {
  /**
   * Folder for the cluster (`data/`), its Unix socket (`sock/`) and log (`postgres.log`); created
   * if missing, removed by stop(). As root it is chowned to `postgres`, so every parent folder must
   * be traversable by that user (a fresh `mkdtemp` under /tmp is). Keep it short: the socket path
   * must fit in 107 bytes.
   */
  baseDir: string;
  /** TCP port on 127.0.0.1. Default: a free port (retried on a clash). */
  port?: number;
  /** How long `pg_ctl start` may wait for the server, in seconds. Default: 30. */
  startTimeoutSeconds?: number;
  /** More server settings (`name=value`, each passed as `-c`), e.g. for a benchmark's statistics. */
  settings?: readonly string[];
}

export interface PrivatePostgres {
  /** Superuser URL of the `postgres` database: `postgres://postgres@127.0.0.1:PORT/postgres`. */
  url: string;
  port: number;
  /** The postmaster's process id. */
  pid: number;
  dataDir: string;
  /** Creates an empty database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** `pg_ctl stop -m immediate`, then removes baseDir. Idempotent. */
  stop(): Promise<void>;
}

export const POSTGRES_MISSING_MESSAGE =
  "未找到 PostgreSQL（/usr/lib/postgresql/*/bin/initdb），请先安装：apt-get install postgresql" +
  "（或运行 scripts/ensure-system-packages.sh services）。" +
  " PostgreSQL not found (/usr/lib/postgresql/*/bin/initdb): install it with" +
  " `apt-get install postgresql` (or run scripts/ensure-system-packages.sh services).";

const POSTGRES_ROOT = "/usr/lib/postgresql";
const run = promisify(execFile);

/** Debian's newest `/usr/lib/postgresql/<version>/bin` that has `initdb`, or null. */
export function findPostgresBinDir(): string | null {
  if (!existsSync(POSTGRES_ROOT)) return null;
  const versions = readdirSync(POSTGRES_ROOT)
    .filter((name) => /^\d+$/.test(name) && existsSync(join(POSTGRES_ROOT, name, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? null : join(POSTGRES_ROOT, versions[0], "bin");
}

/**
 * Creates and starts a throwaway PostgreSQL cluster on 127.0.0.1, tuned for tests (trust auth,
 * no fsync). PostgreSQL refuses to run as root, so as root it runs as Debian's `postgres` user.
 */
export async function startPrivatePostgres(options: PrivatePostgresOptions): Promise<PrivatePostgres> {
  const binDir = findPostgresBinDir();
  if (binDir === null) throw new Error(POSTGRES_MISSING_MESSAGE);
  const asPostgres = process.getuid?.() === 0;
  const { baseDir } = options;
  const dataDir = join(baseDir, "data");
  const sockDir = join(baseDir, "sock");
  const logFile = join(baseDir, "postgres.log");
  mkdirSync(sockDir, { recursive: true });
  // Runs a PostgreSQL program, as `postgres` when we are root; cwd is a folder that user can read.
  const pgRun = (program: string, args: string[]) => {
    const [file, argv] = asPostgres
      ? ["runuser", ["-u", "postgres", "--", join(binDir, program), ...args]]
      : [join(binDir, program), args];
    return run(file, argv, { cwd: baseDir, encoding: "utf8" });
  };
  try {
    if (asPostgres) await handOverToPostgresUser(baseDir);
    await initCluster(pgRun, dataDir);
    const port = await startServer(pgRun, { ...options, dataDir, sockDir, logFile });
    const pid = Number(readFileSync(join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    return makeHandle({ pgRun, baseDir, dataDir, port, pid });
  } catch (error) {
    // A timed-out `pg_ctl start` may leave a server behind; most failures have none to stop.
    await pgRun("pg_ctl", ["-D", dataDir, "-m", "immediate", "stop"]).catch(() => undefined);
    rmSync(baseDir, { recursive: true, force: true });
    throw error;
  }
}

type PgRun = (program: string, args: string[]) => Promise<{ stdout: string; stderr: string }>;

async function handOverToPostgresUser(baseDir: string): Promise<void> {
  try {
    await run("id", ["-u", "postgres"]);
  } catch {
    throw new Error(
      `No \`postgres\` OS user: PostgreSQL refuses to run as root. ${POSTGRES_MISSING_MESSAGE}`,
    );
  }
  await run("chown", ["-R", "postgres:postgres", baseDir]);
  try {
    await run("runuser", ["-u", "postgres", "--", "test", "-w", baseDir]);
  } catch {
    throw new Error(
      `The postgres user cannot write to ${baseDir}: every parent folder must be traversable by it (o+x).` +
        " Use a folder made with mkdtemp under /tmp.",
    );
  }
}

async function initCluster(pgRun: PgRun, dataDir: string): Promise<void> {
  const base = [
    "-D",
    dataDir,
    "-A",
    "trust",
    "-U",
    "postgres",
    "--no-sync",
    "-E",
    "UTF8",
    "--no-instructions",
  ];
  try {
    await pgRun("initdb", [...base, "--locale=C.UTF-8"]);
  } catch {
    // Systems without the C.UTF-8 locale: plain C sorts the same (by code point) for UTF-8.
    rmSync(dataDir, { recursive: true, force: true });
    try {
      await pgRun("initdb", [...base, "--locale=C"]);
    } catch (error) {
      throw new Error(`initdb failed: ${describeExecError(error)}`);
    }
  }
}

interface StartServerOptions extends PrivatePostgresOptions {
  dataDir: string;
  sockDir: string;
  logFile: string;
}

async function startServer(pgRun: PgRun, options: StartServerOptions): Promise<number> {
  const attempts = options.port === undefined ? 3 : 1;
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await findFreePort());
    const serverOptions =
      `-p ${port} -k '${options.sockDir}' -c listen_addresses=127.0.0.1` +
      " -c fsync=off -c synchronous_commit=off -c full_page_writes=off" +
      (options.settings ?? []).map((s) => ` -c '${s.replaceAll("'", "")}'`).join("");
    const wait = ["-w", "-t", String(options.startTimeoutSeconds ?? 30)];
    try {
      // -l: the server's output goes to the log, so pg_ctl's pipes close when it returns.
      await pgRun("pg_ctl", [
        "-D",
        options.dataDir,
        "-l",
        options.logFile,
        "-o",
        serverOptions,
        ...wait,
        "start",
      ]);
      return port;
    } catch (error) {
      const log = existsSync(options.logFile) ? readFileSync(options.logFile, "utf8").slice(-3000) : "";
      if (log.includes("Address already in use") && attempt < attempts) continue;
      throw new Error(`PostgreSQL did not start on port ${port}: ${describeExecError(error)}\n${log}`);
    }
  }
}

function makeHandle(args: {
  pgRun: PgRun;
  baseDir: string;
  dataDir: string;
  port: number;
  pid: number;
}): PrivatePostgres {
  const { pgRun, baseDir, dataDir, port, pid } = args;
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  // A safety net if the process exits without stop(): SIGQUIT is PostgreSQL's immediate shutdown.
  const killOnExit = () => {
    try {
      process.kill(pid, "SIGQUIT");
    } catch {
      // already gone
    }
    rmSync(baseDir, { recursive: true, force: true });
  };
  process.once("exit", killOnExit);
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      try {
        await pgRun("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
      } catch (error) {
        // Already stopped (e.g. killed): nothing to stop, but the folder must still go.
        if (isAlive(pid)) throw new Error(`pg_ctl stop failed: ${describeExecError(error)}`);
      }
      process.removeListener("exit", killOnExit);
      rmSync(baseDir, { recursive: true, force: true });
    })();
    return stopping;
  };
  return { url, port, pid, dataDir, stop, createDatabase: (name) => createPostgresDatabase(url, name) };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function describeExecError(error: unknown): string {
  if (error instanceof Error) {
    const { stderr, stdout } = error as Error & { stderr?: string; stdout?: string };
    return [error.message, stdout, stderr].filter(Boolean).join("\n").trim();
  }
  return String(error);
}
