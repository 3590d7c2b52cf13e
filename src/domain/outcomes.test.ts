import { describe, expect, it } from "vitest";
import {
  DECIDABLE_OUTCOME_IDS,
  getOutcome,
  isReviewFirst,
  missingReplyFields,
  OUTCOME_IDS,
  replyFormFor,
} from "./outcomes.ts";
import { chineseNumeral, citeRegulation, formatArticles } from "./regulation-citation.ts";

describe("the outcome table's reply forms", () => {
  it("gives disclosed art. 36(二) by default and 36(一) when already public, which needs where to obtain it", () => {
    expect(formatArticles(replyFormFor("disclosed", {}).articles)).toBe("第三十六条第（二）项");
    expect(formatArticles(replyFormFor("disclosed", { disclosure: "provided" }).articles)).toBe(
      "第三十六条第（二）项",
    );
    const already = replyFormFor("disclosed", { disclosure: "already_public" });
    expect(formatArticles(already.articles)).toBe("第三十六条第（一）项");
    expect(missingReplyFields("disclosed", { disclosure: "already_public" })).toEqual(["replyText"]);
    expect(
      missingReplyFields("disclosed", { disclosure: "already_public", replyText: "本机关网站" }),
    ).toEqual([]);
    expect(missingReplyFields("disclosed", {})).toEqual([]);
  });

  it("tells not_held apart by the holding agency: 36(四) without, 36(五) with it and its reasons", () => {
    expect(formatArticles(replyFormFor("unavailable.not_held", {}).articles)).toBe("第三十六条第（四）项");
    const named = { holdingAgency: "某县自然资源局，电话 0000-1234567" };
    expect(formatArticles(replyFormFor("unavailable.not_held", named).articles)).toBe("第三十六条第（五）项");
    expect(missingReplyFields("unavailable.not_held", named)).toEqual(["reasons"]);
    expect(missingReplyFields("unavailable.not_held", {})).toEqual([]);
  });

  it("cites art. 32 for third-party rights only after a third party was consulted", () => {
    expect(formatArticles(replyFormFor("withheld.third_party_rights", {}).articles)).toBe("第十五条");
    expect(
      formatArticles(replyFormFor("withheld.third_party_rights", { thirdPartyConsulted: true }).articles),
    ).toBe("第十五条、第三十二条");
  });

  it("requires reasons for every refusal to disclose, the withheld part, and other closures but a withdrawal", () => {
    const needsReasons = DECIDABLE_OUTCOME_IDS.filter((id) => missingReplyFields(id, {}).includes("reasons"));
    expect(needsReasons).toEqual([
      "partially_disclosed",
      "withheld.state_secret",
      "withheld.prohibited_by_law",
      "withheld.security_stability",
      "withheld.third_party_rights",
      "withheld.internal_affairs",
      "withheld.process_information",
      "withheld.enforcement_file",
      "other.other",
    ]);
    expect(missingReplyFields("other.other", { withdrawn: true })).toEqual([]);
    expect(missingReplyFields("withheld.state_secret", { reasons: "  " })).toEqual(["reasons"]);
  });

  it("cites no article for a confirmation request, and no 决定不予公开 for an administrative query", () => {
    expect(replyFormFor("not_processed.confirmation", {}).articles).toEqual([]);
    expect(getOutcome("not_processed.confirmation").basis).toBe("无（《条例》未规定）");
    const query = replyFormFor("withheld.administrative_query", {});
    expect(query.decision).not.toContain("不予公开");
    expect(formatArticles(query.articles)).toBe("第三十六条第（七）项");
  });

  it("makes review compulsory first from 2024-01-01, only for replies that withhold information", () => {
    const withholding = OUTCOME_IDS.filter((id) => getOutcome(id).withholds);
    expect(withholding).toEqual([
      "partially_disclosed",
      ...OUTCOME_IDS.filter((id) => id.startsWith("withheld.")),
    ]);
    expect(isReviewFirst("withheld.state_secret", "2023-12-31")).toBe(false);
    expect(isReviewFirst("withheld.state_secret", "2024-01-01")).toBe(true);
    expect(isReviewFirst("partially_disclosed", "2024-01-02")).toBe(true);
    expect(isReviewFirst("disclosed", "2026-01-01")).toBe(false);
    expect(isReviewFirst("unavailable.not_held", "2026-01-01")).toBe(false);
  });

  it("prints citations in the Regulation's numbering", () => {
    expect([1, 10, 11, 16, 20, 36, 42, 56].map(chineseNumeral)).toEqual([
      "一",
      "十",
      "十一",
      "十六",
      "二十",
      "三十六",
      "四十二",
      "五十六",
    ]);
    expect(citeRegulation([{ article: 16, paragraph: 2 }])).toBe(
      "《中华人民共和国政府信息公开条例》第十六条第二款",
    );
    expect(citeRegulation([])).toBe("");
  });
});
