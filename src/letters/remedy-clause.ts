import { isReviewFirst, type OutcomeId } from "../domain/outcomes.ts";
import type { ReviewBody } from "../domain/review-body.ts";
import { LITIGATION_WITHIN_MONTHS, REVIEW_WITHIN_DAYS } from "../domain/statute.ts";

/** The sentence that names the law of the review-first rule (行政复议法 2023 art. 23 ¶1(四), ¶2). */
export const REVIEW_FIRST_BASIS = "根据《中华人民共和国行政复议法》第二十三条第一款第（四）项、第二款的规定";

function eitherOr(reviewBody: ReviewBody, agencyName: string, what: string): string {
  return (
    `${what}不服，可以自收到本答复之日起${REVIEW_WITHIN_DAYS}日内向${reviewBody.name}申请行政复议，` +
    `或者自收到本答复之日起${LITIGATION_WITHIN_MONTHS}个月内依法向人民法院提起行政诉讼（被申请人或者被告为${agencyName}）。`
  );
}

/**
 * The remedy clause of a reply (DOMAIN.md §10). It names the review body (行政复议法 art. 20 ¶3:
 * without it the review period does not start). From 2024-01-01 a reply that withholds
 * information tells the applicant to apply for review first and to sue only after the review
 * decision (art. 23 ¶1(四), ¶2); for a partial disclosure that is the withheld part, the rest keeps
 * the choice. Every other reply, and every reply before that day, keeps the choice between
 * review within 60 days (art. 20 ¶1; 2017 text art. 9) and a lawsuit within 6 months (行政诉讼法
 * art. 44 ¶1, 46 ¶1).
 */
export function remedyClause(
  outcome: OutcomeId,
  replyOn: string,
  reviewBody: ReviewBody,
  agencyName: string,
): string {
  if (!isReviewFirst(outcome, replyOn)) return `如对本答复${eitherOr(reviewBody, agencyName, "")}`;
  const partial = outcome === "partially_disclosed";
  const reviewFirst =
    `${REVIEW_FIRST_BASIS}，如对本答复${partial ? "中不予公开的部分" : ""}不服，您应当先向${reviewBody.name}申请行政复议` +
    `（可以自收到本答复之日起${REVIEW_WITHIN_DAYS}日内提出，被申请人为${agencyName}）；` +
    "对行政复议决定不服的，可以再依法向人民法院提起行政诉讼。";
  return partial ? `${reviewFirst}对本答复的其他内容${eitherOr(reviewBody, agencyName, "")}` : reviewFirst;
}
