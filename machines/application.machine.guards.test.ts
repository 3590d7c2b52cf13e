import { describe, expect, it } from "vitest";
import { allowedActions } from "./allowed-actions.ts";
import { toFlags } from "./api-state.ts";
import { accepts, ev, inProgress, machine, refusal, run, UNKNOWN_OUTCOME } from "./test-fixtures.ts";

describe("guards", () => {
  it("art. 30: a second supplement notice is refused", () => {
    const error = refusal(
      [ev.requestSupplement("2026-03-03"), ev.receiveSupplement("2026-03-05")],
      ev.requestSupplement("2026-03-06"),
    );
    expect(error.reason).toBe("已于 2026-03-03 告知补正，补正只能告知一次（《条例》第三十条）");
  });

  it("checks the supplement notice's items and window", () => {
    expect(refusal([], ev.requestSupplement("2026-03-03", 15, [])).reason).toMatch(/补正的事项/);
    expect(refusal([], ev.requestSupplement("2026-03-03", 15, [" "])).reason).toMatch(/补正的事项/);
    for (const n of [0, 61, 1.5])
      expect(refusal([], ev.requestSupplement("2026-03-03", n)).reason).toMatch(/补正期限/);
    expect(accepts([], ev.requestSupplement("2026-03-03", 60)).value).toBe("awaitingSupplement");
    expect(accepts([], ev.requestSupplement("2026-03-03", 1)).value).toBe("awaitingSupplement");
  });

  it("no supplement notice while a consultation is open or a fee awaits payment", () => {
    expect(refusal([ev.startConsultation("2026-03-03")], ev.requestSupplement("2026-03-04")).reason).toMatch(
      /征求意见尚未结束（“某公司”）/,
    );
    expect(refusal([ev.notifyFee("2026-03-03")], ev.requestSupplement("2026-03-04")).reason).toMatch(
      /尚待申请人缴费/,
    );
  });

  it("art. 33: an extension of 21 working days is refused, 20 accepted", () => {
    expect(refusal([], ev.extend("2026-03-03", 21)).reason).toMatch(/最长不得超过 20 个工作日/);
    expect(refusal([ev.startConsultation("2026-03-03")], ev.extend("2026-03-03", 21)).reason).toMatch(/20/);
    for (const n of [0, 2.5]) expect(refusal([], ev.extend("2026-03-03", n)).reason).toMatch(/最长不得超过/);
    expect(refusal([], ev.extend("2026-03-03", 5, " ")).reason).toBe("须写明延期答复的理由");
    expect(toFlags(accepts([], ev.extend("2026-03-03", 20))).extended).toBe(true);
  });

  it("art. 33: a second extension is refused", () => {
    const error = refusal([ev.extend("2026-03-03", 5)], ev.extend("2026-03-04", 5));
    expect(error.reason).toBe(
      "已于 2026-03-03 延期答复 5 个工作日，延期只能一次（《条例》第三十三条第二款）",
    );
    expect(error.allowedActions).not.toContain("extend");
  });

  it("art. 33: an extension must be approved by the reply deadline (2026-03-30)", () => {
    expect(accepts([], ev.extend("2026-03-30")).value).toEqual(inProgress("idle", "extended"));
    expect(refusal([], ev.extend("2026-03-31")).reason).toBe(
      "答复期限已于 2026-03-30 届满，延期须在期限届满前批准（《条例》第三十三条第二款）",
    );
    // A consultation's days are left out of the reply clock, so the deadline moves past 03-31.
    const consulted = [ev.startConsultation("2026-03-03"), ev.answerConsultation("2026-03-06")];
    expect(toFlags(accepts(consulted, ev.extend("2026-03-31"))).extended).toBe(true);
  });

  it("decides only with an outcome an approver may choose", () => {
    expect(refusal([], ev.decide("2026-03-03", "other.supplement_overdue")).reason).toMatch(
      /由系统在期限届满时自动办结/,
    );
    expect(refusal([], ev.decide("2026-03-03", "other.fee_unpaid")).reason).toMatch(
      /由系统在期限届满时自动办结/,
    );
    expect(refusal([], ev.decide("2026-03-03", UNKNOWN_OUTCOME)).reason).toBe(
      "“withheld.no_such_row”不是有效的办理结果",
    );
    expect(accepts([], ev.decide("2026-03-03", "other.other")).context.facts.disposition?.outcome).toBe(
      "other.other",
    );
  });

  it("art. 30: unclear_after_supplement only after a supplement was received", () => {
    const unclear = (on: string) => ev.decide(on, "unavailable.unclear_after_supplement");
    expect(refusal([], unclear("2026-03-03")).reason).toMatch(/只能在收到补正之后作出/);
    const supplemented = [ev.requestSupplement("2026-03-03"), ev.receiveSupplement("2026-03-06")];
    expect(accepts(supplemented, unclear("2026-03-09")).value).toBe("decided");
  });

  it("no decision while a consultation is open or a fee awaits payment", () => {
    expect(refusal([ev.startConsultation("2026-03-03")], ev.decide("2026-03-04")).reason).toMatch(
      /征求意见尚未结束/,
    );
    expect(refusal([ev.notifyFee("2026-03-03")], ev.decide("2026-03-04")).reason).toMatch(/尚待申请人缴费/);
    const paid = [ev.notifyFee("2026-03-03"), ev.payFee("2026-03-05")];
    expect(accepts(paid, ev.decide("2026-03-06")).value).toBe("decided");
  });

  it("refuses events dated before the previous event or before receipt", () => {
    expect(refusal([ev.extend("2026-03-05")], ev.notifyFee("2026-03-04")).reason).toBe(
      "日期 2026-03-04 早于上一项办理事项的日期 2026-03-05，办理事项须按时间顺序登记",
    );
    expect(refusal([], ev.withdraw("2026-03-01")).reason).toBe("日期 2026-03-01 早于收到申请之日 2026-03-02");
    // The same day as the previous event is fine.
    expect(accepts([ev.extend("2026-03-05")], ev.notifyFee("2026-03-05")).value).toEqual(
      inProgress("idle", "extended", "awaitingFee"),
    );
  });

  it("art. 30: the supplement window expires only after its last day (2026-03-26)", () => {
    const requested = [ev.requestSupplement("2026-03-05")];
    expect(refusal(requested, ev.supplementExpired("2026-03-26")).reason).toBe(
      "补正期限最后一日为 2026-03-26，2026-03-27 起方可按逾期不补正处理（《条例》第三十条）",
    );
    expect(accepts(requested, ev.supplementExpired("2026-03-27")).value).toBe("closed");
  });

  it("consultations: unique ids, known open ids, windows", () => {
    const started = [ev.startConsultation("2026-03-03", "c1")];
    expect(refusal(started, ev.startConsultation("2026-03-04", "c1")).reason).toMatch(/已在本申请中使用/);
    const answered = [...started, ev.answerConsultation("2026-03-04")];
    expect(refusal(answered, ev.startConsultation("2026-03-05", "c1")).reason).toMatch(/已在本申请中使用/);
    expect(refusal(answered, ev.answerConsultation("2026-03-05")).reason).toBe(
      "没有编号为“c1”且尚未结束的征求意见",
    );
    expect(refusal(started, ev.answerConsultation("2026-03-04", "c9")).reason).toMatch(/c9/);
    expect(refusal([], ev.startConsultation("2026-03-03", "c1", 15, "")).reason).toBe(
      "须写明征求意见对象的名称",
    );
    for (const n of [0, 1.5])
      expect(refusal([], ev.startConsultation("2026-03-03", "c1", n)).reason).toMatch(/正整数/);
    // art. 32, 34: a third party's and a co-producer's window is the law's 15 WD, not the agency's.
    expect(refusal([], ev.startConsultation("2026-03-03", "c1", 10)).reason).toBe(
      "第三方、共同制作机关的答复期限为自收到征求意见书之日起15个工作日（《条例》第三十二条、第三十四条），不能另定",
    );
    expect(refusal(started, ev.consultationExpired("2026-03-24")).reason).toBe(
      "征求意见期限最后一日为 2026-03-24，尚未届满",
    );
  });

  it("fee notices: once, a positive amount, received on or after the notice", () => {
    for (const amount of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(refusal([], ev.notifyFee("2026-03-03", amount)).reason).toMatch(/大于 0/);
    }
    expect(refusal([], ev.notifyFee("2026-03-03", 100, "2026-03-02")).reason).toMatch(/不能早于通知发出之日/);
    expect(refusal([ev.notifyFee("2026-03-03")], ev.notifyFee("2026-03-04")).reason).toMatch(/只能发出一次/);
    const paid = [ev.notifyFee("2026-03-03"), ev.payFee("2026-03-04")];
    expect(refusal(paid, ev.notifyFee("2026-03-05")).reason).toMatch(/只能发出一次/);
    expect(refusal([ev.notifyFee("2026-03-03")], ev.feeExpired("2026-03-31")).reason).toMatch(
      /最后一日为 2026-03-31/,
    );
    const late = [ev.notifyFee("2026-03-03", 100, "2026-03-05")];
    expect(refusal(late, ev.feeExpired("2026-04-02")).reason).toMatch(/最后一日为 2026-04-02/);
  });

  it("art. 35: the date must be later than the decision and carry a reason", () => {
    expect(refusal([], ev.customizeDeadline("2026-03-03", "2026-03-03")).reason).toMatch(/须晚于/);
    expect(refusal([], ev.customizeDeadline("2026-03-03", "2026-04-30", "")).reason).toMatch(/第三十五条/);
  });

  it("delivery needs a method", () => {
    expect(refusal([ev.decide("2026-03-02")], ev.deliver("2026-03-03", "")).reason).toBe("须写明送达方式");
  });

  it("accepts nothing once archived or closed", () => {
    const archived = [ev.decide("2026-03-02"), ev.deliver("2026-03-03"), ev.archive("2026-03-04")];
    for (const given of [archived, [ev.withdraw("2026-03-03")]]) {
      for (const event of [ev.withdraw("2026-03-05"), ev.archive("2026-03-05"), ev.decide("2026-03-05")]) {
        const error = refusal(given, event);
        expect(error.allowedActions).toEqual([]);
        expect(error.reason).toBeNull();
      }
    }
  });
});

