import { sql } from "kysely";
import { preparedName } from "../../src/db/statement-hooks.ts";
import type { CivilDate } from "../../src/domain/civil-date.ts";
import type { Db } from "../../src/services/case-store.ts";
import { type ClaimBatch, claimedRows } from "./deadline-rows.ts";
import type { Contact } from "./find-recipients.ts";

/** A claimed reminder or escalation row, with what its mail needs of the case. */
export interface ClaimedMailRow {
  jobId: string;
  isOwn: boolean;
  payload: unknown;
  /** Its notification key is already recorded (sent before the row was pending again). */
  isSent: boolean;
  /** Null when the case's row is gone. */
  case: {
    id: string;
    trackingNo: string;
    snapshot: unknown;
    applicant: { name: string };
    description: string;
    receivedOn: CivilDate;
    agencyName: string;
    handlerId: number | null;
    handlerName: string | null;
    /** The enabled users of the case's agency with an email address, by id. */
    contacts: Contact[];
  } | null;
}

interface Row {
  job_id: string;
  is_own: boolean;
  payload: unknown;
  is_sent: boolean;
  id: string | null;
  tracking_no: string;
  snapshot: unknown;
  applicant: { name: string };
  description: string;
  received_on: CivilDate;
  agency_name: string;
  handler_user_id: number | null;
  handler_name: string | null;
  contacts: Contact[] | string;
}

/**
 * ONE statement: claims a batch of due rows (claimedRows: the job's own and up to `extra`
 * others of its kind) and reads, for each, the case, its agency, its handler, the agency's
 * contacts and whether its notification was recorded. The job's own row first when claimed.
 */
export async function claimMailRows(trx: Db, batch: ClaimBatch): Promise<ClaimedMailRow[]> {
  const { rows } = await sql<Row>`${sql.raw(preparedName("deadline-claim-mail"))}
    WITH ${claimedRows(batch)}
    SELECT c.job_id, c.is_own, c.payload, s.notification_key IS NOT NULL AS is_sent,
      a.id, a.tracking_no, a.snapshot, a.applicant, a.description, a.received_on,
      g.name AS agency_name, a.handler_user_id, h.display_name AS handler_name,
      (SELECT coalesce(json_agg(json_build_object('id', u.id, 'email', u.email, 'roles', u.roles)
                                ORDER BY u.id), '[]'::json)
         FROM users u
        WHERE u.agency_id = a.agency_id AND NOT u.is_disabled AND u.email IS NOT NULL) AS contacts
    FROM claimed c
    LEFT JOIN sent_notifications s ON s.notification_key = c.job_id
    LEFT JOIN applications a ON a.id = c.application_id
    LEFT JOIN agencies g ON g.id = a.agency_id
    LEFT JOIN users h ON h.id = a.handler_user_id
    ORDER BY c.is_own DESC`.execute(trx);
  return rows.map((r) => ({
    jobId: r.job_id,
    isOwn: r.is_own,
    payload: r.payload,
    isSent: r.is_sent,
    case:
      r.id === null
        ? null
        : {
            id: r.id,
            trackingNo: r.tracking_no,
            snapshot: r.snapshot,
            applicant: r.applicant,
            description: r.description,
            receivedOn: r.received_on,
            agencyName: r.agency_name,
            handlerId: r.handler_user_id,
            handlerName: r.handler_name,
            contacts: typeof r.contacts === "string" ? (JSON.parse(r.contacts) as Contact[]) : r.contacts,
          },
  }));
}
