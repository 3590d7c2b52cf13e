import { AppError } from "../app-error.ts";
import type { DbApplication, DbApplicationEvent } from "../db/schema.ts";
import { assertNever } from "../domain/assert-never.ts";
import type { CivilDate } from "../domain/civil-date.ts";
import type { OutcomeId } from "../domain/outcomes.ts";
import type { ReviewBody } from "../domain/review-body.ts";
import {
  type ConsultationParty,
  DELIVERY_METHODS,
  type DeliveryMethod,
  type FeeBasis,
} from "../domain/vocabulary.ts";
import type { ApplicationView, ClockView } from "../services/application-types.ts";
import { feeCalculation } from "./fee-notice-body.ts";
import { LETTER_KIND_DEFINITIONS, type LetterKind } from "./letter-kinds.ts";
import type { LetterEvent } from "./letter-types.ts";

/** The query of a letter's download (ZLetterQuery). */
export interface LetterOptions {
  /** Which consultation (c1, c2, …) when the case has several. */
  consultationId?: string | undefined;
  /** A fee notice recorded without its quantity: the pages (按量) or items (按件) to print. */
  pages?: number | undefined;
  items?: number | undefined;
  itemsEarlierThisMonth?: number | undefined;
}

/** What a letter needs besides the case's events: its clocks and the agency's settings. */
export interface LetterContext {
  /** The case's clocks as GET /applications/:id computes them. */
  deadlines: ApplicationView["deadlines"];
  /** The agency's default 缴纳方式 (letter settings). */
  feePaymentMethod: string | null;
  /** The review body for an act on that day, or null when neither the tree nor a setting names it. */
  reviewBodyOn: (on: CivilDate) => ReviewBody | null;
  /** The case's reviews and lawsuits by id (a re-reply letter cites the one that ordered it). */
  appeals?: ReadonlyMap<string, { kind: string; resultOn: CivilDate | null }>;
}

type Payload = Record<string, unknown>;

export function payloadOf(e: DbApplicationEvent): Payload {
  return (e.payload ?? {}) as Payload;
}

function missing(kind: LetterKind): AppError {
  return new AppError("conflict", { message: LETTER_KIND_DEFINITIONS[kind].missing });
}

export function lastOfType(
  events: readonly DbApplicationEvent[],
  type: string,
): DbApplicationEvent | undefined {
  return events.filter((e) => e.type === type).at(-1);
}

const text = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v : undefined);
const deliveryMethod = (v: unknown) =>
  (DELIVERY_METHODS as readonly unknown[]).includes(v) ? (v as DeliveryMethod) : undefined;
const int = (v: unknown) => (typeof v === "number" && Number.isInteger(v) ? v : undefined);

/**
 * A window's last day as the system computes it, when the letter may print it: not while it
 * waits for a posted document's receipt, nor while it is provisional.
 */
function knownEnd(clock: ClockView | undefined): CivilDate | undefined {
  return clock && !clock.awaitingReceipt && !clock.provisional ? clock.dueOn : undefined;
}

export function consultationEvent(events: readonly DbApplicationEvent[], options: LetterOptions) {
  const started = events.filter((e) => e.type === "consultation.started");
  if (started.length === 0) throw missing("consultation_letter");
  const ids = started.map((e) => String(payloadOf(e).consultationId));
  if (options.consultationId === undefined && started.length > 1) {
    throw new AppError("invalid_input", {
      message: `该申请有 ${started.length} 次征求意见（${ids.join("、")}），请用 consultationId 指明要生成哪一份征求意见书`,
      details: [{ field: "consultationId", message: `应为 ${ids.join("、")} 之一` }],
    });
  }
  const event =
    options.consultationId === undefined
      ? started[0]
      : started.find((e) => payloadOf(e).consultationId === options.consultationId);
  if (!event) {
    throw new AppError("not_found", { message: `该申请没有编号为“${options.consultationId}”的征求意见` });
  }
  return event;
}

function noReviewBody(): AppError {
  return new AppError("conflict", {
    message:
      "无法确定本机关的行政复议机关：机关树中本机关之上没有人民政府，本机关也未设置复议机关。请本机关管理员在“系统管理 → 提醒与文书编号”中设置行政复议机关后，再生成答复书",
  });
}

function noPaymentMethod(): AppError {
  return new AppError("conflict", {
    message:
      "收费通知未写明缴纳方式：请在发出收费通知时填写缴纳方式，或由本机关管理员在“系统管理 → 提醒与文书编号”中设置默认缴纳方式后，再生成收费通知书",
  });
}

function feeEvent(e: DbApplicationEvent, options: LetterOptions, ctx: LetterContext): LetterEvent {
  const p = payloadOf(e);
  const basis = p.basis as FeeBasis;
  const paymentMethod = text(p.paymentMethod) ?? ctx.feePaymentMethod;
  if (!paymentMethod) throw noPaymentMethod();
  const calculation = feeCalculation({
    basis,
    amountYuan: Number(p.amountYuan),
    quantity: int(p.quantity) ?? (basis === "per_volume" ? options.pages : options.items),
    itemsEarlierThisMonth: int(p.itemsEarlierThisMonth) ?? options.itemsEarlierThisMonth,
    amountReason: text(p.amountReason),
  });
  return {
    kind: "fee_notice",
    on: e.effective_on as CivilDate,
    basis,
    ...calculation,
    paymentMethod,
    windowEnd: knownEnd(ctx.deadlines.feePayment),
  };
}

