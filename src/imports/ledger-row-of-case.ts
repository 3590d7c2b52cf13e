import type { CaseFacts } from "../domain/case-facts.ts";
import type { CivilDate } from "../domain/civil-date.ts";
import type { OutcomeId } from "../domain/outcomes.ts";
import { CONSULTATION_WINDOW_WORKDAYS } from "../domain/statute.ts";
import {
  APPLICANT_TYPE_LABELS,
  type ApplicantType,
  CHANNEL_LABELS,
  type Channel,
  type ConsultationParty,
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

function consultations(facts: CaseFacts): string {
  return facts.consultations
    .map((c) => {
      const window = c.windowWorkdays === CONSULTATION_WINDOW_WORKDAYS ? "" : `,${c.windowWorkdays}`;
      return `${PARTY[c.party]}:${c.name},${c.startedOn},${c.answeredOn ?? ""}${window}`;
    })
    .join("；");
}

/**
 * A case as a ledger row in the import's formats, so that importing the export into an empty
 * agency records the same facts (the supplement window is always written: agencies' defaults differ).
 */
export function ledgerRowOfCase(c: ExportedCase): LedgerWorkbookRow {
  const { facts } = c;
  const s = facts.supplement;
  const f = facts.fee;
  const x = facts.extension;
  return {
    编号: c.number,
    收到日期: facts.receivedOn,
    申请方式: CHANNEL_LABELS[c.channel],
    申请人类型: APPLICANT_TYPE_LABELS[c.applicantType],
    申请人: c.applicantName,
    申请内容: c.description,
    补正告知日: s && `${s.requestedOn},${s.windowWorkdays}`,
    补正收到日: s?.receivedOn,
    征求意见: consultations(facts),
    延期: x && `${x.grantedOn},${x.workdays}${c.extensionReason ? `,${c.extensionReason}` : ""}`,
    收费通知日: f && (f.receivedByApplicantOn ? `${f.notifiedOn},${f.receivedByApplicantOn}` : f.notifiedOn),
    缴费日: f?.paidOn,
    收费金额: f && (f.basis === "per_volume" ? `${f.amountYuan},按量` : String(f.amountYuan)),
    答复日期: c.dispositionOn,
    答复结果: c.outcome && ledgerOutcomeLabel(c.outcome),
    送达日期: c.deliveredOn,
    承办人: c.handler,
  };
}
