/**
 * The letters of a case (DOMAIN.md §10): their titles, the event each one rests on, and the word
 * of their serial number (“嵋阳镇公开〔2026〕第3号” for a reply). Each kind is its own yearly
 * sequence per agency (its `family`); the replies of every outcome share the family `reply`.
 */
export const LETTER_KINDS = [
  "receipt",
  "supplement_notice",
  "extension_notice",
  "consultation_letter",
  "fee_notice",
  "reply",
  "re_reply",
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/** The yearly sequences (a re-reply numbers from the replies' and counts as a reply). */
export const LETTER_FAMILIES = [
  "receipt",
  "supplement_notice",
  "extension_notice",
  "consultation_letter",
  "fee_notice",
  "reply",
] as const satisfies readonly LetterKind[];
export type LetterFamily = (typeof LETTER_FAMILIES)[number];

export interface LetterKindDefinition {
  title: string;
  /** The event the letter records; the receipt rests on the registration. */
  event: string;
  /** The word between the agency's short name and the year in the number. */
  serialWord: string;
  /** Why the letter does not exist yet, when the event is missing. */
  missing: string;
  /** The yearly sequence it numbers from, when not its own (a re-reply is a reply). */
  family?: LetterKind;
}

export const LETTER_KIND_DEFINITIONS: Record<LetterKind, LetterKindDefinition> = {
  receipt: {
    title: "政府信息公开申请登记回执",
    event: "application.registered",
    serialWord: "公开收",
    missing: "该申请尚未登记",
  },
  supplement_notice: {
    title: "政府信息公开申请补正告知书",
    event: "supplement.requested",
    serialWord: "公开补",
    missing: "该申请未告知补正，没有补正告知书",
  },
  extension_notice: {
    title: "政府信息公开申请延期答复告知书",
    event: "extension.granted",
    serialWord: "公开延",
    missing: "该申请未延期答复，没有延期答复告知书",
  },
  consultation_letter: {
    title: "政府信息公开征求意见书",
    event: "consultation.started",
    serialWord: "公开征",
    missing: "该申请未征求意见，没有征求意见书",
  },
  fee_notice: {
    title: "政府信息公开信息处理费收费通知书",
    event: "fee.notified",
    serialWord: "公开费",
    missing: "该申请未发出收费通知，没有收费通知书",
  },
  reply: {
    title: "政府信息公开申请答复书",
    event: "reply",
    serialWord: "公开",
    missing: "该申请尚未办结（答复、撤回或期限届满终止），还没有答复书",
  },
  re_reply: {
    title: "政府信息公开申请重新答复书",
    event: "rereply.issued",
    serialWord: "公开",
    missing: "该申请没有重新答复（须先登记复议纠正或判决重新答复，再作出重新答复）",
    family: "reply",
  },
};

export function isLetterKind(value: string): value is LetterKind {
  return (LETTER_KINDS as readonly string[]).includes(value);
}

/** “嵋阳镇人民政府” → “嵋阳镇”: the default short name when the agency has set none. */
export function defaultShortName(agencyName: string): string {
  const short = agencyName.replace(/人民政府$/, "");
  return short === "" ? agencyName : short;
}

/** “嵋阳镇公开〔2026〕第3号” */
export function formatSerialNo(shortName: string, kind: LetterKind, year: number, serial: number): string {
  return `${shortName}${LETTER_KIND_DEFINITIONS[kind].serialWord}〔${year}〕第${serial}号`;
}

/** “2026-03-12” → “2026年3月12日” */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}
