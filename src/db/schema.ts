/**
 * The database, as Kysely sees it. Dates that the law counts in are `date` columns read back as
 * `YYYY-MM-DD` strings; instants are `timestamptz`. JSON columns carry a version field `v`.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export type AgencyKind = "government" | "department" | "township";

import type { Role } from "../domain/roles.ts";

export type { Role };

export interface AgencyTable {
  id: Generated<number>;
  code: string;
  name: string;
  kind: AgencyKind;
  parent_id: number | null;
  /** Materialised path of codes, `/county/town/`, for subtree queries. */
  path: string;
  created_at: Timestamp;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  password_hash: string;
  display_name: string;
  email: string | null;
  /** null only for a system administrator outside every agency. */
  agency_id: number | null;
  roles: Json<Role[]>;
  is_system_admin: Generated<boolean>;
  is_disabled: Generated<boolean>;
  /** Set when an administrator set the password: every call but me/password/logout is refused until changed. */
  must_change_password: Generated<boolean>;
  created_at: Timestamp;
}

export interface AuthTokenTable {
  /** sha256 of the token; the token itself is never stored. */
  token_hash: string;
  user_id: number;
  kind: "bearer" | "session";
  csrf_token: string | null;
  expires_at: Timestamp;
  created_at: Timestamp;
}

/** What administrators did to accounts (issue 10); never a password. */
export interface AccountAuditTable {
  id: Generated<string>;
  at: Timestamp;
  /** null: the system (the command line). */
  actor_user_id: number | null;
  target_user_id: number;
  /** `user.created`, `user.updated`, `user.disabled`, `user.enabled`, `password.reset`, `sessions.ended`, `password.changed`. */
  action: string;
  /** `{ v: 1, … }`: the changed fields (from, to), the sessions ended, whether a password was generated. */
  details: Json<Record<string, unknown>>;
}

