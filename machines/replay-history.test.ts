import { describe, expect, it } from "vitest";
import {
  applyOwedAutomaticEvents,
  explainAutomaticBlock,
  type RecordedEvent,
  replayHistory,
} from "./replay-history.ts";
import { d, ev, inProgress, machine, RECEIVED_ON, run } from "./test-fixtures.ts";

const recorded = (...events: ReturnType<typeof ev.extend>[]): RecordedEvent[] =>
  events.map((event, i) => ({ seq: i + 1, event }));

describe("applyOwedAutomaticEvents", () => {
  it("dates an expiry the day after the window's last day, and applies it only once due", () => {
    const s = run(ev.requestSupplement("2026-03-05"));
    expect(applyOwedAutomaticEvents(machine, s, d("2026-03-26")).applied).toEqual([]);
    const owed = applyOwedAutomaticEvents(machine, s, d("2026-03-27"));
    expect(owed.applied).toEqual([{ type: "supplement.expired", on: "2026-03-27" }]);
    expect(owed.snapshot.value).toBe("closed");
  });

  it("stops at an owed event the machine refuses (dated before the latest event), for a full replay", () => {
    // c1's window ends 03-24; the extension of 03-26 is already in the snapshot.
    const s = run(ev.startConsultation("2026-03-03"), ev.extend("2026-03-26"));
    const owed = applyOwedAutomaticEvents(machine, s, d("2026-03-27"));
    expect(owed.applied).toEqual([]);
    expect(owed.stuck).toEqual({ type: "consultation.expired", on: "2026-03-25", consultationId: "c1" });
  });

  it("none for an ended case", () => {
    expect(
      applyOwedAutomaticEvents(machine, run(ev.withdraw("2026-03-03")), d("2026-12-31")).applied,
    ).toEqual([]);
  });
});

describe("replayHistory", () => {
  it("applies an expiry on its own date, before a later human event, whatever the entry order", () => {
    const inOrder = replayHistory(
      machine,
      RECEIVED_ON,
      recorded(ev.startConsultation("2026-03-03"), ev.extend("2026-03-26")),
      d("2026-03-27"),
    );
    const reversed = replayHistory(
      machine,
      RECEIVED_ON,
      [
        { seq: 1, event: ev.extend("2026-03-26") },
        { seq: 2, event: ev.startConsultation("2026-03-03") },
      ],
      d("2026-03-27"),
    );
    for (const r of [inOrder, reversed]) {
      if (!r.ok) throw new Error(r.error.message);
      expect(r.automatic).toEqual([{ type: "consultation.expired", on: "2026-03-25", consultationId: "c1" }]);
      expect(r.snapshot.value).toEqual(inProgress("idle", "extended"));
    }
  });

  it("an answer dated inside the window means the window never ended", () => {
    const r = replayHistory(
      machine,
      RECEIVED_ON,
      recorded(
        ev.startConsultation("2026-03-03"),
        ev.extend("2026-03-26"),
        ev.answerConsultation("2026-03-10"),
      ),
      d("2026-04-30"),
    );
    expect(r.ok && r.automatic).toEqual([]);
  });

  it("same-day events keep their recording order; the automatic event of a day comes first", () => {
    // Window of 1 WD from 03-03: last day 03-04, expiry dated 03-05: the receipt of 03-05 is late.
    const r = replayHistory(
      machine,
      RECEIVED_ON,
      recorded(ev.requestSupplement("2026-03-03", 1), ev.receiveSupplement("2026-03-05")),
      d("2026-03-20"),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.refused.event.type).toBe("supplement.received");
    expect(explainAutomaticBlock(r.before, r.refused.event)).toBe(
      "本申请已于 2026-03-05 因补正期限（最后一日为 2026-03-04）届满未补正而自动终止（《条例》第三十条）；如补正材料实际于 2026-03-04 或之前收到，请按实际收到日期登记",
    );
  });

  it("refuses a history whose later event the inserted one invalidates, naming that event", () => {
    const r = replayHistory(
      machine,
      RECEIVED_ON,
      recorded(ev.decide("2026-03-20", "disclosed"), ev.withdraw("2026-03-10")),
      d("2026-03-20"),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.refused.event).toMatchObject({ type: "decision.issued", on: "2026-03-20" });
  });
});
