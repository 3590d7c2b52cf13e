/**
 * The one table of outcomes (DOMAIN.md §6). Every application that leaves the open states has
 * exactly one outcome; each outcome is one leaf row of table 三. The machine (which outcomes a
 * decision may carry), the tabulator (which row counts it), the HTTP layer (which fields a reply
 * must state) and the letters (the decision sentence, the articles cited, the remedy clause) all
 * read this table; nothing else lists outcomes.
 */
import { citeRegulation, type RegulationArticle } from "./regulation-citation.ts";
import { REVIEW_LAW_2023_IN_FORCE } from "./statute.ts";

export const OUTCOME_GROUPS = [
  "disclosed",
  "partially_disclosed",
  "withheld",
  "unavailable",
  "not_processed",
  "other",
] as const;
export type OutcomeGroup = (typeof OUTCOME_GROUPS)[number];

/** Group headings of table 三, 2021 edition (the 2019 edition has the same headings). */
export const OUTCOME_GROUP_LABELS: Record<OutcomeGroup, string> = {
  disclosed: "（一）予以公开",
  partially_disclosed: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
  withheld: "（三）不予公开",
  unavailable: "（四）无法提供",
  not_processed: "（五）不予处理",
  other: "（六）其他处理",
};

/**
 * How an outcome is reached: `decision` by an approver's reply; `withdrawal` when the applicant
 * withdraws; `automatic` by the deadline worker when a window expires.
 */
export type OutcomeReachedBy = "decision" | "withdrawal" | "automatic";

/** What a reply states besides its decision, by the name of its field in the API. */
export type ReplyField = "reasons" | "replyText" | "holdingAgency";

/**
 * One way of replying with an outcome (an outcome has one, or several told apart by the case:
 * `disclosed` by `disclosure`, `unavailable.not_held` by `holdingAgency`, …; see replyFormFor).
 */
export interface ReplyForm {
  id: string;
  /** The articles of the Regulation the reply cites (DOMAIN.md §6); none for `confirmation`. */
  articles: readonly RegulationArticle[];
  /** A basis outside the Regulation, printed instead (the fee rules). */
  otherBasis?: string;
  /** The decision sentence of the reply letter (答复书). */
  decision: string;
  /** What the law makes the reply state: the request is refused (422) without it. */
  requires: readonly ReplyField[];
  /** The heading of `reasons` in the letter. */
  reasonsLabel?: string;
  /** The heading of `replyText` when it has a role in this form (where, how, which procedure). */
  replyTextLabel?: string;
  /** What the letter prints in place of `replyText` when none was given. */
  replyTextDefault?: string;
  /**
   * The reply provides information (art. 36(二), 37): `replyText` is how (提供方式); without it
   * the letter says how from the application's 获取信息的方式 and the reply's 送达方式, and
   * never “见附件” (src/letters/reply-body.ts).
   */
  providesInformation?: boolean;
}

export interface OutcomeDefinition {
  id: string;
  group: OutcomeGroup;
  /** Row number of table 三, 2021 edition: （一）, （三）1, （六）2 … */
  row2021: string;
  /** Row number in the 2019 edition: the three other.* outcomes all fall in （六）. */
  row2019: string;
  /** Exact leaf-row label of the national format (for single-row groups, the group label). */
  label: string;
  /** A short name for menus and lists. */
  shortLabel: string;
  /** The legal basis of every form, for menus (“第三十六条第（二）项；第三十六条第（一）项”). */
  basis: string;
  /** The forms of the reply; the first is the default. */
  replies: readonly ReplyForm[];
  /**
   * The reply withholds information (行政复议法 2023 art. 23 ¶1(四)): from 2024-01-01 it tells the
   * applicant to apply for administrative review before any lawsuit (art. 23 ¶2).
   */
  withholds: boolean;
  reachedBy: readonly OutcomeReachedBy[];
  /** Only after a supplement was received (art. 30). */
  requiresSupplementReceived?: boolean;
}

const WITHHELD_REASONS = "不予公开的理由";

function withheld(decision: string, articles: RegulationArticle[]): ReplyForm {
  return { id: "default", articles, decision, requires: ["reasons"], reasonsLabel: WITHHELD_REASONS };
}

