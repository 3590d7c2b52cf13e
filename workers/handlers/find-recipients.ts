import type { Kysely } from "kysely";
import type { Database } from "../../src/db/schema.ts";
import type { Role } from "../../src/domain/roles.ts";

export interface Recipients {
  to: string[];
  cc: string[];
}

interface Contact {
  id: number;
  email: string;
  roles: Role[];
}

/** The enabled users of an agency that have an email address. */
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

const withRole = (contacts: Contact[], roles: readonly Role[]) =>
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
export async function reminderRecipients(db: Kysely<Database>, applicationId: string): Promise<Recipients> {
  const owner = await caseOwner(db, applicationId);
  if (!owner) return { to: [], cc: [] };
  const contacts = await agencyContacts(db, owner.agency_id);
  const handler = contacts.find((c) => c.id === owner.handler_user_id);
  if (handler) return { to: [handler.email], cc: [] };
  const handlers = withRole(contacts, ["handler"]);
  return { to: handlers.length > 0 ? handlers : withRole(contacts, ["agency_admin"]), cc: [] };
}

/**
 * An overdue escalation goes to the agency's approvers and agency admins, the handler in copy;
 * to the handler alone when the agency has neither with an email.
 */
export async function escalationRecipients(db: Kysely<Database>, applicationId: string): Promise<Recipients> {
  const owner = await caseOwner(db, applicationId);
  if (!owner) return { to: [], cc: [] };
  const contacts = await agencyContacts(db, owner.agency_id);
  const to = withRole(contacts, ["approver", "agency_admin"]);
  const handler = contacts.find((c) => c.id === owner.handler_user_id)?.email;
  if (to.length === 0) return { to: handler ? [handler] : [], cc: [] };
  return { to, cc: handler && !to.includes(handler) ? [handler] : [] };
}

/** The agency admins' addresses (the overdue digest). */
export async function agencyAdminEmails(db: Kysely<Database>, agencyId: number): Promise<string[]> {
  return withRole(await agencyContacts(db, agencyId), ["agency_admin"]);
}
