import { afterAll, describe, expect, it } from "vitest";
import type { CivilDate } from "../../src/domain/civil-date.ts";
import { findFreePort } from "../../src/runtime/free-port.ts";
import type { PlannedJob } from "../../src/services/plan-deadline-jobs.ts";
import { enqueuePlannedJobs, runAtMillis } from "../../workers/enqueue-planned-jobs.ts";
import { createDeadlineQueue } from "../../workers/queues.ts";
import { freshQueuePrefix, redisUrl } from "../support/services.ts";
import { collectingLogger } from "./worker-fixtures.ts";

const now = () => new Date("2026-03-26T04:00:00Z"); // 12:00 in China
const queue = createDeadlineQueue(redisUrl(), { prefix: freshQueuePrefix() });
afterAll(async () => {
  await queue.obliterate({ force: true });
  await queue.close();
});

const job = (runOn: string, what = "reply-remind-2wd"): PlannedJob => ({
  jobId: `app-a1.${what}.${runOn}`,
  applicationId: "a1",
  kind: "deadline.reminder",
  runOn: runOn as CivilDate,
  payload: { v: 1, clock: "reply", dueOn: runOn as CivilDate, offset: 2 },
});

describe("enqueuePlannedJobs", () => {
  it("runs a job at jobHour:00 China time on its day, at once when that moment has passed", () => {
    expect(new Date(runAtMillis("2026-03-27" as CivilDate, 0)).toISOString()).toBe(
      "2026-03-26T16:00:00.000Z",
    );
    expect(new Date(runAtMillis("2026-03-27" as CivilDate, 9)).toISOString()).toBe(
      "2026-03-27T01:00:00.000Z",
    );
  });

  it("adds each job once under its deterministic id, delayed to its day", async () => {
    const jobs = [job("2026-03-27"), job("2020-02-04", "supplement-expired")];
    const logger = collectingLogger();
    expect(await enqueuePlannedJobs(queue, jobs, { now, jobHour: 0, logger })).toBe(2);
    expect(await enqueuePlannedJobs(queue, jobs, { now, jobHour: 0, logger })).toBe(2);
    expect(await queue.getJobCountByTypes("waiting", "delayed")).toBe(2);
    const tomorrow = await queue.getJob("app-a1.reply-remind-2wd.2026-03-27");
    expect(tomorrow?.name).toBe("deadline.reminder");
    expect(tomorrow?.data).toEqual({
      v: 1,
      jobId: "app-a1.reply-remind-2wd.2026-03-27",
      applicationId: "a1",
      kind: "deadline.reminder",
    });
    expect(tomorrow?.delay).toBe(12 * 3_600_000);
    expect(tomorrow?.opts.attempts).toBe(10);
    expect(await (await queue.getJob("app-a1.supplement-expired.2020-02-04"))?.getState()).toBe("waiting");
    expect(logger.problems).toEqual([]);
  });

  it("never throws: without Redis it logs and leaves the jobs to the reconciler", async () => {
    const dead = createDeadlineQueue(`redis://127.0.0.1:${await findFreePort()}`, {
      prefix: freshQueuePrefix(),
    });
    dead.on("error", () => {}); // connection refused, expected here
    const logger = collectingLogger();
    const started = Date.now();
    expect(
      await enqueuePlannedJobs(dead, [job("2026-03-27")], { now, jobHour: 0, logger, timeoutMs: 300 }),
    ).toBe(0);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(logger.problems).toHaveLength(1);
    expect(logger.problems[0]).toMatch(/the reconciler will add them/);
    await dead.close();
  });
});