function single(decision: string, articles: RegulationArticle[], extra: Partial<ReplyForm> = {}): ReplyForm {
  return { id: "default", articles, decision, requires: [], ...extra };
}

function define<const I extends string>(
  d: Omit<OutcomeDefinition, "id" | "basis" | "withholds"> & { id: I; withholds?: boolean },
): OutcomeDefinition & { id: I } {
  const basis = d.replies
    .map((r) => citeRegulation(r.articles).replace(/^《.*?》/, "") || r.otherBasis || "无（《条例》未规定）")
    .filter((b, i, all) => all.indexOf(b) === i)
    .join("；");
  return { ...d, basis, withholds: d.withholds ?? false };
}

const 十四 = [{ article: 14 }];

export const OUTCOMES = [
  define({
    id: "disclosed",
    group: "disclosed",
    row2021: "（一）",
    row2019: "（一）",
    label: "（一）予以公开",
    shortLabel: "予以公开",
    replies: [
      single(
        "经审查，您申请公开的政府信息属于可以公开的政府信息，本机关决定予以公开。",
        [{ article: 36, item: 2 }],
        {
          id: "provided",
          replyTextLabel: "提供方式",
          providesInformation: true,
        },
      ),
      single("经审查，您申请公开的政府信息本机关已经主动公开。", [{ article: 36, item: 1 }], {
        id: "already_public",
        requires: ["replyText"],
        replyTextLabel: "您可以通过以下方式、途径获取该政府信息",
      }),
    ],
    reachedBy: ["decision"],
  }),
  define({
    id: "partially_disclosed",
    group: "partially_disclosed",
    row2021: "（二）",
    row2019: "（二）",
    label: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    shortLabel: "部分公开",
    replies: [
      {
        id: "default",
        articles: [{ article: 37 }],
        decision:
          "经审查，您申请公开的信息中含有不应当公开的内容，但是能够作区分处理，本机关决定向您提供可以公开的政府信息内容，对不应当公开的内容不予公开。",
        requires: ["reasons"],
        replyTextLabel: "提供方式",
        providesInformation: true,
        reasonsLabel: "对不予公开内容的理由",
      },
    ],
    withholds: true,
    reachedBy: ["decision"],
  }),
  define({
    id: "withheld.state_secret",
    group: "withheld",
    row2021: "（三）1",
    row2019: "（三）1",
    label: "1.属于国家秘密",
    shortLabel: "不予公开：属于国家秘密",
    replies: [
      withheld("经审查，您申请公开的政府信息属于依法确定为国家秘密的政府信息，本机关决定不予公开。", 十四),
    ],
    withholds: true,
    reachedBy: ["decision"],
  }),
  define({
    id: "withheld.prohibited_by_law",
    group: "withheld",
    row2021: "（三）2",
    row2019: "（三）2",
    label: "2.其他法律行政法规禁止公开",
    shortLabel: "不予公开：其他法律行政法规禁止公开",
    replies: [
      withheld(
        "经审查，您申请公开的政府信息属于法律、行政法规禁止公开的政府信息，本机关决定不予公开。",
        十四,
      ),
    ],
    withholds: true,
    reachedBy: ["decision"],
  }),
  define({
    id: "withheld.security_stability",
    group: "withheld",
    row2021: "（三）3",
    row2019: "（三）3",
    label: "3.危及“三安全一稳定”",
    shortLabel: "不予公开：危及“三安全一稳定”",
    replies: [
      withheld(
        "经审查，您申请公开的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定，本机关决定不予公开。",
        十四,
      ),
    ],
    withholds: true,
    reachedBy: ["decision"],
  }),
  define({
    id: "withheld.third_party_rights",
    group: "withheld",
    row2021: "（三）4",
    row2019: "（三）4",
    label: "4.保护第三方合法权益",
    shortLabel: "不予公开：保护第三方合法权益",
    replies: [
      withheld(
        "经审查，您申请公开的政府信息涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害，本机关决定不予公开。",
        [{ article: 15 }],
      ),
      // art. 32 is the basis only when the third party was asked in writing
      {
        ...withheld(
          "经审查并书面征求第三方意见，您申请公开的政府信息涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害，本机关决定不予公开。",
          [{ article: 15 }, { article: 32 }],
        ),
        id: "consulted",
      },
    ],
    withholds: true,
    reachedBy: ["decision"],
  }),
  define({
    id: "withheld.internal_affairs",
    group: "withheld",
    row2021: "（三）5",
    row2019: "（三）5",
    label: "5.属于三类内部事务信息",
    shortLabel: "不予公开：属于三类内部事务信息",
    replies: [
      withheld(
        "经审查，您申请公开的政府信息属于行政机关的内部事务信息（人事管理、后勤管理、内部工作流程等方面的信息），本机关决定不予公开。",
        [{ article: 16, paragraph: 1 }],
      ),
    ],
    withholds: true,
    reachedBy: ["decision"],
  }),
  define({
    id: "withheld.process_information",
    group: "withheld",
    row2021: "（三）6",
    row2019: "（三）6",
    label: "6.属于四类过程性信息",
    shortLabel: "不予公开：属于四类过程性信息",
    replies: [
      withheld(
        "经审查，您申请公开的政府信息属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息，本机关决定不予公开。",
        [{ article: 16, paragraph: 2 }],
      ),
    ],
    withholds: true,
    reachedBy: ["decision"],
  }),
  define({
    id: "withheld.enforcement_file",
    group: "withheld",
    row2021: "（三）7",
    row2019: "（三）7",
    label: "7.属于行政执法案卷",
    shortLabel: "不予公开：属于行政执法案卷",
    replies: [
      withheld("经审查，您申请公开的政府信息属于行政执法案卷信息，本机关决定不予公开。", [
        { article: 16, paragraph: 2 },
      ]),
    ],
    withholds: true,
    reachedBy: ["decision"],
  }),
  define({
    id: "withheld.administrative_query",
    group: "withheld",
    row2021: "（三）8",
    row2019: "（三）8",
    label: "8.属于行政查询事项",
    shortLabel: "不予公开：属于行政查询事项",
    // art. 36(七) points to the special law's procedure: no “决定不予公开”, no reasons required
    replies: [
      single(
        "经审查，您申请获取的信息属于工商、不动产登记资料等有关法律、行政法规对信息的获取有特别规定的信息，请您依照有关法律、行政法规的规定办理。",
        [{ article: 36, item: 7 }],
        { replyTextLabel: "办理途径" },
      ),
    ],
    withholds: true,
    reachedBy: ["decision"],
  }),
  define({
    id: "unavailable.not_held",
    group: "unavailable",
    row2021: "（四）1",
    row2019: "（四）1",
    label: "1.本机关不掌握相关政府信息",
    shortLabel: "无法提供：本机关不掌握相关政府信息",
    replies: [
      single("经检索，本机关没有您申请公开的政府信息，该政府信息不存在。", [{ article: 36, item: 4 }], {
        id: "not_exist",
      }),
      {
        id: "other_agency",
        articles: [{ article: 36, item: 5 }],
        decision: "经审查，您申请公开的政府信息不属于本机关负责公开的政府信息。",
        requires: ["reasons", "holdingAgency"],
        reasonsLabel: "理由",
      },
    ],
    reachedBy: ["decision"],
  }),
  define({
    id: "unavailable.requires_creation",
    group: "unavailable",
    row2021: "（四）2",
    row2019: "（四）2",
    label: "2.没有现成信息需要另行制作",
    shortLabel: "无法提供：没有现成信息需要另行制作",
    replies: [
      single("经审查，您申请公开的信息需要本机关对现有政府信息进行加工、分析后方能形成，本机关不予提供。", [
        { article: 38 },
      ]),
    ],
    reachedBy: ["decision"],
  }),
  define({
    id: "unavailable.unclear_after_supplement",
    group: "unavailable",
    row2021: "（四）3",
    row2019: "（四）3",
    label: "3.补正后申请内容仍不明确",
    shortLabel: "无法提供：补正后申请内容仍不明确",
    replies: [
      single("经本机关告知补正，您补正后的申请内容仍不明确，本机关无法确定您所需的政府信息，无法提供。", [
        { article: 30 },
      ]),
    ],
    reachedBy: ["decision"],
    requiresSupplementReceived: true,
  }),
  define({
    id: "not_processed.petition",
    group: "not_processed",
    row2021: "（五）1",
    row2019: "（五）1",
    label: "1.信访举报投诉类申请",
    shortLabel: "不予处理：信访举报投诉类申请",
    replies: [
      single(
        "您以政府信息公开申请的形式进行信访、投诉、举报等活动，本机关不作为政府信息公开申请处理，您可以通过信访、投诉、举报等相应渠道提出。",
        [{ article: 39, paragraph: 1 }],
      ),
    ],
    reachedBy: ["decision"],
  }),
  define({
    id: "not_processed.duplicate",
    group: "not_processed",
    row2021: "（五）2",
    row2019: "（五）2",
    label: "2.重复申请",
    shortLabel: "不予处理：重复申请",
    replies: [
      single("本机关已就您提出的政府信息公开申请作出答复，您重复申请公开相同政府信息，本机关不予重复处理。", [
        { article: 36, item: 6 },
      ]),
    ],
    reachedBy: ["decision"],
  }),
  define({
    id: "not_processed.publication",
    group: "not_processed",
    row2021: "（五）3",
    row2019: "（五）3",
    label: "3.要求提供公开出版物",
    shortLabel: "不予处理：要求提供公开出版物",
    replies: [
      single(
        "您申请提供的是政府公报、报刊、书籍等公开出版物，本机关不作为政府信息公开申请处理。",
        [{ article: 39, paragraph: 2 }],
        { replyTextLabel: "获取途径", replyTextDefault: "您可以通过公开发行渠道获取" },
      ),
    ],
    reachedBy: ["decision"],
  }),
  define({
    id: "not_processed.excessive",
    group: "not_processed",
    row2021: "（五）4",
    row2019: "（五）4",
    label: "4.无正当理由大量反复申请",
    shortLabel: "不予处理：无正当理由大量反复申请",
    replies: [
      single(
        "您申请公开政府信息的数量、频次明显超过合理范围，经本机关要求说明理由，本机关认为申请理由不合理，不予处理。",
        [{ article: 35 }],
      ),
    ],
    reachedBy: ["decision"],
  }),
  define({
    id: "not_processed.confirmation",
    group: "not_processed",
    row2021: "（五）5",
    row2019: "（五）5",
    label: "5.要求行政机关确认或重新出具已获取信息",
    shortLabel: "不予处理：要求行政机关确认或重新出具已获取信息",
    // DOMAIN.md §6: no article of the Regulation covers this row; the letter cites none
    replies: [
      single("您要求本机关确认或者重新出具您已经获取的信息，不属于申请获取政府信息，本机关不予处理。", []),
    ],
    reachedBy: ["decision"],
  }),
  define({
    id: "other.supplement_overdue",
    group: "other",
    row2021: "（六）1",
    row2019: "（六）",
    label: "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    shortLabel: "其他处理：逾期不补正、不再处理",
    replies: [
      single(
        "您未在本机关告知的补正期限内补正，且无正当理由，视为放弃申请，本机关不再处理该政府信息公开申请。",
        [{ article: 30 }],
      ),
    ],
    reachedBy: ["automatic"],
  }),
  define({
    id: "other.fee_unpaid",
    group: "other",
    row2021: "（六）2",
    row2019: "（六）",
    label: "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    shortLabel: "其他处理：逾期未缴费、不再处理",
    replies: [
      single("您未在收费通知规定的期限内缴纳信息处理费，本机关不再处理该政府信息公开申请。", [], {
        otherBasis: "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）",
      }),
    ],
    reachedBy: ["automatic"],
  }),
  define({
    id: "other.other",
    group: "other",
    row2021: "（六）3",
    row2019: "（六）",
    label: "3.其他",
    shortLabel: "其他处理：其他（含申请人撤回）",
    replies: [
      {
        id: "other",
        articles: [],
        decision: "经审查，本机关对您的政府信息公开申请作其他处理，具体如下。",
        requires: ["reasons"],
        reasonsLabel: "理由",
        replyTextLabel: "处理情况",
      },
      single("您已撤回该政府信息公开申请，本机关终止办理。", [], { id: "withdrawal" }),
    ],
    reachedBy: ["withdrawal", "decision"],
  }),
] as const;

