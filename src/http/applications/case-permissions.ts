import { UPLOAD_ROLES } from "../../documents/document-service.ts";
import type { ActionType } from "../../domain/application-events.ts";
import { ACTION_ROLES, APPEAL_ROLES } from "../../domain/roles.ts";
import type { Actor } from "../../services/actor.ts";
import type { ApplicationView } from "../../services/application-types.ts";

/**
 * What the reader may do on the case page, from the same tables the server checks (ACTION_ROLES,
 * APPEAL_ROLES, UPLOAD_ROLES; only in the case's own agency): the UI shows these buttons and keeps
 * no copy of the rules. `actions` are the allowed actions (the machine's) the reader's roles hold.
 */
export interface CasePermissions {
  actions: ActionType[];
  recordAppeal: boolean;
  uploadDocuments: boolean;
}

export function casePermissions(actor: Actor, view: ApplicationView): CasePermissions {
  const own = actor.agencyCode === view.agencyCode;
  const holds = (roles: readonly string[]) => own && actor.roles.some((r) => roles.includes(r));
  return {
    actions: view.allowedActions.filter((a) => holds(ACTION_ROLES[a])),
    recordAppeal: holds(APPEAL_ROLES),
    uploadDocuments: holds(UPLOAD_ROLES),
  };
}
