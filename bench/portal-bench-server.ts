/**
 * bench:portal's API server, a process of its own so that the load generator does not share its
 * event loop and its CPU is its own: the system as `ogi serve` runs it (HTTP, no workers) on the
 * settings given as JSON in argv[2], with an agency `bench` and an intake user `bench-clerk`.
 * Prints `ready <url>`; answers "counts" over IPC with the rows written; "stop" stops it.
 */
import { sql } from "kysely";
import { loadSettings } from "../config/settings.ts";
import { startSystem } from "../src/system/start-system.ts";
import type { ServerCounts } from "./portal-bench-support.ts";

const settings = loadSettings(JSON.parse(process.argv[2] ?? "{}") as Record<string, string>);
const system = await startSystem(settings, {
  http: true,
  workers: false,
  prepare: async (core) => {
    await core.accounts.createAgency({ code: "bench", name: "基准测试镇人民政府", kind: "township" });
    await core.accounts.createUser({
      username: "bench-clerk",
      password: "bench-password",
      displayName: "基准登记员",
      agencyCode: "bench",
      roles: ["intake"],
    });
  },
});

async function counts(): Promise<ServerCounts> {
  const { rows } = await sql<ServerCounts>`
    SELECT (SELECT count(*)::int FROM online_submissions) AS "onlineSubmissions",
           (SELECT count(*)::int FROM applications) AS "applications",
           (SELECT count(*)::int FROM documents) AS "documents"`.execute(system.core.database.db);
  return rows[0] as ServerCounts;
}

let isStopping = false;
const stop = () => {
  if (isStopping) return;
  isStopping = true;
  void system.stop().then(() => process.exit(0));
};
process.on("message", (message) => {
  if (message === "counts") {
    counts().then(
      (c) => process.send?.(c),
      (e: unknown) => {
        console.error(e);
        process.exit(1);
      },
    );
  } else if (message === "stop") stop();
});
// the bench ended without a word (killed, crashed): do not outlive it
process.on("disconnect", stop);
console.log(`ready ${system.url}`);
