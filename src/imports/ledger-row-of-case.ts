import type { CaseFacts, DocumentService } from "../domain/case-facts.ts";
import type { CivilDate } from "../domain/civil-date.ts";
import { feeService, serviceStart } from "../domain/deadlines/window-ends.ts";
import type { OutcomeId } from "../domain/outcomes.ts";
import { CONSULTATION_WINDOW_WORKDAYS } from "../domain/statute.ts";
import {
  APPLICANT_TYPE_LABELS,
  type ApplicantType,
  CHANNEL_LABELS,
  type Channel,
  type ConsultationParty,
  DEFAULT_CONSULTATION_DELIVERY,
  DEFAULT_DELIVERY_BY_CHANNEL,
  type DeliveryMethod,
} from "../domain/vocabulary.ts";
import { ledgerOutcomeLabel } from "./ledger-outcome-label.ts";
import type { LedgerWorkbookRow } from "./write-ledger-workbook.ts";

/** What the export knows of one case. */
export interface ExportedCase {
  /** The ledger number it was imported with, else its tracking number. */
  number: string;
  channel: Channel;
  applicantType: ApplicantType;
  applicantName: string;
  /** As the export shows it: masked unless the full export was asked for. */
  applicantIdNumber?: string | undefined;
  applicantPhone?: string | undefined;
  description: string;
  facts: CaseFacts;
  outcome: OutcomeId | null;
  dispositionOn: CivilDate | null;
  deliveredOn: CivilDate | null;
  /** The reason recorded with the extension, if any. */
  extensionReason: string | null;
  /** Display name, or username where the display name is not unique among the agency's handlers. */
  handler: string | null;
}

const PARTY: Record<ConsultationParty, string> = {
  third_party: "第三方",
  co_producer: "共同制作机关",
  other_agency: "其他机关",
};

/**
 * What a document's cell must add so that importing it again counts its window from the same day
 * (DOMAIN.md §5): the receipt when recorded; else `邮寄` for a posted one when the import would
 * not assume post, or the sending day as receipt for one not posted (or recorded before the
 * service was asked) when the import would assume post.
 */
function serviceSuffix(
  sentOn: CivilDate,
  service: DocumentService | undefined,
  assumed: DeliveryMethod,
): string {
  if (service?.receivedOn) return `,送达${service.receivedOn}`;
  if (service?.sentBy === "post") return assumed === "post" ? "" : ",邮寄";
  return assumed === "post" ? `,送达${serviceStart(sentOn, service) ?? sentOn}` : "";
}

function consultations(facts: CaseFacts): string {
  return facts.consultations
    .map((c) => {
      const window = c.windowWorkdays === CONSULTATION_WINDOW_WORKDAYS ? "" : `,期限${c.windowWorkdays}`;
      const due = c.dueOn ? `,截止${c.dueOn}` : "";
      const service = serviceSuffix(c.startedOn, c.service, DEFAULT_CONSULTATION_DELIVERY);
      return `${PARTY[c.party]}:${c.name},${c.startedOn},${c.answeredOn ?? ""}${window}${due}${service}`;
    })
    .join("；");
}

/**
 * A case as a ledger row in the import's formats, so that importing the export into an empty
 * agency records the same facts (the supplement window is always written: agencies' defaults
 * differ; each notice's receipt, or how it went when that decides where its window starts).
 */
export function ledgerRowOfCase(c: ExportedCase): LedgerWorkbookRow {
  const { facts } = c;
  const s = facts.supplement;
  const f = facts.fee;
  const x = facts.extension;
  const assumed = DEFAULT_DELIVERY_BY_CHANNEL[c.channel];
  return {
    编号: c.number,
    收到日期: facts.receivedOn,
    申请方式: CHANNEL_LABELS[c.channel],
    申请人类型: APPLICANT_TYPE_LABELS[c.applicantType],
    申请人: c.applicantName,
    证件号码: c.applicantIdNumber,
    联系电话: c.applicantPhone,
    申请内容: c.description,
    补正告知日:
      s && `${s.requestedOn},${s.windowWorkdays}${serviceSuffix(s.requestedOn, s.service, assumed)}`,
    补正收到日: s?.receivedOn,
    征求意见: consultations(facts),
    延期: x && `${x.grantedOn},${x.workdays}${c.extensionReason ? `,${c.extensionReason}` : ""}`,
    收费通知日: f && `${f.notifiedOn}${serviceSuffix(f.notifiedOn, feeService(f), assumed)}`,
    缴费日: f?.paidOn,
    收费金额: f && (f.basis === "per_volume" ? `${f.amountYuan},按量` : String(f.amountYuan)),
    答复日期: c.dispositionOn,
    答复结果: c.outcome && ledgerOutcomeLabel(c.outcome),
    送达日期: c.deliveredOn,
    承办人: c.handler,
  };
}
