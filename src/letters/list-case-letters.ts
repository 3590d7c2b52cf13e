import type { DbApplication, DbApplicationEvent } from "../db/schema.ts";
import { assertNever } from "../domain/assert-never.ts";
import type { CivilDate } from "../domain/civil-date.ts";
import { LETTER_KINDS, type LetterKind } from "./letter-kinds.ts";
import { lastOfType, payloadOf } from "./resolve-letter-event.ts";

/** A letter the case has by its events: its kind, its key in `letters`, its date. */
export interface CaseLetter {
  kind: LetterKind;
  key: string;
  on: CivilDate;
  consultationId?: string;
}

/**
 * The letters a case has now, by its events alone: whether a letter exists does not depend on
 * whether it can be printed yet (a reply whose review body is not set is still the case's reply).
 */
export function listCaseLetters(row: DbApplication, events: readonly DbApplicationEvent[]): CaseLetter[] {
  const out: CaseLetter[] = [];
  const one = (kind: LetterKind, type: string) => {
    const e = lastOfType(events, type);
    if (e) out.push({ kind, key: kind, on: e.effective_on as CivilDate });
  };
  for (const kind of LETTER_KINDS) {
    switch (kind) {
      case "receipt":
        out.push({ kind, key: kind, on: row.received_on as CivilDate });
        break;
      case "supplement_notice":
        one(kind, "supplement.requested");
        break;
      case "extension_notice":
        one(kind, "extension.granted");
        break;
      case "consultation_letter":
        for (const e of events.filter((x) => x.type === "consultation.started")) {
          const consultationId = String(payloadOf(e).consultationId);
          out.push({
            kind,
            key: `${kind}:${consultationId}`,
            on: e.effective_on as CivilDate,
            consultationId,
          });
        }
        break;
      case "fee_notice":
        one(kind, "fee.notified");
        break;
      case "reply":
        if (row.outcome !== null && row.disposition_on !== null) {
          out.push({ kind, key: kind, on: row.disposition_on as CivilDate });
        }
        break;
      case "re_reply":
        // one per order: a second correction orders a second new reply
        for (const e of events.filter((x) => x.type === "rereply.issued")) {
          out.push({ kind, key: `${kind}:${e.seq}`, on: e.effective_on as CivilDate });
        }
        break;
      default:
        assertNever(kind, "letter kind");
    }
  }
  return out;
}
