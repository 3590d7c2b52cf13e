import type { WorkingCalendar } from "../domain/calendar/calendar.ts";
import type { CaseFacts } from "../domain/case-facts.ts";
import { addDays, type CivilDate, maxDate } from "../domain/civil-date.ts";
import type { CaseDeadlines, Clock } from "../domain/deadlines/clock.ts";
import { pendingAutomaticEvents } from "../domain/deadlines/due-automatic-events.ts";

/** The kinds of deadline job; BullMQ job names are the same dot-named strings. */
export const JOB_KINDS = ["deadline.automatic", "deadline.reminder", "deadline.overdue"] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export interface PlannedJob {
  /** `app-<id>.<what>.<due date>` (STYLE.md): adding twice is harmless, a moved date is a new job. */
  jobId: string;
  applicationId: string;
  kind: JobKind;
  /** The civil day on which it runs. */
  runOn: CivilDate;
  payload: {
    v: 1;
    /** The clock it concerns (reply, supplementWindow, consultation:c1 …). */
    clock: string;
    dueOn: CivilDate;
    /** Reminders: working days before the due date. */
    offset?: number;
    /** Automatic jobs: the event type owed. */
    eventType?: string;
  };
}

/**
 * The jobs an open case needs now: the automatic events it will be owed, reminders to the
 * handler before each running clock, and the overdue escalation of the reply clock.
 * Of the reminders whose day has passed only the latest is planned, for today (DOMAIN.md §5).
 */
export function planDeadlineJobs(args: {
  applicationId: string;
  facts: CaseFacts;
  deadlines: CaseDeadlines;
  calendar: WorkingCalendar;
  today: CivilDate;
  reminderOffsets: readonly number[];
}): PlannedJob[] {
  const { applicationId: id, facts, deadlines, calendar, today } = args;
  if (facts.disposition) return planReReplyJobs(args);
  const jobs: PlannedJob[] = [];
  for (const e of pendingAutomaticEvents(facts, calendar)) {
    const clock =
      e.type === "consultation.expired"
        ? `consultation:${e.consultationId}`
        : (e.type.split(".")[0] ?? e.type);
    const what =
      e.type === "consultation.expired"
        ? `consultation-${e.consultationId}-expired`
        : e.type.replace(".", "-");
    jobs.push({
      jobId: `app-${id}.${what}.${e.on}`,
      applicationId: id,
      kind: "deadline.automatic",
      runOn: e.on,
      payload: { v: 1, clock, dueOn: e.on, eventType: e.type },
    });
  }
  const clocks: [string, Clock | undefined][] = [
    ["reply", deadlines.reply],
    ["supplementNotice", deadlines.supplementNotice],
    ["supplementWindow", deadlines.supplementWindow],
    ["feePayment", deadlines.feePayment],
    ...deadlines.consultations.map((c): [string, Clock] => [`consultation:${c.id}`, c]),
  ];
  for (const [name, clock] of clocks) {
    // A window waiting for a posted document's receipt has no date yet: its reminder is the
    // receipt clock's (below), not the window's.
    if (clock?.state !== "running" || clock.isAwaitingReceipt) continue;
    jobs.push(...clockReminders(id, name, clock.dueOn, args));
  }
  // One reminder to record a posted document's signature date, on the day it is due (today
  // when that day has passed: a backdated or late entry).
  for (const clock of deadlines.receipts) {
    if (clock.state !== "running") continue;
    jobs.push(reminderJob(id, `receipt:${clock.id}`, clock.dueOn, 0, maxDate(clock.dueOn, today)));
  }
  const reply = deadlines.reply;
  if (reply.state === "running" || reply.state === "missed")
    jobs.push(overdueJob(id, "reply", reply.dueOn, today));
  return jobs;
}

/**
 * Reminders at the configured offsets before `dueOn`. Entered the window late (backdated,
 * reassigned, a moved date): the latest reminder it missed goes out today, once (its id is the
 * offset's), unless a later one is due today anyway; earlier offsets are not sent.
 */
function clockReminders(
  id: string,
  name: string,
  dueOn: CivilDate,
  args: { calendar: WorkingCalendar; today: CivilDate; reminderOffsets: readonly number[] },
): PlannedJob[] {
  const { calendar, today } = args;
  const jobs: PlannedJob[] = [];
  let missed: { offset: number; runOn: CivilDate } | undefined;
  let isRemindedToday = false;
  for (const offset of args.reminderOffsets) {
    const runOn = calendar.subtractWorkdays(dueOn, offset);
    if (runOn < today) {
      if (!missed || runOn > missed.runOn) missed = { offset, runOn };
      continue;
    }
    isRemindedToday ||= runOn === today;
    jobs.push(reminderJob(id, name, dueOn, offset, runOn));
  }
  if (missed && !isRemindedToday) jobs.push(reminderJob(id, name, dueOn, missed.offset, today));
  return jobs;
}

/** The escalation of a clock that ran out: the day after its due date (today when later). */
function overdueJob(id: string, clock: string, dueOn: CivilDate, today: CivilDate): PlannedJob {
  return {
    jobId: `app-${id}.${clock}-overdue.${dueOn}`,
    applicationId: id,
    kind: "deadline.overdue",
    runOn: maxDate(addDays(dueOn, 1), today),
    payload: { v: 1, clock, dueOn },
  };
}

function reminderJob(
  id: string,
  clock: string,
  dueOn: CivilDate,
  offset: number,
  runOn: CivilDate,
): PlannedJob {
  return {
    jobId: `app-${id}.${clock.replace(":", "-")}-remind-${offset}wd.${dueOn}`,
    applicationId: id,
    kind: "deadline.reminder",
    runOn,
    payload: { v: 1, clock, dueOn, offset },
  };
}

/** After the reply: only a re-reply's clock, reminders before it and its overdue escalation. */
function planReReplyJobs(args: Parameters<typeof planDeadlineJobs>[0]): PlannedJob[] {
  const { applicationId: id, deadlines, today } = args;
  const clock = deadlines.reReply;
  if (!clock || (clock.state !== "running" && clock.state !== "missed")) return [];
  const reminders = clock.state === "running" ? clockReminders(id, "reReply", clock.dueOn, args) : [];
  return [...reminders, overdueJob(id, "reReply", clock.dueOn, today)];
}
