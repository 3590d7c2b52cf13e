import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createDefaultCalendar } from "../calendar/default-calendar.ts";
import type { CaseFacts, ConsultationFacts } from "../case-facts.ts";
import { addDays, type CivilDate, fromDayNumber, parseCivilDate, toDayNumber } from "../civil-date.ts";
import { computeDeadlines } from "./compute-deadlines.ts";
import { computeReplyDeadline } from "./compute-reply-deadline.ts";
import { dueAutomaticEvents } from "./due-automatic-events.ts";

const calendar = createDefaultCalendar();
const d = (s: string): CivilDate => parseCivilDate(s);
const facts = (receivedOn: string, more: Partial<CaseFacts> = {}): CaseFacts => ({
  receivedOn: d(receivedOn),
  consultations: [],
  ...more,
});
const consultation = (id: string, startedOn: string, answeredOn?: string): ConsultationFacts => ({
  id,
  party: "third_party",
  name: `第三方${id}`,
  startedOn: d(startedOn),
  windowWorkdays: 15,
  ...(answeredOn ? { answeredOn: d(answeredOn) } : {}),
});
const due = (f: CaseFacts) => computeReplyDeadline(f, calendar).dueOn;

describe("reply deadline (art. 33: 20 working days)", () => {
  it.each([
    ["2024-03-04", "2024-04-01"],
    ["2024-09-20", "2024-10-23"],
    ["2026-02-06", "2026-03-12"],
  ])("received %s → due %s (calendar-cn.md worked examples)", (received, expected) => {
    expect(due(facts(received))).toBe(expected);
  });

  it("explains the 2026 Spring Festival example line by line", () => {
    const r = computeReplyDeadline(facts("2026-02-06"), calendar);
    expect(r.explanation).toEqual([
      "收到申请之日：2026-02-06（星期五）（《条例》第三十一条），当日不计入",
      "法定答复期限：20个工作日（《条例》第三十三条第二款）",
      "跳过 春节假期 2026-02-15..2026-02-23",
      "计入调休上班日 2026-02-14（星期六）、2026-02-28（星期六）",
      "答复期限：2026-03-12（星期四）",
    ]);
    expect(r.isProvisional).toBe(false);
  });

  it("receipt on a weekend counts like the Friday before", () => {
    expect(due(facts("2026-03-07"))).toBe("2026-04-03");
    expect(due(facts("2026-03-08"))).toBe("2026-04-03");
    expect(due(facts("2026-03-06"))).toBe("2026-04-03");
  });

  it("receipt on a holiday counts from the first working day after it", () => {
    // 国庆 2026-10-01..07 off; 10-10 (Sat) is a make-up working day.
    expect(due(facts("2026-10-03"))).toBe("2026-11-03");
  });

  it("restarts from the day the supplement was received (art. 30)", () => {
    const f = facts("2026-03-02", {
      supplement: { requestedOn: d("2026-03-04"), windowWorkdays: 15, receivedOn: d("2026-03-10") },
    });
    const r = computeReplyDeadline(f, calendar);
    // 清明 2026-04-04..06 skipped
    expect(r.dueOn).toBe("2026-04-08");
    expect(r.startsOn).toBe("2026-03-10");
    expect(r.explanation[0]).toContain("收到补正之日");
    expect(r.explanation).toContain("跳过 清明节假期 2026-04-04..2026-04-06");
  });

  it("while awaiting a supplement, projects from the window's last day and is paused", () => {
    const f = facts("2026-03-02", { supplement: { requestedOn: d("2026-03-04"), windowWorkdays: 15 } });
    const r = computeReplyDeadline(f, calendar);
    expect(r.startsOn).toBe("2026-03-25");
    expect(r.isProjected).toBe(true);
    expect(computeDeadlines(f, calendar, d("2026-03-10")).reply.state).toBe("paused");
  });

  it("merges two overlapping consultations so no day is excluded twice (art. 33 ¶3)", () => {
    const f = facts("2026-03-02", {
      consultations: [
        consultation("a", "2026-03-03", "2026-03-10"),
        consultation("b", "2026-03-05", "2026-03-12"),
      ],
    });
    const r = computeReplyDeadline(f, calendar);
    // without them: 2026-03-30; merged (03-03, 03-12] holds 7 working days
    expect(due(facts("2026-03-02"))).toBe("2026-03-30");
    expect(r.dueOn).toBe("2026-04-09");
    expect(r.explanation.filter((l) => l.startsWith("不计入期限"))).toEqual([
      "不计入期限：征求意见：第三方“第三方a”；征求意见：第三方“第三方b” 2026-03-03→2026-03-12，扣除7个工作日（第三十三条第三款）",
    ]);
  });

  it("a consultation without an answer is excluded until its window ends", () => {
    const f = facts("2026-03-02", { consultations: [consultation("a", "2026-03-03")] });
    // window: 15 WD after 03-03 ends 03-24; 35 WD after 03-02 is 04-21
    expect(due(f)).toBe("2026-04-21");
    const during = computeDeadlines(f, calendar, d("2026-03-20"));
    expect(during.reply.state).toBe("paused");
    expect(during.consultations[0]?.dueOn).toBe("2026-03-24");
    expect(during.consultations[0]?.state).toBe("running");
    const after = computeDeadlines(f, calendar, d("2026-03-26"));
    expect(after.reply.state).toBe("running");
    expect(after.consultations[0]?.state).toBe("missed");
    expect(dueAutomaticEvents(f, calendar, d("2026-03-26"))).toEqual([
      { type: "consultation.expired", on: "2026-03-25", consultationId: "a" },
    ]);
    expect(dueAutomaticEvents(f, calendar, d("2026-03-24"))).toEqual([]);
  });

  it("an answer after the window still excludes only up to the window's end", () => {
    const late = facts("2026-03-02", { consultations: [consultation("a", "2026-03-03", "2026-04-01")] });
    expect(due(late)).toBe("2026-04-21");
  });

  it("adds an approved extension", () => {
    const f = facts("2026-03-02", { extension: { grantedOn: d("2026-03-25"), workdays: 10 } });
    const r = computeReplyDeadline(f, calendar);
    expect(r.dueOn).toBe("2026-04-14");
    expect(r.explanation).toContain("延期答复：+10个工作日（2026-03-25经批准，第三十三条第二款）");
  });

  it("leaves out the fee period, from notice to payment", () => {
    const f = facts("2026-03-02", {
      fee: { notifiedOn: d("2026-03-09"), basis: "per_volume", amountYuan: 700, paidOn: d("2026-03-16") },
    });
    expect(due(f)).toBe("2026-04-07");
    const clocks = computeDeadlines(f, calendar, d("2026-03-20"));
    expect(clocks.feePayment?.dueOn).toBe("2026-04-07");
    expect(clocks.feePayment?.state).toBe("met");
  });

  it("counts the payment window from the applicant's receipt of the notice when recorded", () => {
    const f = facts("2026-03-02", {
      fee: {
        notifiedOn: d("2026-03-09"),
        receivedByApplicantOn: d("2026-03-11"),
        basis: "per_item",
        amountYuan: 100,
      },
    });
    const clocks = computeDeadlines(f, calendar, d("2026-03-20"));
    expect(clocks.feePayment?.dueOn).toBe("2026-04-09");
    expect(clocks.reply.state).toBe("paused");
    expect(dueAutomaticEvents(f, calendar, d("2026-04-10"))).toEqual([
      { type: "fee.expired", on: "2026-04-10" },
    ]);
  });

  it("marks a deadline that runs into a year without a published notice as provisional", () => {
    const r = computeReplyDeadline(facts("2026-12-15"), calendar);
    expect(r.dueOn).toBe("2027-01-13");
    expect(r.isProvisional).toBe(true);
    expect(r.explanation).toContain("跳过 元旦假期 2027-01-01");
    expect(r.explanation.some((l) => l.includes("暂定"))).toBe(true);
    expect(computeReplyDeadline(facts("2026-11-02"), calendar).isProvisional).toBe(false);
  });

  it("an art. 35 date replaces the statutory deadline", () => {
    const f = facts("2026-03-02", { customDeadline: { setOn: d("2026-03-05"), dueOn: d("2026-06-30") } });
    const r = computeReplyDeadline(f, calendar);
    expect(r.dueOn).toBe("2026-06-30");
    expect(r.explanation.some((l) => l.includes("第三十五条"))).toBe(true);
  });

  it("follows the calendar when a year's notice is loaded", () => {
    const f = facts("2026-12-15");
    const loaded = calendar.withYear({
      v: 1,
      year: 2027,
      provisional: false,
      source: "测试",
      holidays: [
        { date: d("2027-01-01"), name: "元旦" },
        { date: d("2027-01-04"), name: "测试" },
      ],
      workdays: [],
    });
    const r = computeReplyDeadline(f, loaded);
    expect(r.dueOn).toBe("2027-01-14");
    expect(r.isProvisional).toBe(false);
  });
});

