// Times clerks read are China Standard Time whatever the zone of the server or the browser (a
// laptop set to UTC, a test browser): formatInstantInChina (src/domain/civil-date.ts), which the
// web UI's formatInstant and the access-log export use.
import { describe, expect, it } from "vitest";
import { formatInstantInChina } from "../../src/domain/civil-date.ts";

describe("formatInstantInChina", () => {
  it("shows an instant in China Standard Time (UTC+8), to the minute or the second", () => {
    expect(formatInstantInChina(new Date("2026-03-20T02:00:00.000Z"))).toBe("2026-03-20 10:00");
    expect(formatInstantInChina(new Date("2026-03-20T02:00:07.900Z"), true)).toBe("2026-03-20 10:00:07");
    // the evening of New Year's Eve in UTC is already the next year in China
    expect(formatInstantInChina(new Date("2025-12-31T16:30:00Z"))).toBe("2026-01-01 00:30");
    expect(formatInstantInChina(new Date("2026-03-20T10:00:00+08:00"))).toBe("2026-03-20 10:00");
  });
});