export interface ApplicationTable {
  id: string;
  tracking_no: string;
  agency_id: number;
  channel: string;
  applicant_type: string;
  applicant: Json<Record<string, unknown>>;
  description: string;
  delivery_form: string | null;
  /** The 挂号单号 of a posted application (channel `post`), migration 0014. */
  mail_tracking_no: ColumnType<string | null, string | null | undefined, string | null>;
  handler_user_id: number | null;
  received_on: string;
  /** API state name, for filtering. */
  state: string;
  outcome: string | null;
  disposition_on: string | null;
  /** The reply clock's due date as last computed, for sorting the worklist. */
  reply_due_on: string | null;
  /** The kind of the handler's proposal waiting for the approver ('decision' | 'extension'), for the 审批 queue. */
  awaiting_approval: "decision" | "extension" | null;
  /**
   * The 待办 order (issue 11, migration 0012), kept by the write path: the earliest due date of
   * the open clocks other than the supplement notice, its kind, and the supplement-notice date
   * while a notice may still be sent (it lapses on its date: readers compare it with today).
   */
  next_due_on: string | null;
  next_due_clock: string | null;
  notice_due_on: string | null;
  /** Every open clock, `[{ k: ClockKind, d: date }]` (`worklistClocks`), for the 工作台 counters. */
  open_clocks: ColumnType<{ k: string; d: string }[], string | undefined, string>;
  /** `{ v: 1, value, context }` of the lifecycle machine. */
  snapshot: Json<unknown>;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ApplicationEventTable {
  id: Generated<string>;
  application_id: string;
  /** The application's version this event produced (1 = registration). */
  seq: number;
  type: string;
  /** null for the deadline workers (`system`). */
  actor_user_id: number | null;
  actor_name: string;
  entered_at: Timestamp;
  effective_on: string;
  payload: Json<unknown>;
  reason: string | null;
  /**
   * An automatic event the history no longer owes (DOMAIN.md §5): the seq of the entry that
   * caused it (a backdated action, a calendar correction) and when. Every read ignores it.
   */
  superseded_by_seq: Generated<number | null>;
  superseded_at: Generated<Date | null>;
}

export interface DeadlineJobTable {
  /** Deterministic: `app-<id>.<kind>.<due date>` (STYLE.md), also the BullMQ job id. */
  job_id: string;
  application_id: string;
  kind: string;
  /** The civil date on which the job is due (run at 00:05 China time that day). */
  run_on: string;
  payload: Json<unknown>;
  status: "pending" | "done" | "cancelled";
  done_at: Timestamp | null;
  created_at: Timestamp;
}

/**
 * Migration 0020: one entry per case write that changed its deadline rows, relayed to BullMQ by
 * the workers (workers/relay-deadline-outbox.ts) and then deleted.
 */
export interface DeadlineJobOutboxTable {
  seq: Generated<number>;
  application_id: string;
  /** Job ids of the rows the write inserted. */
  added: string[];
  /** Job ids of the pending rows the write deleted. */
  dropped: string[];
  created_at: Generated<Timestamp>;
}

export interface SentNotificationTable {
  /** One key per reminder: a second worker's attempt to send it again hits the primary key. */
  notification_key: string;
  application_id: string | null;
  recipients: string;
  subject: string;
  sent_at: Timestamp;
}

export interface AppealTable {
  id: string;
  application_id: string;
  kind: string;
  filed_on: string;
  result: string | null;
  result_on: string | null;
  created_at: Timestamp;
}

export interface CalendarYearTable {
  year: number;
  data: Json<unknown>;
  provisional: boolean;
  source: string;
  updated_by: number | null;
  updated_at: Timestamp;
}

export interface ReportFigureTable {
  agency_id: number;
  year: number;
  /** Table 二 figures of that year's edition, and the agency's text sections. */
  data: Json<unknown>;
  updated_at: Timestamp;
}

export interface ReportVersionTable {
  agency_id: number;
  year: number;
  version: number;
  data: Json<unknown>;
  reason: string | null;
  closed_by: number | null;
  closed_at: Timestamp;
}

/**
 * Who saw an applicant's personal fields in full (issue 10): one row per answer that carried
 * them. Names the fields, never their values.
 */
export interface AccessLogTable {
  id: Generated<string>;
  at: Timestamp;
  user_id: number;
  /** The handling agency: its administrator browses these rows. */
  agency_id: number;
  /** `case_page` (GET /applications/:id) or `ledger_export` (ledger.xlsx?full=true). */
  kind: string;
  /** The case read; null for an export (its cases are the agency's, case_count of them). */
  application_id: string | null;
  /** The personal fields shown in full: `idNumber`, `phone`, `email`, `address`. */
  fields: Json<string[]>;
  case_count: Generated<number>;
  request_id: string | null;
}

export type NoticeChannelStatus = "pending" | "sent" | "failed" | "none" | "cancelled";

/** A notice to the applicant (issue 12, migration 0019): one per notifying event of a case. */
export interface ApplicantNoticeTable {
  id: Generated<string>;
  application_id: string;
  event_seq: number;
  /** A `NoticeKind` (src/notices/notice-kinds.ts). */
  kind: string;
  effective_on: string;
  /** pending: to deliver; done: every channel settled; cancelled: superseded; skipped: by rule. */
  status: "pending" | "done" | "cancelled" | "skipped";
  /** Why skipped or cancelled: `backdated`, `imported`, `superseded`. */
  skip_reason: string | null;
  /** The message as composed for the applicant (no personal data), null until composed. */
  text: string | null;
  letter_serial: string | null;
  /** The file name of the letter attached to the mail. */
  attachment: string | null;
  mail_status: NoticeChannelStatus;
  mail_attempts: Generated<number>;
  mail_sent_at: Date | null;
  mail_error: string | null;
  sms_status: NoticeChannelStatus;
  sms_attempts: Generated<number>;
  sms_sent_at: Date | null;
  sms_error: string | null;
  next_attempt_at: Generated<Date>;
  /** A relay delivering the row holds it until then (a crashed relay's claim runs out). */
  claimed_until: Date | null;
  created_at: Generated<Date>;
}

/** The applicant-notice relay's watermark: events entered from then on are still to be read. */
export interface NoticeRelayTable {
  name: string;
  watermark: Date;
}

/** Per-agency yearly sequences: tracking numbers, letter serial numbers. */
export interface CounterTable {
  scope: string;
  value: number;
}

export interface Database {
  counters: CounterTable;
  agencies: AgencyTable;
  users: UserTable;
  auth_tokens: AuthTokenTable;
  account_audit: AccountAuditTable;
  applications: ApplicationTable;
  application_events: ApplicationEventTable;
  deadline_jobs: DeadlineJobTable;
  deadline_job_outbox: DeadlineJobOutboxTable;
  sent_notifications: SentNotificationTable;
  appeals: AppealTable;
  calendar_years: CalendarYearTable;
  report_figures: ReportFigureTable;
  report_versions: ReportVersionTable;
  access_log: AccessLogTable;
  applicant_notices: ApplicantNoticeTable;
  notice_relay: NoticeRelayTable;
}

export type DbAgency = Selectable<AgencyTable>;
export type DbUser = Selectable<UserTable>;
export type DbApplication = Selectable<ApplicationTable>;
export type NewDbApplication = Insertable<ApplicationTable>;
export type DbApplicationUpdate = Updateable<ApplicationTable>;
export type DbApplicationEvent = Selectable<ApplicationEventTable>;
export type DbDeadlineJob = Selectable<DeadlineJobTable>;
export type DbAppeal = Selectable<AppealTable>;
