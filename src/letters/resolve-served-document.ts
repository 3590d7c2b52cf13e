import { AppError } from "../app-error.ts";
import type { DbApplication, DbApplicationEvent } from "../db/schema.ts";
import type { CivilDate } from "../domain/civil-date.ts";
import {
  type Channel,
  DEFAULT_CONSULTATION_DELIVERY,
  DEFAULT_DELIVERY_BY_CHANNEL,
  DELIVERY_METHODS,
  type DeliveryMethod,
  type OutgoingDocument,
} from "../domain/vocabulary.ts";
import type { ServedDocument } from "./delivery-receipt.ts";
import { LETTER_KIND_DEFINITIONS } from "./letter-kinds.ts";
import { consultationEvent, type LetterOptions, lastOfType, payloadOf } from "./resolve-letter-event.ts";

const EVENT_OF: Record<Exclude<OutgoingDocument, "reply" | "consultation_letter">, string> = {
  supplement_notice: "supplement.requested",
  fee_notice: "fee.notified",
};

const asMethod = (v: unknown): DeliveryMethod | undefined =>
  (DELIVERY_METHODS as readonly unknown[]).includes(v) ? (v as DeliveryMethod) : undefined;
const asDate = (v: unknown) => (typeof v === "string" && v !== "" ? (v as CivilDate) : undefined);

/** The event that sent the document, or undefined for a reply that no decision sent (withdrawal, expiry). */
function sendingEvent(
  row: DbApplication,
  events: readonly DbApplicationEvent[],
  document: OutgoingDocument,
  options: LetterOptions,
): { event: DbApplicationEvent | undefined; sentOn: CivilDate } {
  if (document === "consultation_letter") {
    const event = consultationEvent(events, options);
    return { event, sentOn: event.effective_on as CivilDate };
  }
  if (document === "reply") {
    if (row.outcome === null || row.disposition_on === null) {
      throw new AppError("conflict", { message: LETTER_KIND_DEFINITIONS.reply.missing });
    }
    return { event: lastOfType(events, "decision.issued"), sentOn: row.disposition_on as CivilDate };
  }
  const event = lastOfType(events, EVENT_OF[document]);
  if (!event) throw new AppError("conflict", { message: LETTER_KIND_DEFINITIONS[document].missing });
  return { event, sentOn: event.effective_on as CivilDate };
}

/**
 * How an outgoing document went out and reached its addressee, for its 送达回证: the method the
 * sending event recorded (else the default: the application's channel, post for a consultation
 * letter), and the receipt recorded at sending or later (record_receipt → document.received).
 */
export function resolveServedDocument(
  row: DbApplication,
  events: readonly DbApplicationEvent[],
  document: OutgoingDocument,
  options: LetterOptions,
): Omit<ServedDocument, "title" | "serialNo" | "agencyName"> & { key: string } {
  const { event, sentOn } = sendingEvent(row, events, document, options);
  const p = event ? payloadOf(event) : {};
  const consultationId = document === "consultation_letter" ? String(p.consultationId) : undefined;
  const fallback =
    document === "consultation_letter"
      ? DEFAULT_CONSULTATION_DELIVERY
      : DEFAULT_DELIVERY_BY_CHANNEL[row.channel as Channel];
  const receipt = events
    .filter((e) => e.type === "document.received")
    .filter((e) => {
      const r = payloadOf(e);
      return r.document === document && (consultationId === undefined || r.consultationId === consultationId);
    })
    .at(-1);
  const recorded = receipt ? payloadOf(receipt) : {};
  const applicant = row.applicant as { name?: unknown; address?: unknown };
  const receivedOn =
    asDate(p.receivedByAddresseeOn) ?? asDate(p.receivedByApplicantOn) ?? asDate(receipt?.effective_on);
  return {
    key: consultationId ? `${document}:${consultationId}` : document,
    addressee: consultationId ? String(p.name) : String(applicant.name ?? ""),
    place: consultationId || typeof applicant.address !== "string" ? "" : applicant.address,
    sentBy: asMethod(p.sentBy) ?? fallback,
    sentOn,
    receivedOn,
    trackingNumber: typeof recorded.trackingNumber === "string" ? recorded.trackingNumber : undefined,
  };
}
