import type { Kysely } from "kysely";
import type { ApiState } from "../../machines/api-state.ts";
import { AppError, type ErrorDetail } from "../app-error.ts";
import type { Database } from "../db/schema.ts";
import { AUTOMATIC_EVENT_TYPES } from "../domain/application-events.ts";
import { type CalendarYear, ZCalendarYear } from "../domain/calendar/calendar-year.ts";
import { isWeekend } from "../domain/civil-date.ts";
import type { Actor } from "./actor.ts";
import type { ApplicationService } from "./application-service.ts";
import type { CalendarStore } from "./calendar-store.ts";

/** States whose deadlines no longer run: a calendar change leaves them alone. */
const FINISHED_STATES: readonly ApiState[] = ["decided", "delivered", "archived", "closed"];

export type CalendarService = ReturnType<typeof makeCalendarService>;

/**
 * A case whose recorded facts no longer replay on the corrected calendar (e.g. a supplement
 * received on a day that is now after its window): left as it was, for a person to look at.
 */
export interface CalendarConflict {
  applicationId: string;
  trackingNo: string;
  message: string;
}

/** Reading a year's schedule, and loading or correcting one (then every open case re-plans). */
export function makeCalendarService(deps: {
  db: Kysely<Database>;
  calendars: CalendarStore;
  applications: Pick<ApplicationService, "rederive">;
}) {
  const { db } = deps;
  /** The stored year, or the provisional one built from the 放假办法. */
  const getYear = async (year: number): Promise<CalendarYear> => (await deps.calendars.get()).year(year);
  return {
    getYear,

    /**
     * Stores the year, then re-derives every case it can move so that deadlines and automatic
     * events follow at once (closed report years through the amendment path). Returns the year
     * as stored and how many cases were re-derived.
     */
    async putYear(
      actor: Actor,
      year: CalendarYear,
    ): Promise<{ year: CalendarYear; replanned: number; conflicts: CalendarConflict[] }> {
      if (!actor.isSystemAdmin) {
        throw new AppError("forbidden", { message: "只有系统管理员可以载入或更正放假安排" });
      }
      const checked = ZCalendarYear.parse(checkYear(year)) as CalendarYear;
      await db.transaction().execute((trx) => deps.calendars.put(trx, checked, actor.userId));
      // only after the commit: a request in between would cache the old year again
      deps.calendars.invalidate();
      const cases = await casesOnCalendar(db, checked.year);
      const conflicts: CalendarConflict[] = [];
      for (const { id, trackingNo } of cases) {
        const r = await deps.applications.rederive(id, { actor, year: checked.year });
        if (r.conflict) conflicts.push({ applicationId: id, trackingNo, message: r.conflict });
      }
      return { year: await getYear(checked.year), replanned: cases.length, conflicts };
    },
  };
}

/**
 * The cases a change of `year`'s schedule can move (DOMAIN.md §5): every open case, and every
 * case with an automatic event dated from that year on (a window that ends in January may have
 * counted through the previous December), closed or not.
 */
async function casesOnCalendar(
  db: Kysely<Database>,
  year: number,
): Promise<{ id: string; trackingNo: string }[]> {
  return db
    .selectFrom("applications as a")
    .select(["a.id", "a.tracking_no as trackingNo"])
    .where((eb) =>
      eb.or([
        eb("a.state", "not in", FINISHED_STATES),
        eb.exists(
          eb
            .selectFrom("application_events as e")
            .select("e.seq")
            .whereRef("e.application_id", "=", "a.id")
            .where("e.type", "in", [...AUTOMATIC_EVENT_TYPES])
            .where("e.superseded_by_seq", "is", null)
            .where("e.effective_on", ">=", `${year}-01-01`)
            .where("e.effective_on", "<=", `${year + 1}-12-31`),
        ),
      ]),
    )
    .orderBy("a.id")
    .execute();
}

/** Dates inside the year, each once, and make-up working days on weekends only. */
function checkYear(year: CalendarYear): CalendarYear {
  const details: ErrorDetail[] = [];
  const seen = new Set<string>();
  for (const [listName, list] of [
    ["holidays", year.holidays],
    ["workdays", year.workdays],
  ] as const) {
    for (const [i, { date }] of list.entries()) {
      const field = `${listName}.${i}`;
      if (!date.startsWith(`${year.year}-`))
        details.push({ field, message: `${date} 不在 ${year.year} 年内` });
      if (seen.has(date)) details.push({ field, message: `${date} 重复出现（同一天不能既放假又上班）` });
      if (listName === "workdays" && !isWeekend(date)) {
        details.push({ field, message: `${date} 不是周六或周日，不必列为调休上班日` });
      }
      seen.add(date);
    }
  }
  if (details.length > 0) {
    const listed = details.slice(0, 5).map((d) => `字段 ${d.field}：${d.message}`);
    throw new AppError("invalid_input", { message: listed.join("；"), details });
  }
  return year;
}
