/** The answer of GET /api/v1/meta (the vocabularies the UI shows), for the document and the web's types. */
import { z } from "zod";
import { API_STATES } from "../../../machines/api-state.ts";
import { ACTION_TYPES } from "../../domain/application-events.ts";
import { OUTCOME_GROUPS, OUTCOME_IDS } from "../../domain/outcomes.ts";
import { ROLES } from "../../domain/roles.ts";
import {
  AGENCY_KINDS,
  APPEAL_KINDS,
  APPEAL_RESULTS,
  APPLICANT_TYPES,
  CHANNELS,
  CONSULTATION_PARTIES,
  DELIVERY_METHODS,
  FEE_BASES,
  OUTGOING_DOCUMENTS,
} from "../../domain/vocabulary.ts";

/** One id of a vocabulary with its Chinese label. */
function labelled<const T extends readonly string[]>(ids: T) {
  return z.object({ id: z.enum(ids), label: z.string() });
}

export const ZReplyField = z.enum(["reasons", "replyText", "holdingAgency"]);

export const ZReplyFormMeta = z
  .object({
    id: z.string(),
    requires: z.array(ZReplyField).meta({ description: "答复须写明的内容，缺少时 decide 为 422" }),
    reasonsLabel: z.string().optional().meta({ description: "答复书中 reasons 的标题（不予公开的理由 …）" }),
    replyTextLabel: z
      .string()
      .optional()
      .meta({ description: "答复书中 replyText 的标题（提供方式、办理途径 …）" }),
  })
  .meta({ id: "ReplyFormMeta" });

export const ZOutcomeMeta = z
  .object({
    id: z.enum(OUTCOME_IDS),
    group: z.enum(OUTCOME_GROUPS),
    label: z.string(),
    shortLabel: z.string(),
    basis: z.string(),
    row2021: z.string(),
    row2019: z.string(),
    decidable: z.boolean(),
    replyForms: z.array(ZReplyFormMeta).meta({ description: "答复的形式，第一种为默认" }),
  })
  .meta({ id: "OutcomeMeta" });

const ZDefaultDelivery = z.enum(DELIVERY_METHODS).meta({ description: "文书默认的送达方式" });

export const ZMeta = z
  .object({
    outcomes: z.array(ZOutcomeMeta),
    outcomeGroups: z.array(labelled(OUTCOME_GROUPS)),
    actions: z
      .array(z.object({ type: z.enum(ACTION_TYPES), label: z.string(), roles: z.array(z.enum(ROLES)) }))
      .meta({ description: "每项操作及可执行它的角色（服务器按同一张表校验）" }),
    states: z.array(labelled(API_STATES)),
    flags: z.array(z.object({ id: z.string(), label: z.string() })),
    applicantTypes: z.array(labelled(APPLICANT_TYPES)),
    channels: z.array(labelled(CHANNELS).extend({ defaultDelivery: ZDefaultDelivery })),
    consultationParties: z.array(
      labelled(CONSULTATION_PARTIES).extend({ defaultDelivery: ZDefaultDelivery }),
    ),
    feeBases: z.array(labelled(FEE_BASES)),
    appealKinds: z.array(labelled(APPEAL_KINDS)),
    appealResults: z.array(labelled(APPEAL_RESULTS)),
    roles: z.array(labelled(ROLES)),
    agencyKinds: z.array(labelled(AGENCY_KINDS)),
    deliveryMethods: z.array(labelled(DELIVERY_METHODS)),
    outgoingDocuments: z.array(labelled(OUTGOING_DOCUMENTS)),
  })
  .meta({ id: "Meta" });
