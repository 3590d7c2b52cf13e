import { type CivilDate, compareDates } from "../domain/civil-date.ts";
import { NOTIFYING_EVENTS, type NoticeKind } from "./notice-kinds.ts";

/** The event as the relay sees it. */
export interface NoticeCandidate {
  type: string;
  /** null: written by the workers (`system`). */
  actorUserId: number | null;
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
      reason: "backdated" | "imported" | "superseded" | "source";
    };

/**
 * Whether an event notifies the applicant. Never: a superseded event (DOMAIN.md §5: kept in the
 * log, ignored by every read); what the ledger import wrote (past years typed in); an event dated
 * before `earliest` (today less OGI_NOTICE_RECENT_WORKDAYS working days: a history backdated by a
 * clerk mails nobody about things long past); a staff event written by the workers or an automatic
 * one written by a person. Undefined: the event type never notifies.
 */
export function decideNotice(e: NoticeCandidate, earliest: CivilDate): NoticeVerdict | undefined {
  const rule = NOTIFYING_EVENTS[e.type];
  if (!rule) return undefined;
  const { kind } = rule;
  if (e.isSuperseded) return { kind, status: "cancelled", reason: "superseded" };
  if (e.isImported) return { kind, status: "skipped", reason: "imported" };
  if ((rule.source === "system") !== (e.actorUserId === null))
    return { kind, status: "skipped", reason: "source" };
  if (compareDates(e.effectiveOn, earliest) < 0) return { kind, status: "skipped", reason: "backdated" };
  return { kind, status: "pending" };
}
