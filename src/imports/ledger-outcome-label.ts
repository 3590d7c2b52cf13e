import { getOutcome, type OutcomeId } from "../domain/outcomes.ts";

/** The row label without its number and note: “1.属于国家秘密” → “属于国家秘密”. */
export function stripRowLabel(label: string): string {
  return label
    .replace(/^（[一二三四五六七]）/, "")
    .replace(/^\d+\./, "")
    .replace(/（[^）]*）$/, "")
    .trim();
}

/**
 * The short name of an outcome in a ledger's 答复结果 (what the export writes): the table 三 row
 * label without number and note, or the menu's name when shorter (“逾期不补正、不再处理”, “其他”).
 */
export function ledgerOutcomeLabel(id: OutcomeId): string {
  const o = getOutcome(id);
  const row = stripRowLabel(o.label);
  const menu = stripRowLabel(o.shortLabel.split("：").at(-1) ?? o.shortLabel);
  return menu.length < row.length ? menu : row;
}
