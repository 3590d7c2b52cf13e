import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from "kysely";
import { AppError } from "../app-error.ts";
import type { Database } from "../db/schema.ts";
import { isWithinPath } from "../db/subtree.ts";
import type { CaseFacts } from "../domain/case-facts.ts";
import { isOnTimeAsOf } from "../domain/case-predicates.ts";
import { civilDateInChina } from "../domain/civil-date.ts";
import { OUTCOME_IDS, type OutcomeId } from "../domain/outcomes.ts";
import type { Actor } from "./actor.ts";
import { canSeeAgency } from "./actor.ts";
import type { CalendarStore } from "./calendar-store.ts";

export interface StatsQuery {
  /** An agency the actor may see; default the actor's own. */
  agency?: string | undefined;
  year: number;
  /** The agency and all below it (supervisors and the system administrator only). */
  includeSubtree?: boolean | undefined;
}

/** The dashboard's figures of one year for one agency or a subtree. */
export interface Stats {
  /** The agency (or the subtree's top); null only for an actor without an agency (the system). */
  agencyCode: string | null;
  year: number;
  scope: "agency" | "subtree";
  /** Applications received in each month of the year (12 numbers). */
  receivedByMonth: number[];
  /** Dispositions in the year (decisions, withdrawals, automatic closures) by outcome. */
  outcomes: Record<OutcomeId, number>;
  /** Replies (dispositions by decision) in the year, and those given by the reply deadline. */
  decided: number;
  onTime: number;
  /**
   * Open cases whose reply deadline fell in the year and has passed (today): already late, so
   * counted as such by the rate (isOnTimeAsOf, domain/case-predicates.ts).
   */
  lateOpen: number;
  /** onTime / (decided + lateOpen), rounded to 3 decimals; null when both are 0. */
  onTimeRate: number | null;
  /** Mean working days from receipt to reply over the year's replies (one decimal); null when none. */
  averageWorkdaysToReply: number | null;
  /** Open cases past their reply deadline today, by handler (null: none assigned), most first
   * (unassigned last among equals). */
  overdueByHandler: { handler: string | null; count: number }[];
  /**
   * The supervisor's overview (scope "subtree" only, else empty): each agency of the subtree in
   * tree order, with its figures computed as the totals above.
   */
  agencies: AgencyStats[];
}

export interface AgencyStats {
  agencyCode: string;
  agencyName: string;
  /** Open cases now, and those of them past their reply deadline today. */
  open: number;
  overdue: number;
  decided: number;
  onTime: number;
  lateOpen: number;
  onTimeRate: number | null;
}

export interface StatsService {
  getStats(actor: Actor, query: StatsQuery): Promise<Stats>;
}

type Scope =
  | { kind: "agency"; code: string | null; agencyId: number }
  | { kind: "subtree"; code: string | null; path: string };

