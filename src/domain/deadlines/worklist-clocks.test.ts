import { describe, expect, it } from "vitest";
import { createDefaultCalendar } from "../calendar/default-calendar.ts";
import type { CaseFacts } from "../case-facts.ts";
import { type CivilDate, parseCivilDate } from "../civil-date.ts";
import { computeDeadlines } from "./compute-deadlines.ts";
import { worklistClocks } from "./worklist-clocks.ts";

const calendar = createDefaultCalendar();
const d = (s: string): CivilDate => parseCivilDate(s);
const clocksOf = (facts: CaseFacts, today: string) =>
  worklistClocks(facts, computeDeadlines(facts, calendar, d(today)));

describe("worklistClocks (the 待办 order's clocks)", () => {
  it("a new case: the supplement notice (7 WD) apart, the reply (20 WD) as the next due date", () => {
    const w = clocksOf({ receivedOn: d("2026-03-02"), consultations: [] }, "2026-03-03");
    expect(w.open).toEqual([
      { k: "supplementNotice", d: "2026-03-11" },
      { k: "reply", d: "2026-03-30" },
    ]);
    expect(w).toMatchObject({ nextDueOn: "2026-03-30", nextDueClock: "reply", noticeDueOn: "2026-03-11" });
  });

  it("awaiting a supplement: the window is open, the paused reply and the sent notice are not", () => {
    const facts: CaseFacts = {
      receivedOn: d("2026-03-02"),
      consultations: [],
      supplement: { requestedOn: d("2026-03-04"), windowWorkdays: 15 },
    };
    const w = clocksOf(facts, "2026-03-05");
    expect(w.open.map((c) => c.k)).toEqual(["supplementWindow"]);
    expect(w.noticeDueOn).toBeNull();
    expect(w.nextDueClock).toBe("supplementWindow");
  });

  it("an overdue reply stays open; a replied case has no open clock", () => {
    const open = clocksOf({ receivedOn: d("2026-03-02"), consultations: [] }, "2026-04-20");
    expect(open).toMatchObject({ nextDueOn: "2026-03-30", nextDueClock: "reply" });
    const replied = clocksOf(
      {
        receivedOn: d("2026-03-02"),
        consultations: [],
        disposition: { on: d("2026-03-20"), outcome: "disclosed", by: "decision" },
      },
      "2026-04-20",
    );
    expect(replied).toEqual({ open: [], nextDueOn: null, nextDueClock: null, noticeDueOn: null });
  });
});
