import type {
  Application,
  ClockView,
  DeliveryMethod,
  DocumentReceivedPayload,
  EventView,
  OutgoingDocument,
  ServiceFields,
} from "../../api/types.ts";

/** The event that sends each outgoing document (API.md: the four sending actions). */
const SENDING_EVENTS: Record<string, OutgoingDocument> = {
  "supplement.requested": "supplement_notice",
  "consultation.started": "consultation_letter",
  "fee.notified": "fee_notice",
  "decision.issued": "reply",
};

/** One outgoing document of the case and its service (送达), as the 送达 card lists it. */
export interface ServedDocument {
  /** `supplement_notice`, `consultation_letter-<consultationId>` …: the receipt clock's id too. */
  key: string;
  document: OutgoingDocument;
  consultationId?: string;
  /** The consulted party's name, for a consultation letter. */
  partyName?: string;
  /** The seq of the event that sent it: record_receipt's `documentEventSeq`. */
  eventSeq: number;
  sentOn: string;
  /** Absent on documents recorded before service was recorded (they count from sending). */
  sentBy?: DeliveryMethod;
  /** The day the addressee received it: recorded at sending or later (签收), else undefined. */
  receivedOn?: string;
  /** Received the day it was sent (handed over, online, e-mail, fax; or sent before issue 9). */
  isReceivedOnSending: boolean;
  trackingNumber?: string;
  /** Posted and its signature date not recorded yet: the windows wait for it. */
  isAwaitingReceipt: boolean;
  /** The reminder to record the receipt (5 WD after sending), when the server keeps one. */
  reminder?: ClockView;
}

const text = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

function receiptKey(document: OutgoingDocument, consultationId: string | undefined): string {
  return consultationId ? `${document}-${consultationId}` : document;
}

/**
 * The documents the case sent, in the order they went out, each with how it was sent and when
 * the addressee received it: from the sending event's payload (`sentBy`,
 * `receivedByAddresseeOn`) and a later `document.received` (its `on` is the signature date).
 * A supplement notice, fee notice and reply go once; each consultation has its letter.
 */
export function servedDocumentsOf(app: Application): ServedDocument[] {
  const events = (app.events ?? []).filter((e) => e.superseded === null);
  const receipts = new Map<string, EventView>();
  for (const e of events) {
    if (e.type !== "document.received") continue;
    const p = e.payload as unknown as DocumentReceivedPayload;
    receipts.set(receiptKey(p.document, text(p.consultationId)), e);
  }
  const reminders = new Map((app.deadlines.receipts ?? []).map((c) => [c.id ?? "", c]));
  const byKey = new Map<string, ServedDocument>();
  for (const e of events) {
    const document = SENDING_EVENTS[e.type];
    if (!document) continue;
    const p = e.payload as Record<string, unknown> & ServiceFields;
    const consultationId = document === "consultation_letter" ? text(p.consultationId) : undefined;
    const key = receiptKey(document, consultationId);
    const received = receipts.get(key);
    const atSending = text(p.receivedByAddresseeOn) ?? text(p.receivedByApplicantOn);
    const isPosted = p.sentBy === "post";
    const row: ServedDocument = {
      key,
      document,
      eventSeq: e.seq,
      sentOn: e.on,
      isReceivedOnSending: !isPosted && atSending === undefined,
      isAwaitingReceipt: isPosted && atSending === undefined && received === undefined,
    };
    if (consultationId) row.consultationId = consultationId;
    const partyName = document === "consultation_letter" ? text(p.name) : undefined;
    if (partyName) row.partyName = partyName;
    if (p.sentBy) row.sentBy = p.sentBy;
    const receivedOn = received?.on ?? atSending ?? (row.isReceivedOnSending ? e.on : undefined);
    if (receivedOn) row.receivedOn = receivedOn;
    const tracking = text(received?.payload.trackingNumber);
    if (tracking) row.trackingNumber = tracking;
    const reminder = reminders.get(key);
    if (reminder) row.reminder = reminder;
    // the last sending event of a kind is the document (as the letters read it)
    byKey.delete(key);
    byKey.set(key, row);
  }
  return [...byKey.values()];
}
