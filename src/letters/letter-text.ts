import type { LetterContent } from "./letter-types.ts";

/** A letter as plain text, paragraph by paragraph (test artefacts, previews). */
export function letterText(letter: LetterContent): string {
  return [
    letter.title,
    letter.serialNo,
    letter.addressee,
    ...letter.paragraphs,
    ...(letter.rows ?? []).map(([label, value]) => `${label}：${value}`),
    letter.signature,
    letter.date,
  ]
    .filter((line) => line !== "")
    .join("\n");
}
