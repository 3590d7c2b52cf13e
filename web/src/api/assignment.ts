/**
 * 分办 / 转办 and 工作交接 (issue 11): the agency's handlers to choose from, and the hand-over of
 * one handler's open cases. The assignment itself is an action (`assign`, endpoints.ts actOn).
 */
import { api } from "./client.ts";
import type { components } from "./generated/openapi.ts";

const V1 = "/api/v1";

/** An enabled handler of the agency, with the open cases already theirs. */
export type HandlerChoice = components["schemas"]["HandlerChoice"];
export type HandOverReply = components["schemas"]["HandOverReply"];

export const listAgencyHandlers = (agencyCode: string) =>
  api.get<components["schemas"]["HandlerList"]>(`${V1}/agencies/${encodeURIComponent(agencyCode)}/handlers`);

export const handOverCases = (username: string, body: { toUsername: string; reason: string }) =>
  api.post<HandOverReply>(`${V1}/users/${encodeURIComponent(username)}/hand-over`, body);
