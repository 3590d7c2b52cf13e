/**
 * Notices to the applicant (issue 12, point 3): which events notify, and what each notice says.
 * The one table: an event type gives a notice kind; a kind gives its letter, its SMS template
 * setting, its subject and its words. The dates are the ones the deadline engine computes (the
 * case's clocks when the notice is composed); the serial number is the issued letter's. A
 * consultation letter goes to the third party, not the applicant: no notice.
 */
import type { CivilDate } from "../domain/civil-date.ts";
import { FEE_PAYMENT_WORKDAYS } from "../domain/statute.ts";
import type { LetterKind } from "../letters/letter-kinds.ts";

export const NOTICE_KINDS = [
  "receipt",
  "supplement",
  "extension",
  "fee",
  "reply",
  "re_reply",
  "withdrawal",
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** The events that notify the applicant, and the notice each gives. */
export const NOTIFYING_EVENTS: Readonly<Record<string, NoticeKind>> = {
  "application.registered": "receipt",
  "supplement.requested": "supplement",
  "extension.granted": "extension",
  "fee.notified": "fee",
  "decision.issued": "reply",
  // art. 30 and the fee rules: the case ends without a supplement or payment; its reply letter tells it
  "supplement.expired": "reply",
  "fee.expired": "reply",
  "rereply.issued": "re_reply",
  // the acknowledgement of a withdrawal (at the office, or online through the portal)
  "application.withdrawn": "withdrawal",
};

/** The settings naming the gateway's template of each kind (config/settings.ts). */
export type SmsTemplateSetting =
  | "SMS_TEMPLATE_RECEIPT"
  | "SMS_TEMPLATE_SUPPLEMENT"
  | "SMS_TEMPLATE_EXTENSION"
  | "SMS_TEMPLATE_FEE"
  | "SMS_TEMPLATE_REPLY"
  | "SMS_TEMPLATE_REREPLY"
  | "SMS_TEMPLATE_WITHDRAWAL";

/** A clock's last day as the engine computed it; `provisional` when a year's holidays are not yet published. */
export interface NoticeDate {
  on: CivilDate;
  provisional: boolean;
}

/** What a notice is composed from: the case, the event, the clocks now, the issued letter. */
export interface NoticeFacts {
  trackingNo: string;
  agencyName: string;
  /** 您 (a natural person) or 贵单位 (an organisation). */
  you: string;
  receivedOn: CivilDate;
  /** The event's effective date. */
  on: CivilDate;
  payload: Readonly<Record<string, unknown>>;
  /** The reply clock's due date (after an extension: the extended one). */
  replyDue: NoticeDate | null;
  /** The supplement window's last day, once the applicant's receipt of the notice is known. */
  supplementEnd: NoticeDate | null;
  /** The payment window's last day, once the applicant's receipt of the fee notice is known. */
  feeEnd: NoticeDate | null;
  /** The letter as issued (numbered), null until it is. */
  letter: { title: string; serialNo: string } | null;
}

export interface ComposedNotice {
  subject: string;
  /** The words of the mail and of the status page (no personal data). */
  text: string;
  /** The SMS template's parameters, all strings (the gateways' shape). */
  smsParams: Record<string, string>;
}

export interface NoticeKindDefinition {
  /** The letter the notice carries (attached once issued). */
  letter: LetterKind;
  /** The reply's words are its letter: the notice waits until the letter is issued (numbered). */
  waitsForLetter: boolean;
  smsTemplate: SmsTemplateSetting;
  compose(f: NoticeFacts): ComposedNotice;
}

/** “2026-03-12” → “2026年3月12日” */
export function chineseDay(date: CivilDate): string {
  const [y, m, d] = date.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

const PROVISIONAL = "（该日期所在年度的节假日安排尚未公布，按法定节假日推算，公布后可能调整）";
const dated = (d: NoticeDate) => `${chineseDay(d.on)}${d.provisional ? PROVISIONAL : ""}`;
const caseOf = (f: NoticeFacts) => `申请编号：${f.trackingNo}`;
const letterRef = (f: NoticeFacts) => (f.letter ? `${f.letter.title}（${f.letter.serialNo}）见附件。` : "");
const REG = "《中华人民共和国政府信息公开条例》";

function params(f: NoticeFacts, extra: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = { agency: f.agencyName, trackingNo: f.trackingNo, date: f.on };
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) out[k] = v;
  if (f.letter) out.serialNo = f.letter.serialNo;
  return out;
}

function text(v: unknown): string | undefined {
  return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
}

export const NOTICE_KIND_DEFINITIONS: Record<NoticeKind, NoticeKindDefinition> = {
  receipt: {
    letter: "receipt",
    waitsForLetter: false,
    smsTemplate: "SMS_TEMPLATE_RECEIPT",
    compose: (f) => ({
      subject: `政府信息公开申请已登记（${caseOf(f)}）`,
      text: [
        `${f.agencyName}已于${chineseDay(f.receivedOn)}收到${f.you}的政府信息公开申请（${caseOf(f)}）。`,
        f.replyDue ? `依照${REG}第三十三条，本机关的答复期限至${dated(f.replyDue)}。` : "",
        letterRef(f),
      ].join(""),
      smsParams: params(f, { receivedOn: f.receivedOn, dueOn: f.replyDue?.on }),
    }),
  },
  supplement: {
    letter: "supplement_notice",
    waitsForLetter: false,
    smsTemplate: "SMS_TEMPLATE_SUPPLEMENT",
    compose: (f) => {
      const items = Array.isArray(f.payload.items) ? f.payload.items.map(String) : [];
      const days = Number(f.payload.windowWorkdays);
      const end = f.supplementEnd ? `（即${dated(f.supplementEnd)}前）` : "";
      return {
        subject: `政府信息公开申请补正告知（${caseOf(f)}）`,
        text: [
          `${f.agencyName}于${chineseDay(f.on)}告知：${f.you}的政府信息公开申请（${caseOf(f)}）内容需要补正。`,
          `根据${REG}第三十条的规定，请${f.you}自收到补正告知书之日起${days}个工作日内${end}对下列事项作出补正：`,
          items.map((item, i) => `${i + 1}. ${item}`).join("；"),
          "。答复期限自本机关收到补正的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。",
          letterRef(f),
        ].join(""),
        smsParams: params(f, { windowWorkdays: String(days), dueOn: f.supplementEnd?.on }),
      };
    },
  },
  extension: {
    letter: "extension_notice",
    waitsForLetter: false,
    smsTemplate: "SMS_TEMPLATE_EXTENSION",
    compose: (f) => {
      const days = Number(f.payload.workdays);
      return {
        subject: `政府信息公开申请延期答复告知（${caseOf(f)}）`,
        text: [
          `根据${REG}第三十三条第二款的规定，经政府信息公开工作机构负责人同意，${f.agencyName}于${chineseDay(f.on)}决定将${f.you}的政府信息公开申请（${caseOf(f)}）的答复期限延长${days}个工作日`,
          f.replyDue ? `，延长后的答复期限至${dated(f.replyDue)}。` : "。",
          letterRef(f),
        ].join(""),
        smsParams: params(f, { workdays: String(days), dueOn: f.replyDue?.on }),
      };
    },
  },
  fee: {
    letter: "fee_notice",
    waitsForLetter: false,
    smsTemplate: "SMS_TEMPLATE_FEE",
    compose: (f) => {
      const amount = String(f.payload.amountYuan);
      const method = text(f.payload.paymentMethod);
      const end = f.feeEnd ? `（即${dated(f.feeEnd)}前）` : "";
      return {
        subject: `政府信息公开申请信息处理费收费通知（${caseOf(f)}）`,
        text: [
          `${f.agencyName}于${chineseDay(f.on)}就${f.you}的政府信息公开申请（${caseOf(f)}）发出收费通知，应缴纳信息处理费${amount}元。`,
          `请${f.you}自收到收费通知之日起${FEE_PAYMENT_WORKDAYS}个工作日内${end}缴纳`,
          method ? `，缴纳方式：${method}。` : "。",
          "逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。",
          letterRef(f),
        ].join(""),
        smsParams: params(f, { amountYuan: amount, dueOn: f.feeEnd?.on }),
      };
    },
  },
  reply: {
    letter: "reply",
    waitsForLetter: true,
    smsTemplate: "SMS_TEMPLATE_REPLY",
    compose: (f) => ({
      subject: `政府信息公开申请答复（${caseOf(f)}）`,
      text: [
        `${f.agencyName}已对${f.you}的政府信息公开申请（${caseOf(f)}）作出答复`,
        f.letter
          ? `，答复书文号：${f.letter.serialNo}，答复日期：${chineseDay(f.on)}。`
          : `，答复日期：${chineseDay(f.on)}。`,
        letterRef(f),
      ].join(""),
      smsParams: params(f, {}),
    }),
  },
  re_reply: {
    letter: "re_reply",
    waitsForLetter: true,
    smsTemplate: "SMS_TEMPLATE_REREPLY",
    compose: (f) => ({
      subject: `政府信息公开申请重新答复（${caseOf(f)}）`,
      text: [
        `${f.agencyName}已对${f.you}的政府信息公开申请（${caseOf(f)}）重新作出答复`,
        f.letter
          ? `，重新答复书文号：${f.letter.serialNo}，答复日期：${chineseDay(f.on)}。`
          : `，答复日期：${chineseDay(f.on)}。`,
        letterRef(f),
      ].join(""),
      smsParams: params(f, {}),
    }),
  },
  withdrawal: {
    letter: "reply",
    waitsForLetter: false,
    smsTemplate: "SMS_TEMPLATE_WITHDRAWAL",
    // the words of the reply letter of a withdrawal (src/domain/outcomes.ts, other.other)
    compose: (f) => ({
      subject: `政府信息公开申请已撤回（${caseOf(f)}）`,
      text: [
        `${f.you}已于${chineseDay(f.on)}撤回政府信息公开申请（${caseOf(f)}），${f.agencyName}终止办理。`,
        letterRef(f),
      ].join(""),
      smsParams: params(f, {}),
    }),
  },
};

export function isNoticeKind(value: string): value is NoticeKind {
  return (NOTICE_KINDS as readonly string[]).includes(value);
}

/** The key of the notice's letter in `letters` (a re-reply's carries the seq of its event). */
export function letterKeyOf(kind: NoticeKind, eventSeq: number): string {
  const letter = NOTICE_KIND_DEFINITIONS[kind].letter;
  return letter === "re_reply" ? `${letter}:${eventSeq}` : letter;
}
