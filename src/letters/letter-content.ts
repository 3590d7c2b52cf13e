import { assertNever } from "../domain/assert-never.ts";
import type { CivilDate } from "../domain/civil-date.ts";
import { getOutcome, type OutcomeId } from "../domain/outcomes.ts";
import {
  FEE_PAYMENT_WORKDAYS,
  LITIGATION_WITHIN_MONTHS,
  REPLY_WORKDAYS,
  REVIEW_WITHIN_DAYS,
} from "../domain/statute.ts";
import {
  CHANNEL_LABELS,
  type Channel,
  CONSULTATION_PARTY_LABELS,
  type ConsultationParty,
  FEE_BASIS_LABELS,
  type FeeBasis,
} from "../domain/vocabulary.ts";
import { chineseDate, LETTER_KIND_DEFINITIONS, type LetterKind } from "./letter-kinds.ts";
import { replyDecision } from "./reply-decisions.ts";

const REG = "《中华人民共和国政府信息公开条例》（以下简称《条例》）";

/** What every letter knows about its case. */
export interface LetterCase {
  trackingNo: string;
  agencyName: string;
  applicantName: string;
  channel: Channel;
  receivedOn: CivilDate;
  description: string;
}

/** The event a letter rests on, with what the letter prints of it. */
export type LetterEvent =
  | { kind: "receipt"; on: CivilDate }
  | { kind: "supplement_notice"; on: CivilDate; items: string[]; windowWorkdays: number }
  | { kind: "extension_notice"; on: CivilDate; workdays: number; reason: string }
  | {
      kind: "consultation_letter";
      on: CivilDate;
      party: ConsultationParty;
      name: string;
      windowWorkdays: number;
    }
  | { kind: "fee_notice"; on: CivilDate; basis: FeeBasis; amountYuan: number; lines: string[] }
  | { kind: "reply"; on: CivilDate; outcome: OutcomeId; withdrawn: boolean; replyText: string | null };

export interface LetterContent {
  kind: LetterKind;
  title: string;
  serialNo: string;
  /** “张三：” */
  addressee: string;
  paragraphs: string[];
  signature: string;
  date: string;
}

/** The remedy clause of every reply (行政复议法 art. 20, 行政诉讼法 art. 46). */
export function remedyClause(agencyName: string): string {
  return (
    `如对本答复不服，可以自收到本答复之日起${REVIEW_WITHIN_DAYS}日内依法申请行政复议，` +
    `或者自收到本答复之日起${LITIGATION_WITHIN_MONTHS}个月内依法向人民法院提起行政诉讼（被申请人或者被告为${agencyName}）。`
  );
}

function acknowledgement(c: LetterCase): string {
  return `本机关于${chineseDate(c.receivedOn)}收到您（单位）通过${CHANNEL_LABELS[c.channel].replace(/（.*）/, "")}方式提出的政府信息公开申请（申请编号：${c.trackingNo}），申请获取“${c.description}”。`;
}

function body(c: LetterCase, e: LetterEvent): string[] {
  switch (e.kind) {
    case "receipt":
      return [
        `${acknowledgement(c)}根据《条例》第三十一条的规定，本机关收到申请之日为${chineseDate(c.receivedOn)}。`,
        `本机关将自收到申请之日起${REPLY_WORKDAYS}个工作日内予以答复；需要延长答复期限的，将依照《条例》第三十三条第二款的规定另行告知。`,
      ];
    case "supplement_notice":
      return [
        `${acknowledgement(c)}经审查，您的申请内容不明确。根据${REG}第三十条的规定，请您自收到本告知书之日起${e.windowWorkdays}个工作日内对下列事项作出补正：`,
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
      return [
        `${acknowledgement(c)}根据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，本机关对该申请${FEE_BASIS_LABELS[e.basis]}信息处理费，计算如下：`,
        ...e.lines,
        `应缴信息处理费合计${e.amountYuan}元。请您自收到本通知书之日起${FEE_PAYMENT_WORKDAYS}个工作日内缴纳。逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。`,
        "自本机关发出收费通知之日起至您缴纳费用之日止的期间，不计算在答复期限内。",
      ];
    case "reply":
      return replyBody(c, e);
    default:
      return assertNever(e, "letter event");
  }
}

function consultationBody(c: LetterCase, e: Extract<LetterEvent, { kind: "consultation_letter" }>): string[] {
  const opening = `本机关于${chineseDate(c.receivedOn)}收到政府信息公开申请（申请编号：${c.trackingNo}），申请获取“${c.description}”。`;
  switch (e.party) {
    case "third_party":
      return [
        `${opening}经审查，该信息的公开可能损害贵方的合法权益。根据${REG}第三十二条的规定，现书面征求贵方意见。`,
        `请贵方自收到本征求意见书之日起${e.windowWorkdays}个工作日内提出意见。逾期未提出意见的，由本机关依照《条例》的规定决定是否公开。`,
      ];
    case "co_producer":
      return [
        `${opening}该信息由本机关与贵机关共同制作。根据${REG}第三十四条的规定，现征求贵机关意见。`,
        `请贵机关自收到本征求意见书之日起${e.windowWorkdays}个工作日内提出意见，逾期未提出意见的视为同意公开。`,
      ];
    case "other_agency":
      return [
        `${opening}该信息涉及贵机关的职责，现征求贵机关意见（${CONSULTATION_PARTY_LABELS[e.party]}）。`,
        `请贵机关自收到本征求意见书之日起${e.windowWorkdays}个工作日内提出意见。`,
      ];
    default:
      return assertNever(e.party, "consultation party");
  }
}

function replyBody(c: LetterCase, e: Extract<LetterEvent, { kind: "reply" }>): string[] {
  const basis = getOutcome(e.outcome).basis;
  return [
    `${acknowledgement(c)}现答复如下：`,
    replyDecision(e.outcome, e.withdrawn),
    ...(e.replyText ? [e.replyText] : []),
    `法律依据：${basis}。`,
    remedyClause(c.agencyName),
  ];
}

/** The words of one letter: title, number, addressee, body, signature and date. */
export function composeLetter(c: LetterCase, e: LetterEvent, serialNo: string): LetterContent {
  const addressee = e.kind === "consultation_letter" ? e.name : c.applicantName;
  return {
    kind: e.kind,
    title: LETTER_KIND_DEFINITIONS[e.kind].title,
    serialNo,
    addressee: `${addressee}：`,
    paragraphs: body(c, e),
    signature: c.agencyName,
    date: chineseDate(e.on),
  };
}
