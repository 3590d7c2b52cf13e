/**
 * 分办 / 转办 and 工作交接 (issue 11): the agency's handlers to choose from, and the hand-over of
 * one handler's open cases. The assignment itself is an action (`assign`, endpoints.ts actOn).
 */
import { api } from "./client.ts";
import type { Page } from "./types.ts";

const V1 = "/api/v1";

/** An enabled handler of the agency, with the open cases already theirs. */
export interface HandlerChoice {
  username: string;
  displayName: string;
  openCases: number;
}

export interface HandOverReply {
  fromUsername: string;
  toUsername: string;
  moved: { id: string; trackingNo: string }[];
}

export const listAgencyHandlers = (agencyCode: string) =>
  api.get<Page<HandlerChoice>>(`${V1}/agencies/${encodeURIComponent(agencyCode)}/handlers`);

export const handOverCases = (username: string, body: { toUsername: string; reason: string }) =>
  api.post<HandOverReply>(`${V1}/users/${encodeURIComponent(username)}/hand-over`, body);
