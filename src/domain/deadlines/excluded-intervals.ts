import type { WorkingCalendar } from "../calendar/calendar.ts";
import type { CaseFacts } from "../case-facts.ts";
import { type CivilDate, minDate } from "../civil-date.ts";
import { CONSULTATION_PARTY_LABELS } from "../vocabulary.ts";
import { consultationWindowEnd, feeWindowEnd } from "./window-ends.ts";

/** Days d with from < d ≤ to are excluded from the reply clock (art. 33 ¶3; fee policy). */
export interface ExcludedInterval {
  from: CivilDate;
  to: CivilDate;
  /** Still open: `to` is the window's last day, a projection. */
  isOpen: boolean;
  label: string;
  /** Why the days do not count: the article, or the policy when no article says it. */
  basis: string;
}

/** art. 33 ¶3: consultation time does not count. */
const CONSULTATION_BASIS = "第三十三条第三款";
/**
 * Policy (DOMAIN.md §5): no article excludes the fee period; the agency's practice under the fee
 * rules (国办函〔2020〕109号) is to leave notice → payment out of the reply period.
 */
const FEE_BASIS = "收费规定（国办函〔2020〕109号）下的办理规则：收费通知至缴费期间不计入";

/** The consultation and fee intervals of a case, each ended by its answer or its window's end. */
export function excludedIntervals(facts: CaseFacts, calendar: WorkingCalendar): ExcludedInterval[] {
  const out: ExcludedInterval[] = [];
  for (const c of facts.consultations) {
    const windowEnd = consultationWindowEnd(c, calendar);
    const answered = c.answeredOn ?? (c.expiredOn ? windowEnd : undefined);
    out.push({
      from: c.startedOn,
      to: answered ? minDate(answered, windowEnd) : windowEnd,
      isOpen: answered === undefined,
      label: `征求意见：${CONSULTATION_PARTY_LABELS[c.party].replace(/（.*）/, "")}“${c.name}”`,
      basis: CONSULTATION_BASIS,
    });
  }
  if (facts.fee) {
    const windowEnd = feeWindowEnd(facts.fee, calendar);
    const paid = facts.fee.paidOn;
    out.push({
      from: facts.fee.notifiedOn,
      to: paid ?? windowEnd,
      isOpen: paid === undefined && facts.fee.expiredOn === undefined,
      label: "收费通知至缴费",
      basis: FEE_BASIS,
    });
  }
  return out.sort((a, b) => a.from.localeCompare(b.from));
}

/** Merges overlapping or touching intervals, so no day is excluded twice. */
export function mergeIntervals(intervals: readonly ExcludedInterval[]): ExcludedInterval[] {
  const sorted = [...intervals].sort((a, b) => a.from.localeCompare(b.from));
  const merged: ExcludedInterval[] = [];
  for (const iv of sorted) {
    const last = merged[merged.length - 1];
    if (last && iv.from <= last.to) {
      if (iv.to > last.to) last.to = iv.to;
      last.isOpen ||= iv.isOpen;
      last.label = `${last.label}；${iv.label}`;
      if (!last.basis.includes(iv.basis)) last.basis = `${last.basis}；${iv.basis}`;
    } else {
      merged.push({ ...iv });
    }
  }
  return merged;
}