export function makeStatsService(deps: {
  db: Kysely<Database>;
  calendars: CalendarStore;
  now: () => Date;
}): StatsService {
  const { db } = deps;

  /** Which agencies the figures cover: as listApplications decides what a user may see. */
  async function resolveScope(actor: Actor, q: StatsQuery): Promise<Scope> {
    const mayTakeSubtree = actor.isSystemAdmin || actor.roles.includes("supervisor");
    if (q.agency !== undefined) {
      const agency = await db
        .selectFrom("agencies")
        .select(["id", "path", "code"])
        .where("code", "=", q.agency)
        .executeTakeFirst();
      if (!agency || !canSeeAgency(actor, agency.path)) {
        throw new AppError("not_found", { message: `机关“${q.agency}”不存在，或不在您的查看范围内` });
      }
      return q.includeSubtree && mayTakeSubtree
        ? { kind: "subtree", code: agency.code, path: agency.path }
        : { kind: "agency", code: agency.code, agencyId: agency.id };
    }
    if (actor.agencyId === null || actor.agencyPath === null) {
      if (actor.isSystemAdmin) return { kind: "subtree", code: null, path: "/" };
      throw new AppError("not_found", { message: "您的账号未属于任何机关，无可查看的统计" });
    }
    return q.includeSubtree && mayTakeSubtree
      ? { kind: "subtree", code: actor.agencyCode, path: actor.agencyPath }
      : { kind: "agency", code: actor.agencyCode, agencyId: actor.agencyId };
  }

  function inScope(scope: Scope) {
    return (eb: ExpressionBuilder<Database & { a: Database["applications"] }, "a">): Expression<SqlBool> =>
      scope.kind === "agency"
        ? eb("a.agency_id", "=", scope.agencyId)
        : eb(
            "a.agency_id",
            "in",
            eb.selectFrom("agencies as tree").select("tree.id").where(isWithinPath("tree.path", scope.path)),
          );
  }

  return {
    async getStats(actor, q) {
      const scope = await resolveScope(actor, q);
      const first = `${q.year}-01-01`;
      const last = `${q.year}-12-31`;
      const today = civilDateInChina(deps.now());
      const where = inScope(scope);
      // One connection on PGlite: the queries run one after another.
      const received = await db
        .selectFrom("applications as a")
        .select([
          sql<number>`extract(month from a.received_on)::int`.as("month"),
          sql<number>`count(*)::int`.as("n"),
        ])
        .where(where)
        .where("a.received_on", ">=", first)
        .where("a.received_on", "<=", last)
        .groupBy(sql`extract(month from a.received_on)`)
        .execute();
      const disposed = await db
        .selectFrom("applications as a")
        .select(["a.outcome", sql<number>`count(*)::int`.as("n")])
        .where(where)
        .where("a.outcome", "is not", null)
        .where("a.disposition_on", ">=", first)
        .where("a.disposition_on", "<=", last)
        .groupBy("a.outcome")
        .execute();
      const overdue = await db
        .selectFrom("applications as a")
        .leftJoin("users as u", "u.id", "a.handler_user_id")
        .select(["a.handler_user_id", "u.display_name", sql<number>`count(*)::int`.as("n")])
        .where(where)
        .where("a.disposition_on", "is", null)
        .where("a.reply_due_on", "<", today)
        .groupBy(["a.handler_user_id", "u.display_name"])
        .execute();
      const openByAgency = await db
        .selectFrom("applications as a")
        .select([
          "a.agency_id",
          sql<number>`count(*)::int`.as("open"),
          sql<number>`count(*) filter (where a.reply_due_on < ${today})::int`.as("overdue"),
        ])
        .where(where)
        .where("a.disposition_on", "is", null)
        .groupBy("a.agency_id")
        .execute();
      // The facts the on-time rule reads: the year's dispositions, and the open cases whose reply
      // deadline fell in the year before today.
      const timed = await db
        .selectFrom("applications as a")
        .select(["a.agency_id", sql<CaseFacts>`a.snapshot->'context'->'facts'`.as("facts")])
        .where(where)
        .where((eb) =>
          eb.or([
            eb.and([eb("a.disposition_on", ">=", first), eb("a.disposition_on", "<=", last)]),
            eb.and([
              eb("a.disposition_on", "is", null),
              eb("a.reply_due_on", ">=", first),
              eb("a.reply_due_on", "<=", last),
              eb("a.reply_due_on", "<", today),
            ]),
          ]),
        )
        .execute();
      const calendar = await deps.calendars.get();

      const receivedByMonth = Array.from({ length: 12 }, () => 0);
      for (const r of received) receivedByMonth[Number(r.month) - 1] = Number(r.n);
      const outcomes = Object.fromEntries(OUTCOME_IDS.map((id) => [id, 0])) as Record<OutcomeId, number>;
      for (const r of disposed) outcomes[r.outcome as OutcomeId] = Number(r.n);
      const perAgency = new Map<number, { decided: number; onTime: number; lateOpen: number }>();
      const totals = { decided: 0, onTime: 0, lateOpen: 0 };
      let workdays = 0;
      for (const { agency_id, facts } of timed) {
        const verdict = isOnTimeAsOf(facts, calendar, today);
        if (verdict === undefined) continue;
        const byReply = facts.disposition !== undefined;
        const t = perAgency.get(agency_id) ?? { decided: 0, onTime: 0, lateOpen: 0 };
        for (const x of [t, totals]) {
          if (byReply) x.decided++;
          else x.lateOpen++;
          if (verdict) x.onTime++;
        }
        perAgency.set(agency_id, t);
        if (facts.disposition) workdays += calendar.countWorkdays(facts.receivedOn, facts.disposition.on);
      }
      const rate = (x: { decided: number; onTime: number; lateOpen: number }) =>
        x.decided + x.lateOpen > 0 ? Math.round((x.onTime / (x.decided + x.lateOpen)) * 1000) / 1000 : null;
      const agencies: AgencyStats[] = [];
      if (scope.kind === "subtree") {
        const rows = await db
          .selectFrom("agencies")
          .select(["id", "code", "name"])
          .where(isWithinPath("path", scope.path))
          .orderBy("path")
          .execute();
        for (const r of rows) {
          const open = openByAgency.find((o) => o.agency_id === r.id);
          const t = perAgency.get(r.id) ?? { decided: 0, onTime: 0, lateOpen: 0 };
          agencies.push({
            agencyCode: r.code,
            agencyName: r.name,
            open: Number(open?.open ?? 0),
            overdue: Number(open?.overdue ?? 0),
            ...t,
            onTimeRate: rate(t),
          });
        }
      }
      const decisions = totals.decided;
      return {
        agencyCode: scope.code,
        year: q.year,
        scope: scope.kind,
        receivedByMonth,
        outcomes,
        decided: decisions,
        onTime: totals.onTime,
        lateOpen: totals.lateOpen,
        onTimeRate: rate(totals),
        averageWorkdaysToReply: decisions > 0 ? Math.round((workdays / decisions) * 10) / 10 : null,
        overdueByHandler: overdue
          .map((r) => ({ handler: r.display_name ?? null, count: Number(r.n) }))
          .sort(
            (x, y) =>
              y.count - x.count ||
              Number(x.handler === null) - Number(y.handler === null) ||
              (x.handler ?? "").localeCompare(y.handler ?? "", "zh"),
          ),
        agencies,
      };
    },
  };
}
