import type { ApplicationContext } from "../../machines/application-context.ts";
import type { ApplicationEvent, ReplyDetails, Service } from "../domain/application-events.ts";
import { assertNever } from "../domain/assert-never.ts";
import type { CivilDate } from "../domain/civil-date.ts";
import { CONSULTATION_WINDOW_WORKDAYS } from "../domain/statute.ts";
import {
  DEFAULT_CONSULTATION_DELIVERY,
  type DeliveryMethod,
  type OutgoingDocument,
} from "../domain/vocabulary.ts";
import type { ActionInput } from "./application-types.ts";

export interface EventDefaults {
  /** The agency's supplement window (policy, DOMAIN.md §5). */
  supplementWindowWorkdays: number;
  /** How documents to the applicant go by default: by the application's channel. */
  sentBy: DeliveryMethod;
  /** record_receipt: the document its `documentEventSeq` names (resolved from the log). */
  receiptOf?: { document: OutgoingDocument; consultationId?: string | undefined };
  /** assign: the handler its `handlerUsername` names, and the one before (resolved and checked). */
  assignee?: {
    userId: number;
    username: string;
    displayName: string;
    previous?: { username: string; displayName: string } | undefined;
  };
  /** amend_registration: each corrected field's old and new value (computed from the row). */
  corrections?: Record<string, { from?: unknown; to?: unknown }>;
}

/** The machine event an API action records; defaults come from the agency's settings and the case. */
export function toMachineEvent(
  input: ActionInput,
  context: ApplicationContext,
  defaults: EventDefaults,
): ApplicationEvent {
  const on = input.on;
  switch (input.type) {
    case "request_supplement":
      return {
        type: "supplement.requested",
        on,
        items: input.items,
        windowWorkdays: input.windowWorkdays ?? defaults.supplementWindowWorkdays,
        ...service(input, defaults.sentBy),
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
        ...(input.dueOn === undefined ? {} : { dueOn: input.dueOn }),
        ...service(input, DEFAULT_CONSULTATION_DELIVERY),
      };
    case "end_consultation":
      return { type: "consultation.answered", on, consultationId: input.consultationId };
    case "extend":
      return { type: "extension.granted", on, workdays: input.workdays, reason: input.reason };
    case "issue_fee_notice":
      return {
        type: "fee.notified",
        on,
        basis: input.basis,
        amountYuan: input.amountYuan,
        ...(input.quantity === undefined ? {} : { quantity: input.quantity }),
        ...(input.itemsEarlierThisMonth === undefined
          ? {}
          : { itemsEarlierThisMonth: input.itemsEarlierThisMonth }),
        ...(input.amountReason ? { amountReason: input.amountReason } : {}),
        ...(input.paymentMethod ? { paymentMethod: input.paymentMethod } : {}),
        ...service(
          {
            sentBy: input.sentBy,
            receivedByAddresseeOn: input.receivedByAddresseeOn ?? input.receivedByApplicantOn,
          },
          defaults.sentBy,
        ),
      };
    case "receive_fee":
      return { type: "fee.paid", on };
    case "set_custom_deadline":
      return { type: "deadline.customized", on, dueOn: input.dueOn, reason: input.reason };
    case "decide":
      return {
        type: "decision.issued",
        on,
        outcome: input.outcome,
        ...replyDetails(input),
        ...service(input, defaults.sentBy),
      };
    case "withdraw":
      return { type: "application.withdrawn", on };
    case "deliver":
      return { type: "reply.delivered", on, method: input.method };
    case "archive":
      return { type: "application.archived", on };
    case "propose_decision":
      return { type: "decision.proposed", on, outcome: input.outcome, ...replyDetails(input) };
    case "request_extension":
      return { type: "extension.requested", on, workdays: input.workdays, reason: input.reason };
    case "return_proposal":
      return { type: "proposal.returned", on, reason: input.reason };
    case "re_reply":
      return {
        type: "rereply.issued",
        on,
        outcome: input.outcome,
        ...replyDetails(input),
        ...service(input, defaults.sentBy),
      };
    case "record_receipt": {
      const of = defaults.receiptOf;
      if (!of) throw new Error("record_receipt without its document resolved");
      return {
        type: "document.received",
        on: input.receivedOn ?? on,
        document: of.document,
        ...(of.consultationId === undefined ? {} : { consultationId: of.consultationId }),
        ...(input.trackingNumber ? { trackingNumber: input.trackingNumber } : {}),
      };
    }
    case "withdraw_proposal":
      return { type: "proposal.withdrawn", on };
    case "assign": {
      const a = defaults.assignee;
      if (!a) throw new Error("assign without its handler resolved");
      return {
        type: "case.assigned",
        on,
        handlerUserId: a.userId,
        handlerUsername: a.username,
        handlerName: a.displayName,
        ...(a.previous
          ? { previousUsername: a.previous.username, previousName: a.previous.displayName }
          : {}),
      };
    }
    case "amend_registration": {
      if (!defaults.corrections) throw new Error("amend_registration without its changes resolved");
      return { type: "registration.amended", on, changes: defaults.corrections };
    }
    default:
      return assertNever(input, "action");
  }
}

/** sentBy always recorded (the default when not given); the receipt when known at sending. */
function service(
  input: { sentBy?: DeliveryMethod | undefined; receivedByAddresseeOn?: CivilDate | undefined },
  fallback: DeliveryMethod,
): Service {
  const received = input.receivedByAddresseeOn;
  return { sentBy: input.sentBy ?? fallback, ...(received ? { receivedByAddresseeOn: received } : {}) };
}

/** Omitted rather than undefined, so the stored JSON round-trips to an equal object. */
function replyDetails(input: {
  replyText?: string | undefined;
  reasons?: string | undefined;
  holdingAgency?: string | undefined;
  disclosure?: ReplyDetails["disclosure"] | undefined;
}): ReplyDetails {
  return {
    ...(input.replyText ? { replyText: input.replyText } : {}),
    ...(input.reasons ? { reasons: input.reasons } : {}),
    ...(input.holdingAgency ? { holdingAgency: input.holdingAgency } : {}),
    ...(input.disclosure ? { disclosure: input.disclosure } : {}),
  };
}
