import { describe, expect, it } from "vitest";
import { deadlineMessageId } from "../../workers/handlers/compose-deadline-mail.ts";

describe("deadlineMessageId", () => {
  it("is the same for every send of a notification key, and a valid msg-id", () => {
    const jobId = "app-3f2b9c1e-8d4a-4e1b-9c2d-7a6b5c4d3e2f.reply-remind-2wd.2026-03-30";
    expect(deadlineMessageId(jobId)).toBe(deadlineMessageId(jobId));
    expect(deadlineMessageId(jobId)).toBe(`<ogi-deadline-${jobId}@ogi.invalid>`);
    expect(deadlineMessageId("app-x.consultation:2-overdue.2026-03-30")).toMatch(
      /^<[A-Za-z0-9.=-]+@ogi\.invalid>$/,
    );
  });

  it("never gives two keys one id", () => {
    const keys = ["app-a.b:c", "app-a.b=003ac", "app-a.b c", "app-a.b_c", "app-a.b\u3000c"];
    expect(new Set(keys.map(deadlineMessageId)).size).toBe(keys.length);
  });
});
