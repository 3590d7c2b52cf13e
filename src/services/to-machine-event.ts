import type { ApplicationContext } from "../../machines/application-context.ts";
import type { ApplicationEvent } from "../domain/application-events.ts";
import { assertNever } from "../domain/assert-never.ts";
import { CONSULTATION_WINDOW_WORKDAYS } from "../domain/statute.ts";
import type { ActionInput } from "./application-types.ts";

/** The machine event an API action records; defaults come from the agency's settings. */
export function toMachineEvent(
  input: ActionInput,
  context: ApplicationContext,
  settings: { supplementWindowWorkdays: number },
): ApplicationEvent {
  const on = input.on;
  switch (input.type) {
    case "request_supplement":
      return {
        type: "supplement.requested",
        on,
        items: input.items,
        windowWorkdays: input.windowWorkdays ?? settings.supplementWindowWorkdays,
      };
    case "receive_supplement":
      return { type: "supplement.received", on };
    case "start_consultation":
      return {
        type: "consultation.started",
        on,
        // ids are per case and never reused: c1, c2, …
        consultationId: `c${context.facts.consultations.length + 1}`,
        party: input.party,
        name: input.name,
        windowWorkdays: input.windowWorkdays ?? CONSULTATION_WINDOW_WORKDAYS,
      };
    case "end_consultation":
      return { type: "consultation.answered", on, consultationId: input.consultationId };
    case "extend":
      return { type: "extension.granted", on, workdays: input.workdays, reason: input.reason };
    case "issue_fee_notice": {
      const e: ApplicationEvent = {
        type: "fee.notified",
        on,
        basis: input.basis,
        amountYuan: input.amountYuan,
      };
      if (input.receivedByApplicantOn) e.receivedByApplicantOn = input.receivedByApplicantOn;
      return e;
    }
    case "receive_fee":
      return { type: "fee.paid", on };
    case "set_custom_deadline":
      return { type: "deadline.customized", on, dueOn: input.dueOn, reason: input.reason };
    case "decide": {
      const e: ApplicationEvent = { type: "decision.issued", on, outcome: input.outcome };
      if (input.replyText) e.replyText = input.replyText;
      return e;
    }
    case "withdraw":
      return { type: "application.withdrawn", on };
    case "deliver":
      return { type: "reply.delivered", on, method: input.method };
    case "archive":
      return { type: "application.archived", on };
    case "propose_decision": {
      const e: ApplicationEvent = { type: "decision.proposed", on, outcome: input.outcome };
      if (input.replyText) e.replyText = input.replyText;
      return e;
    }
    case "request_extension":
      return { type: "extension.requested", on, workdays: input.workdays, reason: input.reason };
    case "return_proposal":
      return { type: "proposal.returned", on, reason: input.reason };
    default:
      return assertNever(input, "action");
  }
}
