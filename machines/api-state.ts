import { assertNever } from "../src/domain/assert-never.ts";
import { getOutcome } from "../src/domain/outcomes.ts";
import type { ApplicationSnapshot } from "./application.machine.ts";

/** The `state` of the public API (API.md). */
export const API_STATES = [
  "registered",
  "awaiting_supplement",
  "in_progress",
  "decided",
  "delivered",
  "archived",
  "closed",
] as const;
export type ApiState = (typeof API_STATES)[number];

export const STATE_LABELS: Record<ApiState, string> = {
  registered: "已登记",
  awaiting_supplement: "待补正",
  in_progress: "办理中",
  decided: "已答复",
  delivered: "已送达",
  archived: "已归档",
  closed: "已终止",
};

/** The sub-states of inProgress that may overlap (DOMAIN.md §3); all false outside inProgress. */
export interface ApplicationFlags {
  consulting: boolean;
  extended: boolean;
  awaitingFee: boolean;
}

export const FLAG_LABELS: Record<keyof ApplicationFlags, string> = {
  consulting: "征求意见中",
  extended: "已延期",
  awaitingFee: "待缴费",
};

type TopState = Extract<ApplicationSnapshot["value"], string> | "inProgress";

function topStateOf(snapshot: ApplicationSnapshot): TopState {
  const value = snapshot.value;
  // inProgress is the only top-level state with children, so an object value is inProgress.
  return typeof value === "string" ? value : "inProgress";
}

export function toApiState(snapshot: ApplicationSnapshot): ApiState {
  const top = topStateOf(snapshot);
  switch (top) {
    case "registered":
      return "registered";
    case "awaitingSupplement":
      return "awaiting_supplement";
    case "inProgress":
      return "in_progress";
    case "decided":
      return "decided";
    case "delivered":
      return "delivered";
    case "archived":
      return "archived";
    case "closed":
      return "closed";
    default:
      return assertNever(top, "application state");
  }
}

export function toFlags(snapshot: ApplicationSnapshot): ApplicationFlags {
  return {
    consulting: snapshot.matches({ inProgress: { consultation: "consulting" } }),
    extended: snapshot.matches({ inProgress: { extension: "extended" } }),
    awaitingFee: snapshot.matches({ inProgress: { fee: "awaitingFee" } }),
  };
}

/** The state as a clerk reads it: 办理中（征求意见中、已延期）, 已终止（申请人撤回）. */
export function describeState(snapshot: ApplicationSnapshot): string {
  const state = toApiState(snapshot);
  const flags = toFlags(snapshot);
  const details = (Object.keys(FLAG_LABELS) as (keyof ApplicationFlags)[])
    .filter((flag) => flags[flag])
    .map((flag) => FLAG_LABELS[flag]);
  const disposition = snapshot.context.facts.disposition;
  if (state === "closed" && disposition) {
    details.push(
      disposition.by === "withdrawal"
        ? "申请人撤回"
        : getOutcome(disposition.outcome).shortLabel.replace(/^其他处理：/, ""),
    );
  }
  return details.length === 0 ? STATE_LABELS[state] : `${STATE_LABELS[state]}（${details.join("、")}）`;
}
