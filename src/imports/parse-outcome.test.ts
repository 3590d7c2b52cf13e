import { describe, expect, it } from "vitest";
import { OUTCOME_IDS } from "../domain/outcomes.ts";
import { ledgerOutcomeLabel } from "./ledger-outcome-label.ts";
import { parseOutcome } from "./parse-outcome.ts";
import { suggestNearestLabel } from "./suggest-nearest-label.ts";

describe("答复结果", () => {
  it("every outcome's ledger label is unique and reads back as that outcome", () => {
    const labels = OUTCOME_IDS.map(ledgerOutcomeLabel);
    expect(new Set(labels).size).toBe(OUTCOME_IDS.length);
    for (const id of OUTCOME_IDS) {
      const p = parseOutcome(ledgerOutcomeLabel(id));
      expect(p.ok && p.value.outcome, ledgerOutcomeLabel(id)).toBe(id);
      const byId = parseOutcome(id);
      expect(byId.ok && byId.value.outcome).toBe(id);
    }
  });

  it("accepts the table's labels with or without their numbers and notes", () => {
    const outcome = (text: string) => {
      const p = parseOutcome(text);
      return p.ok ? p.value.outcome : p.error;
    };
    expect(outcome("予以公开")).toBe("disclosed");
    expect(outcome("（一）予以公开")).toBe("disclosed");
    expect(outcome("部分公开")).toBe("partially_disclosed");
    expect(outcome("（二）部分公开（区分处理的，只计这一情形，不计其他情形）")).toBe("partially_disclosed");
    expect(outcome("1.属于国家秘密")).toBe("withheld.state_secret");
    expect(outcome("（三）1 属于国家秘密")).toBe("withheld.state_secret");
    expect(outcome("危及“三安全一稳定”")).toBe("withheld.security_stability");
    expect(outcome("危及三安全一稳定")).toBe("withheld.security_stability");
    expect(outcome("本机关不掌握相关政府信息")).toBe("unavailable.not_held");
    expect(outcome("不予处理：重复申请")).toBe("not_processed.duplicate");
    expect(outcome("逾期不补正、不再处理")).toBe("other.supplement_overdue");
    expect(outcome("申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请")).toBe(
      "other.supplement_overdue",
    );
    expect(outcome("逾期未缴费、不再处理")).toBe("other.fee_unpaid");
    expect(outcome("逾期不补正")).toBe("other.supplement_overdue");
    expect(outcome("逾期未缴费")).toBe("other.fee_unpaid");
  });

  it("records 其他 as a withdrawal (or a reply when delivered), 撤回 as a withdrawal, 逾期… as derived", () => {
    const how = (text: string) => {
      const p = parseOutcome(text);
      return p.ok ? p.value.recordedAs : p.error;
    };
    expect(how("其他")).toBe("other");
    expect(how("撤回")).toBe("withdrawal");
    expect(how("申请人撤回")).toBe("withdrawal");
    expect(how("予以公开")).toBe("decision");
    expect(how("逾期未缴费、不再处理")).toBe("automatic");
  });

  it("suggests the nearest row label for an unknown one", () => {
    const suggestion = (text: string) => {
      const p = parseOutcome(text);
      if (p.ok) throw new Error(`${text} was accepted`);
      return /是否为“([^”]+)”/.exec(p.error)?.[1] ?? null;
    };
    expect(suggestion("属于国家机密")).toBe("属于国家秘密");
    expect(suggestion("公开")).toBe("予以公开");
    expect(suggestion("不掌握相关信息")).toBe("本机关不掌握相关政府信息");
    expect(suggestion("信访举报投诉")).toBe("信访举报投诉类申请");
    expect(suggestion("重复申请的")).toBe("重复申请");
    expect(suggestion("逾期未补正")).toBe("逾期不补正、不再处理");
    expect(suggestion("逾期没缴费")).toBe("逾期未缴费、不再处理");
    expect(suggestion("完全无关的文字内容很长很长")).toBeNull();
  });
});

describe("suggestNearestLabel", () => {
  const candidates = ["自然人", "商业企业", "科研机构"].map((t) => ({ text: t, suggest: t }));

  it("prefers containment, then the smallest edit distance, and gives up when nothing is near", () => {
    expect(suggestNearestLabel("自然人士", candidates)).toBe("自然人");
    expect(suggestNearestLabel("商业", candidates)).toBe("商业企业");
    expect(suggestNearestLabel("科研单位", candidates)).toBe("科研机构");
    expect(suggestNearestLabel("ＸＹＺ", candidates)).toBeNull();
    expect(suggestNearestLabel("", candidates)).toBeNull();
  });
});
