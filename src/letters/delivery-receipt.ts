import type { CivilDate } from "../domain/civil-date.ts";
import { DELIVERY_METHOD_LABELS, type DeliveryMethod } from "../domain/vocabulary.ts";
import { chineseDate } from "./letter-kinds.ts";
import type { LetterContent } from "./letter-types.ts";

/** The served document and how it went out, as the 送达回证 prints it. */
export interface ServedDocument {
  /** “政府信息公开申请答复书” */
  title: string;
  /** The document's own number (the 回证 has none of its own). */
  serialNo: string;
  /** 受送达人: the applicant, or the consulted party. */
  addressee: string;
  /** 送达地点: the applicant's address when recorded; "" leaves a line. */
  place: string;
  sentBy: DeliveryMethod;
  sentOn: CivilDate;
  /** The recorded receipt, when there is one: the form then shows it. */
  receivedOn?: CivilDate | undefined;
  trackingNumber?: string | undefined;
  agencyName: string;
}

const BLANK_DATE = "        年    月    日";

/**
 * The delivery receipt (送达回证) of an outgoing document: the document and its number, the
 * addressee, the place and the method, and the lines the server and the addressee sign.
 */
export function composeDeliveryReceipt(d: ServedDocument): LetterContent {
  const remarks = d.trackingNumber ? `邮件号：${d.trackingNumber}` : "";
  return {
    kind: "delivery_receipt",
    title: "送达回证",
    serialNo: "",
    addressee: "",
    paragraphs: [],
    rows: [
      ["送达文书名称及文号", `${d.title}（${d.serialNo}）`],
      ["受送达人", d.addressee],
      ["送达地点", d.place],
      ["送达方式", DELIVERY_METHOD_LABELS[d.sentBy]],
      ["发出日期", chineseDate(d.sentOn)],
      ["送达人（签名）", ""],
      ["受送达人（收件人）签名或者盖章", ""],
      ["签收日期", d.receivedOn ? chineseDate(d.receivedOn) : BLANK_DATE],
      ["代收人及代收理由", ""],
      ["备注", remarks],
    ],
    signature: d.agencyName,
    date: "",
  };
}
