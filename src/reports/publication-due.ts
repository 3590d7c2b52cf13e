import type { AgencyKind } from "../db/schema.ts";
import { assertNever } from "../domain/assert-never.ts";
import { type CivilDate, civilDateInChina } from "../domain/civil-date.ts";
import type { ReportAgency } from "./report-access.ts";
import type { VersionRow } from "./report-store.ts";
import type { ReportStatusLine } from "./report-types.ts";

/**
 * art. 49: departments publish their annual report by 31 January, governments at every level
 * (townships included) by 31 March of the following year.
 */
export function publicationDueOn(kind: AgencyKind, year: number): CivilDate {
  switch (kind) {
    case "department":
      return `${year + 1}-01-31` as CivilDate;
    case "government":
    case "township":
      return `${year + 1}-03-31` as CivilDate;
    default:
      return assertNever(kind, "agency kind");
  }
}

/** An agency's report status for year Y against its due date, as of `now`. */
export function statusLine(
  agency: ReportAgency,
  year: number,
  latest: VersionRow | undefined,
  now: Date,
): ReportStatusLine {
  const dueOn = publicationDueOn(agency.kind, year);
  const closedOn = latest ? civilDateInChina(new Date(latest.closedAt)) : null;
  return {
    agencyCode: agency.code,
    agencyName: agency.name,
    agencyKind: agency.kind,
    status: latest ? "closed" : "draft",
    version: latest?.version ?? null,
    closedAt: latest?.closedAt ?? null,
    dueOn,
    isLate: closedOn === null ? civilDateInChina(now) > dueOn : closedOn > dueOn,
  };
}