export type OutcomeId = (typeof OUTCOMES)[number]["id"];
export const OUTCOME_IDS: readonly OutcomeId[] = OUTCOMES.map((o) => o.id);

const BY_ID = new Map<string, OutcomeDefinition>(OUTCOMES.map((o) => [o.id, o]));

export function isOutcomeId(value: unknown): value is OutcomeId {
  return typeof value === "string" && BY_ID.has(value);
}

export function getOutcome(id: OutcomeId): OutcomeDefinition {
  const o = BY_ID.get(id);
  if (!o) throw new Error(`unknown outcome ${id}`);
  return o;
}

/** What tells the forms of one outcome apart: the reply's fields and the case's history. */
export interface ReplyCircumstances {
  /** `disclosed`: art. 36(一) already proactively disclosed, or 36(二) provided (the default). */
  disclosure?: "provided" | "already_public" | undefined;
  /** `unavailable.not_held`: named → art. 36(五); absent → art. 36(四) (the information does not exist). */
  holdingAgency?: string | undefined;
  /** `withheld.third_party_rights`: a third party was consulted in writing (art. 32). */
  thirdPartyConsulted?: boolean | undefined;
  /** `other.other`: the applicant withdrew. */
  withdrawn?: boolean | undefined;
}

/** The form of the reply for an outcome in the given circumstances. */
export function replyFormFor(id: OutcomeId, c: ReplyCircumstances): ReplyForm {
  const replies = getOutcome(id).replies;
  const pick = (formId: string) => replies.find((r) => r.id === formId) ?? (replies[0] as ReplyForm);
  switch (id) {
    case "disclosed":
      return pick(c.disclosure ?? "provided");
    case "unavailable.not_held":
      return pick(c.holdingAgency ? "other_agency" : "not_exist");
    case "withheld.third_party_rights":
      return pick(c.thirdPartyConsulted ? "consulted" : "default");
    case "other.other":
      return pick(c.withdrawn ? "withdrawal" : "other");
    default:
      return replies[0] as ReplyForm;
  }
}

