/**
 * Notices to the applicant (issue 12): what the workers mailed and texted about a case, when, and
 * what failed (GET /api/v1/applications/:id/notices).
 */
import { api } from "./client.ts";
import type { components } from "./generated/openapi.ts";

export type NoticeChannel = components["schemas"]["NoticeChannel"];
export type CaseNotice = components["schemas"]["CaseNotice"];

export const listCaseNotices = (applicationId: string, signal?: AbortSignal) =>
  api.get<components["schemas"]["CaseNotices"]>(
    `/api/v1/applications/${encodeURIComponent(applicationId)}/notices`,
    undefined,
    signal,
  );
