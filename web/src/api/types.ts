/**
 * The shapes of the public API v1 (shared/API.md) as the UI reads them. The UI talks to the
 * server only through these; vocabularies and their Chinese labels come from GET /api/v1/meta.
 */

import type { WorklistSort, WorklistView } from "./worklist.ts";

export type Role = "intake" | "handler" | "approver" | "agency_admin" | "supervisor";
export type ApiState =
  | "registered"
  | "awaiting_supplement"
  | "in_progress"
  | "decided"
  | "delivered"
  | "archived"
  | "closed";
export type Channel = "in_person" | "post" | "ordinary_letter" | "online" | "fax";
export type ApplicantType =
  | "natural_person"
  | "commercial_enterprise"
  | "research_institution"
  | "social_welfare_org"
  | "legal_service_org"
  | "other_org";
export type ClockState = "running" | "paused" | "met" | "missed" | "lapsed";
/** How an outgoing document was sent (送达方式); labels in Meta.deliveryMethods. */
export type DeliveryMethod = "in_person" | "post" | "online" | "email" | "fax";
/** The outgoing documents whose service (送达) the case records. */
export type OutgoingDocument = "supplement_notice" | "consultation_letter" | "fee_notice" | "reply";

export interface UserInfo {
  username: string;
  displayName: string;
  agencyCode: string | null;
  agencyName: string | null;
  roles: Role[];
  isSystemAdmin: boolean;
  /** An administrator set the password: it must be changed before anything else. */
  mustChangePassword: boolean;
}

/** API clients get `token` and `expiresAt`; the web UI (`session: true`) the cookie and `csrfToken` only. */
export interface LoginReply {
  token?: string;
  expiresAt?: string;
  user: UserInfo;
  csrfToken?: string;
}

export interface MeReply {
  user: UserInfo;
  csrfToken?: string;
}

export interface Labelled<T extends string = string> {
  id: T;
  label: string;
}

/** A field a reply must state besides its outcome (API.md `decide`). */
export type ReplyField = "reasons" | "replyText" | "holdingAgency";

/** One way of replying with an outcome (予以公开: provided or already_public; …). */
export interface ReplyFormMeta {
  id: string;
  /** What the law makes this reply state: decide is refused (422) without it. */
  requires: ReplyField[];
  /** The letter's heading of `reasons` (不予公开的理由 …). */
  reasonsLabel?: string;
  /** The letter's heading of `replyText` when it has a role (提供方式, 办理途径 …). */
  replyTextLabel?: string;
}

export interface OutcomeMeta {
  id: string;
  group: string;
  label: string;
  shortLabel: string;
  basis: string;
  row2021: string;
  row2019: string;
  decidable: boolean;
  /** The forms of the reply; the first is the default. */
  replyForms?: ReplyFormMeta[];
}

/** What a reply decides besides its outcome (decide, propose_decision; art. 36, 37). */
export interface ReplyDetails {
  replyText?: string;
  reasons?: string;
  /** art. 36(五): the agency that holds the information. */
  holdingAgency?: string;
  /** 予以公开: provided (36(二), default) or already proactively disclosed (36(一)). */
  disclosure?: "provided" | "already_public";
}

export interface Meta {
  outcomes: OutcomeMeta[];
  outcomeGroups: Labelled[];
  actions: { type: string; label: string; roles: Role[] }[];
  states: Labelled<ApiState>[];
  flags: Labelled[];
  applicantTypes: Labelled<ApplicantType>[];
  /** Each channel with the way documents to the applicant go by default (送达方式). */
  channels: (Labelled<Channel> & { defaultDelivery?: DeliveryMethod })[];
  /** Each party with the way its consultation letter goes by default (post). */
  consultationParties: (Labelled & { defaultDelivery?: DeliveryMethod })[];
  feeBases: Labelled[];
  appealKinds: Labelled[];
  appealResults: Labelled[];
  roles: Labelled<Role>[];
  agencyKinds: Labelled[];
  deliveryMethods: Labelled<DeliveryMethod>[];
  outgoingDocuments: Labelled<OutgoingDocument>[];
}

export interface Applicant {
  type: ApplicantType;
  name: string;
  /** resident_id 居民身份证, passport, hk_mo_tw 港澳台居民证件, other, uscc 统一社会信用代码; absent on older cases. */
  idType?: "resident_id" | "passport" | "hk_mo_tw" | "other" | "uscc";
  idNumber?: string;
  phone?: string;
  email?: string;
  address?: string;
}

export interface ClockView {
  label: string;
  startsOn: string;
  dueOn: string;
  provisional: boolean;
  state: ClockState;
  explanation: string[];
  doneOn?: string;
  /**
   * A window clock (supplement, fee, consultation) or a receipt clock's id: `supplement_notice`,
   * `fee_notice`, `consultation_letter-<consultationId>`; a consultation clock's consultationId.
   */
  id?: string;
  /** The window counts from a posted document's receipt, not recorded yet: `dueOn` is a projection. */
  awaitingReceipt?: true;
}

