/**
 * The one table of outcomes (DOMAIN.md §6). Every application that leaves the open states has
 * exactly one outcome; each outcome is one leaf row of table 三. The machine (which outcomes a
 * decision may carry), the tabulator (which row counts it), and the letters (which article the
 * reply cites) all read this table; nothing else lists outcomes.
 */

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
  /** The legal basis printed in the reply letter. */
  basis: string;
  /** The decision sentence of the reply letter (答复书). */
  decision: string;
  reachedBy: readonly OutcomeReachedBy[];
  /** Only after a supplement was received (art. 30). */
  requiresSupplementReceived?: boolean;
}

const REG = "《中华人民共和国政府信息公开条例》";

export const OUTCOMES = [
  {
    id: "disclosed",
    group: "disclosed",
    row2021: "（一）",
    row2019: "（一）",
    label: "（一）予以公开",
    shortLabel: "予以公开",
    basis: `${REG}第三十六条第（二）项（已主动公开的，第三十六条第（一）项）`,
    decision:
      "经审查，您申请公开的政府信息属于公开范围，本机关决定予以公开，现将该政府信息提供给您（见附件）；已经主动公开的，告知您获取该政府信息的方式、途径。",
    reachedBy: ["decision"],
  },
  {
    id: "partially_disclosed",
    group: "partially_disclosed",
    row2021: "（二）",
    row2019: "（二）",
    label: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    shortLabel: "部分公开",
    basis: `${REG}第三十七条`,
    decision:
      "经审查，您申请公开的政府信息中含有不应当公开的内容，但能够作区分处理，本机关决定向您提供可以公开的部分（见附件），不应当公开的部分不予公开。",
    reachedBy: ["decision"],
  },
  {
    id: "withheld.state_secret",
    group: "withheld",
    row2021: "（三）1",
    row2019: "（三）1",
    label: "1.属于国家秘密",
    shortLabel: "不予公开：属于国家秘密",
    basis: `${REG}第十四条`,
    decision: "经审查，您申请公开的政府信息属于国家秘密，本机关决定不予公开。",
    reachedBy: ["decision"],
  },
  {
    id: "withheld.prohibited_by_law",
    group: "withheld",
    row2021: "（三）2",
    row2019: "（三）2",
    label: "2.其他法律行政法规禁止公开",
    shortLabel: "不予公开：其他法律行政法规禁止公开",
    basis: `${REG}第十四条`,
    decision: "经审查，您申请公开的政府信息属于法律、行政法规禁止公开的政府信息，本机关决定不予公开。",
    reachedBy: ["decision"],
  },
  {
    id: "withheld.security_stability",
    group: "withheld",
    row2021: "（三）3",
    row2019: "（三）3",
    label: "3.危及“三安全一稳定”",
    shortLabel: "不予公开：危及“三安全一稳定”",
    basis: `${REG}第十四条`,
    decision:
      "经审查，您申请公开的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定，本机关决定不予公开。",
    reachedBy: ["decision"],
  },
  {
    id: "withheld.third_party_rights",
    group: "withheld",
    row2021: "（三）4",
    row2019: "（三）4",
    label: "4.保护第三方合法权益",
    shortLabel: "不予公开：保护第三方合法权益",
    basis: `${REG}第十五条、第三十二条`,
    decision:
      "经审查，您申请公开的政府信息涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害，本机关决定不予公开。",
    reachedBy: ["decision"],
  },
  {
    id: "withheld.internal_affairs",
    group: "withheld",
    row2021: "（三）5",
    row2019: "（三）5",
    label: "5.属于三类内部事务信息",
    shortLabel: "不予公开：属于三类内部事务信息",
    basis: `${REG}第十六条第一款`,
    decision:
      "经审查，您申请公开的政府信息属于行政机关的人事管理、后勤管理、内部工作流程等内部事务信息，本机关决定不予公开。",
    reachedBy: ["decision"],
  },
  {
    id: "withheld.process_information",
    group: "withheld",
    row2021: "（三）6",
    row2019: "（三）6",
    label: "6.属于四类过程性信息",
    shortLabel: "不予公开：属于四类过程性信息",
    basis: `${REG}第十六条第二款`,
    decision:
      "经审查，您申请公开的政府信息属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息，本机关决定不予公开。",
    reachedBy: ["decision"],
  },
  {
    id: "withheld.enforcement_file",
    group: "withheld",
    row2021: "（三）7",
    row2019: "（三）7",
    label: "7.属于行政执法案卷",
    shortLabel: "不予公开：属于行政执法案卷",
    basis: `${REG}第十六条第二款`,
    decision: "经审查，您申请公开的政府信息属于行政执法案卷信息，本机关决定不予公开。",
    reachedBy: ["decision"],
  },
  {
    id: "withheld.administrative_query",
    group: "withheld",
    row2021: "（三）8",
    row2019: "（三）8",
    label: "8.属于行政查询事项",
    shortLabel: "不予公开：属于行政查询事项",
    basis: `${REG}第三十六条第（七）项`,
    decision:
      "经审查，您申请公开的政府信息属于有关法律、行政法规对信息的获取有特别规定的行政查询事项，请您按照有关法律、行政法规的规定办理，本机关决定不予公开。",
    reachedBy: ["decision"],
  },
  {
    id: "unavailable.not_held",
    group: "unavailable",
    row2021: "（四）1",
    row2019: "（四）1",
    label: "1.本机关不掌握相关政府信息",
    shortLabel: "无法提供：本机关不掌握相关政府信息",
    basis: `${REG}第三十六条第（四）项、第（五）项`,
    decision: "经检索，本机关未制作、获取您申请公开的政府信息，本机关不掌握该政府信息。",
    reachedBy: ["decision"],
  },
  {
    id: "unavailable.requires_creation",
    group: "unavailable",
    row2021: "（四）2",
    row2019: "（四）2",
    label: "2.没有现成信息需要另行制作",
    shortLabel: "无法提供：没有现成信息需要另行制作",
    basis: `${REG}第三十八条`,
    decision:
      "您申请公开的政府信息需要本机关对现有政府信息进行加工、分析后方能形成，本机关没有现成信息，不予另行制作。",
    reachedBy: ["decision"],
  },
  {
    id: "unavailable.unclear_after_supplement",
    group: "unavailable",
    row2021: "（四）3",
    row2019: "（四）3",
    label: "3.补正后申请内容仍不明确",
    shortLabel: "无法提供：补正后申请内容仍不明确",
    basis: `${REG}第三十条`,
    decision: "经本机关告知补正，您补正后的申请内容仍不明确，本机关无法确定您所需的政府信息，无法提供。",
    reachedBy: ["decision"],
    requiresSupplementReceived: true,
  },
  {
    id: "not_processed.petition",
    group: "not_processed",
    row2021: "（五）1",
    row2019: "（五）1",
    label: "1.信访举报投诉类申请",
    shortLabel: "不予处理：信访举报投诉类申请",
    basis: `${REG}第三十九条第一款`,
    decision:
      "您的申请实为以政府信息公开申请的形式进行信访、投诉、举报等活动，不属于政府信息公开申请，本机关不予处理，请您依照《信访工作条例》等规定的途径提出。",
    reachedBy: ["decision"],
  },
  {
    id: "not_processed.duplicate",
    group: "not_processed",
    row2021: "（五）2",
    row2019: "（五）2",
    label: "2.重复申请",
    shortLabel: "不予处理：重复申请",
    basis: `${REG}第三十六条第（六）项`,
    decision: "您的申请与此前已经答复的申请内容相同，属于重复申请，本机关不予重复处理。",
    reachedBy: ["decision"],
  },
  {
    id: "not_processed.publication",
    group: "not_processed",
    row2021: "（五）3",
    row2019: "（五）3",
    label: "3.要求提供公开出版物",
    shortLabel: "不予处理：要求提供公开出版物",
    basis: `${REG}第三十九条第二款`,
    decision: "您要求提供的是公开出版物，本机关不予处理，您可以通过公开发行渠道获取。",
    reachedBy: ["decision"],
  },
  {
    id: "not_processed.excessive",
    group: "not_processed",
    row2021: "（五）4",
    row2019: "（五）4",
    label: "4.无正当理由大量反复申请",
    shortLabel: "不予处理：无正当理由大量反复申请",
    basis: `${REG}第三十五条`,
    decision: "您无正当理由大量、反复申请政府信息公开，且申请理由不合理，本机关不予处理。",
    reachedBy: ["decision"],
  },
  {
    id: "not_processed.confirmation",
    group: "not_processed",
    row2021: "（五）5",
    row2019: "（五）5",
    label: "5.要求行政机关确认或重新出具已获取信息",
    shortLabel: "不予处理：要求行政机关确认或重新出具已获取信息",
    basis: `${REG}第三十九条第二款`,
    decision: "您要求本机关确认或者重新出具已获取的政府信息，不属于政府信息公开申请，本机关不予处理。",
    reachedBy: ["decision"],
  },
  {
    id: "other.supplement_overdue",
    group: "other",
    row2021: "（六）1",
    row2019: "（六）",
    label: "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    shortLabel: "其他处理：逾期不补正、不再处理",
    basis: `${REG}第三十条`,
    decision:
      "您未在本机关告知的补正期限内补正，且无正当理由，视为放弃申请，本机关不再处理该政府信息公开申请。",
    reachedBy: ["automatic"],
  },
  {
    id: "other.fee_unpaid",
    group: "other",
    row2021: "（六）2",
    row2019: "（六）",
    label: "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    shortLabel: "其他处理：逾期未缴费、不再处理",
    basis: "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）",
    decision: "您未在收费通知规定的期限内缴纳信息处理费，视为放弃申请，本机关不再处理该政府信息公开申请。",
    reachedBy: ["automatic"],
  },
  {
    id: "other.other",
    group: "other",
    row2021: "（六）3",
    row2019: "（六）",
    label: "3.其他",
    shortLabel: "其他处理：其他（含申请人撤回）",
    basis: REG,
    decision: "经审查，本机关对您的申请作其他处理，具体如下。",
    reachedBy: ["withdrawal", "decision"],
  },
] as const satisfies readonly OutcomeDefinition[];

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
