/**
 * 网络申请待确认 (issue 12): the agency's queue of applications submitted on the public portal,
 * confirmed into a registered case (`201 Application`) or refused (不予受理, with a reason).
 */
import { api } from "./client.ts";
import type { Applicant, Application, Page } from "./types.ts";

/** A file sent with the submission (while pending; a confirmation moves it to the case). */
export interface SubmissionDocument {
  id: string;
  /** The name to save it under (its extension by the type read from the content). */
  fileName: string;
  contentType: string;
  size: number;
  kind: string;
  /** Where the staff download it (the session cookie). */
  url: string;
}

/** A submission as the queue lists it; the applicant's numbers masked as in every list. */
export interface OnlineSubmission {
  id: string;
  agencyCode: string;
  status: "pending" | "confirmed" | "rejected" | "withdrawn";
  submittedAt: string;
  /** The day it was submitted (China): the earliest receipt date a confirmation may give. */
  submittedOn: string;
  applicant: Applicant & { legalRepresentative?: string; contactPerson?: string };
  description: string;
  deliveryForm: string | null;
  rejectReason: string | null;
  applicationId: string | null;
  documents: SubmissionDocument[];
}

const BASE = "/api/v1/online-submissions";

export const listOnlineSubmissions = (query: { agency?: string; page?: number }, signal?: AbortSignal) =>
  api.get<Page<OnlineSubmission> | { items: OnlineSubmission[]; total: number }>(BASE, query, signal);

/** 确认受理: the case registered with the applicant's data; `receivedOn` defaults to today (art. 31). */
export const confirmSubmission = (id: string, receivedOn?: string) =>
  api.post<Application>(`${BASE}/${encodeURIComponent(id)}/confirm`, receivedOn ? { receivedOn } : {});

/** 不予受理: no case; the reason is kept and shown to the applicant. */
export const rejectSubmission = (id: string, reason: string) =>
  api.post<OnlineSubmission>(`${BASE}/${encodeURIComponent(id)}/reject`, { reason });
