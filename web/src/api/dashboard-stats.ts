/**
 * The dashboard's figures. There is no statistics endpoint in API v1, so this client function
 * computes them from list pages (100 cases a page, a few pages at a time). It is the one place
 * to switch to `GET /api/v1/stats?agency=&year=` (asked of the lead) once that exists: the page
 * reads only DashboardStats.
 */
import type { WorkingCalendar } from "@domain/calendar/calendar.ts";
import type { CivilDate } from "@domain/civil-date.ts";
import { listApplications } from "./endpoints.ts";
import type { Application, ListQuery } from "./types.ts";

export interface DashboardStats {
  year: number;
  /** Applications received in each month of the year (12 numbers). */
  receivedPerMonth: number[];
  /** Applications received in the year with an outcome, by outcome id. */
  outcomes: Record<string, number>;
  /** Replies (decisions) to the year's applications, and those given by the reply deadline. */
  decisions: number;
  onTime: number;
  /** Mean working days from receipt to reply, over those decisions (null when none). */
  averageWorkdaysToReply: number | null;
  /** Open cases past their reply deadline today, by handler. */
  overdueByHandler: { handler: string; count: number }[];
  /** How many of the year's cases were read, and whether the read stopped early. */
  scanned: number;
  total: number;
  truncated: boolean;
}

const PAGE_SIZE = 100;
const MAX_PAGES = 200;
const PARALLEL = 4;

async function readAll(query: ListQuery, onProgress?: (read: number, total: number) => void) {
  const first = await listApplications({ ...query, page: 1, pageSize: PAGE_SIZE });
  const pages = Math.min(Math.ceil(first.total / PAGE_SIZE), MAX_PAGES);
  const items: Application[] = [...first.items];
  onProgress?.(items.length, first.total);
  for (let start = 2; start <= pages; start += PARALLEL) {
    const batch = [];
    for (let p = start; p < start + PARALLEL && p <= pages; p++) {
      batch.push(listApplications({ ...query, page: p, pageSize: PAGE_SIZE }));
    }
    for (const page of await Promise.all(batch)) items.push(...page.items);
    onProgress?.(items.length, first.total);
  }
  return { items, total: first.total, truncated: pages * PAGE_SIZE < first.total };
}

export async function fetchDashboardStats(args: {
  agency?: string;
  year: number;
  today: CivilDate;
  calendar: WorkingCalendar;
  onProgress?: (read: number, total: number) => void;
}): Promise<DashboardStats> {
  const scope = args.agency ? { agency: args.agency } : {};
  const [year, overdue] = await Promise.all([
    readAll(
      { ...scope, receivedFrom: `${args.year}-01-01`, receivedTo: `${args.year}-12-31` },
      args.onProgress,
    ),
    readAll({ ...scope, dueBefore: args.today }),
  ]);
  const receivedPerMonth = Array.from({ length: 12 }, () => 0);
  const outcomes: Record<string, number> = {};
  let decisions = 0;
  let onTime = 0;
  let workdays = 0;
  for (const a of year.items) {
    const month = Number(a.receivedOn.slice(5, 7)) - 1;
    receivedPerMonth[month] = (receivedPerMonth[month] ?? 0) + 1;
    if (a.outcome) outcomes[a.outcome] = (outcomes[a.outcome] ?? 0) + 1;
    const reply = a.deadlines.reply;
    if (reply.doneOn && (reply.state === "met" || reply.state === "missed")) {
      decisions++;
      if (reply.state === "met") onTime++;
      workdays += args.calendar.countWorkdays(a.receivedOn as CivilDate, reply.doneOn as CivilDate);
    }
  }
  const byHandler = new Map<string, number>();
  for (const a of overdue.items) {
    const h = a.handler ?? "（未指定承办人）";
    byHandler.set(h, (byHandler.get(h) ?? 0) + 1);
  }
  return {
    year: args.year,
    receivedPerMonth,
    outcomes,
    decisions,
    onTime,
    averageWorkdaysToReply: decisions > 0 ? workdays / decisions : null,
    overdueByHandler: [...byHandler]
      .map(([handler, count]) => ({ handler, count }))
      .sort((x, y) => y.count - x.count),
    scanned: year.items.length,
    total: year.total,
    truncated: year.truncated,
  };
}
