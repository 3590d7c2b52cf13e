import { describe, expect, it } from "vitest";
import type { CivilDate } from "../domain/civil-date.ts";
import { decideNotice, type NoticeCandidate } from "./decide-notice.ts";
import { letterKeyOf, NOTICE_KIND_DEFINITIONS, type NoticeFacts } from "./notice-kinds.ts";

const d = (s: string) => s as CivilDate;
const EARLIEST = d("2026-03-23");

const facts = (over: Partial<NoticeFacts> = {}): NoticeFacts => ({
  trackingNo: "town-2026-00009",
  agencyName: "某镇人民政府",
  you: "贵单位",
  receivedOn: d("2026-03-02"),
  on: d("2026-03-26"),
  payload: {},
  replyDue: null,
  supplementEnd: null,
  feeEnd: null,
  letter: null,
  ...over,
});

describe("decideNotice: which events notify", () => {
  const event = (over: Partial<NoticeCandidate>): NoticeCandidate => ({
    type: "application.registered",
    effectiveOn: d("2026-03-26"),
    isSuperseded: false,
    isImported: false,
    ...over,
  });
  it.each([
    [{}, { kind: "receipt", status: "pending" }],
    [{ effectiveOn: d("2026-03-23") }, { kind: "receipt", status: "pending" }],
    [{ effectiveOn: d("2026-03-20") }, { kind: "receipt", status: "skipped", reason: "backdated" }],
    [{ isImported: true }, { kind: "receipt", status: "skipped", reason: "imported" }],
    [{ type: "supplement.expired" }, { kind: "reply", status: "pending" }],
    [{ type: "fee.expired" }, { kind: "reply", status: "pending" }],
    [{ type: "application.withdrawn" }, { kind: "withdrawal", status: "pending" }],
    [
      { type: "supplement.expired", isSuperseded: true },
      { kind: "reply", status: "cancelled", reason: "superseded" },
    ],
    [{ type: "rereply.issued" }, { kind: "re_reply", status: "pending" }],
  ] as const)("%o → %o", (over, verdict) => {
    expect(decideNotice(event(over), EARLIEST)).toEqual(verdict);
  });
  it.each([
    "consultation.started",
    "supplement.received",
    "case.assigned",
    "registration.amended",
    "rereply.ordered",
  ])("%s never notifies", (type) => {
    expect(decideNotice(event({ type }), EARLIEST)).toBeUndefined();
  });
});

describe("the notices' words", () => {
  it("a fee notice: the amount, the 20 WD from receipt and its last day, the payment method", () => {
    const n = NOTICE_KIND_DEFINITIONS.fee.compose(
      facts({
        payload: { amountYuan: 700, paymentMethod: "银行转账至某镇财政所账户" },
        feeEnd: { on: d("2026-04-24"), provisional: false },
        letter: { title: "政府信息公开信息处理费收费通知书", serialNo: "某镇公开费〔2026〕第1号" },
      }),
    );
    expect(n.text).toBe(
      "某镇人民政府于2026年3月26日就贵单位的政府信息公开申请（申请编号：town-2026-00009）发出收费通知，应缴纳信息处理费700元。" +
        "请贵单位自收到收费通知之日起20个工作日内（即2026年4月24日前）缴纳，缴纳方式：银行转账至某镇财政所账户。" +
        "逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。" +
        "政府信息公开信息处理费收费通知书（某镇公开费〔2026〕第1号）见附件。",
    );
    expect(n.smsParams).toEqual({
      agency: "某镇人民政府",
      trackingNo: "town-2026-00009",
      date: "2026-03-26",
      amountYuan: "700",
      dueOn: "2026-04-24",
      serialNo: "某镇公开费〔2026〕第1号",
    });
  });

  it("a posted fee notice whose receipt is not recorded gives no last day", () => {
    const n = NOTICE_KIND_DEFINITIONS.fee.compose(facts({ payload: { amountYuan: 100 } }));
    expect(n.text).toContain("请贵单位自收到收费通知之日起20个工作日内缴纳。");
    expect(n.smsParams).not.toHaveProperty("dueOn");
  });

  it("a re-reply names its letter's serial; a date in a provisional year says so", () => {
    const reReply = NOTICE_KIND_DEFINITIONS.re_reply.compose(
      facts({ letter: { title: "政府信息公开申请重新答复书", serialNo: "某镇公开〔2026〕第4号" } }),
    );
    expect(reReply.subject).toBe("政府信息公开申请重新答复（申请编号：town-2026-00009）");
    expect(reReply.text).toContain(
      "重新作出答复，重新答复书文号：某镇公开〔2026〕第4号，答复日期：2026年3月26日。",
    );
    const receipt = NOTICE_KIND_DEFINITIONS.receipt.compose(
      facts({ replyDue: { on: d("2027-01-05"), provisional: true } }),
    );
    expect(receipt.text).toContain("答复期限至2027年1月5日（该日期所在年度的节假日安排尚未公布");
  });

  it("a withdrawal: acknowledged in the words of its reply letter", () => {
    const n = NOTICE_KIND_DEFINITIONS.withdrawal.compose(facts({ you: "您" }));
    expect(n.text).toBe(
      "您已于2026年3月26日撤回政府信息公开申请（申请编号：town-2026-00009），某镇人民政府终止办理。",
    );
  });

  it("a re-reply's letter is the one of its own event", () => {
    expect(letterKeyOf("re_reply", 12)).toBe("re_reply:12");
    expect(letterKeyOf("reply", 12)).toBe("reply");
    expect(letterKeyOf("supplement", 3)).toBe("supplement_notice");
  });
});