describe("the other clocks", () => {
  it("supplement notice: 7 working days from receipt (art. 30)", () => {
    const open = computeDeadlines(facts("2026-02-06"), calendar, d("2026-02-09"));
    // 02-09..13 (5), 02-14 make-up (6), 02-24 (7)
    expect(open.supplementNotice.dueOn).toBe("2026-02-24");
    expect(open.supplementNotice.state).toBe("running");
    const late = facts("2026-02-06", { supplement: { requestedOn: d("2026-02-25"), windowWorkdays: 15 } });
    expect(computeDeadlines(late, calendar, d("2026-02-26")).supplementNotice.state).toBe("missed");
    expect(computeDeadlines(facts("2026-02-06"), calendar, d("2026-03-01")).supplementNotice.state).toBe(
      "lapsed",
    );
  });

  it("supplement window: expiry closes the case the day after its last day", () => {
    const f = facts("2026-03-02", { supplement: { requestedOn: d("2026-03-04"), windowWorkdays: 15 } });
    const clocks = computeDeadlines(f, calendar, d("2026-03-20"));
    expect(clocks.supplementWindow?.dueOn).toBe("2026-03-25");
    expect(dueAutomaticEvents(f, calendar, d("2026-03-26"))).toEqual([
      { type: "supplement.expired", on: "2026-03-26" },
    ]);
    expect(dueAutomaticEvents(f, calendar, d("2026-03-25"))).toEqual([]);
  });

  it("a window that ended years ago is owed at once, with its own date", () => {
    const f = facts("2020-01-02", { supplement: { requestedOn: d("2020-01-06"), windowWorkdays: 15 } });
    // 2020-01-06 + 15 WD: 01-07..10 (4), 13-17 (9), 19 make-up (10), 20-23 (14), 02-03 (15)
    expect(dueAutomaticEvents(f, calendar, d("2026-11-26"))).toEqual([
      { type: "supplement.expired", on: "2020-02-04" },
    ]);
  });

  it("nothing is owed once the case has ended", () => {
    const f = facts("2026-03-02", {
      supplement: { requestedOn: d("2026-03-04"), windowWorkdays: 15 },
      disposition: { on: d("2026-03-05"), outcome: "other.other", by: "withdrawal" },
    });
    expect(dueAutomaticEvents(f, calendar, d("2026-12-31"))).toEqual([]);
    const clocks = computeDeadlines(f, calendar, d("2026-12-31"));
    expect(clocks.reply.state).toBe("lapsed");
    expect(clocks.supplementWindow?.state).toBe("lapsed");
  });

  it("reply met or missed by the decision date", () => {
    const on = (date: string): CaseFacts =>
      facts("2026-02-06", { disposition: { on: d(date), outcome: "disclosed", by: "decision" } });
    expect(computeDeadlines(on("2026-03-12"), calendar, d("2026-06-01")).reply.state).toBe("met");
    expect(computeDeadlines(on("2026-03-13"), calendar, d("2026-06-01")).reply.state).toBe("missed");
    expect(computeDeadlines(facts("2026-02-06"), calendar, d("2026-03-13")).reply.state).toBe("missed");
    expect(computeDeadlines(facts("2026-02-06"), calendar, d("2026-03-12")).reply.state).toBe("running");
  });
});

