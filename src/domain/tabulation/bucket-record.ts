import { AppError } from "../../app-error.ts";
import { assertNever } from "../assert-never.ts";
import type { CivilDate } from "../civil-date.ts";
import type { OutcomeId } from "../outcomes.ts";
import type { ApplicantType } from "../vocabulary.ts";
import { editionForYear } from "./edition-for-year.ts";
import type { Table3Record } from "./table3-types.ts";

/** Where a date lies relative to report year Y: before 1 January, within Y, after 31 December. */
export type YearBucket = "before" | "in" | "after";

/** A group of applications that agree in everything classifyForTable3 reads for year Y. */
export interface Table3Group {
  applicantType: ApplicantType;
  outcome: OutcomeId | null;
  received: YearBucket;
  /** null while open. */
  disposition: YearBucket | null;
  count: number;
}

/**
 * The date that stands for a bucket. classifyForTable3 compares dates only with 1 January and
 * 31 December of Y, so any date of a bucket gives the same rows; these keep disposition ≥ receipt
 * whenever the real dates can (a disposition before a receipt in the same bucket pair is refused).
 */
function representative(year: number, bucket: YearBucket, side: "received" | "disposition"): CivilDate {
  switch (bucket) {
    case "before":
      return `${year - 1}-12-31` as CivilDate;
    case "in":
      return (side === "received" ? `${year}-01-01` : `${year}-12-31`) as CivilDate;
    case "after":
      return `${year + 1}-01-01` as CivilDate;
    default:
      return assertNever(bucket, "year bucket");
  }
}

const ORDER: Record<YearBucket, number> = { before: 0, in: 1, after: 2 };

/**
 * One weighted Table3Record for a group (e.g. a row of a database GROUP BY over the buckets), so
 * that the one classification (classifyForTable3) counts grouped rows exactly as it counts the
 * applications one by one.
 */
export function bucketRecord(group: Table3Group, year: number, id: string): Table3Record {
  editionForYear(year);
  if (group.disposition !== null && ORDER[group.disposition] < ORDER[group.received]) {
    throw new AppError("internal", {
      message: `申请分组“${id}”：办结日期（${group.disposition}）早于收到申请日期（${group.received}）`,
    });
  }
  return {
    id,
    applicantType: group.applicantType,
    receivedOn: representative(year, group.received, "received"),
    outcome: group.outcome,
    dispositionOn: group.disposition === null ? null : representative(year, group.disposition, "disposition"),
    count: group.count,
  };
}

/** The bucket of a date for year Y (the same rule the SQL grouping uses). */
export function yearBucket(date: CivilDate, year: number): YearBucket {
  if (date < `${year}-01-01`) return "before";
  if (date <= `${year}-12-31`) return "in";
  return "after";
}
