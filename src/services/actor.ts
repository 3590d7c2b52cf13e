import type { Role } from "../domain/roles.ts";

/** Who is acting: a logged-in user, or the deadline workers. */
export interface Actor {
  /** null for the system (deadline workers). */
  userId: number | null;
  username: string;
  displayName: string;
  agencyId: number | null;
  agencyCode: string | null;
  /** Materialised path of the user's agency, `/county/town/`. */
  agencyPath: string | null;
  roles: readonly Role[];
  isSystemAdmin: boolean;
}

export const SYSTEM_ACTOR: Actor = {
  userId: null,
  username: "system",
  displayName: "系统",
  agencyId: null,
  agencyCode: null,
  agencyPath: null,
  roles: [],
  isSystemAdmin: true,
};

/**
 * A user sees its own agency; a supervisor its agency's subtree; the system administrator and
 * the workers everything. Anything else is answered 404, as if it did not exist.
 */
export function canSeeAgency(actor: Actor, agencyPath: string): boolean {
  if (actor.isSystemAdmin) return true;
  if (actor.agencyPath === null) return false;
  if (agencyPath === actor.agencyPath) return true;
  return actor.roles.includes("supervisor") && agencyPath.startsWith(actor.agencyPath);
}

/** Acting on a case needs the role in the case's own agency: a supervisor only reads. */
export function canActInAgency(actor: Actor, agencyPath: string, allowed: readonly Role[]): boolean {
  if (actor.agencyPath !== agencyPath) return false;
  return actor.roles.some((r) => allowed.includes(r));
}
