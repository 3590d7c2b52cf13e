// The prefix-sum arithmetic of WorkingCalendar and the reply deadline's interval walk, against a
// naive day-by-day reference that reads the years' lists directly (no prefix sums, no day
// numbers): random dates 2019–2026, windows reaching into the provisional 2027.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createDefaultCalendar } from "../calendar/default-calendar.ts";
import type { CaseFacts, ConsultationFacts } from "../case-facts.ts";
import type { CivilDate } from "../civil-date.ts";
import { computeReplyDeadline } from "./compute-reply-deadline.ts";
import { excludedIntervals, mergeIntervals } from "./excluded-intervals.ts";

const calendar = createDefaultCalendar();

/** Day-by-day reference: a weekday not listed as a holiday, or a listed make-up day. */
function naiveIsWorkday(date: string): boolean {
  const year = calendar.year(Number(date.slice(0, 4)));
  if (year.workdays.some((w) => w.date === date)) return true;
  if (year.holidays.some((h) => h.date === date)) return false;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}
const nextDay = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const previousDay = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

function naiveAdd(date: string, n: number): string {
  let day = date;
  for (let left = n; left > 0; ) {
    day = nextDay(day);
    if (naiveIsWorkday(day)) left--;
  }
  return day;
}
function naiveSubtract(date: string, n: number): string {
  let day = date;
  for (let left = n; left > 0; ) {
    day = previousDay(day);
    if (naiveIsWorkday(day)) left--;
  }
  return day;
}
function naiveCount(from: string, to: string): number {
  let count = 0;
  for (let day = nextDay(from); day <= to; day = nextDay(day)) if (naiveIsWorkday(day)) count++;
  return count;
}
/** The reply count as it was walked before the prefix sums: day by day, skipping excluded days. */
function naiveReplyDue(facts: CaseFacts, n: number): string {
  const intervals = mergeIntervals(excludedIntervals(facts, calendar));
  const excluded = (day: string) => intervals.some((iv) => iv.from < day && day <= iv.to);
  let day: string = facts.receivedOn;
  for (let left = n; left > 0; ) {
    day = nextDay(day);
    if (naiveIsWorkday(day) && !excluded(day)) left--;
  }
  return day;
}

const FIRST = Date.parse("2019-01-01T00:00:00Z");
const LAST = Date.parse("2026-12-31T00:00:00Z");
const arbDate = fc
  .integer({ min: 0, max: (LAST - FIRST) / 86_400_000 })
  .map((n) => new Date(FIRST + n * 86_400_000).toISOString().slice(0, 10) as CivilDate);
const shift = (date: CivilDate, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10) as CivilDate;

describe("working-day arithmetic on prefix sums = the day-by-day reference", () => {
  it("addWorkdays, subtractWorkdays, countWorkdays and isWorkday (2019–2026, up to 400 WD)", () => {
    fc.assert(
      fc.property(arbDate, fc.integer({ min: 0, max: 400 }), arbDate, (date, n, other) => {
        expect(calendar.addWorkdays(date, n)).toBe(naiveAdd(date, n));
        expect(calendar.subtractWorkdays(date, n)).toBe(naiveSubtract(date, n));
        expect(calendar.countWorkdays(date, other)).toBe(naiveCount(date, other));
        expect(calendar.isWorkday(date)).toBe(naiveIsWorkday(date));
      }),
      { numRuns: 1500 },
    );
  });

  it("the reply deadline with consultations, a fee period and an extension", () => {
    const arbConsultation = fc.record({
      offset: fc.integer({ min: -5, max: 60 }),
      answerAfter: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
      windowWorkdays: fc.integer({ min: 1, max: 20 }),
    });
    fc.assert(
      fc.property(
        arbDate,
        fc.array(arbConsultation, { maxLength: 4 }),
        fc.option(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 30 })), {
          nil: undefined,
        }),
        fc.integer({ min: 0, max: 20 }),
        (receivedOn, consultations, fee, extension) => {
          const facts: CaseFacts = {
            receivedOn,
            consultations: consultations.map(
              (c, i): ConsultationFacts => ({
                id: `c${i}`,
                party: "third_party",
                name: `第三方${i}`,
                startedOn: shift(receivedOn, c.offset),
                windowWorkdays: c.windowWorkdays,
                ...(c.answerAfter === undefined
                  ? {}
                  : { answeredOn: shift(receivedOn, c.offset + c.answerAfter) }),
              }),
            ),
            ...(fee
              ? {
                  fee: {
                    notifiedOn: shift(receivedOn, fee[0]),
                    basis: "per_volume" as const,
                    amountYuan: 100,
                    ...(fee[1] > 0 ? { paidOn: shift(receivedOn, fee[0] + fee[1]) } : {}),
                  },
                }
              : {}),
            ...(extension > 0 ? { extension: { grantedOn: receivedOn, workdays: extension } } : {}),
          };
          expect(computeReplyDeadline(facts, calendar).dueOn).toBe(naiveReplyDue(facts, 20 + extension));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
