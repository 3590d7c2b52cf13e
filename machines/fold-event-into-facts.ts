import type { ApplicationEvent, Service } from "../src/domain/application-events.ts";
import { assertNever } from "../src/domain/assert-never.ts";
import type { CaseFacts, ConsultationFacts, DocumentService } from "../src/domain/case-facts.ts";
import {
  FEE_UNPAID_OUTCOME,
  SUPPLEMENT_OVERDUE_OUTCOME,
  WITHDRAWAL_OUTCOME,
} from "../src/domain/outcomes.ts";

/**
 * The facts after one accepted event. Never mutates: snapshots share their context objects
 * (graph search, the previous snapshot kept for the optimistic version check).
 * The machine's guards run first, so a missing supplement or fee here is a bug.
 */
export function foldEventIntoFacts(facts: CaseFacts, event: ApplicationEvent): CaseFacts {
  const folded = foldEvent(facts, event);
  // A pending proposal ends when the approver acts on it or the case leaves the states where it
  // could be approved (a supplement notice, withdrawal, an automatic closing).
  return folded.proposal !== undefined && CLEARS_PROPOSAL.has(event.type) ? withoutProposal(folded) : folded;
}

const CLEARS_PROPOSAL = new Set<ApplicationEvent["type"]>([
  "decision.issued",
  "extension.granted",
  "proposal.returned",
  "proposal.withdrawn",
  "supplement.requested",
  "supplement.expired",
  "fee.expired",
  "application.withdrawn",
]);

function withoutProposal(facts: CaseFacts): CaseFacts {
  const { proposal: _, ...rest } = facts;
  return rest;
}

function foldEvent(facts: CaseFacts, event: ApplicationEvent): CaseFacts {
  switch (event.type) {
    case "supplement.requested": {
      const service = serviceOf(event);
      return {
        ...facts,
        supplement: {
          requestedOn: event.on,
          windowWorkdays: event.windowWorkdays,
          ...(service ? { service } : {}),
        },
      };
    }
    case "supplement.received":
      return { ...facts, supplement: { ...requireSupplement(facts), receivedOn: event.on } };
    case "supplement.expired":
      return {
        ...facts,
        supplement: { ...requireSupplement(facts), expiredOn: event.on },
        disposition: { on: event.on, outcome: SUPPLEMENT_OVERDUE_OUTCOME, by: "automatic" },
      };
    case "consultation.started":
      return { ...facts, consultations: [...facts.consultations, startedConsultation(event)] };
    case "consultation.answered":
      return updateConsultation(facts, event.consultationId, { answeredOn: event.on });
    case "consultation.expired":
      return updateConsultation(facts, event.consultationId, { expiredOn: event.on });
    case "extension.granted":
      return { ...facts, extension: { grantedOn: event.on, workdays: event.workdays } };
    case "fee.notified":
      return { ...facts, fee: notifiedFee(event) };
    case "fee.paid":
      return { ...facts, fee: { ...requireFee(facts), paidOn: event.on } };
    case "fee.expired":
      return {
        ...facts,
        fee: { ...requireFee(facts), expiredOn: event.on },
        disposition: { on: event.on, outcome: FEE_UNPAID_OUTCOME, by: "automatic" },
      };
    case "deadline.customized":
      return { ...facts, customDeadline: { setOn: event.on, dueOn: event.dueOn } };
    case "decision.issued": {
      const service = serviceOf(event);
      return {
        ...facts,
        disposition: { on: event.on, outcome: event.outcome, by: "decision" },
        ...(service ? { replyService: service } : {}),
      };
    }
    case "document.received":
      return receiveDocument(facts, event);
    case "rereply.ordered":
      return {
        ...facts,
        reReply: {
          orderedOn: event.on,
          appealId: event.appealId,
          ...(event.dueOn === undefined ? {} : { dueOn: event.dueOn }),
        },
      };
    case "rereply.issued":
      return {
        ...facts,
        reReply: { ...requireReReply(facts), issuedOn: event.on, outcome: event.outcome },
      };
    case "application.withdrawn":
      return { ...facts, disposition: { on: event.on, outcome: WITHDRAWAL_OUTCOME, by: "withdrawal" } };
    case "decision.proposed":
      return {
        ...facts,
        proposal: {
          kind: "decision",
          on: event.on,
          outcome: event.outcome,
          // Omitted rather than undefined, so the stored JSON round-trips to an equal object.
          ...(event.replyText === undefined ? {} : { replyText: event.replyText }),
        },
      };
    case "extension.requested":
      return {
        ...facts,
        proposal: { kind: "extension", on: event.on, workdays: event.workdays, reason: event.reason },
      };
    case "proposal.returned":
    case "proposal.withdrawn":
      // Cleared below; the reason stays in the event log.
      return facts;
    case "case.assigned":
      return { ...facts, assignee: { userId: event.handlerUserId, username: event.handlerUsername } };
    case "registration.amended":
      // The receipt date is the replay's starting point (write-case.ts), not a folded fact.
      return facts;
    case "reply.delivered":
    case "application.archived":
      // Delivery and archiving change no clock; the event log keeps their details.
      return facts;
    default:
      return assertNever(event, "application event");
  }
}

