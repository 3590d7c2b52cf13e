import { API_STATES, FLAG_LABELS, STATE_LABELS } from "../../../machines/api-state.ts";
import { ACTION_LABELS, ACTION_TYPES } from "../../domain/application-events.ts";
import {
  DECIDABLE_OUTCOME_IDS,
  OUTCOME_GROUP_LABELS,
  OUTCOME_GROUPS,
  OUTCOMES,
} from "../../domain/outcomes.ts";
import { ACTION_ROLES, ROLE_LABELS, ROLES } from "../../domain/roles.ts";
import {
  AGENCY_KIND_LABELS,
  AGENCY_KINDS,
  APPEAL_KIND_LABELS,
  APPEAL_KINDS,
  APPEAL_RESULT_LABELS,
  APPEAL_RESULTS,
  APPLICANT_TYPE_LABELS,
  APPLICANT_TYPES,
  CHANNEL_LABELS,
  CHANNELS,
  CONSULTATION_PARTIES,
  CONSULTATION_PARTY_LABELS,
  DEFAULT_CONSULTATION_DELIVERY,
  DEFAULT_DELIVERY_BY_CHANNEL,
  DELIVERY_METHOD_LABELS,
  DELIVERY_METHODS,
  FEE_BASES,
  FEE_BASIS_LABELS,
  OUTGOING_DOCUMENT_LABELS,
  OUTGOING_DOCUMENTS,
} from "../../domain/vocabulary.ts";
import { type AnyRoute, defineRoute } from "../routing/define-route.ts";
import { ZMeta } from "./meta.schema.ts";

function labelled<T extends string>(ids: readonly T[], labels: Record<T, string>) {
  return ids.map((id) => ({ id, label: labels[id] }));
}

/** The vocabularies the UI shows, each id with its Chinese label: built once, read-only. */
function buildMeta() {
  return {
    outcomes: OUTCOMES.map((o) => ({
      id: o.id,
      group: o.group,
      label: o.label,
      shortLabel: o.shortLabel,
      basis: o.basis,
      row2021: o.row2021,
      row2019: o.row2019,
      decidable: DECIDABLE_OUTCOME_IDS.includes(o.id),
      // what each form of the reply must state, and the letter's headings of those fields
      replyForms: o.replies.map((r) => ({
        id: r.id,
        requires: [...r.requires],
        ...(r.reasonsLabel ? { reasonsLabel: r.reasonsLabel } : {}),
        ...(r.replyTextLabel ? { replyTextLabel: r.replyTextLabel } : {}),
      })),
    })),
    outcomeGroups: labelled(OUTCOME_GROUPS, OUTCOME_GROUP_LABELS),
    actions: ACTION_TYPES.map((type) => ({
      type,
      label: ACTION_LABELS[type],
      roles: [...ACTION_ROLES[type]],
    })),
    states: labelled(API_STATES, STATE_LABELS),
    flags: Object.entries(FLAG_LABELS).map(([id, label]) => ({ id, label })),
    applicantTypes: labelled(APPLICANT_TYPES, APPLICANT_TYPE_LABELS),
    // How a document to the applicant goes by default: the way the application came in.
    channels: labelled(CHANNELS, CHANNEL_LABELS).map((c) => ({
      ...c,
      defaultDelivery: DEFAULT_DELIVERY_BY_CHANNEL[c.id],
    })),
    consultationParties: labelled(CONSULTATION_PARTIES, CONSULTATION_PARTY_LABELS).map((p) => ({
      ...p,
      defaultDelivery: DEFAULT_CONSULTATION_DELIVERY,
    })),
    feeBases: labelled(FEE_BASES, FEE_BASIS_LABELS),
    appealKinds: labelled(APPEAL_KINDS, APPEAL_KIND_LABELS),
    appealResults: labelled(APPEAL_RESULTS, APPEAL_RESULT_LABELS),
    roles: labelled(ROLES, ROLE_LABELS),
    agencyKinds: labelled(AGENCY_KINDS, AGENCY_KIND_LABELS),
    deliveryMethods: labelled(DELIVERY_METHODS, DELIVERY_METHOD_LABELS),
    outgoingDocuments: labelled(OUTGOING_DOCUMENTS, OUTGOING_DOCUMENT_LABELS),
  };
}

export function metaRoutes(): AnyRoute[] {
  const meta = buildMeta();
  return [
    defineRoute({
      method: "get",
      path: "/api/v1/meta",
      summary: "界面用的词表：办理结果、操作、状态、申请人类型、申请方式等（含中文名称）",
      tag: "meta",
      access: "public",
      response: ZMeta,
      async handle() {
        return meta;
      },
    }),
  ];
}
