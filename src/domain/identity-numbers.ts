/**
 * The applicant's identity numbers and phone numbers: which ID types there are and what a valid
 * number of each looks like (GB 11643 居民身份证 with its check digit and birth date, GB 32100
 * 统一社会信用代码 with its check character, the formats of the 港澳台 documents), and the phone
 * formats. Pure: the API's schemas and the web intake form both check through these functions,
 * so one rule answers everywhere. The messages never reveal the expected check digit.
 */
import { isCivilDate } from "./civil-date.ts";

/** The ID types of an applicant (`uscc` for organisations, the others for natural persons). */
export const ID_TYPES = ["resident_id", "passport", "hk_mo_tw", "other", "uscc"] as const;
export type IdType = (typeof ID_TYPES)[number];
export const ID_TYPE_LABELS: Record<IdType, string> = {
  resident_id: "居民身份证",
  passport: "护照",
  hk_mo_tw: "港澳台居民证件",
  other: "其他证件",
  uscc: "统一社会信用代码",
};
/** What a natural person may show. */
export const PERSON_ID_TYPES = [
  "resident_id",
  "passport",
  "hk_mo_tw",
  "other",
] as const satisfies readonly IdType[];

const RESIDENT_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const RESIDENT_CHECK = "10X98765432";

/**
 * A 18-character 居民身份证号码 (GB 11643-1999): six digits of area (first digit 1–8; 81/82/83
 * are the 港澳台居民居住证), the birth date YYYYMMDD (a real date, from 1900, not after `today`),
 * three digits of order and the check character. The 15-digit first-generation cards expired in 2013.
 */
export function isResidentIdNumber(value: string, today?: string): boolean {
  const s = value.toUpperCase();
  if (!/^[1-8]\d{16}[\dX]$/.test(s)) return false;
  const birth = `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`;
  if (!isCivilDate(birth) || birth < "1900-01-01" || (today !== undefined && birth > today)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(s[i]) * (RESIDENT_WEIGHTS[i] as number);
  return RESIDENT_CHECK[sum % 11] === s[17];
}

const USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * A 统一社会信用代码 (GB 32100-2015): 18 characters of digits and capital letters without
 * I, O, S, V, Z; the registering authority (1–9, A, N, Y), six digits of area code, and the
 * check character over the other 17.
 */
export function isUnifiedSocialCreditCode(value: string): boolean {
  const s = value.toUpperCase();
  if (!/^[1-9ANY][0-9A-HJ-NP-RTUWXY]\d{6}[0-9A-HJ-NP-RTUWXY]{10}$/.test(s)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(s[i] as string) * (USCC_WEIGHTS[i] as number);
  return USCC_CHARS[(31 - (sum % 31)) % 31] === s[17];
}

/** 港澳居民来往内地通行证 (H/M and 8 or 10 digits). */
const HK_MO_PERMIT = /^[HM]\d{8}(\d{2})?$/;
/** 台湾居民来往大陆通行证 (8 digits since 2015, 10 digits before, sometimes with a letter in brackets). */
const TW_PERMIT = /^(\d{8}|\d{10}(\([A-Z]\))?)$/;
/** A passport of any country: letters and digits, 5 to 20. */
const PASSPORT = /^[A-Z0-9]{5,20}$/;

/**
 * What is wrong with an ID number of a type, or undefined when it is valid. The message names
 * the kind of number and the format, never the expected check character.
 */
export function idNumberProblem(type: IdType, value: string, today?: string): string | undefined {
  const s = value.trim().toUpperCase();
  switch (type) {
    case "resident_id":
      return isResidentIdNumber(s, today)
        ? undefined
        : "不是有效的居民身份证号码（应为18位，含真实的出生日期，最后一位为数字或X，请逐位核对）";
    case "uscc":
      return isUnifiedSocialCreditCode(s)
        ? undefined
        : "不是有效的统一社会信用代码（应为18位数字或大写字母，不含I、O、S、V、Z，请逐位核对）";
    case "hk_mo_tw":
      return HK_MO_PERMIT.test(s) || TW_PERMIT.test(s) || (/^8[123]/.test(s) && isResidentIdNumber(s, today))
        ? undefined
        : "不是有效的港澳台居民证件号码（港澳居民来往内地通行证如 H12345678，台湾居民来往大陆通行证为8位数字，港澳台居民居住证为以81、82、83开头的18位号码）";
    case "passport":
      return PASSPORT.test(s) ? undefined : "不是有效的护照号码（应为5到20位字母或数字，不含空格）";
    case "other":
      return undefined;
  }
}

/**
 * Whether an ID type fits an applicant: 统一社会信用代码 (or 其他, e.g. an organisation abroad)
 * for organisations; 居民身份证, 护照, 港澳台居民证件 or 其他 for persons.
 */
export function idTypeFits(type: IdType, applicantType: string): boolean {
  if (type === "other") return true;
  return (type === "uscc") === (applicantType !== "natural_person");
}

/** A mainland mobile number (11 digits, 1[3-9]…), optionally after +86. */
const MOBILE = /^(\+?86[- ]?)?1[3-9]\d{9}$/;
/** A landline with its area code (010, 0571…), optionally in brackets, and an optional extension. */
const LANDLINE = /^(\(0\d{2,3}\)|0\d{2,3})[- ]?[2-9]\d{6,7}([-转#]\d{1,6})?$/;

/** What is wrong with a phone number, or undefined when it is a mobile or a landline with area code. */
export function phoneProblem(value: string): string | undefined {
  const s = value.trim();
  return MOBILE.test(s) || LANDLINE.test(s)
    ? undefined
    : "不是有效的电话号码（手机号为以1开头的11位数字，如 13812345678；固定电话需带区号，如 0571-87654321，分机号可写在“-”或“转”之后）";
}
