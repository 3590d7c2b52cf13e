import type { Role } from "../../domain/roles.ts";
import type { AccountService } from "../../services/account-service.ts";
import type { Actor } from "../../services/actor.ts";
import { type UserCapabilities, userCapabilities } from "./user-capabilities.ts";

/** The `user` of login and /auth/me. */
export interface UserInfo {
  username: string;
  displayName: string;
  agencyCode: string | null;
  agencyName: string | null;
  roles: Role[];
  isSystemAdmin: boolean;
  /** An administrator set the password: the user must change it before anything else. */
  mustChangePassword: boolean;
  /** What the user may do outside a case, for the web's menus and pages. */
  can: UserCapabilities;
}

export async function toUserInfo(
  accounts: AccountService,
  actor: Actor,
  mustChangePassword: boolean,
): Promise<UserInfo> {
  const agency = actor.agencyCode ? await accounts.agencyByCode(actor.agencyCode) : undefined;
  return {
    username: actor.username,
    displayName: actor.displayName,
    agencyCode: actor.agencyCode,
    agencyName: agency?.name ?? null,
    roles: [...actor.roles],
    isSystemAdmin: actor.isSystemAdmin,
    mustChangePassword,
    can: userCapabilities(actor),
  };
}