function replyEvent(
  row: DbApplication,
  events: readonly DbApplicationEvent[],
  ctx: LetterContext,
): LetterEvent {
  if (row.outcome === null || row.disposition_on === null) throw missing("reply");
  const on = row.disposition_on as CivilDate;
  const reviewBody = ctx.reviewBodyOn(on);
  if (!reviewBody) throw noReviewBody();
  const decision = lastOfType(events, "decision.issued");
  const p = decision ? payloadOf(decision) : {};
  const disclosure = p.disclosure === "already_public" ? "already_public" : "provided";
  return {
    kind: "reply",
    on,
    outcome: row.outcome as OutcomeId,
    circumstances: {
      disclosure,
      holdingAgency: text(p.holdingAgency),
      thirdPartyConsulted: events.some(
        (e) => e.type === "consultation.started" && payloadOf(e).party === "third_party",
      ),
      withdrawn: events.some((e) => e.type === "application.withdrawn"),
    },
    replyText: text(p.replyText) ?? null,
    reasons: text(p.reasons) ?? null,
    reviewBody,
    sentBy: deliveryMethod(p.sentBy),
  };
}

/**
 * The event a letter of the case rests on, and the letter's key in `letters` (one number per
 * key): 409 with a Chinese message when the case has no such event (no fee notice without
 * fee.notified, no reply before the case ended) or when the letter cannot say what the law asks
 * (no review body, no payment method).
 */
export function resolveLetterEvent(
  row: DbApplication,
  events: readonly DbApplicationEvent[],
  kind: LetterKind,
  options: LetterOptions,
  ctx: LetterContext,
): { key: string; event: LetterEvent } {
  const on = (e: DbApplicationEvent) => e.effective_on as CivilDate;
  const only = (type: string) => {
    const e = lastOfType(events, type);
    if (!e) throw missing(kind);
    return { e, p: payloadOf(e) };
  };
  switch (kind) {
    case "receipt":
      return { key: kind, event: { kind, on: row.received_on as CivilDate } };
    case "supplement_notice": {
      const { e, p } = only("supplement.requested");
      const items = Array.isArray(p.items) ? p.items.map(String) : [];
      const windowEnd = knownEnd(ctx.deadlines.supplementWindow);
      return {
        key: kind,
        event: { kind, on: on(e), items, windowWorkdays: Number(p.windowWorkdays), windowEnd },
      };
    }
    case "extension_notice": {
      const { e, p } = only("extension.granted");
      return {
        key: kind,
        event: { kind, on: on(e), workdays: Number(p.workdays), reason: String(p.reason ?? "") },
      };
    }
    case "consultation_letter": {
      const e = consultationEvent(events, options);
      const p = payloadOf(e);
      const id = String(p.consultationId);
      const event: LetterEvent = {
        kind,
        on: on(e),
        party: p.party as ConsultationParty,
        name: String(p.name),
        windowWorkdays: Number(p.windowWorkdays),
        dueOn: text(p.dueOn) as CivilDate | undefined,
        windowEnd: knownEnd(ctx.deadlines.consultations?.find((c) => c.id === id)),
      };
      return { key: `${kind}:${id}`, event };
    }
    case "fee_notice":
      return { key: kind, event: feeEvent(only("fee.notified").e, options, ctx) };
    case "reply":
      return { key: kind, event: replyEvent(row, events, ctx) };
    case "re_reply":
      return reReplyEvent(row, events, ctx);
    default:
      return assertNever(kind, "letter kind");
  }
}

/** The latest new reply (重新答复) and the order it answers: the decision and when it came. */
function reReplyEvent(
  row: DbApplication,
  events: readonly DbApplicationEvent[],
  ctx: LetterContext,
): { key: string; event: LetterEvent } {
  const issued = lastOfType(events, "rereply.issued");
  if (!issued || row.disposition_on === null) throw missing("re_reply");
  const order = events.filter((e) => e.type === "rereply.ordered" && e.seq < issued.seq).at(-1);
  const on = issued.effective_on as CivilDate;
  const reviewBody = ctx.reviewBodyOn(on);
  if (!reviewBody) throw noReviewBody();
  const p = payloadOf(issued);
  const appeal = order ? ctx.appeals?.get(String(payloadOf(order).appealId)) : undefined;
  return {
    key: `re_reply:${issued.seq}`,
    event: {
      kind: "re_reply",
      on,
      outcome: p.outcome as OutcomeId,
      circumstances: {
        disclosure: p.disclosure === "already_public" ? "already_public" : "provided",
        holdingAgency: text(p.holdingAgency),
        thirdPartyConsulted: events.some(
          (e) => e.type === "consultation.started" && payloadOf(e).party === "third_party",
        ),
        withdrawn: false,
      },
      replyText: text(p.replyText) ?? null,
      reasons: text(p.reasons) ?? null,
      reviewBody,
      sentBy: deliveryMethod(p.sentBy),
      firstReplyOn: row.disposition_on as CivilDate,
      order: {
        byCourt: appeal !== undefined && appeal.kind !== "administrative_review",
        decidedOn: appeal?.resultOn ?? null,
        receivedOn: (order?.effective_on ?? on) as CivilDate,
      },
    },
  };
}
