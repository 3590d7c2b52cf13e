/**
 * The shapes the application service takes and gives: the inputs of API.md (already validated
 * by the HTTP layer's zod schemas, which are typed against these) and the Application view.
 */
import type { ApiState, ApplicationFlags } from "../../machines/api-state.ts";
import type { ActionType } from "../domain/application-events.ts";
import type { ProposalFacts } from "../domain/case-facts.ts";
import type { CivilDate } from "../domain/civil-date.ts";
import type { Clock, ClockKind } from "../domain/deadlines/clock.ts";
import type { IdType } from "../domain/identity-numbers.ts";
import type { OutcomeId } from "../domain/outcomes.ts";
import type { PersonalDataMode } from "../domain/personal-data.ts";
import type {
  ApplicantType,
  Channel,
  ConsultationParty,
  DeliveryMethod,
  FeeBasis,
} from "../domain/vocabulary.ts";
import type { WorklistSort, WorklistView } from "./worklist-query.ts";

/** An outgoing document's service at sending (DOMAIN.md §5); default: the application's channel. */
interface ServiceInput {
  sentBy?: DeliveryMethod | undefined;
  receivedByAddresseeOn?: CivilDate | undefined;
}

/** What a reply decides besides its outcome (art. 36, 37). */
interface ReplyInput {
  replyText?: string | undefined;
  reasons?: string | undefined;
  holdingAgency?: string | undefined;
  disclosure?: "provided" | "already_public" | undefined;
}

export interface Applicant {
  type: ApplicantType;
  name: string;
  /** Absent on older cases and ledger rows: the number is then kept as given, unchecked. */
  idType?: IdType | undefined;
  idNumber?: string | undefined;
  /** An organisation's 法定代表人或主要负责人 (the portal asks for it; issue 12). */
  legalRepresentative?: string | undefined;
  /** An organisation's 联系人 (the portal asks for it; issue 12). */
  contactPerson?: string | undefined;
  phone?: string | undefined;
  email?: string | undefined;
  address?: string | undefined;
}

export interface RegisterInput {
  agencyCode: string;
  channel: Channel;
  /** The art. 31 receipt date (DOMAIN.md §4). */
  receivedOn: CivilDate;
  applicant: Applicant;
  description: string;
  deliveryForm?: string | undefined;
  /** The 挂号单号 of a posted application (channel `post` only). */
  trackingNumber?: string | undefined;
  handlerUsername?: string | undefined;
  /** The number of the case in a paper ledger (台账编号), kept in the registration event. */
  ledgerNo?: string | undefined;
  /** Required when receivedOn falls in a year whose report is closed (see ActionInput). */
  amendmentReason?: string | undefined;
}

interface ActionBase {
  /** The effective date: not in the future, not before the previous event. */
  on: CivilDate;
  expectedVersion?: number | undefined;
  /** Free text kept in the log. */
  reason?: string | undefined;
  /**
   * Required when `on` falls in a year whose annual report is closed: the action then amends
   * that year's report (a new report version), and this is its reason.
   */
  amendmentReason?: string | undefined;
}

export type ActionInput = ActionBase &
  (
    | ({ type: "request_supplement"; items: string[]; windowWorkdays?: number | undefined } & ServiceInput)
    | { type: "receive_supplement" }
    | ({
        type: "start_consultation";
        party: ConsultationParty;
        name: string;
        windowWorkdays?: number | undefined;
        /** Another agency: the date set for its answer. */
        dueOn?: CivilDate | undefined;
      } & ServiceInput)
    | { type: "end_consultation"; consultationId: string }
    | { type: "extend"; workdays: number; reason: string }
    | ({
        type: "issue_fee_notice";
        basis: FeeBasis;
        amountYuan: number;
        quantity?: number | undefined;
        itemsEarlierThisMonth?: number | undefined;
        amountReason?: string | undefined;
        paymentMethod?: string | undefined;
        receivedByApplicantOn?: CivilDate | undefined;
      } & ServiceInput)
    | { type: "receive_fee" }
    | { type: "set_custom_deadline"; dueOn: CivilDate; reason: string }
    | ({ type: "decide"; outcome: OutcomeId } & ReplyInput & ServiceInput)
    | { type: "withdraw" }
    | { type: "deliver"; method: string }
    | { type: "archive" }
    | ({ type: "propose_decision"; outcome: OutcomeId } & ReplyInput)
    | { type: "request_extension"; workdays: number; reason: string }
    | { type: "return_proposal"; reason: string }
    | {
        type: "record_receipt";
        /** The seq of the event that sent the document (supplement notice, consultation, fee notice, reply). */
        documentEventSeq: number;
        /** The addressee's signature date; default: `on`. */
        receivedOn?: CivilDate | undefined;
        trackingNumber?: string | undefined;
      }
    /** 重新答复 after a corrected review or a judgment (DOMAIN.md §3). */
    | ({ type: "re_reply"; outcome: OutcomeId } & ReplyInput & ServiceInput)
    /** The handler takes its pending proposal back. */
    | { type: "withdraw_proposal" }
    /** 分办 / 转办 to an enabled handler of the case's agency; 转办 needs `reason`. */
    | { type: "assign"; handlerUsername: string }
    | { type: "amend_registration"; changes: RegistrationChanges }
  );

