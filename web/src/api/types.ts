/**
 * The shapes of the public API v1 (shared/API.md) as the UI reads them. The UI talks to the
 * server only through these; vocabularies and their Chinese labels come from GET /api/v1/meta.
 */

import type { components, operations } from "./generated/openapi.ts";

type Schemas = components["schemas"];

export type Role = Schemas["Meta"]["roles"][number]["id"];
export type ApiState = Schemas["Application"]["state"];
export type Channel = Schemas["Application"]["channel"];
export type ApplicantType = Schemas["Applicant"]["type"];
export type ClockState = Schemas["ClockView"]["state"];
/** How an outgoing document was sent (送达方式); labels in Meta.deliveryMethods. */
export type DeliveryMethod = Schemas["Meta"]["deliveryMethods"][number]["id"];
/** The outgoing documents whose service (送达) the case records. */
export type OutgoingDocument = Schemas["Meta"]["outgoingDocuments"][number]["id"];

/** The `user` of login and /auth/me. */
export type UserInfo = Schemas["UserInfo"];
/** API clients get `token` and `expiresAt`; the web UI (`session: true`) the cookie and `csrfToken` only. */
export type LoginReply = Schemas["LoginReply"];
export type MeReply = Schemas["MeReply"];

/** A role with its Chinese label, as GET /api/v1/meta lists them (`Meta.roles`). */
export type RoleLabel = Schemas["Meta"]["roles"][number];

/** A field a reply must state besides its outcome (API.md `decide`). */
export type ReplyField = Schemas["ReplyFormMeta"]["requires"][number];
/** One way of replying with an outcome (予以公开: provided or already_public; …). */
export type ReplyFormMeta = Schemas["ReplyFormMeta"];
export type OutcomeMeta = Schemas["OutcomeMeta"];

/** What a reply decides besides its outcome (decide, propose_decision; art. 36, 37): the decide body's fields. */
export type ReplyDetails = Pick<DecideBody, "replyText" | "reasons" | "holdingAgency" | "disclosure">;

/** GET /api/v1/meta: the vocabularies with their Chinese labels, the actions with their roles. */
export type Meta = Schemas["Meta"];
export type Applicant = Schemas["Applicant"];
export type ClockView = Schemas["ClockView"];
export type EventView = Schemas["EventView"];
/**
 * `POST …/actions` with `Prefer: return=minimal`: the events the action appended, then the
 * automatic events it newly superseded; the whole case is `GET …/applications/:id`.
 */
export type ActionAnswer = Schemas["ActionAnswer"];
/** A case as lists, registration and actions answer it. */
export type Application = Schemas["Application"];
/** GET …/applications/:id: the case with what the reader may do on it (`permissions`). */
export type ApplicationDetail = Schemas["ApplicationDetail"];
export type CasePermissions = Schemas["CasePermissions"];
/** The handler's proposal waiting for the approver (审批). */
export type Proposal = Schemas["Proposal"];

/** A page of the applications list (GET /applications, the approvals and unassigned cards). */
export type ApplicationPage = Schemas["ApplicationPage"];

/** GET /applications's query as the document declares it: strings on the wire. */
export type ApplicationsWireQuery = NonNullable<operations["getApiV1Applications"]["parameters"]["query"]>;

/**
 * The worklist's typed filter form (the UI's own): the wire query with numbers and booleans
 * where the wire has their strings; `wireQueryOf` (endpoints.ts) converts it.
 */
export type ListQuery = Omit<ApplicationsWireQuery, "page" | "pageSize" | "mine" | "assigned"> & {
  page?: number;
  pageSize?: number;
  mine?: boolean;
  /** false: the open cases without a handler (尚未分办); true: those with one. */
  assigned?: boolean;
};

/** POST /applications: the registration, as the server's schema accepts it. */
export type RegisterInput = operations["postApiV1Applications"]["requestBody"]["content"]["application/json"];

/** `POST /applications/:id/actions`: the body of one action type (the document's ActionBody). */
export type ActionInput = ActionBody;

