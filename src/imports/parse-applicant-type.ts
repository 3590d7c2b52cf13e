import { APPLICANT_TYPE_LABELS, APPLICANT_TYPES, type ApplicantType } from "../domain/vocabulary.ts";
import type { Parsed } from "./ledger-types.ts";
import { type LabelVocabulary, matchLabel } from "./match-label.ts";

const VOCABULARY: LabelVocabulary<ApplicantType> = {
  what: "申请人类型",
  entries: APPLICANT_TYPES.map((id) => ({
    id,
    label: APPLICANT_TYPE_LABELS[id],
    // table 三's column heads them 法人或其他组织 — 其他: “其他组织” says the same
    aliases: id === "other_org" ? ["其他组织", "其他法人或其他组织"] : [],
  })),
};

/** 申请人类型: an applicant type by its label (自然人 …) or id (natural_person …). */
export function parseApplicantType(text: string): Parsed<ApplicantType> {
  return matchLabel(text, VOCABULARY);
}