/** The fields a reply of this form must state and does not (the 422 of decide and propose_decision). */
export function missingReplyFields(
  id: OutcomeId,
  reply: ReplyCircumstances & { reasons?: string | undefined; replyText?: string | undefined },
): ReplyField[] {
  const present = (s: string | undefined) => s !== undefined && s.trim() !== "";
  return replyFormFor(id, reply).requires.filter((field) => !present(reply[field]));
}

/**
 * 行政复议法 (2023) art. 23 ¶1(四), ¶2: from 2024-01-01 a reply that withholds information must
 * tell the applicant to apply for review first; other replies, and every reply before, keep the
 * choice between review and a lawsuit (2017 text art. 9, 行政诉讼法 art. 44, 46).
 */
export function isReviewFirst(id: OutcomeId, replyOn: string): boolean {
  return getOutcome(id).withholds && replyOn >= REVIEW_LAW_2023_IN_FORCE;
}

/** Outcomes an approver may choose in a decision (not the automatic closures). */
export const DECIDABLE_OUTCOME_IDS: readonly OutcomeId[] = OUTCOMES.filter((o) =>
  (o.reachedBy as readonly OutcomeReachedBy[]).includes("decision"),
).map((o) => o.id);

/** The outcome a withdrawal records (（六）3 其他). */
export const WITHDRAWAL_OUTCOME: OutcomeId = "other.other";
/** The outcome of an expired supplement window (art. 30). */
export const SUPPLEMENT_OVERDUE_OUTCOME: OutcomeId = "other.supplement_overdue";
/** The outcome of an unpaid fee notice. */
export const FEE_UNPAID_OUTCOME: OutcomeId = "other.fee_unpaid";
