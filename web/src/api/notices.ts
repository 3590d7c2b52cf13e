/**
 * Notices to the applicant (issue 12): what the workers mailed and texted about a case, when, and
 * what failed (GET /api/v1/applications/:id/notices).
 */
import { api } from "./client.ts";

export interface NoticeChannel {
  status: "pending" | "sent" | "failed" | "none" | "cancelled";
  attempts: number;
  sentAt: string | null;
  error: string | null;
}

export interface CaseNotice {
  id: string;
  eventSeq: number;
  kind: "receipt" | "supplement" | "extension" | "fee" | "reply" | "re_reply" | "withdrawal";
  on: string;
  status: "pending" | "done" | "cancelled" | "skipped";
  reason: string | null;
  text: string | null;
  letterSerial: string | null;
  attachment: string | null;
  mail: NoticeChannel;
  sms: NoticeChannel;
  createdAt: string;
}

export const listCaseNotices = (applicationId: string, signal?: AbortSignal) =>
  api.get<{ items: CaseNotice[] }>(
    `/api/v1/applications/${encodeURIComponent(applicationId)}/notices`,
    undefined,
    signal,
  );