describe("properties", () => {
  const day0 = toDayNumber(d("2019-01-01"));
  const arbDate = (spanDays = 365 * 9) =>
    fc.integer({ min: 0, max: spanDays }).map((n) => fromDayNumber(day0 + n));
  const arbInterval = fc
    .tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 30 }))
    .map(([offset, len]) => ({ offset, len }));

  it("adding N working days then counting back gives N (2019–2027, provisional years included)", () => {
    fc.assert(
      fc.property(arbDate(), fc.integer({ min: 0, max: 120 }), (x, n) => {
        const y = calendar.addWorkdays(x, n);
        expect(calendar.countWorkdays(x, y)).toBe(n);
        expect(calendar.subtractWorkdays(y, n) <= x || n === 0).toBe(true);
        if (n > 0) expect(calendar.isWorkday(y)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("the deadline never moves earlier when an excluded interval or an extension is added", () => {
    fc.assert(
      fc.property(
        arbDate(365 * 8),
        fc.array(arbInterval, { maxLength: 3 }),
        arbInterval,
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 1, max: 20 }),
        (received, intervals, extra, ext, moreExt) => {
          const toConsultation = (iv: { offset: number; len: number }, i: number) =>
            consultation(`c${i}`, addDays(received, iv.offset), addDays(received, iv.offset + iv.len));
          const base = facts(received, {
            consultations: intervals.map(toConsultation),
            ...(ext > 0 ? { extension: { grantedOn: received, workdays: ext } } : {}),
          });
          const before = due(base);
          const withInterval = due({
            ...base,
            consultations: [...base.consultations, toConsultation(extra, 9)],
          });
          expect(withInterval >= before).toBe(true);
          const withExtension = due({ ...base, extension: { grantedOn: received, workdays: ext + moreExt } });
          expect(withExtension > before).toBe(true);
          // with no exclusion at all the deadline is the plain count
          if (intervals.length === 0) expect(before).toBe(calendar.addWorkdays(received, 20 + ext));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
