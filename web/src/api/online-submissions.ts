/**
 * 网络申请待确认 (issue 12): the agency's queue of applications submitted on the public portal,
 * confirmed into a registered case (`201 Application`) or refused (不予受理, with a reason).
 */
import { api } from "./client.ts";
import type { components, operations } from "./generated/openapi.ts";
import type { Application } from "./types.ts";

/** A file sent with the submission (while pending; a confirmation moves it to the case). */
export type SubmissionDocument = components["schemas"]["SubmissionDocument"];
/** A submission as the queue lists it; the applicant's numbers masked as in every list. */
export type OnlineSubmission = components["schemas"]["OnlineSubmission"];
export type OnlineSubmissionPage = components["schemas"]["OnlineSubmissionPage"];

type ListQuery = NonNullable<operations["getApiV1OnlineSubmissions"]["parameters"]["query"]>;
type ConfirmBody = operations["postApiV1OnlineSubmissionsIdConfirm"]["requestBody"];
type RejectBody =
  operations["postApiV1OnlineSubmissionsIdReject"]["requestBody"]["content"]["application/json"];

const BASE = "/api/v1/online-submissions";

export const listOnlineSubmissions = (query: ListQuery, signal?: AbortSignal) =>
  api.get<OnlineSubmissionPage>(BASE, query, signal);

/** 确认受理: the case registered with the applicant's data; `receivedOn` defaults to today (art. 31). */
export const confirmSubmission = (id: string, receivedOn?: string) => {
  const body: NonNullable<ConfirmBody>["content"]["application/json"] = receivedOn ? { receivedOn } : {};
  return api.post<Application>(`${BASE}/${encodeURIComponent(id)}/confirm`, body);
};

/** 不予受理: no case; the reason is kept and shown to the applicant. */
export const rejectSubmission = (id: string, reason: string) => {
  const body: RejectBody = { reason };
  return api.post<OnlineSubmission>(`${BASE}/${encodeURIComponent(id)}/reject`, body);
};
