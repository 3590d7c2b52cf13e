/**
 * The baseline worker of `npm run bench:deadlines`, run as a process of its own: a BullMQ worker
 * (the concurrency `ogi worker` runs with) whose jobs do nothing but one UPDATE of their deadline
 * row. argv: redisUrl databaseUrl queueName prefix [concurrency, default 4]. Prints `ready` once
 * consuming; stops on SIGTERM.
 */
import { Worker } from "bullmq";
import pg from "pg";

const [redisUrl, databaseUrl, queueName, prefix, concurrency = "4"] = process.argv.slice(2);
if (!redisUrl || !databaseUrl || !queueName || !prefix)
  throw new Error("usage: redisUrl databaseUrl queue prefix [concurrency]");
const pool = new pg.Pool({ connectionString: databaseUrl, max: Math.max(5, Number(concurrency)) });
const worker = new Worker<{ jobId: string }>(
  queueName,
  async (job) => {
    await pool.query("UPDATE deadline_jobs SET done_at = now() WHERE job_id = $1", [job.data.jobId]);
  },
  {
    connection: { url: redisUrl, maxRetriesPerRequest: null },
    prefix,
    concurrency: Number(concurrency),
  },
);
await worker.waitUntilReady();
console.log("ready");
process.once("SIGTERM", () => {
  void (async () => {
    await worker.close();
    await pool.end();
    process.exit(0);
  })();
});
