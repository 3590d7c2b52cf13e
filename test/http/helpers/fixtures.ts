/** Valid request bodies: each test starts from one and changes what it is about. */
export function registerBody(overrides: Record<string, unknown> = {}) {
  return {
    agencyCode: "town",
    channel: "post",
    receivedOn: "2026-03-02",
    applicant: { type: "natural_person", name: "张三", phone: "13800000000" },
    description: "2025年本镇道路修缮工程的招标文件",
    handlerUsername: "handler",
    ...overrides,
  };
}

export interface ErrorBody {
  error: { code: string; message: string; details?: { field?: string; message: string }[] };
}

/** True when the text contains Chinese characters. */
export function hasChinese(text: string): boolean {
  return /[\u4e00-\u9fff]/.test(text);
}

/** The API's error shape, with a Chinese message. */
export function isChineseError(body: unknown): body is ErrorBody {
  if (typeof body !== "object" || body === null) return false;
  const e = (body as { error?: unknown }).error;
  if (typeof e !== "object" || e === null) return false;
  const { code, message } = e as { code?: unknown; message?: unknown };
  return typeof code === "string" && typeof message === "string" && hasChinese(message);
}

/** A valid body of every action type (API.md), dated `on`. */
export function actionBody(type: string, on = "2026-03-10"): Record<string, unknown> {
  const extra: Record<string, Record<string, unknown>> = {
    request_supplement: { items: ["请写明所需信息的名称、文号或者便于查询的其他特征性描述"] },
    start_consultation: { party: "third_party", name: "某建筑有限公司" },
    end_consultation: { consultationId: "c1" },
    extend: { workdays: 10, reason: "需要检索的档案较多" },
    issue_fee_notice: { basis: "per_item", amountYuan: 100 },
    set_custom_deadline: { dueOn: "2026-06-30", reason: "申请数量大，按《条例》第三十五条确定合理期限" },
    decide: { outcome: "disclosed" },
    deliver: { method: "邮寄" },
    propose_decision: { outcome: "partially_disclosed", reasons: "其余部分涉及第三方商业秘密" },
    request_extension: { workdays: 10, reason: "需要检索的档案较多" },
    return_proposal: { reason: "请补充部分公开的依据" },
    // seq 2: the first action after registration (a supplement notice in the tests that use it)
    record_receipt: { documentEventSeq: 2 },
    re_reply: { outcome: "disclosed" },
    assign: { handlerUsername: "handler", reason: "工作调整" },
    amend_registration: {
      changes: { description: "更正后的申请内容：某路段改造工程的环评文件" },
      reason: "登记时录错",
    },
  };
  return { type, on, ...(extra[type] ?? {}) };
}
