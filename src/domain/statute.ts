/**
 * The fixed numbers and dates of the law, each with its article. Policy choices that an agency
 * may set (the supplement window, reminder offsets) live in config/settings.ts instead.
 */
import type { CivilDate } from "./civil-date.ts";

/** art. 33 ¶2: reply within 20 working days of receipt. */
export const REPLY_WORKDAYS = 20;
/** art. 33 ¶2: one extension, at most 20 working days, approved by the office head. */
export const MAX_EXTENSION_WORKDAYS = 20;
/** art. 30: the supplement notice goes out within 7 working days of receipt, once. */
export const SUPPLEMENT_NOTICE_WORKDAYS = 7;
/**
 * art. 32 (third party) and art. 34 (co-producer): the party answers within 15 working days of
 * receiving the consultation letter (“自收到征求意见书之日起15个工作日内”).
 */
export const CONSULTATION_WINDOW_WORKDAYS = 15;
/** 国办函〔2020〕109号 fee rules: pay within 20 working days after receiving the fee notice. */
export const FEE_PAYMENT_WORKDAYS = 20;
/**
 * 行政复议法 (2023) art. 20 ¶1 (2017 text: art. 9 ¶1): review within 60 days of knowing of the
 * act (“自知道或者应当知道该行政行为之日起六十日内”).
 */
export const REVIEW_WITHIN_DAYS = 60;
/** 行政诉讼法 art. 46 ¶1: suit within 6 months of knowing of the act. */
export const LITIGATION_WITHIN_MONTHS = 6;
/**
 * The revised 行政复议法 (adopted 2023-09-01) is in force from this day. From it, art. 23 ¶1(四)
 * (“申请政府信息公开，行政机关不予公开”) makes review compulsory before a lawsuit, and art. 23 ¶2
 * obliges the agency to say so in its decision; art. 24 names the review body (a department is
 * reviewed only by its own government, no longer at the applicant's choice by the department
 * above, as under the 2017 text's art. 12 ¶1).
 */
export const REVIEW_LAW_2023_IN_FORCE: CivilDate = "2024-01-01" as CivilDate;
