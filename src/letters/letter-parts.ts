import type { CivilDate } from "../domain/civil-date.ts";
import { CHANNEL_LABELS } from "../domain/vocabulary.ts";
import { chineseDate } from "./letter-kinds.ts";
import type { LetterCase } from "./letter-types.ts";

/** The Regulation, named in full once per letter and then as 《条例》. */
export const REG = "《中华人民共和国政府信息公开条例》（以下简称《条例》）";

/**
 * How a letter addresses the applicant (the one rule): a natural person by name and as 您, an
 * organisation by its name and as 贵单位; never “您（单位）”.
 */
export function applicantAddress(c: Pick<LetterCase, "applicantName" | "applicantType">): {
  salutation: string;
  you: string;
} {
  return {
    salutation: `${c.applicantName}：`,
    you: c.applicantType === "natural_person" ? "您" : "贵单位",
  };
}

/**
 * A letter's paragraphs in the words its addressee is spoken to with: the templates say 您, an
 * organisation reads 贵单位 (the applicant's own words, quoted, stay as written).
 */
export function addressedTo(c: LetterCase, paragraphs: readonly string[]): string[] {
  const { you } = applicantAddress(c);
  if (you === "您") return [...paragraphs];
  const words = quoted(c.description);
  return paragraphs.map((p) =>
    p
      .split(words)
      .map((part) => part.replaceAll("您", you))
      .join(words),
  );
}

/** “…” around the applicant's words, without a stop of their own before the closing quote (“…。”。). */
export function quoted(text: string): string {
  return `“${text.trim().replace(/[。．.；;，,\s]+$/u, "")}”`;
}

/** “本机关于2026年3月2日收到您通过网络申请方式提出的政府信息公开申请（申请编号：…），申请获取“…”。” */
export function acknowledgement(c: LetterCase): string {
  const { you } = applicantAddress(c);
  return `本机关于${chineseDate(c.receivedOn)}收到${you}通过${channelWords(c)}方式提出的政府信息公开申请（申请编号：${c.trackingNo}），申请获取${quoted(c.description)}。`;
}

/** “信函申请（挂号/需签收）” → “信函申请”: the channel as the sentence names it. */
function channelWords(c: LetterCase): string {
  return CHANNEL_LABELS[c.channel].replace(/（.*）/, "");
}

/** “（期限届满日为2026年3月30日）” when the system knows the last day; "" otherwise. */
export function windowEndNote(end: CivilDate | undefined): string {
  return end ? `（期限届满日为${chineseDate(end)}）` : "";
}
