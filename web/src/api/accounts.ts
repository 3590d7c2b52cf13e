/**
 * User administration (API.md additions of issue 10): edit, disable and enable, reset a password,
 * end all sessions, and the account audit. Who may do what is the server's rule
 * (src/domain/account-rules.ts, imported by the page for its buttons).
 */
import { api, apiRequest } from "./client.ts";
import type { components } from "./generated/openapi.ts";
import type { Role, User } from "./types.ts";

const V1 = "/api/v1";
const userPath = (username: string) => `${V1}/users/${encodeURIComponent(username)}`;

export interface UserChanges {
  displayName?: string;
  /** null clears it. */
  email?: string | null;
  roles?: Role[];
}

export type AccountAuditLine = components["schemas"]["AccountAuditLine"];

export const updateUser = (username: string, changes: UserChanges) =>
  apiRequest<User>("PATCH", userPath(username), { body: changes });
export const disableUser = (username: string, reason?: string) =>
  api.post<User>(`${userPath(username)}/disable`, reason ? { reason } : {});
export const enableUser = (username: string) => api.post<User>(`${userPath(username)}/enable`, {});
/** Without a password the server generates one and returns it (this once only). */
export const resetUserPassword = (username: string, password?: string) =>
  api.post<components["schemas"]["PasswordReset"]>(
    `${userPath(username)}/reset-password`,
    password ? { password } : {},
  );
export const endUserSessions = (username: string) =>
  api.post<components["schemas"]["SessionsEnded"]>(`${userPath(username)}/end-sessions`, {});
export const listAccountAudit = (query: {
  agency?: string;
  username?: string;
  page?: number;
  pageSize?: number;
}) => api.get<components["schemas"]["AccountAuditPage"]>(`${V1}/account-audit`, query);
/** The user's own password (POST /auth/password): other sessions end, this one goes on. */
export const changeOwnPassword = (currentPassword: string, newPassword: string) =>
  api.post<void>(`${V1}/auth/password`, { currentPassword, newPassword });
