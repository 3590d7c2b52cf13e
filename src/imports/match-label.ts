import { fail, ok, type Parsed } from "./ledger-types.ts";
import { normalizeLabel } from "./normalize-label.ts";
import { type LabelCandidate, suggestNearestLabel } from "./suggest-nearest-label.ts";

/** A vocabulary of the ledger: every accepted spelling of each id, and the label to suggest. */
export interface LabelVocabulary<T extends string> {
  /** What the cell holds, in Chinese: “申请方式”. */
  what: string;
  entries: readonly { id: T; label: string; aliases: readonly string[] }[];
}

/**
 * The id a cell names (by label, alias or id, compared normalized), or an error that suggests
 * the nearest label and lists the accepted ones.
 */
export function matchLabel<T extends string>(text: string, vocabulary: LabelVocabulary<T>): Parsed<T> {
  const wanted = normalizeLabel(text);
  for (const e of vocabulary.entries) {
    if ([e.id, e.label, ...e.aliases].some((s) => normalizeLabel(s) === wanted)) return ok(e.id);
  }
  const candidates: LabelCandidate[] = vocabulary.entries.flatMap((e) =>
    [e.label, ...e.aliases].map((t) => ({ text: t, suggest: e.label })),
  );
  const nearest = suggestNearestLabel(text, candidates);
  const hint = nearest ? `是否为“${nearest}”？` : "";
  const accepted = vocabulary.entries.map((e) => e.label).join("、");
  return fail(`“${text}”不是有效的${vocabulary.what}。${hint}可填写：${accepted}`);
}