export interface EventView {
  seq: number;
  type: string;
  on: string;
  actor: string;
  enteredAt: string;
  payload: Record<string, unknown>;
  reason: string | null;
  /** An automatic event the history no longer owes: kept, but it counts nowhere. */
  superseded: null | { bySeq: number; on: string };
}

/**
 * `POST …/actions` with `Prefer: return=minimal`: the events the action appended, then the
 * automatic events it newly superseded; the whole case is `GET …/applications/:id`.
 */
export interface ActionAnswer {
  id: string;
  version: number;
  state: string;
  events: EventView[];
  allowedActions: string[];
}

export interface Application {
  id: string;
  trackingNo: string;
  agencyCode: string;
  agencyName: string;
  state: ApiState;
  stateLabel: string;
  flags: { consulting: boolean; extended: boolean; awaitingFee: boolean };
  /** Masked (`1101**********1234`, no e-mail or address) unless `personalData` is "full". */
  applicant: Applicant;
  /** "full" only on the case page, for a user of the handling agency (each read is in the access log). */
  personalData?: "full" | "masked";
  description: string;
  channel: Channel;
  receivedOn: string;
  deliveryForm: string | null;
  /** 挂号单号 of a posted application (channel post), null when none was recorded. */
  trackingNumber?: string | null;
  handler: string | null;
  outcome: string | null;
  dispositionOn: string | null;
  deadlines: {
    reply: ClockView;
    supplementNotice?: ClockView;
    supplementWindow?: ClockView;
    feePayment?: ClockView;
    consultations?: ClockView[];
    /** Posted documents whose signature date is to be recorded (送达登记), 5 WD after sending. */
    receipts?: ClockView[];
    /** 重新答复, once a review or a court ordered it (DOMAIN.md §3). */
    reReply?: ClockView;
  };
  allowedActions: string[];
  version: number;
  /** The handler's proposal waiting for the approver (审批), or null. */
  proposal: Proposal | null;
  events?: EventView[];
  /** List items: the clock that runs out first today (the 待办 order), null when none runs. */
  nextDue?: { kind: string; label: string; dueOn: string } | null;
}

