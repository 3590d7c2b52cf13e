import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema.ts";
import { isWithinPath } from "../db/subtree.ts";
import type { CaseFacts } from "../domain/case-facts.ts";
import type { CivilDate } from "../domain/civil-date.ts";
import type { OutcomeId } from "../domain/outcomes.ts";
import type { Table3Group } from "../domain/tabulation/bucket-record.ts";
import type { AppealRecord } from "../domain/tabulation/table4-types.ts";
import {
  type AppealKind,
  type AppealResult,
  type ApplicantType,
  CHANNELS,
  type Channel,
} from "../domain/vocabulary.ts";
import { LETTER_FAMILIES, type LetterFamily } from "../letters/letter-kinds.ts";
import { zeroLetters } from "./report-types.ts";

export type Db = Kysely<Database>;

export interface AgencyGroup extends Table3Group {
  agencyId: number;
  /** The group's applications by channel (they add up to `count`). */
  byChannel: Record<Channel, number>;
}

/**
 * Which agencies a query covers: their ids, and for a whole subtree also its path prefix, which
 * lets PostgreSQL scan in parallel instead of probing the index once per agency.
 */
export interface AgencyScope {
  ids: readonly number[];
  subtreePath?: string | undefined;
}

function yearBounds(year: number) {
  return { first: `${year}-01-01`, last: `${year}-12-31` };
}

/**
 * Table 三's input for year Y in ONE grouped query for all the agencies of the scope: the
 * applications by agency, applicant type, outcome and the buckets of their receipt and
 * disposition dates, with a count per channel (for the narrative). The WHERE clause leaves out
 * what classifyForTable3 puts in no row (received after Y; received and disposed of before Y),
 * so a receipt is before or in Y and a disposition is none, in or after Y: one boolean each,
 * which keeps PostgreSQL's estimate of the groups small enough for a hash aggregate.
 */
export async function fetchTable3Groups(db: Db, scope: AgencyScope, year: number): Promise<AgencyGroup[]> {
  if (scope.ids.length === 0) return [];
  const rows = await table3GroupsQuery(db, scope, year).execute();
  const wanted = new Set(scope.ids);
  return rows
    .filter((r) => wanted.has(r.agency_id))
    .map((r) => ({
      agencyId: r.agency_id,
      applicantType: r.applicant_type as ApplicantType,
      outcome: r.outcome as OutcomeId | null,
      received: r.received_in ? "in" : "before",
      disposition: r.disposed_in === null ? null : r.disposed_in ? "in" : "after",
      count: Number(r.n),
      byChannel: Object.fromEntries(CHANNELS.map((c) => [c, Number(r[c])])) as Record<Channel, number>,
    }));
}

/** The query of fetchTable3Groups (exported for EXPLAIN in the benchmark). */
export function table3GroupsQuery(db: Db, scope: AgencyScope, year: number) {
  const { first, last } = yearBounds(year);
  const perChannel = CHANNELS.map((c) => sql<number>`count(*) filter (where channel = ${c})::int`.as(c));
  return db
    .selectFrom("applications")
    .select([
      "agency_id",
      "applicant_type",
      "outcome",
      sql<boolean>`received_on >= ${first}::date`.as("received_in"),
      sql<boolean | null>`disposition_on <= ${last}::date`.as("disposed_in"),
      sql<number>`count(*)::int`.as("n"),
      ...perChannel,
    ])
    .where((eb) =>
      scope.subtreePath === undefined
        ? eb("agency_id", "in", scope.ids)
        : eb(
            "agency_id",
            "in",
            eb
              .selectFrom("agencies as tree")
              .select("tree.id")
              .where(isWithinPath("tree.path", scope.subtreePath)),
          ),
    )
    .where("received_on", "<=", last)
    .where((eb) => eb.or([eb("disposition_on", "is", null), eb("disposition_on", ">=", first)]))
    .groupBy(["agency_id", "applicant_type", "outcome", "received_in", "disposed_in"]);
}

