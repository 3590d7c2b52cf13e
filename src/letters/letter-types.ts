/**
 * The shapes of the letters (DOMAIN.md §10): what a letter knows of its case, the event it rests
 * on with what it prints of it, and the words it ends up with.
 */
import type { CivilDate } from "../domain/civil-date.ts";
import type { OutcomeId, ReplyCircumstances } from "../domain/outcomes.ts";
import type { ReviewBody } from "../domain/review-body.ts";
import type {
  ApplicantType,
  Channel,
  ConsultationParty,
  DeliveryMethod,
  FeeBasis,
} from "../domain/vocabulary.ts";
import type { LetterKind } from "./letter-kinds.ts";

/** What every letter knows about its case. */
export interface LetterCase {
  trackingNo: string;
  agencyName: string;
  applicantName: string;
  /** A natural person is addressed as 您, an organisation as 贵单位 (letter-parts.ts). */
  applicantType: ApplicantType;
  /** 获取信息的方式 the applicant asked for (纸质文本, 电子邮件, …), when recorded. */
  deliveryForm: string | null;
  channel: Channel;
  receivedOn: CivilDate;
  description: string;
  /** 挂号单号 of a posted application (channel post), when recorded: the receipt prints it. */
  mailTrackingNo?: string | null | undefined;
}

/** The event a letter rests on, with what the letter prints of it. */
export type LetterEvent =
  | { kind: "receipt"; on: CivilDate }
  | {
      kind: "supplement_notice";
      on: CivilDate;
      items: string[];
      windowWorkdays: number;
      /** The window's last day, when the system knows it (the applicant's receipt is known). */
      windowEnd?: CivilDate | undefined;
    }
  | { kind: "extension_notice"; on: CivilDate; workdays: number; reason: string }
  | {
      kind: "consultation_letter";
      on: CivilDate;
      party: ConsultationParty;
      name: string;
      windowWorkdays: number;
      /** Another agency: the date the agency set for its answer. */
      dueOn?: CivilDate | undefined;
      /** The party's last day, when its receipt is known. */
      windowEnd?: CivilDate | undefined;
    }
  | {
      kind: "fee_notice";
      on: CivilDate;
      basis: FeeBasis;
      amountYuan: number;
      /** The calculation lines (src/domain/fees), or the tariff alone when no quantity is known. */
      lines: string[];
      /** The calculated amount when it differs from the amount charged, with the reason. */
      differs?: { computedYuan: number; reason: string } | undefined;
      paymentMethod: string;
      windowEnd?: CivilDate | undefined;
    }
  | {
      kind: "reply";
      on: CivilDate;
      outcome: OutcomeId;
      circumstances: ReplyCircumstances;
      replyText: string | null;
      reasons: string | null;
      /** The review body the remedy clause names (行政复议法 art. 20 ¶3, 24). */
      reviewBody: ReviewBody;
      /** How the reply is sent (送达方式), when recorded. */
      sentBy?: DeliveryMethod | undefined;
    }
  | {
      /** 重新答复 (DOMAIN.md §3): a reply again, after the decision that ordered it. */
      kind: "re_reply";
      on: CivilDate;
      outcome: OutcomeId;
      circumstances: ReplyCircumstances;
      replyText: string | null;
      reasons: string | null;
      reviewBody: ReviewBody;
      sentBy?: DeliveryMethod | undefined;
      /** The first reply's date, and the decision that ordered the new one. */
      firstReplyOn: CivilDate;
      order: { byCourt: boolean; decidedOn: CivilDate | null; receivedOn: CivilDate };
    };

export interface LetterContent {
  /** The letter, or `delivery_receipt` for a 送达回证. */
  kind: LetterKind | "delivery_receipt";
  title: string;
  /** The letter's number; "" for a form that has none (送达回证). */
  serialNo: string;
  /** “张三：”; "" for a form. */
  addressee: string;
  paragraphs: string[];
  /** A form's rows (送达回证): label and value; an empty value is a line to fill in by hand. */
  rows?: [string, string][];
  signature: string;
  date: string;
}
