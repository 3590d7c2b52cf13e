/**
 * The stage of an online application as the applicant's status page shows it (issue 12): a
 * code and its plain Chinese words. Before confirmation it is the submission's; after, the
 * case's, read from the same Application view the staff see (its state, flags and log).
 */
import { assertNever } from "../domain/assert-never.ts";
import type { ApplicationView } from "../services/application-types.ts";

export const PUBLIC_STAGES = [
  "awaiting_confirmation",
  "rejected",
  "registered",
  "supplement_requested",
  "in_progress",
  "extended",
  "replied",
  "closed",
  "withdrawn",
] as const;
export type PublicStage = (typeof PUBLIC_STAGES)[number];

export const PUBLIC_STAGE_LABELS: Record<PublicStage, string> = {
  awaiting_confirmation: "已提交，等待机关确认收到",
  rejected: "机关未予受理（不构成政府信息公开申请）",
  registered: "已受理登记",
  supplement_requested: "需要补正：请按补正告知书补充材料",
  in_progress: "办理中",
  extended: "办理中（已延期答复）",
  replied: "已答复",
  closed: "已终止",
  withdrawn: "已撤回",
};

/** The stage of a registered case. */
export function stageOfCase(view: Pick<ApplicationView, "state" | "flags" | "events">): PublicStage {
  switch (view.state) {
    case "registered":
      return "registered";
    case "awaiting_supplement":
      return "supplement_requested";
    case "in_progress":
      return view.flags.extended ? "extended" : "in_progress";
    case "decided":
    case "delivered":
    case "archived":
      return "replied";
    case "closed":
      return (view.events ?? []).some((e) => e.type === "application.withdrawn" && e.superseded === null)
        ? "withdrawn"
        : "closed";
    default:
      return assertNever(view.state, "application state");
  }
}

/** The stage of a submission not (or never) registered. */
export function stageOfSubmission(status: "pending" | "rejected" | "withdrawn"): PublicStage {
  switch (status) {
    case "pending":
      return "awaiting_confirmation";
    case "rejected":
      return "rejected";
    case "withdrawn":
      return "withdrawn";
    default:
      return assertNever(status, "submission status");
  }
}