describe("proposals for the approver", () => {
  it("a decision proposal is allowed exactly where the decision is, and keeps the state", () => {
    const proposed = accepts([], ev.proposeDecision("2026-03-03", "partially_disclosed"));
    expect(proposed.value).toBe("registered");
    expect(proposed.context.facts.proposal).toEqual({
      kind: "decision",
      on: "2026-03-03",
      outcome: "partially_disclosed",
    });
    expect(refusal([ev.startConsultation("2026-03-03")], ev.proposeDecision("2026-03-04")).reason).toMatch(
      /征求意见尚未结束/,
    );
    expect(refusal([ev.notifyFee("2026-03-03")], ev.proposeDecision("2026-03-04")).reason).toMatch(
      /尚待申请人缴费/,
    );
    expect(refusal([], ev.proposeDecision("2026-03-03", "other.fee_unpaid")).reason).toMatch(/自动办结/);
    expect(
      refusal([], ev.proposeDecision("2026-03-03", "unavailable.unclear_after_supplement")).reason,
    ).toMatch(/只能在收到补正之后作出/);
    // awaitingSupplement and decided do not handle it at all.
    expect(refusal([ev.requestSupplement("2026-03-03")], ev.proposeDecision("2026-03-04")).reason).toBeNull();
    expect(refusal([ev.decide("2026-03-03")], ev.proposeDecision("2026-03-04")).reason).toBeNull();
  });

  it("an extension request is allowed exactly where the extension is", () => {
    const consulting = accepts([ev.startConsultation("2026-03-03")], ev.requestExtension("2026-03-04", 10));
    expect(consulting.value).toEqual(inProgress("consulting"));
    expect(consulting.context.facts.proposal).toEqual({
      kind: "extension",
      on: "2026-03-04",
      workdays: 10,
      reason: "需要调取档案",
    });
    expect(refusal([], ev.requestExtension("2026-03-03", 21)).reason).toMatch(/最长不得超过 20 个工作日/);
    expect(refusal([], ev.requestExtension("2026-03-03", 5, " ")).reason).toBe("须写明延期答复的理由");
    expect(refusal([ev.extend("2026-03-03")], ev.requestExtension("2026-03-04")).reason).toMatch(
      /延期只能一次/,
    );
    expect(refusal([], ev.requestExtension("2026-03-31")).reason).toMatch(/答复期限已于 2026-03-30 届满/);
  });

  it("one pending proposal at a time: a second one is refused until the first is withdrawn", () => {
    const pending = [ev.proposeDecision("2026-03-03")];
    expect(refusal(pending, ev.proposeDecision("2026-03-04", "partially_disclosed")).reason).toBe(
      "已有一份待审批的答复意见（2026-03-03 提交）：请等待审批或先撤回",
    );
    expect(refusal([ev.requestExtension("2026-03-03")], ev.proposeDecision("2026-03-04")).reason).toBe(
      "已有一份待审批的延期申请（2026-03-03 提交）：请等待审批或先撤回",
    );
    expect(refusal(pending, ev.requestExtension("2026-03-04")).reason).toMatch(/已有一份待审批的答复意见/);
    // the handler takes it back: the proposal is gone, a new one may follow
    const withdrawn = accepts(pending, ev.withdrawProposal("2026-03-04"));
    expect(withdrawn.value).toBe("registered");
    expect(withdrawn.context.facts.proposal).toBeUndefined();
    expect(allowedActions(machine, withdrawn)).toContain("propose_decision");
    expect(allowedActions(machine, withdrawn)).not.toContain("withdraw_proposal");
    const again = accepts([...pending, ev.withdrawProposal("2026-03-04")], ev.proposeDecision("2026-03-05"));
    expect(again.context.facts.proposal?.on).toBe("2026-03-05");
    expect(refusal([], ev.withdrawProposal("2026-03-03")).reason).toBe("没有待审批的答复或延期申请");
  });

  it("an assignment moves no state, clock or date; refused once the case is archived or closed", () => {
    const given = [ev.startConsultation("2026-03-03"), ev.requestExtension("2026-03-05")];
    const before = run(...given);
    const after = accepts(given, ev.assign("2026-03-10"));
    expect(after.value).toEqual(before.value);
    expect(after.context.lastOn).toBe(before.context.lastOn);
    const { assignee, ...facts } = after.context.facts;
    expect(facts).toEqual(before.context.facts);
    expect(assignee).toEqual({ userId: 2, username: "handler2" });
    // a later fact dated before the assignment is still in date order
    expect(accepts([...given, ev.assign("2026-03-10")], ev.answerConsultation("2026-03-06")).value).toEqual(
      inProgress("idle"),
    );
    expect(refusal([], ev.assign("2026-03-03", " ")).reason).toBe("须选择承办人");
    const archived = [ev.decide("2026-03-02"), ev.deliver("2026-03-03"), ev.archive("2026-03-04")];
    expect(refusal(archived, ev.assign("2026-03-05")).allowedActions).toEqual([]);
    expect(refusal([ev.withdraw("2026-03-03")], ev.assign("2026-03-05")).allowedActions).toEqual([]);
  });

  it("return only with a pending proposal, with a reason; it clears the proposal", () => {
    expect(refusal([], ev.returnProposal("2026-03-03")).reason).toBe("没有待审批的答复或延期申请");
    expect(allowedActions(machine, run())).not.toContain("return_proposal");
    const given = [ev.proposeDecision("2026-03-03")];
    expect(allowedActions(machine, run(...given))).toContain("return_proposal");
    expect(refusal(given, ev.returnProposal("2026-03-04", " ")).reason).toBe("须写明退回的理由");
    const returned = accepts(given, ev.returnProposal("2026-03-04"));
    expect(returned.value).toBe("registered");
    expect(returned.context.facts.proposal).toBeUndefined();
    expect(allowedActions(machine, returned)).not.toContain("return_proposal");
  });

  it("deciding or extending clears the proposal; an approver may decide without one", () => {
    const decided = accepts(
      [ev.proposeDecision("2026-03-03", "partially_disclosed")],
      ev.decide("2026-03-04"),
    );
    expect(decided.value).toBe("decided");
    expect(decided.context.facts.proposal).toBeUndefined();
    const extended = accepts([ev.requestExtension("2026-03-03", 7)], ev.extend("2026-03-04", 7));
    expect(toFlags(extended).extended).toBe(true);
    expect(extended.context.facts.proposal).toBeUndefined();
    expect(accepts([], ev.decide("2026-03-03")).value).toBe("decided");
  });

  it("leaving the states where it could be approved clears the proposal", () => {
    const s = accepts([ev.proposeDecision("2026-03-03")], ev.requestSupplement("2026-03-04"));
    expect(s.value).toBe("awaitingSupplement");
    expect(s.context.facts.proposal).toBeUndefined();
    expect(
      accepts([ev.proposeDecision("2026-03-03")], ev.withdraw("2026-03-04")).context.facts.proposal,
    ).toBe(undefined);
  });
});