function startedConsultation(
  event: Extract<ApplicationEvent, { type: "consultation.started" }>,
): ConsultationFacts {
  const service = serviceOf(event);
  return {
    id: event.consultationId,
    party: event.party,
    name: event.name,
    startedOn: event.on,
    windowWorkdays: event.windowWorkdays,
    ...(event.dueOn === undefined ? {} : { dueOn: event.dueOn }),
    ...(service ? { service } : {}),
  };
}

/** The service of an outgoing document's event; omitted (not undefined) when nothing is known. */
function serviceOf(event: Service): DocumentService | undefined {
  if (event.sentBy === undefined && event.receivedByAddresseeOn === undefined) return undefined;
  return {
    ...(event.sentBy === undefined ? {} : { sentBy: event.sentBy }),
    ...(event.receivedByAddresseeOn === undefined ? {} : { receivedOn: event.receivedByAddresseeOn }),
  };
}

/** 送达: the addressee's receipt of a document sent earlier; its window counts from it. */
function receiveDocument(
  facts: CaseFacts,
  event: Extract<ApplicationEvent, { type: "document.received" }>,
): CaseFacts {
  switch (event.document) {
    case "supplement_notice": {
      const s = requireSupplement(facts);
      return { ...facts, supplement: { ...s, service: { ...s.service, receivedOn: event.on } } };
    }
    case "fee_notice":
      return { ...facts, fee: { ...requireFee(facts), receivedByApplicantOn: event.on } };
    case "consultation_letter":
      return {
        ...facts,
        consultations: facts.consultations.map((c) =>
          c.id === event.consultationId ? { ...c, service: { ...c.service, receivedOn: event.on } } : c,
        ),
      };
    case "reply":
      return { ...facts, replyService: { ...facts.replyService, receivedOn: event.on } };
    default:
      return assertNever(event.document, "outgoing document");
  }
}

function notifiedFee(
  event: Extract<ApplicationEvent, { type: "fee.notified" }>,
): NonNullable<CaseFacts["fee"]> {
  const received = event.receivedByAddresseeOn ?? event.receivedByApplicantOn;
  return {
    notifiedOn: event.on,
    basis: event.basis,
    amountYuan: event.amountYuan,
    // Omitted rather than undefined, so the stored JSON round-trips to an equal object.
    ...(received === undefined ? {} : { receivedByApplicantOn: received }),
    ...(event.sentBy === undefined ? {} : { sentBy: event.sentBy }),
  };
}

function updateConsultation(
  facts: CaseFacts,
  id: string,
  patch: Pick<ConsultationFacts, "answeredOn"> | Pick<ConsultationFacts, "expiredOn">,
): CaseFacts {
  return { ...facts, consultations: facts.consultations.map((c) => (c.id === id ? { ...c, ...patch } : c)) };
}

function requireSupplement(facts: CaseFacts): NonNullable<CaseFacts["supplement"]> {
  if (!facts.supplement) throw new Error("invariant: supplement event without a supplement notice");
  return facts.supplement;
}

function requireFee(facts: CaseFacts): NonNullable<CaseFacts["fee"]> {
  if (!facts.fee) throw new Error("invariant: fee event without a fee notice");
  return facts.fee;
}

function requireReReply(facts: CaseFacts): NonNullable<CaseFacts["reReply"]> {
  if (!facts.reReply) throw new Error("invariant: re-reply without an order");
  return facts.reReply;
}
