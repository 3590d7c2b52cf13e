import type { Kysely } from "kysely";
import type { Database } from "../../src/db/schema.ts";
import type { Role } from "../../src/domain/roles.ts";

export interface Recipients {
  to: string[];
  cc: string[];
}

/** An enabled user of the case's agency with an email address. */
export interface Contact {
  id: number;
  email: string;
  roles: Role[];
}

/** The enabled users of an agency that have an email address, by id. */
async function agencyContacts(db: Kysely<Database>, agencyId: number): Promise<Contact[]> {
  const rows = await db
    .selectFrom("users")
    .select(["id", "email", "roles"])
    .where("agency_id", "=", agencyId)
    .where("is_disabled", "=", false)
    .where("email", "is not", null)
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ id: r.id, email: r.email as string, roles: r.roles as unknown as Role[] }));
}

const withRole = (contacts: readonly Contact[], roles: readonly Role[]) =>
  unique(contacts.filter((c) => c.roles.some((r) => roles.includes(r))).map((c) => c.email));

function unique(emails: string[]): string[] {
  return [...new Set(emails)];
}

async function caseOwner(db: Kysely<Database>, applicationId: string) {
  return db
    .selectFrom("applications")
    .select(["agency_id", "handler_user_id"])
    .where("id", "=", applicationId)
    .executeTakeFirst();
}

/**
 * A reminder goes to the case's handler. A case without a handler (or whose handler has no
 * email or is disabled) is everyone's to pick up: it goes to the agency's handlers, and when the
 * agency has none with an email, to its agency admins.
 */
export function reminderRecipientsAmong(contacts: readonly Contact[], handlerId: number | null): Recipients {
  const handler = contacts.find((c) => c.id === handlerId);
  if (handler) return { to: [handler.email], cc: [] };
  const handlers = withRole(contacts, ["handler"]);
  return { to: handlers.length > 0 ? handlers : withRole(contacts, ["agency_admin"]), cc: [] };
}

/**
 * An overdue escalation goes to the agency's approvers and agency admins, the handler in copy;
 * to the handler alone when the agency has neither with an email.
 */
export function escalationRecipientsAmong(
  contacts: readonly Contact[],
  handlerId: number | null,
): Recipients {
  const to = withRole(contacts, ["approver", "agency_admin"]);
  const handler = contacts.find((c) => c.id === handlerId)?.email;
  if (to.length === 0) return { to: handler ? [handler] : [], cc: [] };
  return { to, cc: handler && !to.includes(handler) ? [handler] : [] };
}

/** reminderRecipientsAmong for a case, read from the database. */
export async function reminderRecipients(db: Kysely<Database>, applicationId: string): Promise<Recipients> {
  const owner = await caseOwner(db, applicationId);
  if (!owner) return { to: [], cc: [] };
  return reminderRecipientsAmong(await agencyContacts(db, owner.agency_id), owner.handler_user_id);
}

/** escalationRecipientsAmong for a case, read from the database. */
export async function escalationRecipients(db: Kysely<Database>, applicationId: string): Promise<Recipients> {
  const owner = await caseOwner(db, applicationId);
  if (!owner) return { to: [], cc: [] };
  return escalationRecipientsAmong(await agencyContacts(db, owner.agency_id), owner.handler_user_id);
}

/** The agency admins' addresses (the overdue digest). */
export async function agencyAdminEmails(db: Kysely<Database>, agencyId: number): Promise<string[]> {
  return withRole(await agencyContacts(db, agencyId), ["agency_admin"]);
}
