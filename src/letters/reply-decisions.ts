import { getOutcome, type OutcomeId } from "../domain/outcomes.ts";

/** The reply to a withdrawal: it closes the case with （六）3 其他, but says why. */
const WITHDRAWN = "您已撤回该政府信息公开申请，本机关终止办理。";

/**
 * The decision of the reply letter for an outcome, from the one outcome table.
 * `withdrawn` distinguishes a withdrawal from another 其他处理 decision.
 */
export function replyDecision(outcome: OutcomeId, withdrawn: boolean): string {
  return withdrawn && outcome === "other.other" ? WITHDRAWN : getOutcome(outcome).decision;
}
