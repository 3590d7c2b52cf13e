import { AppError } from "../app-error.ts";
import type { WorkingCalendar } from "../domain/calendar/calendar.ts";
import { isRepliedOnTime } from "../domain/case-predicates.ts";
import { bucketRecord } from "../domain/tabulation/bucket-record.ts";
import { classifyForTable3 } from "../domain/tabulation/classify-for-table3.ts";
import { editionForYear } from "../domain/tabulation/edition-for-year.ts";
import type { Table3, Table3Record } from "../domain/tabulation/table3-types.ts";
import type { Table4 } from "../domain/tabulation/table4-types.ts";
import { tabulateTable3 } from "../domain/tabulation/tabulate-table3.ts";
import { tabulateTable4 } from "../domain/tabulation/tabulate-table4.ts";
import { CHANNELS, type Channel } from "../domain/vocabulary.ts";
import {
  type AgencyGroup,
  type AgencyScope,
  type Db,
  fetchAppeals,
  fetchDecidedFacts,
  fetchFees,
  fetchLetterCounts,
  fetchTable3Groups,
} from "./report-queries.ts";
import { type ReportFacts, zeroLetters } from "./report-types.ts";

/** One agency's figures of year Y computed now from its applications and appeals. */
export interface LiveFigures {
  table3: Table3;
  table4: Table4;
  facts: ReportFacts;
}

export interface LiveFiguresOptions {
  /** Computes the on-time measure (loads the facts of every case decided in Y); needs `calendar`. */
  calendar?: WorkingCalendar | undefined;
}

function zeroChannels(): Record<Channel, number> {
  return Object.fromEntries(CHANNELS.map((c) => [c, 0])) as Record<Channel, number>;
}

function groupId(g: AgencyGroup): string {
  return `${g.agencyId}|${g.applicantType}|${g.outcome}|${g.received}|${g.disposition}`;
}

/**
 * Table 三 from the groups, and row 一 by channel from the same groups (those that
 * classifyForTable3 counts in 一), which must add up to 一's 总计.
 */
function tabulateAgency(groups: readonly AgencyGroup[], year: number) {
  const records = groups.map((g) => bucketRecord(g, year, groupId(g)));
  const table3 = tabulateTable3(records, year);
  const byChannel = zeroChannels();
  groups.forEach((g, i) => {
    if (!classifyForTable3(records[i] as Table3Record, year).includes("new_received")) return;
    for (const c of CHANNELS) byChannel[c] += g.byChannel[c];
  });
  const sum = Object.values(byChannel).reduce((x, y) => x + y, 0);
  if (sum !== table3.rows.new_received.total) {
    throw new AppError("internal", {
      message: `按申请方式统计的新收申请（${sum}件）与表三“一”（${table3.rows.new_received.total}件）不一致：有申请方式不在词表中`,
    });
  }
  return { table3, byChannel };
}

function byAgency<T extends { agencyId: number }>(items: readonly T[]): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const item of items) {
    const list = map.get(item.agencyId);
    if (list) list.push(item);
    else map.set(item.agencyId, [item]);
  }
  return map;
}

/**
 * On time: the reply was issued on or before the statutory reply deadline as the deadline engine
 * computes it from the case's facts (extension, supplement restart, consultation and fee pauses,
 * art. 35 date). Only replies count (decisions), not withdrawals or automatic closures: pass
 * the facts of fetchDecidedFacts. Also the dashboard's measure (services/stats-service.ts).
 */
export function timelinessOf(
  facts: Awaited<ReturnType<typeof fetchDecidedFacts>>,
  calendar: WorkingCalendar,
): { decisions: number; onTime: number } {
  const onTime = facts.filter((f) => isRepliedOnTime(f, calendar)).length;
  return { decisions: facts.length, onTime };
}

/**
 * Tables 三 and 四 and the narrative's figures of year Y for each agency, with one grouped query
 * for table 三 over all of them (plus one each for appeals, fees and letters).
 */
export async function computeLiveFigures(
  db: Db,
  scope: AgencyScope,
  year: number,
  options: LiveFiguresOptions = {},
): Promise<Map<number, LiveFigures>> {
  editionForYear(year);
  const agencyIds = scope.ids;
  const [groups, appeals, fees, letters] = await Promise.all([
    fetchTable3Groups(db, scope, year),
    fetchAppeals(db, agencyIds, year),
    fetchFees(db, agencyIds, year),
    fetchLetterCounts(db, agencyIds, year),
  ]);
  const [groupsOf, appealsOf] = [byAgency(groups), byAgency(appeals)];
  const result = new Map<number, LiveFigures>();
  for (const agencyId of agencyIds) {
    const { table3, byChannel } = tabulateAgency(groupsOf.get(agencyId) ?? [], year);
    const table4 = tabulateTable4(appealsOf.get(agencyId) ?? [], year);
    let timeliness: ReportFacts["timeliness"] = null;
    if (options.calendar) {
      timeliness = timelinessOf(await fetchDecidedFacts(db, [agencyId], year), options.calendar);
    }
    const facts: ReportFacts = {
      receivedByChannel: byChannel,
      fees: fees.get(agencyId) ?? { count: 0, amountYuan: 0 },
      timeliness,
      letters: letters.get(agencyId) ?? zeroLetters(),
    };
    result.set(agencyId, { table3, table4, facts });
  }
  return result;
}
