import { type CivilDate, compareDates } from "../domain/civil-date.ts";
import { NOTIFYING_EVENTS, type NoticeKind } from "./notice-kinds.ts";

/** The event as the relay sees it. */
export interface NoticeCandidate {
  type: string;
  effectiveOn: CivilDate;
  isSuperseded: boolean;
  /** Written by the ledger import's transaction. */
  isImported: boolean;
}

export type NoticeVerdict =
  | { kind: NoticeKind; status: "pending" }
  | {
      kind: NoticeKind;
      status: "skipped" | "cancelled";
      reason: "backdated" | "imported" | "superseded";
    };

/**
 * Whether an event notifies the applicant. Never: a superseded event (DOMAIN.md §5: kept in the
 * log, ignored by every read); what the ledger import wrote (past years typed in); an event dated
 * before `earliest` (today less OGI_NOTICE_RECENT_WORKDAYS working days: a history backdated by a
 * clerk mails nobody about things long past). Who recorded it does not matter otherwise: a clerk,
 * the portal acting for the applicant, the workers (an automatic closure). Undefined: the event
 * type never notifies.
 */
export function decideNotice(e: NoticeCandidate, earliest: CivilDate): NoticeVerdict | undefined {
  const kind = NOTIFYING_EVENTS[e.type];
  if (!kind) return undefined;
  if (e.isSuperseded) return { kind, status: "cancelled", reason: "superseded" };
  if (e.isImported) return { kind, status: "skipped", reason: "imported" };
  if (compareDates(e.effectiveOn, earliest) < 0) return { kind, status: "skipped", reason: "backdated" };
  return { kind, status: "pending" };
}
