/**
 * Policy choices DOMAIN.md names that are not numbers of the law (the law's fixed numbers live
 * in statute.ts; settings an agency changes at run time live in config/settings.ts).
 */

/** DOMAIN.md §5: the handler is reminded to record a posted document's signature date this many working days after sending. */
export const RECEIPT_RECORD_WORKDAYS = 5;

/**
 * DOMAIN.md §3: a re-reply ordered by a review decision or a judgment that sets no period is due
 * this many working days after the agency received the decision.
 */
export const RE_REPLY_WORKDAYS = 20;