/**
 * How an outgoing document was sent: optional fields of the four sending actions
 * (request_supplement, start_consultation, issue_fee_notice, decide; default: the channel's
 * `defaultDelivery`, a consultation letter by post), and in the payload of the event that sent it
 * (supplement.requested, consultation.started, fee.notified, decision.issued). Absent on events
 * recorded before service was recorded: such a document counts from its sending day.
 * start_consultation for `other_agency` also takes `dueOn` (答复日期); a third party's or
 * co-producer's window is fixed at 15 WD.
 */
export type ServiceFields = Pick<DecideBody, "sentBy" | "receivedByAddresseeOn">;

/**
 * The payload of `document.received` (record_receipt): its `on` is the signature date. Kept by
 * hand: the document gives every event payload as `{[key]: unknown}` (EventView.payload).
 */
export interface DocumentReceivedPayload {
  document: OutgoingDocument;
  consultationId?: string;
  trackingNumber?: string;
}

/** `POST /applications/:id/actions`: one body per action type, as the server's schema accepts them. */
export type ActionBody = Schemas["ActionBody"];

/** `decide`: the reply with its outcome, details and how it was sent. */
type DecideBody = Extract<ActionBody, { type: "decide" }>;

/** `record_receipt`: the addressee signed for the document the event `documentEventSeq` sent. */
export type RecordReceiptInput = Extract<ActionBody, { type: "record_receipt" }>;

/** One letter of `GET /applications/:id/letters` (its title and whether the reader may issue it: the server's). */
export type LetterSummary = Schemas["LetterSummary"];

export type Appeal = Schemas["Appeal"];
export type Agency = Schemas["Agency"];
/** A user as the administration pages show it (never its password). */
export type User = Schemas["User"];

export type CalendarYearView = Schemas["CalendarYearView"];
/** PUT /calendar/:year: the year stored, the cases re-derived and those left unchanged. */
export type CalendarCorrection = Schemas["CalendarCorrection"];

/** A column of table 三: an applicant type or `total`. */
export type Table3Column = keyof Schemas["Table3Row"];
/** One group of table 四 (维持、纠正、其他结果、尚未审结、总计). */
export type Table4Cells = Schemas["Table4Cells"];
/** A check of the report; `skipped`: not checked this year (未核对), ok is then true. */
export type ReportCheck = Schemas["ReportCheck"];
/** The agency's texts of the report (server: src/reports/report-types.ts ReportTexts). */
export type ReportTexts = Schemas["ReportTexts"];
/** One part of section 一 as the server builds it: the system's paragraphs around the agency's text. */
export type NarrativePart = Schemas["NarrativePart"];
/** What the system writes around the agency's texts (GET report, `narrative`). */
export type ReportNarrative = Schemas["ReportNarrative"];
/** GET report: the annual report with `narrative`. */
export type AnnualReportView = Schemas["AnnualReportView"];
/** The annual report as close, amend and the overview answer it; with `narrative` when GET gave it. */
export type AnnualReport = Schemas["AnnualReport"] & Partial<Pick<AnnualReportView, "narrative">>;
/** An agency's report status in a supervisor's overview (art. 49 publication dates). */
export type ReportStatusLine = Schemas["ReportStatusLine"];

/** One application behind a cell of the report (the cells endpoint). */
export type CellMember = Schemas["CellApplication"];

/** Every refusal's body: a code of the server's one table, the Chinese message, field details. */
export type ErrorBody = Schemas["Error"];

/**
 * One refused cell of a ledger as the import page shows it: a row of the answer's `errors`
 * (the document's ImportResult["errors"][number]), widened for a refusal's `details`, which may
 * name no row (null) or a field instead of a column.
 */
export type ImportRowError = Omit<Schemas["ImportResult"]["errors"][number], "row" | "column"> & {
  row: Schemas["ImportResult"]["errors"][number]["row"] | null;
  column: string;
};

/** Table 三's rows for one year, as in AnnualReport["table3"]["rows"]. */
export type Table3Rows = AnnualReport["table3"]["rows"];

/** `POST /agencies/:code/imports?dryRun=` (API.md “Ledger import and export”). */
export type ImportReply = Schemas["ImportResult"];

/** One line of the `application/x-ndjson` answer of an import. */
export type ImportStreamLine = Schemas["ImportStreamLine"];

/** One row of an agency's access log of personal data (GET /agencies/:code/access-log). */
export type AccessLogEntry = Schemas["AccessLogEntry"];
export type AccessLogPage = Schemas["AccessLogPage"];
