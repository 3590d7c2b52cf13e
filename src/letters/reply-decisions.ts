import { assertNever } from "../domain/assert-never.ts";
import { getOutcome, type OutcomeGroup, type OutcomeId } from "../domain/outcomes.ts";

/** Why the information is withheld, per 不予公开 leaf (art. 14–16, 36(七)). */
const WITHHELD_REASONS: Partial<Record<OutcomeId, string>> = {
  "withheld.state_secret": "属于国家秘密",
  "withheld.prohibited_by_law": "属于法律、行政法规禁止公开的政府信息",
  "withheld.security_stability": "公开后可能危及国家安全、公共安全、经济安全、社会稳定",
  "withheld.third_party_rights": "涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害",
  "withheld.internal_affairs": "属于行政机关的人事管理、后勤管理、内部工作流程等内部事务信息",
  "withheld.process_information":
    "属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息",
  "withheld.enforcement_file": "属于行政执法案卷信息",
  "withheld.administrative_query":
    "属于有关法律、行政法规对信息的获取有特别规定的行政查询事项，请您按照有关法律、行政法规的规定办理",
};

const UNAVAILABLE_SENTENCES: Partial<Record<OutcomeId, string>> = {
  "unavailable.not_held": "经检索，本机关未制作、获取您申请公开的政府信息，本机关不掌握该政府信息。",
  "unavailable.requires_creation":
    "您申请公开的政府信息需要本机关对现有政府信息进行加工、分析后方能形成，本机关没有现成信息，不予另行制作。",
  "unavailable.unclear_after_supplement":
    "经本机关告知补正，您补正后的申请内容仍不明确，本机关无法确定您所需的政府信息，无法提供。",
};

const NOT_PROCESSED_SENTENCES: Partial<Record<OutcomeId, string>> = {
  "not_processed.petition":
    "您的申请实为以政府信息公开申请的形式进行信访、投诉、举报等活动，不属于政府信息公开申请，本机关不予处理，请您依照《信访工作条例》等规定的途径提出。",
  "not_processed.duplicate": "您的申请与此前已经答复的申请内容相同，属于重复申请，本机关不予重复处理。",
  "not_processed.publication": "您要求提供的是公开出版物，本机关不予处理，您可以通过公开发行渠道获取。",
  "not_processed.excessive": "您无正当理由大量、反复申请政府信息公开，且申请理由不合理，本机关不予处理。",
  "not_processed.confirmation":
    "您要求本机关确认或者重新出具已获取的政府信息，不属于政府信息公开申请，本机关不予处理。",
};

const OTHER_SENTENCES: Partial<Record<OutcomeId, string>> = {
  "other.supplement_overdue":
    "您未在本机关告知的补正期限内补正，且无正当理由，视为放弃申请，本机关不再处理该政府信息公开申请。",
  "other.fee_unpaid":
    "您未在收费通知规定的期限内缴纳信息处理费，视为放弃申请，本机关不再处理该政府信息公开申请。",
};

function sentenceOf(table: Partial<Record<OutcomeId, string>>, outcome: OutcomeId): string {
  const sentence = table[outcome];
  if (sentence === undefined) throw new Error(`no reply sentence for ${outcome}`);
  return sentence;
}

/**
 * The decision of the reply letter for an outcome (its group's form, with the leaf's reason).
 * `withdrawn` distinguishes a withdrawal from another 其他处理 decision.
 */
export function replyDecision(outcome: OutcomeId, withdrawn: boolean): string {
  const group: OutcomeGroup = getOutcome(outcome).group;
  switch (group) {
    case "disclosed":
      return "经审查，您申请公开的政府信息属于公开范围，本机关决定予以公开，现将该政府信息提供给您（见附件）；已经主动公开的，告知您获取该政府信息的方式、途径。";
    case "partially_disclosed":
      return "经审查，您申请公开的政府信息中含有不应当公开的内容，但能够作区分处理，本机关决定向您提供可以公开的部分（见附件），不应当公开的部分不予公开。";
    case "withheld":
      return `经审查，您申请公开的政府信息${sentenceOf(WITHHELD_REASONS, outcome)}，本机关决定不予公开。`;
    case "unavailable":
      return sentenceOf(UNAVAILABLE_SENTENCES, outcome);
    case "not_processed":
      return sentenceOf(NOT_PROCESSED_SENTENCES, outcome);
    case "other":
      if (outcome === "other.other") {
        return withdrawn
          ? "您已撤回该政府信息公开申请，本机关终止办理。"
          : "经审查，本机关对您的申请作其他处理，具体如下。";
      }
      return sentenceOf(OTHER_SENTENCES, outcome);
    default:
      return assertNever(group, "outcome group");
  }
}