/** 更正登记信息: the registration fields corrected (the applicant as a whole). */
export interface RegistrationChanges {
  applicant?: Applicant | undefined;
  description?: string | undefined;
  channel?: Channel | undefined;
  receivedOn?: CivilDate | undefined;
  deliveryForm?: string | undefined;
  trackingNumber?: string | undefined;
}

export type ClockView = Pick<Clock, "dueOn" | "explanation" | "state" | "label" | "startsOn"> & {
  provisional: boolean;
  doneOn?: CivilDate;
  id?: string;
  /** The window waits for a posted document's recorded receipt (DOMAIN.md §5). */
  awaitingReceipt?: true;
};

export interface EventView {
  seq: number;
  type: string;
  on: CivilDate;
  actor: string;
  enteredAt: string;
  payload: Record<string, unknown>;
  reason: string | null;
  /**
   * An automatic event the history no longer owes (DOMAIN.md §5): the entry that caused it and
   * the day it was superseded. Kept in the log; ignored by the state, reports and letters.
   */
  superseded: null | { bySeq: number; on: CivilDate };
}

export interface ApplicationView {
  id: string;
  trackingNo: string;
  agencyCode: string;
  agencyName: string;
  state: ApiState;
  stateLabel: string;
  flags: ApplicationFlags;
  /** Masked (`maskApplicant`) unless `personalData` is "full" (src/domain/personal-data.ts). */
  applicant: Applicant;
  /** Whether `applicant` carries the personal fields as stored or masked. */
  personalData: PersonalDataMode;
  description: string;
  channel: Channel;
  receivedOn: CivilDate;
  deliveryForm: string | null;
  /** The 挂号单号 of a posted application, null when none was recorded. */
  trackingNumber: string | null;
  handler: string | null;
  outcome: OutcomeId | null;
  dispositionOn: CivilDate | null;
  deadlines: {
    reply: ClockView;
    supplementNotice?: ClockView;
    supplementWindow?: ClockView;
    feePayment?: ClockView;
    consultations?: ClockView[];
    /** Posted documents whose signature date is to be recorded (送达登记). */
    receipts?: ClockView[];
    /** 重新答复, once a review or a court ordered it. */
    reReply?: ClockView;
  };
  allowedActions: ActionType[];
  version: number;
  /** The handler's proposal waiting for the approver, or null. */
  proposal: ProposalFacts | null;
  events?: EventView[];
  /** List items: the case's most urgent open clock today (the 待办 order), null when none runs. */
  nextDue?: NextDue | null;
}

/** The clock that runs out first (worklist-clocks.ts), as the 工作台 shows it. */
export interface NextDue {
  kind: ClockKind;
  label: string;
  dueOn: CivilDate;
}

export interface ListFilters {
  agency?: string | undefined;
  state?: ApiState | undefined;
  dueBefore?: CivilDate | undefined;
  /** The 工作台's tab (issue 11): 待办, 我承办的, 已办, 全部. */
  view?: WorklistView | undefined;
  /** The column to order by (default: the tab's order, else the reply deadline), and its direction (default asc). */
  sort?: WorklistSort | undefined;
  order?: "asc" | "desc" | undefined;
  q?: string | undefined;
  applicantType?: ApplicantType | undefined;
  channel?: Channel | undefined;
  receivedFrom?: CivilDate | undefined;
  receivedTo?: CivilDate | undefined;
  mine?: boolean | undefined;
  /** `approval`: only cases with a proposal waiting for the approver. */
  awaiting?: "approval" | undefined;
  /** false: the open cases without a handler (to 分办); true: the cases with one. */
  assigned?: boolean | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}
