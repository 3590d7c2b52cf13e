import { assertNever } from "../domain/assert-never.ts";
import { chineseDate } from "./letter-kinds.ts";
import { quoted, REG, windowEndNote } from "./letter-parts.ts";
import type { LetterCase, LetterEvent } from "./letter-types.ts";

type ConsultationEvent = Extract<LetterEvent, { kind: "consultation_letter" }>;

/**
 * The consultation letter (征求意见书): to a third party (art. 32) or a co-producing agency (art.
 * 34) the window is fixed by law, 15 WD from the party's receipt, and the letter states the
 * consequence of silence those articles give; another agency (art. 11 ¶1) answers by the date the
 * agency set, or within the working days given, from its receipt.
 */
export function consultationBody(c: LetterCase, e: ConsultationEvent): string[] {
  const opening = `本机关于${chineseDate(c.receivedOn)}收到政府信息公开申请（申请编号：${c.trackingNo}），申请获取${quoted(c.description)}。`;
  const within = `自收到本征求意见书之日起${e.windowWorkdays}个工作日内${windowEndNote(e.windowEnd)}`;
  switch (e.party) {
    case "third_party":
      return [
        `${opening}经审查，该信息公开可能损害贵方的合法权益。根据${REG}第三十二条的规定，现书面征求贵方意见。`,
        `请贵方${within}提出意见；不同意公开的，请说明理由。逾期未提出意见的，由本机关依照《条例》的规定决定是否公开。`,
        "贵方不同意公开且有合理理由的，本机关不予公开；本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面告知贵方。",
      ];
    case "co_producer":
      return [
        `${opening}该信息由本机关与贵机关共同制作。根据${REG}第三十四条的规定，现征求贵机关意见。`,
        `请贵机关${within}提出意见；逾期未提出意见的，视为同意公开。`,
      ];
    case "other_agency":
      return [
        `${opening}该信息的公开涉及贵机关。根据${REG}第十一条第一款的规定，现征求贵机关意见，以保证公开的政府信息准确一致。`,
        e.dueOn ? `请贵机关于${chineseDate(e.dueOn)}前（含当日）提出意见。` : `请贵机关${within}提出意见。`,
      ];
    default:
      return assertNever(e.party, "consultation party");
  }
}
