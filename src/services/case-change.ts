/**
 * The vocabulary of the one write path (write-case.ts): what a write of a case is given (a
 * CaseChange, in a WriteContext), what it plans (the new snapshot, the log entries, the events it
 * supersedes) and what it answers.
 */

import type { ApplicationMachine, ApplicationSnapshot } from "../../machines/application.machine.ts";
import type { DbApplicationEvent } from "../db/schema.ts";
import {
  type ApplicationEvent,
  AUTOMATIC_EVENT_TYPES,
  HUMAN_EVENT_TYPES,
} from "../domain/application-events.ts";
import type { WorkingCalendar } from "../domain/calendar/calendar.ts";
import type { CivilDate } from "../domain/civil-date.ts";
import type { AutomaticEvent } from "../domain/deadlines/due-automatic-events.ts";
import { type Actor, SYSTEM_ACTOR } from "./actor.ts";
import type { ActionInput, RegisterInput } from "./application-types.ts";
import type { Db, NewLogEntry } from "./case-store.ts";
import type { CaseRowWrite, CaseRowWritten } from "./case-write-store.ts";
import type { PlannedJob } from "./plan-deadline-jobs.ts";

export interface WriteContext {
  calendar: WorkingCalendar;
  machine: ApplicationMachine;
  today: CivilDate;
  /** The service's clock reading for this write (superseded marks). */
  now: Date;
  reminderOffsets: readonly number[];
  /**
   * Writes the row instead of its own statement, coalesced with the others of the same
   * event-loop turn (case-write-coalescer.ts): an API action's autocommit write, or the cases of
   * a deadline worker's automatic batch inside its transaction. A write carrying registration
   * columns takes its own statement anyway.
   */
  writeRow?: ((write: CaseRowWrite) => Promise<CaseRowWritten>) | undefined;
}

/** A change closed years must accept: the agency's report for `year` gets a new version. */
export interface Amendment {
  agencyId: number;
  agencyCode: string;
  year: number;
  reason: string;
  actor: Actor;
}

export type CaseChange =
  /** The first entry of a new case (its row was just inserted with the initial snapshot). */
  | {
      kind: "registered";
      actor: Actor;
      payload: Record<string, unknown>;
      amendmentReason?: string | undefined;
    }
  /** A user's action: a human event, dated `event.on`, possibly before recorded ones. */
  | {
      kind: "action";
      actor: Actor;
      event: ApplicationEvent;
      reason: string | null;
      amendmentReason?: string | undefined;
      /** 更正登记信息: the registration columns corrected (received_on replays the history). */
      registration?: RegistrationColumns | undefined;
    }
  /** The deadline worker: apply what the history owes as of today. */
  | { kind: "automatic" }
  /** The calendar changed: replay the history, supersede and re-apply what moved. */
  | { kind: "rederive"; actor: Actor; year: number | null };

export interface CaseWriteResult {
  /** Entries appended to the log (0: nothing to write). */
  appended: number;
  /** Automatic events appended. */
  automatic: number;
  /** Seqs of the automatic events superseded. */
  superseded: number[];
  jobs: PlannedJob[];
  /** The planned jobs whose rows this write inserted (not pending before): what to enqueue. */
  added: PlannedJob[];
  /** Ids of the pending deadline rows this write deleted (no longer planned: a moved date). */
  dropped: string[];
  amendments: Amendment[];
  /** The entries appended, then the events newly superseded, as stored (an action's slim answer). */
  events: DbApplicationEvent[];
  /** The case's machine snapshot after the write (the slim answer's state and allowed actions). */
  snapshot?: ApplicationSnapshot;
  /** rederive only: the history no longer replays on the new calendar (left unchanged). */
  conflict?: string;
}

/** The registration data of a case's row that 更正登记信息 may correct. */
export interface RegistrationColumns {
  applicant?: Record<string, unknown>;
  applicant_type?: string;
  channel?: string;
  received_on?: CivilDate;
  description?: string;
  delivery_form?: string | null;
  mail_tracking_no?: string | null;
}

/** What a change writes: the new snapshot, the entries to append, the events to supersede. */
export interface Plan {
  snapshot: ApplicationSnapshot;
  entries: NewLogEntry[];
  superseded: DbApplicationEvent[];
  registration?: RegistrationColumns | undefined;
}

export const HUMAN_TYPES: ReadonlySet<string> = new Set<string>(HUMAN_EVENT_TYPES);
export const AUTOMATIC_TYPES: ReadonlySet<string> = new Set<string>(AUTOMATIC_EVENT_TYPES);
export const ASSIGNED: ApplicationEvent["type"] = "case.assigned";
export const AMENDED: ApplicationEvent["type"] = "registration.amended";

export function nothingWritten(): CaseWriteResult {
  return {
    appended: 0,
    automatic: 0,
    superseded: [],
    jobs: [],
    added: [],
    dropped: [],
    amendments: [],
    events: [],
  };
}

export function userEntry(
  type: string,
  on: string,
  actor: Actor,
  payload: object,
  reason: string | null,
): NewLogEntry {
  const { type: _t, on: _o, ...rest } = payload as Record<string, unknown>;
  return {
    type,
    on,
    actorUserId: actor.userId,
    actorName: actor.userId === null ? "system" : actor.displayName,
    payload: rest,
    reason,
  };
}

export function systemEntry(e: AutomaticEvent): NewLogEntry {
  return userEntry(e.type, e.on, SYSTEM_ACTOR, e, null);
}

/** What `inTransaction` hands its work: the API's writes, bound to one transaction. */
export interface CaseBatch {
  db: Db;
  today: CivilDate;
  /** Registers a case; resolves its id. */
  register(actor: Actor, input: RegisterInput): Promise<string>;
  act(actor: Actor, id: string, input: ActionInput): Promise<void>;
  /** What the history owes as of today (windows that ran out), as the worker would; the count. */
  applyAutomaticEvents(id: string): Promise<number>;
  /**
   * The same for several cases (the deadline worker's batch): all read and locked in ONE
   * statement (primary-key order), then each written through the one write path; the count of
   * each, by id. A missing case throws, as `applyAutomaticEvents` does.
   */
  applyAutomaticEventsToEach(ids: readonly string[]): Promise<Map<string, number>>;
  /**
   * Records a human event that is no API action as such (a re-reply ordered with an appeal's
   * result, a hand-over's assignments), with the log's reason when given.
   */
  record(actor: Actor, id: string, event: ApplicationEvent, reason?: string): Promise<void>;
}
