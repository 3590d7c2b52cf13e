import { MAX_SUPPLEMENT_WINDOW_WORKDAYS } from "../../machines/guards.ts";
import {
  CONSULTATION_PARTIES,
  CONSULTATION_PARTY_LABELS,
  type ConsultationParty,
} from "../domain/vocabulary.ts";
import { fail, type LedgerConsultation, ok, type Parsed } from "./ledger-types.ts";
import { type LabelVocabulary, matchLabel } from "./match-label.ts";
import { parseLedgerDate } from "./parse-ledger-date.ts";
import { parseWorkdays } from "./parse-workdays.ts";
import { splitCellParts } from "./split-cell-parts.ts";

const SHORT_LABELS: Record<ConsultationParty, string> = {
  third_party: "第三方",
  co_producer: "共同制作机关",
  other_agency: "其他机关",
};

const PARTIES: LabelVocabulary<ConsultationParty> = {
  what: "征求意见对象类型",
  entries: CONSULTATION_PARTIES.map((id) => ({
    id,
    label: SHORT_LABELS[id],
    aliases: [CONSULTATION_PARTY_LABELS[id]],
  })),
};

const FORMAT = "应为“对象类型:名称,发出日,答复日”（如 第三方:某建筑有限公司,2025-03-10,2025-03-20）";

function parseItem(item: string): Parsed<LedgerConsultation> {
  const colon = item.search(/[:：]/);
  let party: ConsultationParty = "third_party";
  if (colon >= 0) {
    const p = matchLabel(item.slice(0, colon), PARTIES);
    if (!p.ok) return p;
    party = p.value;
  }
  // A name may contain commas: the dates start at the first part that is a date.
  const parts = splitCellParts(item.slice(colon + 1));
  const k = parts.findIndex((p, i) => i > 0 && parseLedgerDate(p).ok);
  const name = parts.slice(0, Math.max(k, 1)).join(",");
  const [startText, answerText = "", windowText = "", ...rest] = k < 0 ? [] : parts.slice(k);
  if (name === "" || startText === undefined || rest.length > 0) return fail(`“${item}”${FORMAT}`);
  const started = parseLedgerDate(startText);
  if (!started.ok) return fail(`发出日${started.error}`);
  const c: LedgerConsultation = { party, name, startedOn: started.value };
  if (answerText !== "") {
    const answered = parseLedgerDate(answerText);
    if (!answered.ok) return fail(`答复日${answered.error}`);
    if (answered.value < started.value) {
      return fail(`答复日 ${answered.value} 早于发出日 ${started.value}`);
    }
    c.answeredOn = answered.value;
  }
  if (windowText !== "") {
    const w = parseWorkdays(windowText, 1, MAX_SUPPLEMENT_WINDOW_WORKDAYS, "征求意见期限");
    if (!w.ok) return w;
    c.windowWorkdays = w.value;
  }
  return ok(c);
}

/**
 * 征求意见: one or more `对象类型:名称,发出日,答复日[,期限]` separated by `；` or new lines; the
 * type (第三方, 共同制作机关, 其他机关) defaults to 第三方, an empty 答复日 means no answer.
 */
export function parseConsultations(text: string): Parsed<LedgerConsultation[]> {
  const items = text
    .split(/[；;\r\n]+/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
  const out: LedgerConsultation[] = [];
  for (const [i, item] of items.entries()) {
    const c = parseItem(item);
    if (!c.ok) return fail(items.length > 1 ? `第 ${i + 1} 项：${c.error}` : c.error);
    out.push(c.value);
  }
  return ok(out);
}