/** Reviews and lawsuits filed in year Y about the agencies' applications (table 四's input). */
export async function fetchAppeals(
  db: Db,
  agencyIds: readonly number[],
  year: number,
): Promise<(AppealRecord & { agencyId: number })[]> {
  if (agencyIds.length === 0) return [];
  const { first, last } = yearBounds(year);
  const rows = await db
    .selectFrom("appeals as p")
    .innerJoin("applications as a", "a.id", "p.application_id")
    .select(["p.id", "p.application_id", "p.kind", "p.filed_on", "p.result", "p.result_on", "a.agency_id"])
    .where("a.agency_id", "in", agencyIds)
    .where("p.filed_on", ">=", first)
    .where("p.filed_on", "<=", last)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    applicationId: r.application_id,
    kind: r.kind as AppealKind,
    filedOn: r.filed_on as CivilDate,
    result: r.result as AppealResult | null,
    resultOn: r.result_on as CivilDate | null,
    agencyId: r.agency_id,
  }));
}

/**
 * Fees paid in year Y, per agency: each fee.paid event dated in Y with the amount of the fee
 * notice (fee.notified) it paid, the latest one before it in the same case.
 */
export async function fetchFees(
  db: Db,
  agencyIds: readonly number[],
  year: number,
): Promise<Map<number, { count: number; amountYuan: number }>> {
  const result = new Map<number, { count: number; amountYuan: number }>();
  if (agencyIds.length === 0) return result;
  const { first, last } = yearBounds(year);
  const rows = await db
    .selectFrom("application_events as p")
    .innerJoin("applications as a", "a.id", "p.application_id")
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom("application_events as n")
          .select(sql<number>`(n.payload->>'amountYuan')::numeric`.as("amount"))
          .whereRef("n.application_id", "=", "p.application_id")
          .where("n.type", "=", "fee.notified")
          .whereRef("n.seq", "<", "p.seq")
          .orderBy("n.seq", "desc")
          .limit(1)
          .as("notice"),
      (join) => join.onTrue(),
    )
    .select([
      "a.agency_id",
      sql<number>`count(*)::int`.as("n"),
      sql<number>`coalesce(sum(notice.amount), 0)`.as("amount"),
    ])
    .where("a.agency_id", "in", agencyIds)
    .where("p.type", "=", "fee.paid")
    .where("p.superseded_by_seq", "is", null)
    .where("p.effective_on", ">=", first)
    .where("p.effective_on", "<=", last)
    .groupBy("a.agency_id")
    .execute();
  for (const r of rows) result.set(r.agency_id, { count: Number(r.n), amountYuan: Number(r.amount) });
  return result;
}

/** The facts of the agency's cases decided in year Y (for the on-time measure). */
export async function fetchDecidedFacts(
  db: Db,
  agencyIds: readonly number[],
  year: number,
): Promise<CaseFacts[]> {
  if (agencyIds.length === 0) return [];
  const { first, last } = yearBounds(year);
  const rows = await db
    .selectFrom("applications")
    .select(sql<CaseFacts>`snapshot->'context'->'facts'`.as("facts"))
    .where("agency_id", "in", agencyIds)
    .where("disposition_on", ">=", first)
    .where("disposition_on", "<=", last)
    .execute();
  return rows.map((r) => r.facts).filter((f) => f.disposition?.by === "decision");
}

/**
 * The letters numbered with a date in year Y, per agency and kind (the letters table keeps one row
 * per numbered letter; its `year` is the year of the letter's date and number).
 */
export async function fetchLetterCounts(
  db: Db,
  agencyIds: readonly number[],
  year: number,
): Promise<Map<number, Record<LetterFamily, number>>> {
  const result = new Map<number, Record<LetterFamily, number>>();
  if (agencyIds.length === 0) return result;
  const rows = await sql<{ agency_id: number; family: string; n: number }>`
    select agency_id, family, count(*)::int as n from letters
    where agency_id in (${sql.join([...agencyIds])}) and year = ${year}
    group by agency_id, family`.execute(db);
  for (const r of rows.rows) {
    if (!(LETTER_FAMILIES as readonly string[]).includes(r.family)) continue;
    const counts = result.get(r.agency_id) ?? zeroLetters();
    counts[r.family as LetterFamily] = Number(r.n);
    result.set(r.agency_id, counts);
  }
  return result;
}
