import type { CivilDate } from "../domain/civil-date.ts";
import { DELIVERY_METHOD_LABELS, DELIVERY_METHODS, type DeliveryMethod } from "../domain/vocabulary.ts";
import { fail, ok, type Parsed } from "./ledger-types.ts";
import { type LabelVocabulary, matchLabel } from "./match-label.ts";
import { parseLedgerDate } from "./parse-ledger-date.ts";
import { parseWorkdays } from "./parse-workdays.ts";

/** How a document went and when the addressee received it (送达, DOMAIN.md §5), plus a window. */
export interface ServiceExtras {
  windowWorkdays?: number | undefined;
  sentBy?: DeliveryMethod | undefined;
  /** 送达日: the addressee's receipt; the document's window counts from it. */
  receivedOn?: CivilDate | undefined;
  /** 截止: the answer date set for another agency (consultations only). */
  dueOn?: CivilDate | undefined;
}

const SHORT: Record<DeliveryMethod, string[]> = {
  in_person: ["当面", "直接送达", "当面送达"],
  post: ["邮寄"],
  online: ["网上", "网上送达", "网络"],
  email: ["电子邮件", "邮件"],
  fax: ["传真"],
};

const METHODS: LabelVocabulary<DeliveryMethod> = {
  what: "送达方式",
  entries: DELIVERY_METHODS.map((id) => ({ id, label: DELIVERY_METHOD_LABELS[id], aliases: SHORT[id] })),
};

export interface ExtrasOptions {
  /** The document's sending date: a receipt may not be before it. */
  sentOn: CivilDate;
  /** Working days a window may have, when the cell may set one. */
  window?: { min: number; max: number; what: string };
  /** Whether `截止YYYY-MM-DD` is accepted. */
  dueOn?: boolean;
}

/**
 * The optional parts after a document's date, in any order: a whole number (the window, in
 * working days; also `期限N`), a date or `送达YYYY-MM-DD` (the addressee's receipt), a sending
 * method (邮寄, 当面, 网上, 电子邮件, 传真), and `截止YYYY-MM-DD` where allowed.
 */
export function parseServiceExtras(parts: readonly string[], options: ExtrasOptions): Parsed<ServiceExtras> {
  const out: ServiceExtras = {};
  for (const part of parts.filter((p) => p !== "")) {
    const window = part.replace(/^期限/, "");
    if (options.window && /^\d{1,3}(个?工作日)?$/.test(window)) {
      const w = parseWorkdays(window, options.window.min, options.window.max, options.window.what);
      if (!w.ok) return w;
      out.windowWorkdays = w.value;
      continue;
    }
    const due = /^截止/.test(part);
    const dated = parseLedgerDate(part.replace(/^(送达|截止)/, ""));
    if (dated.ok) {
      if (due && !options.dueOn) return fail(`“${part}”：只有征求其他机关意见时才能确定答复截止日期`);
      if (dated.value < options.sentOn) {
        return fail(`${due ? "答复截止日期" : "送达日"} ${dated.value} 早于发出日 ${options.sentOn}`);
      }
      if (due) out.dueOn = dated.value;
      else out.receivedOn = dated.value;
      continue;
    }
    const method = matchLabel(part, METHODS);
    if (!method.ok) {
      return fail(
        `“${part}”应为送达日（如 送达2025-03-07）、送达方式（邮寄、当面、网上、电子邮件、传真）${options.window ? "或期限工作日数" : ""}`,
      );
    }
    out.sentBy = method.value;
  }
  return ok(out);
}
