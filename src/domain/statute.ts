/**
 * The fixed numbers of the law, each with its article. Policy choices that an agency may set
 * (the supplement window, reminder offsets) live in config/settings.ts instead.
 */

/** art. 33 ¶2: reply within 20 working days of receipt. */
export const REPLY_WORKDAYS = 20;
/** art. 33 ¶2: one extension, at most 20 working days, approved by the office head. */
export const MAX_EXTENSION_WORKDAYS = 20;
/** art. 30: the supplement notice goes out within 7 working days of receipt, once. */
export const SUPPLEMENT_NOTICE_WORKDAYS = 7;
/** art. 32: a third party answers within 15 working days of the letter. */
export const CONSULTATION_WINDOW_WORKDAYS = 15;
/** 国办函〔2020〕109号 fee rules: pay within 20 working days after receiving the fee notice. */
export const FEE_PAYMENT_WORKDAYS = 20;
/** 行政复议法 art. 20: review within 60 days of learning of the decision. */
export const REVIEW_WITHIN_DAYS = 60;
/** 行政诉讼法 art. 46: suit within 6 months of learning of the decision. */
export const LITIGATION_WITHIN_MONTHS = 6;
