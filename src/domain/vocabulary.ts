/**
 * The words of the domain (DOMAIN.md §2): channels, applicant types, consultation parties,
 * fee bases, appeal kinds and results, with their Chinese names for every view.
 */

export const CHANNELS = ["in_person", "post", "ordinary_letter", "online", "fax"] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = {
  in_person: "当面申请",
  post: "信函申请（挂号/需签收）",
  ordinary_letter: "信函申请（平常信函）",
  online: "网络申请",
  fax: "传真申请",
};

/** In the order of table 三's columns. */
export const APPLICANT_TYPES = [
  "natural_person",
  "commercial_enterprise",
  "research_institution",
  "social_welfare_org",
  "legal_service_org",
  "other_org",
] as const;
export type ApplicantType = (typeof APPLICANT_TYPES)[number];
export const APPLICANT_TYPE_LABELS: Record<ApplicantType, string> = {
  natural_person: "自然人",
  commercial_enterprise: "商业企业",
  research_institution: "科研机构",
  social_welfare_org: "社会公益组织",
  legal_service_org: "法律服务机构",
  other_org: "其他",
};

export const CONSULTATION_PARTIES = ["third_party", "co_producer", "other_agency"] as const;
export type ConsultationParty = (typeof CONSULTATION_PARTIES)[number];
export const CONSULTATION_PARTY_LABELS: Record<ConsultationParty, string> = {
  third_party: "第三方（《条例》第三十二条）",
  co_producer: "共同制作机关（《条例》第三十四条）",
  other_agency: "其他机关",
};

export const FEE_BASES = ["per_item", "per_volume"] as const;
export type FeeBasis = (typeof FEE_BASES)[number];
export const FEE_BASIS_LABELS: Record<FeeBasis, string> = { per_item: "按件计收", per_volume: "按量计收" };

export const APPEAL_KINDS = [
  "administrative_review",
  "litigation_direct",
  "litigation_after_review",
] as const;
export type AppealKind = (typeof APPEAL_KINDS)[number];
export const APPEAL_KIND_LABELS: Record<AppealKind, string> = {
  administrative_review: "行政复议",
  litigation_direct: "行政诉讼（未经复议直接起诉）",
  litigation_after_review: "行政诉讼（复议后起诉）",
};

export const APPEAL_RESULTS = ["upheld", "corrected", "other"] as const;
export type AppealResult = (typeof APPEAL_RESULTS)[number];
export const APPEAL_RESULT_LABELS: Record<AppealResult, string> = {
  upheld: "结果维持",
  corrected: "结果纠正",
  other: "其他结果",
};

/** Kinds of agency (机关) in the tree: county government → its departments and townships. */
export const AGENCY_KINDS = ["government", "department", "township"] as const;
export type AgencyKindId = (typeof AGENCY_KINDS)[number];
export const AGENCY_KIND_LABELS: Record<AgencyKindId, string> = {
  government: "人民政府",
  department: "政府部门",
  township: "乡镇人民政府（街道办事处）",
};

/** How an outgoing document (notice, letter, reply) was sent: its service (送达). */
export const DELIVERY_METHODS = ["in_person", "post", "online", "email", "fax"] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];
export const DELIVERY_METHOD_LABELS: Record<DeliveryMethod, string> = {
  in_person: "直接送达（当面交付）",
  post: "邮寄送达",
  online: "网上送达（申请平台）",
  email: "电子邮件送达",
  fax: "传真送达",
};

/** Policy (DOMAIN.md §5, issue 9): a document goes the way the application came in. */
export const DEFAULT_DELIVERY_BY_CHANNEL: Record<Channel, DeliveryMethod> = {
  in_person: "in_person",
  post: "post",
  ordinary_letter: "post",
  online: "online",
  fax: "fax",
};

/** A consultation letter goes by post unless the handler says otherwise (DOMAIN.md §5). */
export const DEFAULT_CONSULTATION_DELIVERY: DeliveryMethod = "post";

/** The outgoing documents whose receipt (送达) the system records. */
export const OUTGOING_DOCUMENTS = [
  "supplement_notice",
  "consultation_letter",
  "fee_notice",
  "reply",
] as const;
export type OutgoingDocument = (typeof OUTGOING_DOCUMENTS)[number];
export const OUTGOING_DOCUMENT_LABELS: Record<OutgoingDocument, string> = {
  supplement_notice: "补正告知书",
  consultation_letter: "征求意见书",
  fee_notice: "收费通知书",
  reply: "答复书",
};
