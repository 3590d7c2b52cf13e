import { AppError } from "../app-error.ts";
import type { DbApplication, DbApplicationEvent } from "../db/schema.ts";
import { assertNever } from "../domain/assert-never.ts";
import type { CivilDate } from "../domain/civil-date.ts";
import type { OutcomeId } from "../domain/outcomes.ts";
import type { ConsultationParty, FeeBasis } from "../domain/vocabulary.ts";
import { type FeeQuantities, feeLines } from "./fee-lines.ts";
import type { LetterEvent } from "./letter-content.ts";
import { LETTER_KIND_DEFINITIONS, type LetterKind } from "./letter-kinds.ts";

export interface LetterOptions extends FeeQuantities {
  /** Which consultation (c1, c2, …) when the case has several. */
  consultationId?: string | undefined;
}

type Payload = Record<string, unknown>;

function payloadOf(e: DbApplicationEvent): Payload {
  return (e.payload ?? {}) as Payload;
}

function missing(kind: LetterKind): AppError {
  return new AppError("conflict", { message: LETTER_KIND_DEFINITIONS[kind].missing });
}

function lastOfType(events: readonly DbApplicationEvent[], type: string): DbApplicationEvent | undefined {
  return events.filter((e) => e.type === type).at(-1);
}

function consultation(events: readonly DbApplicationEvent[], options: LetterOptions) {
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

/**
 * The event a letter of the case rests on, and the letter's key in `letters` (one number per
 * key): 409 with a Chinese message when the case has no such event (no fee notice without
 * fee.notified, no reply before the case ended).
 */
export function resolveLetterEvent(
  row: DbApplication,
  events: readonly DbApplicationEvent[],
  kind: LetterKind,
  options: LetterOptions = {},
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
      return {
        key: kind,
        event: {
          kind,
          on: on(e),
          items: (p.items as string[]) ?? [],
          windowWorkdays: Number(p.windowWorkdays),
        },
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
      const e = consultation(events, options);
      const p = payloadOf(e);
      const event: LetterEvent = {
        kind,
        on: on(e),
        party: p.party as ConsultationParty,
        name: String(p.name),
        windowWorkdays: Number(p.windowWorkdays),
      };
      return { key: `${kind}:${String(p.consultationId)}`, event };
    }
    case "fee_notice": {
      const { e, p } = only("fee.notified");
      const basis = p.basis as FeeBasis;
      const amountYuan = Number(p.amountYuan);
      return {
        key: kind,
        event: { kind, on: on(e), basis, amountYuan, lines: feeLines(basis, amountYuan, options) },
      };
    }
    case "reply": {
      if (row.outcome === null || row.disposition_on === null) throw missing(kind);
      const decision = lastOfType(events, "decision.issued");
      const replyText = decision ? payloadOf(decision).replyText : undefined;
      const event: LetterEvent = {
        kind,
        on: row.disposition_on as CivilDate,
        outcome: row.outcome as OutcomeId,
        withdrawn: events.some((e) => e.type === "application.withdrawn"),
        replyText: typeof replyText === "string" && replyText.trim() !== "" ? replyText : null,
      };
      return { key: kind, event };
    }
    default:
      return assertNever(kind, "letter kind");
  }
}
