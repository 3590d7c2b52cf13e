/**
 * What the clocks of one application depend on, folded from its events: the lifecycle machine
 * keeps these in its context, and the deadline engine reads nothing else.
 */
import type { CivilDate } from "./civil-date.ts";
import type { OutcomeId } from "./outcomes.ts";
import type { ConsultationParty, DeliveryMethod, FeeBasis } from "./vocabulary.ts";

/**
 * An outgoing document's service (DOMAIN.md §5): sent on, how, and when the addressee received
 * it. `sentBy` is absent on documents recorded before it was asked: they count from sending.
 */
export interface DocumentService {
  sentBy?: DeliveryMethod;
  receivedOn?: CivilDate;
}

export interface ConsultationFacts {
  id: string;
  party: ConsultationParty;
  name: string;
  startedOn: CivilDate;
  /** The party's window in working days (art. 32, 34: 15). */
  windowWorkdays: number;
  /** Another agency: the date the agency set for its answer (replaces the working days). */
  dueOn?: CivilDate;
  /** The letter's service: the window counts from the party's receipt. */
  service?: DocumentService;
  answeredOn?: CivilDate;
  /** Date of the automatic event: the day after the window's last day. */
  expiredOn?: CivilDate;
}

export type ProposalKind = "decision" | "extension";

export interface ProposalFacts {
  kind: ProposalKind;
  /** Effective date of the proposal event. */
  on: CivilDate;
  outcome?: OutcomeId;
  replyText?: string;
  workdays?: number;
  reason?: string;
}

export interface CaseFacts {
  receivedOn: CivilDate;
  supplement?: {
    requestedOn: CivilDate;
    windowWorkdays: number;
    /** The notice's service: the window counts from the applicant's receipt. */
    service?: DocumentService;
    receivedOn?: CivilDate;
    expiredOn?: CivilDate;
  };
  consultations: ConsultationFacts[];
  extension?: { grantedOn: CivilDate; workdays: number };
  fee?: {
    notifiedOn: CivilDate;
    basis: FeeBasis;
    amountYuan: number;
    receivedByApplicantOn?: CivilDate;
    /** How the notice was sent (a posted one counts from the recorded receipt). */
    sentBy?: DeliveryMethod;
    paidOn?: CivilDate;
    expiredOn?: CivilDate;
  };
  customDeadline?: { setOn: CivilDate; dueOn: CivilDate };
  /**
   * The handler's pending proposal awaiting the approver (DOMAIN.md §3: the decision and the
   * extension are approved by the approver). One at a time: a second one is refused until the
   * approver decides, extends or returns it, or the handler withdraws it; cleared too when the
   * case leaves the states where it could be approved.
   */
  proposal?: ProposalFacts;
  /**
   * The handler the latest 分办/转办 in replay order gave the case to (absent: as registered).
   * Read by no guard and no clock: assignment is not a statutory step.
   */
  assignee?: { userId: number; username: string };
  /** How the case ended, when it has: the disposition date and outcome of the tables. */
  disposition?: { on: CivilDate; outcome: OutcomeId; by: "decision" | "withdrawal" | "automatic" };
  /** The reply letter's service, when recorded. */
  replyService?: DocumentService;
  /**
   * A new reply ordered after a review or a judgment corrected the first (DOMAIN.md §3). The
   * disposition and the tables keep the first reply; this has its own clock and letter.
   */
  reReply?: {
    orderedOn: CivilDate;
    appealId: string;
    /** The period the decision set, when it set one. */
    dueOn?: CivilDate;
    issuedOn?: CivilDate;
    outcome?: OutcomeId;
  };
}
