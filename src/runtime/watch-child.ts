import type { ChildProcess } from "node:child_process";

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Set when the process could not be spawned at all (e.g. ENOENT). */
  error?: Error;
}

export interface WatchedChild {
  pid: number | undefined;
  /** Settles once, when the process has exited or failed to spawn; never rejects. */
  exited: Promise<ChildExit>;
  /** The exit, once it has happened; undefined while the process runs. */
  exit(): ChildExit | undefined;
  /** The last few kilobytes of the process's stdout and stderr, for error messages. */
  output(): string;
}

const OUTPUT_TAIL_CHARS = 4000;

/** Drains a child's output (so a full pipe never blocks it) and keeps its tail. */
export function watchChild(child: ChildProcess): WatchedChild {
  let tail = "";
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString("utf8")).slice(-OUTPUT_TAIL_CHARS);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  let result: ChildExit | undefined;
  const exited = new Promise<ChildExit>((resolve) => {
    child.once("exit", (code, signal) => {
      result = { code, signal };
      resolve(result);
    });
    child.once("error", (error) => {
      result = { code: null, signal: null, error };
      resolve(result);
    });
  });
  return { pid: child.pid, exited, exit: () => result, output: () => tail.trim() };
}

export function describeExit(exit: ChildExit): string {
  if (exit.error) return `could not be spawned: ${exit.error.message}`;
  return exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`;
}