export interface Proposal {
  kind: "decision" | "extension";
  on: string;
  outcome?: string;
  replyText?: string;
  workdays?: number;
  reason?: string;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface ListQuery {
  agency?: string;
  state?: ApiState;
  dueBefore?: string;
  q?: string;
  applicantType?: ApplicantType;
  channel?: Channel;
  receivedFrom?: string;
  receivedTo?: string;
  mine?: boolean;
  /** `approval`: only the cases with a proposal waiting for the approver. */
  awaiting?: "approval";
  /** false: the open cases without a handler (尚未分办); true: those with one. */
  assigned?: boolean;
  /** The 工作台's tab and the column the server sorts the whole list by (web/src/api/worklist.ts). */
  view?: WorklistView;
  sort?: WorklistSort;
  order?: "asc" | "desc";
  page?: number;
  pageSize?: number;
}

export interface RegisterInput {
  agencyCode: string;
  channel: Channel;
  receivedOn: string;
  applicant: Applicant;
  description: string;
  deliveryForm?: string;
  /** 挂号单号 (channel post only). */
  trackingNumber?: string;
  handlerUsername?: string;
}

/** `POST /applications/:id/actions`: `type`, `on`, `expectedVersion`, and the type's fields. */
export interface ActionInput {
  type: string;
  on: string;
  expectedVersion?: number;
  reason?: string;
  [field: string]: unknown;
}

/**
 * How an outgoing document was sent: optional fields of the four sending actions
 * (request_supplement, start_consultation, issue_fee_notice, decide; default: the channel's
 * `defaultDelivery`, a consultation letter by post), and in the payload of the event that sent it
 * (supplement.requested, consultation.started, fee.notified, decision.issued). Absent on events
 * recorded before service was recorded: such a document counts from its sending day.
 * start_consultation for `other_agency` also takes `dueOn` (答复日期); a third party's or
 * co-producer's window is fixed at 15 WD.
 */
export interface ServiceFields {
  sentBy?: DeliveryMethod;
  receivedByAddresseeOn?: string;
}

/** The payload of `document.received` (record_receipt): its `on` is the signature date. */
export interface DocumentReceivedPayload {
  document: OutgoingDocument;
  consultationId?: string;
  trackingNumber?: string;
}

/** `record_receipt`: the addressee signed for the document the event `documentEventSeq` sent. */
export interface RecordReceiptInput extends ActionInput {
  type: "record_receipt";
  documentEventSeq: number;
  /** The signature date (签收日期); default: `on`. */
  receivedOn?: string;
  /** EMS or registered-mail number (快递单号). */
  trackingNumber?: string;
}

/** One letter of `GET /applications/:id/letters`. */
export interface LetterSummary {
  kind: string;
  key: string;
  title: string;
  serialNo: string | null;
  date: string;
  consultationId?: string;
  hasDeliveryReceipt?: boolean;
  /** When it was issued (ISO 8601) and by whom; null until issued. */
  issuedAt?: string | null;
  issuedBy?: string | null;
  /** Not issued yet, and the user may issue it (出具). */
  canIssue?: boolean;
}

export interface Appeal {
  id: string;
  applicationId: string;
  trackingNo: string;
  kind: string;
  kindLabel: string;
  filedOn: string;
  result: string | null;
  resultLabel: string | null;
  resultOn: string | null;
}

export interface Agency {
  code: string;
  name: string;
  kind: string;
  parentCode: string | null;
}

export interface User {
  username: string;
  displayName: string;
  email: string | null;
  agencyCode: string | null;
  agencyName: string | null;
  roles: Role[];
  isSystemAdmin: boolean;
  /** Cannot log in; its sessions ended when it was disabled. */
  isDisabled: boolean;
  /** An administrator reset the password: the user changes it at the next login. */
  mustChangePassword: boolean;
}

export interface CalendarYearView {
  year: number;
  provisional: boolean;
  source: string;
  holidays: string[];
  workdays: string[];
  holidayNames?: Record<string, string>;
  workdayNames?: Record<string, string>;
}

export type Table3Column =
  | "natural_person"
  | "commercial_enterprise"
  | "research_institution"
  | "social_welfare_org"
  | "legal_service_org"
  | "other_org"
  | "total";

export interface Table4Cells {
  upheld: number;
  corrected: number;
  other: number;
  pending: number;
  total: number;
}

export interface ReportCheck {
  id: string;
  ok: boolean;
  message: string;
  severity?: "error" | "warning";
}

/** The agency's texts of the report (server: src/reports/report-types.ts ReportTexts). */
export interface ReportTexts {
  preface: string;
  overview: string;
  proactive: string;
  requests: string;
  management: string;
  platforms: string;
  oversight: string;
  /** Governments only (art. 50(四)). */
  assessment: string;
  problems: string;
  other: string;
}

/** One part of section 一 as the server builds it: the system's paragraphs around the agency's text. */
export interface NarrativePart {
  textKey: keyof ReportTexts;
  title: string;
  heading: string;
  /** Printed inside the previous subsection (the 考核 part inside 监督保障). */
  isRunIn: boolean;
  generated: string[];
}

/** What the system writes around the agency's texts (GET report, `narrative`). */
export interface ReportNarrative {
  preface: string;
  overview: NarrativePart[];
}

/** API.md “Annual report”, plus the additive fields the server gives (texts, status details). */
export interface AnnualReport {
  agencyCode: string;
  agencyName?: string;
  year: number;
  edition: "2021" | "2019";
  status: "draft" | "closed";
  scope?: "agency" | "subtree";
  version?: number | null;
  closedAt?: string | null;
  table2: Record<string, Record<string, number>>;
  table2Entered?: boolean;
  table3: { columns: Table3Column[]; rows: Record<string, Record<Table3Column, number>> };
  table4: Record<string, Table4Cells>;
  checks: ReportCheck[];
  texts?: Partial<ReportTexts>;
  narrative?: ReportNarrative;
  facts?: {
    timeliness: { decisions: number; onTime: number } | null;
    fees?: { count: number; amountYuan: number };
  };
}

export interface ReportStatusLine {
  agencyCode: string;
  agencyName: string;
  status: "draft" | "closed";
  version: number | null;
  closedAt: string | null;
  dueOn: string;
  isLate: boolean;
}

/** One application behind a cell of the report (the cells endpoint). */
export interface CellMember {
  id: string;
  trackingNo: string;
  applicant?: Applicant | { name: string; type: ApplicantType };
  applicantName?: string;
  receivedOn?: string;
  dispositionOn?: string | null;
  outcome?: string | null;
  agencyCode?: string;
  agencyName?: string;
}

export interface ErrorBody {
  error: { code: string; message: string; details?: { field?: string; message: string }[] };
}

/** One refused cell of a ledger: the spreadsheet row (1 = the header row) and column heading. */
export interface ImportRowError {
  row: number | null;
  column: string;
  message: string;
}

/** Table 三's rows for one year, as in AnnualReport["table3"]["rows"]. */
export type Table3Rows = Record<string, Record<Table3Column, number>>;

/** `POST /agencies/:code/imports?dryRun=` (API.md “Ledger import and export”). */
export interface ImportReply {
  rows: number;
  imported: number;
  errors: ImportRowError[];
  /** Per report year (`"2025"`), table 三 as the import would make it. */
  tables: Record<string, Table3Rows>;
}

/** One line of the `application/x-ndjson` answer of an import. */
export type ImportStreamLine =
  | { progress: { done: number; total: number } }
  | { result: ImportReply }
  | ErrorBody;

/** One row of an agency's access log of personal data (GET /agencies/:code/access-log). */
export interface AccessLogEntry {
  id: string;
  at: string;
  user: { username: string; displayName: string };
  kind: "case_page" | "ledger_export" | "document_download";
  kindLabel: string;
  application: { id: string; trackingNo: string } | null;
  fields: ("idNumber" | "phone" | "email" | "address")[];
  caseCount: number;
  requestId: string | null;
}

export interface AccessLogPage {
  agencyCode: string;
  agencyName: string;
  total: number;
  items: AccessLogEntry[];
}
