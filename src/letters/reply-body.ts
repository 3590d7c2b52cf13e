import { replyFormFor } from "../domain/outcomes.ts";
import { citeRegulation } from "../domain/regulation-citation.ts";
import { DELIVERY_METHOD_LABELS } from "../domain/vocabulary.ts";
import { chineseDate } from "./letter-kinds.ts";
import { acknowledgement } from "./letter-parts.ts";
import type { LetterCase, LetterEvent } from "./letter-types.ts";
import { remedyClause } from "./remedy-clause.ts";

type ReplyEvent = Extract<LetterEvent, { kind: "reply" }>;

/**
 * A line to fill in by hand: a reply recorded before the law's fields were asked (or imported
 * from a paper ledger) lacks what the decision had to state; the letter shows the gap, never
 * invents the text.
 */
export const FILL_IN = "＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿";

/** A paragraph that ends as a sentence: the handler's text may or may not close with a stop. */
function sentence(text: string): string {
  return /[。；！？.;!?）)]$/.test(text) || text.endsWith(FILL_IN) ? text : `${text}。`;
}

/**
 * The reply (答复书): one decision of the outcome table in the form the case calls for, what that
 * form must state (where to obtain it, the reasons, the agency that holds it), the articles it
 * rests on and nothing else, and the remedy clause naming the review body.
 */
export function replyBody(c: LetterCase, e: ReplyEvent): string[] {
  return [`${acknowledgement(c)}现答复如下：`, ...decisionLines(c, e)];
}

/**
 * 重新答复 (DOMAIN.md §3): the same decision lines as a reply, opened by the first reply and the
 * review decision or judgment that ordered the new one.
 */
export function reReplyBody(c: LetterCase, e: Extract<LetterEvent, { kind: "re_reply" }>): string[] {
  const decided = e.order.decidedOn ? `于${chineseDate(e.order.decidedOn)}` : "";
  const by = e.order.byCourt ? `人民法院${decided}作出判决` : `行政复议机关${decided}作出行政复议决定`;
  return [
    `${acknowledgement(c)}本机关已于${chineseDate(e.firstReplyOn)}作出答复。${by}，责令本机关重新答复，本机关于${chineseDate(e.order.receivedOn)}收到。现重新答复如下：`,
    ...decisionLines(c, { ...e, kind: "reply" }),
  ];
}

/**
 * How the information is provided when the handler wrote nothing: the 获取信息的方式 the
 * applicant asked for, else the reply's 送达方式. Nothing records an attachment, so the letter
 * never says “见附件”; a handler who attaches it says so in 提供方式 (replyText).
 */
function provision(c: LetterCase, e: ReplyEvent): string {
  if (c.deliveryForm) return `按您申请的获取信息的方式（${c.deliveryForm.trim()}）提供`;
  if (e.sentBy) return `以${DELIVERY_METHOD_LABELS[e.sentBy]}方式提供`;
  return FILL_IN;
}

function decisionLines(c: LetterCase, e: ReplyEvent): string[] {
  const form = replyFormFor(e.outcome, e.circumstances);
  const lines = [form.decision];
  if (form.replyTextLabel) {
    const text =
      e.replyText ??
      (form.providesInformation ? provision(c, e) : undefined) ??
      form.replyTextDefault ??
      (form.requires.includes("replyText") ? FILL_IN : null);
    if (text) lines.push(sentence(`${form.replyTextLabel}：${text}`));
  } else if (e.replyText) {
    lines.push(e.replyText);
  }
  if (form.requires.includes("holdingAgency")) {
    lines.push(
      sentence(`负责公开该政府信息的行政机关（名称、联系方式）：${e.circumstances.holdingAgency ?? FILL_IN}`),
    );
  }
  if (form.reasonsLabel || e.reasons) {
    lines.push(sentence(`${form.reasonsLabel ?? "理由"}：${e.reasons ?? FILL_IN}`));
  }
  const basis = citeRegulation(form.articles) || form.otherBasis;
  if (basis) lines.push(`法律依据：${basis}。`);
  lines.push(remedyClause(e.outcome, e.on, e.reviewBody, c.agencyName));
  return lines;
}
