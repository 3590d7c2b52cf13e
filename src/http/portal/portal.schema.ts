import { z } from "zod";
import { ID_TYPES } from "../../domain/identity-numbers.ts";
import { APPLICANT_TYPES } from "../../domain/vocabulary.ts";
import { PUBLIC_STAGES } from "../../portal/public-stage.ts";
import { checkNumbers } from "../applications/applications.schema.ts";
import {
  optionalEmail,
  optionalText,
  requiredText,
  TEXT_LIMITS,
  ZCode,
} from "../validation/common.schema.ts";

/**
 * The applicant as the portal asks for it (issue 12): the staff API's applicant with the ID type
 * and number required and checked by the same rules (src/domain/identity-numbers.ts), an
 * organisation's legal representative and contact person, and at least one way to reach the
 * applicant. No purpose: the 2019 Regulation dropped it.
 */
export const ZPublicApplicant = z
  .strictObject({
    type: z.enum(APPLICANT_TYPES),
    name: requiredText(TEXT_LIMITS.name),
    idType: z.enum(ID_TYPES).meta({
      description:
        "证件类型：自然人 resident_id 居民身份证、passport 护照、hk_mo_tw 港澳台居民证件、other 其他；法人或其他组织 uscc 统一社会信用代码（境外组织等 other）",
    }),
    idNumber: requiredText(50),
    legalRepresentative: optionalText(TEXT_LIMITS.name).meta({
      description: "法定代表人或主要负责人（法人或其他组织必填）",
    }),
    contactPerson: optionalText(TEXT_LIMITS.name).meta({ description: "联系人（法人或其他组织必填）" }),
    phone: optionalText(50),
    email: optionalEmail(),
    address: optionalText(TEXT_LIMITS.shortText),
  })
  .superRefine((a, ctx) => {
    checkNumbers(a, ctx);
    if (a.type !== "natural_person") {
      if (a.legalRepresentative === undefined)
        ctx.addIssue({
          code: "custom",
          path: ["legalRepresentative"],
          message: "请填写法定代表人或主要负责人",
        });
      if (a.contactPerson === undefined)
        ctx.addIssue({ code: "custom", path: ["contactPerson"], message: "请填写联系人" });
    }
    if (a.phone === undefined && a.email === undefined && a.address === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["phone"],
        message: "请至少填写一种联系方式（联系电话、电子邮箱或通信地址），以便机关联系您和送达文书",
      });
    }
  });

export const ZPublicSubmission = z.strictObject({
  agencyCode: ZCode.meta({ description: "受理机关的代码（GET /api/v1/public/agencies）" }),
  applicant: ZPublicApplicant,
  description: requiredText(TEXT_LIMITS.description).meta({
    description: "所需政府信息的名称、文号或者便于查询的其他特征性描述",
  }),
  deliveryForm: optionalText(TEXT_LIMITS.name).meta({
    description: "获取信息的方式，如：纸质文本邮寄、当面领取、电子邮件、网上下载",
  }),
});

export const ZSubmitted = z
  .object({
    queryCode: z.string().meta({ description: "查询码（128位随机数，只显示这一次；系统只保存其摘要）" }),
    submittedAt: z.string(),
  })
  .meta({ id: "Submitted" });

export const ZQueryCodeParams = z.strictObject({ queryCode: z.string().min(1).max(100) });
export const ZLetterParams = z.strictObject({
  queryCode: z.string().min(1).max(100),
  kind: z.string().min(1).max(40),
});

export const ZSupplementBody = z.strictObject({
  text: requiredText(TEXT_LIMITS.description).meta({
    description: "补正内容（按补正告知书的要求补充或更正）",
  }),
});
export const ZWithdrawBody = z.strictObject({});

// named: a recursive schema needs a name in the document (components.schemas.PublicAgency)
const ZPublicAgency: z.ZodType<{ code: string; name: string; children?: unknown[] }> = z
  .lazy(() => z.object({ code: z.string(), name: z.string(), children: z.array(ZPublicAgency).optional() }))
  .meta({ id: "PublicAgency" });
export const ZPublicAgencies = z.object({ agencies: z.array(ZPublicAgency) }).meta({ id: "PublicAgencies" });

export const ZChallenge = z
  .object({
    token: z.string(),
    question: z.string().meta({
      description:
        "算术题，如“7 加 5 等于几？”；答案放在请求头 X-Challenge-Answer，令牌放在 X-Challenge-Token",
    }),
    expiresAt: z.string(),
  })
  .meta({ id: "Challenge", description: "算术验证题" });

/** The 429 of a look-up past the free failures without a solved challenge: the question to answer. */
export const ZChallengeRequired = z
  .object({
    error: z.object({
      code: z.literal("challenge_required"),
      message: z.string(),
      challenge: ZChallenge,
    }),
  })
  .meta({
    id: "ChallengeRequired",
    description:
      "查询失败次数较多：须先回答 error.challenge 的算术题（请求头 X-Challenge-Token、X-Challenge-Answer）",
  });

/** A date in an answer (ZCivilDate parses one in a request). */
const ZDateView = z.string().meta({ description: "日期 YYYY-MM-DD（中国日历日）" });

export const ZPublicNotice = z
  .object({ kind: z.string(), sentOn: ZDateView, text: z.string() })
  .meta({ id: "PublicNotice", description: "发给申请人的消息（办理各环节发出的邮件、短信的文字）" });

export const ZPublicLetter = z
  .object({
    kind: z.string().meta({ description: "文书的种类，即其下载路径" }),
    title: z.string(),
    serialNo: z.string().nullable(),
    issuedOn: z.string(),
    url: z.string(),
  })
  .meta({ id: "PublicLetter", description: "向申请人出具的文书" });

export const ZPublicStatus = z
  .object({
    stage: z.enum(PUBLIC_STAGES),
    stageLabel: z.string(),
    submittedAt: z.string(),
    agencyName: z.string(),
    receivedOn: ZDateView.nullable(),
    dueOn: ZDateView.nullable(),
    dueOnProvisional: z.boolean(),
    dispositionOn: ZDateView.nullable(),
    supplementRequested: z.boolean(),
    supplementText: z.string().nullable(),
    supplementDueOn: ZDateView.nullable(),
    rejectReason: z.string().nullable(),
    canWithdraw: z.boolean(),
    notices: z.array(ZPublicNotice),
    letters: z.array(ZPublicLetter),
  })
  .meta({ id: "PublicStatus", description: "申请查询：办理阶段和日期，不含个人信息" });
