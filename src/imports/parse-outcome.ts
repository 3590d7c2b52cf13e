import { getOutcome, OUTCOME_IDS, type OutcomeId } from "../domain/outcomes.ts";
import { ledgerOutcomeLabel, stripRowLabel } from "./ledger-outcome-label.ts";
import { fail, ok, type Parsed } from "./ledger-types.ts";
import { normalizeLabel } from "./normalize-label.ts";
import { type LabelCandidate, suggestNearestLabel } from "./suggest-nearest-label.ts";

/**
 * What a 答复结果 cell says: the outcome, and how the import records it — a `decide`, a `withdraw`
 * (“撤回”), an outcome the system derives (“逾期不补正”, “逾期未缴费”), or “其他”, which is a
 * withdrawal unless the row has a 送达日期 (then a reply “其他” was delivered: a `decide`).
 */
export interface LedgerOutcome {
  outcome: OutcomeId;
  recordedAs: "decision" | "withdrawal" | "automatic" | "other";
}

const WITHDRAWAL_SPELLINGS = ["撤回", "申请人撤回", "撤回申请"];

function spellings(id: OutcomeId): string[] {
  const o = getOutcome(id);
  const menu = o.shortLabel.split("：").at(-1) ?? o.shortLabel;
  return [
    id,
    o.label,
    stripRowLabel(o.label),
    `${o.row2021}${stripRowLabel(o.label)}`,
    o.shortLabel,
    menu,
    stripRowLabel(menu),
    ledgerOutcomeLabel(id),
    // “逾期不补正”, “逾期未缴费”: the closures are often written without “、不再处理”
    ...((o.reachedBy as readonly string[]).includes("automatic") ? [menu.split("、")[0] ?? menu] : []),
  ];
}

const BY_SPELLING = new Map<string, OutcomeId>(
  OUTCOME_IDS.flatMap((id) => spellings(id).map((s) => [normalizeLabel(s), id] as const)),
);

const CANDIDATES: LabelCandidate[] = OUTCOME_IDS.flatMap((id) =>
  spellings(id)
    .slice(1)
    .map((text) => ({ text, suggest: ledgerOutcomeLabel(id) })),
);

function recordedAs(id: OutcomeId): LedgerOutcome["recordedAs"] {
  const reachedBy = getOutcome(id).reachedBy as readonly string[];
  if (reachedBy.includes("automatic")) return "automatic";
  if (reachedBy.includes("withdrawal")) return "other";
  return "decision";
}

/** 答复结果: a table 三 row label (予以公开, 属于国家秘密 …) or an outcome id; suggests the nearest. */
export function parseOutcome(text: string): Parsed<LedgerOutcome> {
  const key = normalizeLabel(text);
  if (WITHDRAWAL_SPELLINGS.some((s) => normalizeLabel(s) === key)) {
    return ok({ outcome: "other.other", recordedAs: "withdrawal" });
  }
  const id = BY_SPELLING.get(key);
  if (id !== undefined) return ok({ outcome: id, recordedAs: recordedAs(id) });
  const nearest = suggestNearestLabel(text, CANDIDATES);
  return fail(
    `“${text}”不是表三的办理结果。${nearest ? `是否为“${nearest}”？` : ""}请填写表三的行名称（如“予以公开”“部分公开”“属于国家秘密”“本机关不掌握相关政府信息”“其他”）或结果代码（如 withheld.state_secret）`,
  );
}
