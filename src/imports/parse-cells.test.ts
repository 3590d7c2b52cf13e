import { describe, expect, it } from "vitest";
import { parseApplicantType } from "./parse-applicant-type.ts";
import { parseChannel } from "./parse-channel.ts";
import { parseConsultations } from "./parse-consultations.ts";
import { parseExtension } from "./parse-extension.ts";
import { parseFeeAmount } from "./parse-fee-amount.ts";
import { parseFeeNotice } from "./parse-fee-notice.ts";
import { parseLedgerDate } from "./parse-ledger-date.ts";
import { parseSupplementNotice } from "./parse-supplement-notice.ts";
import { splitCellParts } from "./split-cell-parts.ts";

const value = <T>(p: { ok: true; value: T } | { ok: false; error: string }) => {
  if (!p.ok) throw new Error(`expected a value, got: ${p.error}`);
  return p.value;
};
const error = (p: { ok: boolean; error?: string }) => {
  expect(p.ok).toBe(false);
  return p.error ?? "";
};

describe("date cells", () => {
  it.each([
    ["2025-03-05", "2025-03-05"],
    ["2025/3/5", "2025-03-05"],
    ["2025.03.05", "2025-03-05"],
    ["2025年3月5日", "2025-03-05"],
    [" 2025-12-31 ", "2025-12-31"],
    [45721, "2025-03-05"], // an Excel serial in a cell not formatted as a date
    [45721.75, "2025-03-05"], // with a time of day
    [60.5, "1900-02-28"], // Excel's phantom 1900-02-29 is serial 60: one day off before March 1900
  ])("%j is %s", (cell, date) => {
    expect(value(parseLedgerDate(cell))).toBe(date);
  });

  it.each(["2025-02-29", "2025-13-01", "2025-3", "三月五日", "20250305", "", 0, -3])(
    "%j is refused",
    (cell) => {
      expect(error(parseLedgerDate(cell))).toContain("不是有效日期");
    },
  );
});

describe("compound cells", () => {
  it("splits on ASCII and full-width commas, up to a limit", () => {
    expect(splitCellParts("a, b，c")).toEqual(["a", "b", "c"]);
    expect(splitCellParts("2025-04-01,15,理由，含逗号,还有", 3)).toEqual([
      "2025-04-01",
      "15",
      "理由，含逗号,还有",
    ]);
  });

  it("补正告知日: a date, optionally with the window in working days", () => {
    expect(value(parseSupplementNotice("2025-03-07"))).toEqual({ requestedOn: "2025-03-07" });
    expect(value(parseSupplementNotice("2025-03-07,10"))).toEqual({
      requestedOn: "2025-03-07",
      windowWorkdays: 10,
    });
    expect(value(parseSupplementNotice("2025-03-07，15个工作日"))).toEqual({
      requestedOn: "2025-03-07",
      windowWorkdays: 15,
    });
    expect(value(parseSupplementNotice(45723))).toEqual({ requestedOn: "2025-03-07" });
    expect(error(parseSupplementNotice("2025-03-07,0"))).toContain("1 至 60");
    expect(error(parseSupplementNotice("2025-03-07,61"))).toContain("1 至 60");
    expect(error(parseSupplementNotice("2025-03-07,10,多余"))).toContain("“多余”应为送达日");
    expect(value(parseSupplementNotice("2025-03-07,10,送达2025-03-10"))).toEqual({
      requestedOn: "2025-03-07",
      windowWorkdays: 10,
      receivedOn: "2025-03-10",
    });
    expect(value(parseSupplementNotice("2025-03-07,2025-03-10,邮寄"))).toEqual({
      requestedOn: "2025-03-07",
      receivedOn: "2025-03-10",
      sentBy: "post",
    });
    expect(value(parseSupplementNotice("2025-03-07,当面"))).toEqual({
      requestedOn: "2025-03-07",
      sentBy: "in_person",
    });
    expect(error(parseSupplementNotice("2025-03-07,送达2025-03-06"))).toContain(
      "送达日 2025-03-06 早于发出日 2025-03-07",
    );
    expect(error(parseSupplementNotice("2025-03-07,截止2025-03-20"))).toContain("只有征求其他机关意见时");
  });

  it("延期: approval date, 1–20 working days, optional reason (which may contain commas)", () => {
    expect(value(parseExtension("2025-04-01,15"))).toEqual({
      on: "2025-04-01",
      workdays: 15,
      reason: "见台账原始延期答复告知书",
    });
    expect(value(parseExtension("2025-04-01,20,涉及档案较多，需逐件核对, 另行"))).toEqual({
      on: "2025-04-01",
      workdays: 20,
      reason: "涉及档案较多，需逐件核对, 另行",
    });
    expect(error(parseExtension("2025-04-01,21"))).toContain("1 至 20");
    expect(error(parseExtension("2025-04-01,0"))).toContain("1 至 20");
    expect(error(parseExtension("2025-04-01"))).toContain("批准日,工作日数");
    expect(error(parseExtension("2025-04-31,5"))).toContain("批准日");
  });

  it("收费通知日: the notice, optionally the applicant's receipt (not before it) and how it went", () => {
    expect(value(parseFeeNotice("2025-03-12"))).toEqual({ notifiedOn: "2025-03-12" });
    expect(value(parseFeeNotice("2025-03-12,2025-03-14"))).toEqual({
      notifiedOn: "2025-03-12",
      receivedOn: "2025-03-14",
    });
    expect(value(parseFeeNotice("2025-03-12，送达2025-03-14，邮寄送达"))).toEqual({
      notifiedOn: "2025-03-12",
      receivedOn: "2025-03-14",
      sentBy: "post",
    });
    expect(error(parseFeeNotice("2025-03-12,2025-03-10"))).toContain("早于发出日");
    expect(error(parseFeeNotice("2025-03-12,15"))).toContain("应为送达日");
  });

  it("收费金额: yuan with up to two decimals, optionally 按量 / 按件", () => {
    expect(value(parseFeeAmount(700))).toEqual({ amountYuan: 700, basis: "per_item" });
    expect(value(parseFeeAmount("1200.50元"))).toEqual({ amountYuan: 1200.5, basis: "per_item" });
    expect(value(parseFeeAmount("700,按量"))).toEqual({ amountYuan: 700, basis: "per_volume" });
    expect(value(parseFeeAmount("700，按件计收"))).toEqual({ amountYuan: 700, basis: "per_item" });
    expect(error(parseFeeAmount("0"))).toContain("大于 0");
    expect(error(parseFeeAmount("12.345"))).toContain("两位小数");
    expect(error(parseFeeAmount("1000001"))).toContain("不超过 1000000");
    expect(error(parseFeeAmount("700,按页"))).toContain("按件");
  });
});

