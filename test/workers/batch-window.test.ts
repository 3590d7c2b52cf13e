// The waiting jobs a deadline batch looks at (both ends of the wait list) and the removal of the
// jobs of the rows it settled (issue 13). Real Redis; no job is ever run.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDeadlineQueue, type DeadlineQueue } from "../../workers/queues.ts";
import { batchWindowJobIds, removeWaitingJobs } from "../../workers/read-queue-states.ts";
import { freshQueuePrefix, redisUrl } from "../support/services.ts";

let queue: DeadlineQueue;
const id = (n: number) => `app-window-${n}.reply-remind-2wd.2026-03-30`;

beforeAll(async () => {
  queue = createDeadlineQueue(redisUrl(), { prefix: freshQueuePrefix() });
  // j0 is the oldest: the workers take it first (BullMQ pushes on the left, takes from the right).
  await queue.addBulk(
    Array.from({ length: 200 }, (_, n) => ({
      name: "deadline.reminder",
      data: { v: 1 as const, jobId: id(n), applicationId: `window-${n}`, kind: "deadline.reminder" as const },
      opts: { jobId: id(n) },
    })),
  );
});

afterAll(async () => {
  await queue?.obliterate({ force: true });
  await queue?.close();
});

describe("a batch's window on the waiting jobs", () => {
  it("is the newest jobs and those the workers take after the nearest ones; a short list gives its newest only", async () => {
    expect(await batchWindowJobIds(queue, 3, 10)).toEqual([
      id(199),
      id(198),
      id(197),
      id(12),
      id(11),
      id(10),
    ]);
    expect(await batchWindowJobIds(queue, 3, 500)).toEqual([id(199), id(198), id(197)]);
  });

  it("removal takes the waiting jobs within reach of either end, with their data, and leaves the rest", async () => {
    expect(await removeWaitingJobs(queue, [id(198), id(11), id(100), "app-never-added"], 50)).toBe(2);
    expect(await queue.getJobState(id(198))).toBe("unknown");
    expect(await queue.getJobState(id(11))).toBe("unknown");
    expect(await queue.getJob(id(11))).toBeUndefined();
    expect(await queue.getJobState(id(100))).toBe("waiting");
    expect(await queue.getWaitingCount()).toBe(198);
    expect(await removeWaitingJobs(queue, [])).toBe(0);
  });
});
