import { MAX_SUPPLEMENT_WINDOW_WORKDAYS } from "../../machines/guards.ts";
import {
  CONSULTATION_PARTIES,
  CONSULTATION_PARTY_LABELS,
  type ConsultationParty,
} from "../domain/vocabulary.ts";
import { fail, type LedgerConsultation, ok, type Parsed } from "./ledger-types.ts";
import { type LabelVocabulary, matchLabel } from "./match-label.ts";
import { parseLedgerDate } from "./parse-ledger-date.ts";
import { parseServiceExtras } from "./parse-service-extras.ts";
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
  const [startText, ...after] = k < 0 ? [] : parts.slice(k);
  if (name === "" || startText === undefined) return fail(`“${item}”${FORMAT}`);
  const started = parseLedgerDate(startText);
  if (!started.ok) return fail(`发出日${started.error}`);
  // The answer is the third part when it is a plain date or empty; anything else is an extra.
  const hasAnswer = after[0] !== undefined && (after[0] === "" || /^\d/.test(after[0]));
  const answerText = hasAnswer ? (after[0] ?? "") : "";
  const c: LedgerConsultation = { party, name, startedOn: started.value };
  if (answerText !== "") {
    const answered = parseLedgerDate(answerText);
    if (!answered.ok) return fail(`答复日${answered.error}`);
    if (answered.value < started.value) {
      return fail(`答复日 ${answered.value} 早于发出日 ${started.value}`);
    }
    c.answeredOn = answered.value;
  }
  const extras = parseServiceExtras(hasAnswer ? after.slice(1) : after, {
    sentOn: started.value,
    window: { min: 1, max: MAX_SUPPLEMENT_WINDOW_WORKDAYS, what: "征求意见期限" },
    dueOn: true,
  });
  if (!extras.ok) return extras;
  const { windowWorkdays, dueOn, sentBy, receivedOn } = extras.value;
  return ok({ ...c, windowWorkdays, dueOn, sentBy, receivedOn });
}

/**
 * 征求意见: one or more `对象类型:名称,发出日,答复日` separated by `；` or new lines; the type
 * (第三方, 共同制作机关, 其他机关) defaults to 第三方, an empty 答复日 means no answer. Optional
 * extras: the letter's receipt `送达YYYY-MM-DD` and sending method (a letter goes by post unless
 * said otherwise; its window counts from the receipt, DOMAIN.md §5), and for another agency a
 * window `期限N` or an answer date `截止YYYY-MM-DD`.
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
