/**
 * The 工作台's tabs, sorts and counters (issue 11): `GET /api/v1/applications?view=&sort=&order=`
 * and `GET /api/v1/applications/counters` (src/services/worklist-query.ts, count-worklist-clocks.ts).
 */
import { api } from "./client.ts";
import type { components, operations } from "./generated/openapi.ts";

type ListParams = NonNullable<operations["getApiV1Applications"]["parameters"]["query"]>;

/** 待办 / 我承办的 / 已办 / 全部 (the list's `view`). */
export type WorklistView = NonNullable<ListParams["view"]>;

export const WORKLIST_VIEW_LABELS: Record<WorklistView, string> = {
  todo: "待办",
  mine: "我承办的",
  done: "已办",
  all: "全部",
};

/** The columns the server sorts the whole list by (the list's `sort`). */
export type WorklistSort = NonNullable<ListParams["sort"]>;

export type ClockCounter = components["schemas"]["ClockCounter"];
/** GET /applications/counters: per clock kind, overdue, due today and soon; the approval queue. */
export type WorklistCounters = components["schemas"]["WorklistCounters"];

export const fetchWorklistCounters = (
  query: { agency?: string; view?: WorklistView },
  signal?: AbortSignal,
) => api.get<WorklistCounters>("/api/v1/applications/counters", query, signal);
