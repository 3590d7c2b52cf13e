import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from "kysely";
import { AppError } from "../app-error.ts";
import type { Database } from "../db/schema.ts";
import { isWithinPath } from "../db/subtree.ts";
import { civilDateInChina } from "../domain/civil-date.ts";
import { OUTCOME_IDS, type OutcomeId } from "../domain/outcomes.ts";
import { timelinessOf } from "../reports/compute-live-figures.ts";
import { fetchDecidedFacts } from "../reports/report-queries.ts";
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
  /** onTime / decided, rounded to 3 decimals; null when nothing was decided. */
  onTimeRate: number | null;
  /** Mean working days from receipt to reply over the year's replies (one decimal); null when none. */
  averageWorkdaysToReply: number | null;
  /** Open cases past their reply deadline today, by handler (null: none assigned), most first
   * (unassigned last among equals). */
  overdueByHandler: { handler: string | null; count: number }[];
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

  async function agencyIds(scope: Scope): Promise<number[]> {
    if (scope.kind === "agency") return [scope.agencyId];
    const rows = await db
      .selectFrom("agencies")
      .select("id")
      .where(isWithinPath("path", scope.path))
      .execute();
    return rows.map((r) => r.id);
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
      const facts = await fetchDecidedFacts(db, await agencyIds(scope), q.year);
      const calendar = await deps.calendars.get();

      const receivedByMonth = Array.from({ length: 12 }, () => 0);
      for (const r of received) receivedByMonth[Number(r.month) - 1] = Number(r.n);
      const outcomes = Object.fromEntries(OUTCOME_IDS.map((id) => [id, 0])) as Record<OutcomeId, number>;
      for (const r of disposed) outcomes[r.outcome as OutcomeId] = Number(r.n);
      const { decisions, onTime } = timelinessOf(facts, calendar);
      let workdays = 0;
      for (const f of facts) {
        if (f.disposition) workdays += calendar.countWorkdays(f.receivedOn, f.disposition.on);
      }
      return {
        agencyCode: scope.code,
        year: q.year,
        scope: scope.kind,
        receivedByMonth,
        outcomes,
        decided: decisions,
        onTime,
        onTimeRate: decisions > 0 ? Math.round((onTime / decisions) * 1000) / 1000 : null,
        averageWorkdaysToReply: decisions > 0 ? Math.round((workdays / decisions) * 10) / 10 : null,
        overdueByHandler: overdue
          .map((r) => ({ handler: r.display_name ?? null, count: Number(r.n) }))
          .sort(
            (x, y) =>
              y.count - x.count ||
              Number(x.handler === null) - Number(y.handler === null) ||
              (x.handler ?? "").localeCompare(y.handler ?? "", "zh"),
          ),
      };
    },
  };
}
