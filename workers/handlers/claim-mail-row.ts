import { sql } from "kysely";
import type { CivilDate } from "../../src/domain/civil-date.ts";
import type { Db } from "../../src/services/case-store.ts";
import type { Contact } from "./find-recipients.ts";

/** A claimed reminder or escalation row, with what its mail needs of the case. */
export interface ClaimedMailRow {
  payload: unknown;
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
  payload: unknown;
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
 * ONE statement: claims the row of `jobId` (pending → done, when due by `today`) and reads the
 * case, its agency, its handler and the agency's contacts. Undefined when nothing was claimed.
 * Run inside the mail's transaction (see claimDueRow).
 */
export async function claimMailRow(
  trx: Db,
  jobId: string,
  today: CivilDate,
  at: Date,
): Promise<ClaimedMailRow | undefined> {
  const { rows } = await sql<Row>`
    WITH claimed AS (
      UPDATE deadline_jobs SET status = 'done', done_at = ${at}
      WHERE job_id = ${jobId} AND status = 'pending' AND run_on <= ${today}
      RETURNING application_id, payload
    )
    SELECT c.payload, a.id, a.tracking_no, a.snapshot, a.applicant, a.description, a.received_on,
      g.name AS agency_name, a.handler_user_id, h.display_name AS handler_name,
      (SELECT coalesce(json_agg(json_build_object('id', u.id, 'email', u.email, 'roles', u.roles)
                                ORDER BY u.id), '[]'::json)
         FROM users u
        WHERE u.agency_id = a.agency_id AND NOT u.is_disabled AND u.email IS NOT NULL) AS contacts
    FROM claimed c
    LEFT JOIN applications a ON a.id = c.application_id
    LEFT JOIN agencies g ON g.id = a.agency_id
    LEFT JOIN users h ON h.id = a.handler_user_id`.execute(trx);
  const r = rows[0];
  if (!r) return undefined;
  if (r.id === null) return { payload: r.payload, case: null };
  return {
    payload: r.payload,
    case: {
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
  };
}
