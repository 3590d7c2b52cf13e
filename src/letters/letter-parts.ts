import type { CivilDate } from "../domain/civil-date.ts";
import { CHANNEL_LABELS } from "../domain/vocabulary.ts";
import { chineseDate } from "./letter-kinds.ts";
import type { LetterCase } from "./letter-types.ts";

/** The Regulation, named in full once per letter and then as 《条例》. */
export const REG = "《中华人民共和国政府信息公开条例》（以下简称《条例》）";

/** “本机关于2026年3月2日收到您（单位）通过网络申请方式提出的政府信息公开申请（申请编号：…），申请获取“…”。” */
export function acknowledgement(c: LetterCase): string {
  return `本机关于${chineseDate(c.receivedOn)}收到您（单位）通过${CHANNEL_LABELS[c.channel].replace(/（.*）/, "")}方式提出的政府信息公开申请（申请编号：${c.trackingNo}），申请获取“${c.description}”。`;
}

/** “（期限届满日为2026年3月30日）” when the system knows the last day; "" otherwise. */
export function windowEndNote(end: CivilDate | undefined): string {
  return end ? `（期限届满日为${chineseDate(end)}）` : "";
}
