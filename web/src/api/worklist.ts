/**
 * The 工作台's tabs, sorts and counters (issue 11): `GET /api/v1/applications?view=&sort=&order=`
 * and `GET /api/v1/applications/counters` (src/services/worklist-query.ts, count-worklist-clocks.ts).
 */
import { api } from "./client.ts";

/** 待办 / 我承办的 / 已办 / 全部. */
export type WorklistView = "todo" | "mine" | "done" | "all";

export const WORKLIST_VIEW_LABELS: Record<WorklistView, string> = {
  todo: "待办",
  mine: "我承办的",
  done: "已办",
  all: "全部",
};

/** The columns the server sorts the whole list by. */
export type WorklistSort =
  | "urgency"
  | "due"
  | "receivedOn"
  | "trackingNo"
  | "applicant"
  | "applicantType"
  | "channel"
  | "state"
  | "handler"
  | "agency";

export interface ClockCounter {
  kind: string;
  label: string;
  overdue: number;
  dueToday: number;
  dueSoon: number;
}

export interface WorklistCounters {
  today: string;
  soonUntil: string;
  soonWorkdays: number;
  clocks: ClockCounter[];
  /** Proposals waiting for the approver in the scope (the 审批 queue). */
  awaitingApproval: number;
}

export const fetchWorklistCounters = (
  query: { agency?: string; view?: WorklistView },
  signal?: AbortSignal,
) => api.get<WorklistCounters>("/api/v1/applications/counters", query, signal);
