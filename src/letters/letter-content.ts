import { assertNever } from "../domain/assert-never.ts";
import { REPLY_WORKDAYS } from "../domain/statute.ts";
import { consultationBody } from "./consultation-body.ts";
import { feeNoticeBody } from "./fee-notice-body.ts";
import { chineseDate, LETTER_KIND_DEFINITIONS } from "./letter-kinds.ts";
import { acknowledgement, addressedTo, applicantAddress, REG, windowEndNote } from "./letter-parts.ts";
import type { LetterCase, LetterContent, LetterEvent } from "./letter-types.ts";
import { replyBody, reReplyBody } from "./reply-body.ts";

export type { LetterCase, LetterContent, LetterEvent } from "./letter-types.ts";

function body(c: LetterCase, e: LetterEvent): string[] {
  switch (e.kind) {
    case "receipt":
      return [
        `${acknowledgement(c)}根据${REG}第三十一条的规定，本机关收到申请之日为${chineseDate(c.receivedOn)}${postedNote(c)}。`,
        `本机关将自收到申请之日起${REPLY_WORKDAYS}个工作日内予以答复；需要延长答复期限的，将依照《条例》第三十三条第二款的规定另行告知。`,
      ];
    case "supplement_notice":
      // the window counts from the applicant's receipt of this notice (DOMAIN.md §5)
      return [
        `${acknowledgement(c)}经审查，您的申请内容不明确。根据${REG}第三十条的规定，请您自收到本告知书之日起${e.windowWorkdays}个工作日内${windowEndNote(e.windowEnd)}对下列事项作出补正：`,
        ...e.items.map((item, i) => `${i + 1}. ${item}`),
        "答复期限自本机关收到补正的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。",
      ];
    case "extension_notice":
      return [
        `${acknowledgement(c)}因${e.reason}，本机关不能在${REPLY_WORKDAYS}个工作日内作出答复。`,
        `根据${REG}第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长${e.workdays}个工作日。`,
      ];
    case "consultation_letter":
      return consultationBody(c, e);
    case "fee_notice":
      return feeNoticeBody(c, e);
    case "reply":
      return replyBody(c, e);
    case "re_reply":
      return reReplyBody(c, e);
    default:
      return assertNever(e, "letter event");
  }
}

/** “（挂号单号：XA123456789CN）” for a posted application whose number is recorded; "" otherwise. */
function postedNote(c: LetterCase): string {
  return c.mailTrackingNo ? `（挂号单号：${c.mailTrackingNo}）` : "";
}

/** The words of one letter: title, number, addressee, body, signature and date. */
export function composeLetter(c: LetterCase, e: LetterEvent, serialNo: string): LetterContent {
  // a consulted party is 贵方 / 贵机关 in its own letter; the applicant by applicantAddress
  const toParty = e.kind === "consultation_letter";
  return {
    kind: e.kind,
    title: LETTER_KIND_DEFINITIONS[e.kind].title,
    serialNo,
    addressee: toParty ? `${e.name}：` : applicantAddress(c).salutation,
    paragraphs: toParty ? body(c, e) : addressedTo(c, body(c, e)),
    signature: c.agencyName,
    date: chineseDate(e.on),
  };
}