describe("征求意见", () => {
  it("reads one or more items separated by ；, ; or new lines; 第三方 by default; empty answer = none", () => {
    const items = value(
      parseConsultations(
        "第三方:某建筑有限公司,2025-03-10,2025-03-20；共同制作机关：县财政局,2025-03-10,\n某公司,2025-03-11",
      ),
    );
    expect(items).toEqual([
      { party: "third_party", name: "某建筑有限公司", startedOn: "2025-03-10", answeredOn: "2025-03-20" },
      { party: "co_producer", name: "县财政局", startedOn: "2025-03-10" },
      { party: "third_party", name: "某公司", startedOn: "2025-03-11" },
    ]);
  });

  it("takes a window or an answer date for other agencies, the letter's receipt, and a name with commas", () => {
    expect(value(parseConsultations("其他机关:县自然资源局,2025-03-10,,10"))).toEqual([
      { party: "other_agency", name: "县自然资源局", startedOn: "2025-03-10", windowWorkdays: 10 },
    ]);
    expect(
      value(parseConsultations("其他机关:县自然资源局,2025-03-10,2025-03-18,截止2025-03-31,送达2025-03-12")),
    ).toEqual([
      {
        party: "other_agency",
        name: "县自然资源局",
        startedOn: "2025-03-10",
        answeredOn: "2025-03-18",
        dueOn: "2025-03-31",
        receivedOn: "2025-03-12",
      },
    ]);
    // no answer, but the receipt: the third part is an extra
    expect(value(parseConsultations("某公司,2025-03-10,送达2025-03-12"))).toEqual([
      { party: "third_party", name: "某公司", startedOn: "2025-03-10", receivedOn: "2025-03-12" },
    ]);
    expect(value(parseConsultations("第三方:甲公司,乙分公司,2025-03-10,2025-03-12"))[0]?.name).toBe(
      "甲公司,乙分公司",
    );
  });

  it("says which item is wrong and why", () => {
    expect(error(parseConsultations("某公司"))).toContain("应为“对象类型:名称,发出日,答复日”");
    expect(error(parseConsultations("第三方:甲,2025-03-10,2025-03-01"))).toContain("早于发出日");
    expect(error(parseConsultations("第三人:甲,2025-03-10"))).toContain("是否为“第三方”");
    expect(error(parseConsultations("第三方:甲,2025-03-10；第三方:乙,2025-02-30"))).toMatch(/^第 2 项：/);
  });
});

describe("vocabularies", () => {
  it("申请方式 by label, short label or id", () => {
    expect(value(parseChannel("网络申请"))).toBe("online");
    expect(value(parseChannel("网络"))).toBe("online");
    expect(value(parseChannel("信函申请（挂号/需签收）"))).toBe("post");
    expect(value(parseChannel("信函申请(平常信函)"))).toBe("ordinary_letter");
    expect(value(parseChannel("in_person"))).toBe("in_person");
    expect(error(parseChannel("电子邮件"))).toContain("不是有效的申请方式");
    expect(error(parseChannel("网上申请"))).toContain("是否为“网络申请”");
  });

  it("申请人类型 by label or id, suggesting the nearest", () => {
    expect(value(parseApplicantType("自然人"))).toBe("natural_person");
    expect(value(parseApplicantType("legal_service_org"))).toBe("legal_service_org");
    expect(value(parseApplicantType("其他组织"))).toBe("other_org");
    expect(error(parseApplicantType("自然人士"))).toContain("是否为“自然人”");
    expect(error(parseApplicantType("科研单位"))).toContain("是否为“科研机构”");
  });
});
