import { describe, expect, it } from "vitest";
import type { CivilDate } from "../domain/civil-date.ts";
import { fail, type LedgerRawRow, ok } from "./ledger-types.ts";
import { parseLedgerRow } from "./parse-ledger-row.ts";
import { planLedgerCase } from "./plan-ledger-case.ts";
import { validateLedgerPlan } from "./validate-ledger-plan.ts";

const context = {
  today: "2026-03-20" as CivilDate,
  resolveHandler: (t: string) =>
    t === "张三" || t === "zhang" ? ok("zhang") : fail(`“${t}”不是本机关的承办人`),
};

function row(cells: LedgerRawRow["cells"], n = 7): LedgerRawRow {
  return {
    row: n,
    cells: {
      编号: "A-1",
      收到日期: "2025-03-03",
      申请方式: "网络申请",
      申请人类型: "自然人",
      申请人: "甲",
      申请内容: "某文件",
      ...cells,
    },
  };
}

const parse = (cells: LedgerRawRow["cells"]) => parseLedgerRow(row(cells), context);
const errorsOf = (cells: LedgerRawRow["cells"]) =>
  parse(cells).errors.map((e) => `${e.row}:${e.column}:${e.message}`);

describe("a ledger row", () => {
  it("collects every cell error of the row, with its row and column", () => {
    const errors = errorsOf({ 收到日期: "2025-02-30", 申请人: null, 延期: "2025-03-10,30", 承办人: "李四" });
    expect(errors).toEqual([
      expect.stringMatching(/^7:收到日期:.*不是有效日期/),
      expect.stringMatching(/^7:申请人:不能为空/),
      expect.stringMatching(/^7:延期:.*1 至 20/),
      expect.stringMatching(/^7:承办人:“李四”不是本机关的承办人/),
    ]);
  });

  it("checks the dates against each other, the receipt and today", () => {
    expect(errorsOf({ 补正告知日: "2025-03-05", 补正收到日: "2025-03-04" })).toEqual([
      expect.stringContaining("7:补正收到日:补正收到日 2025-03-04 早于补正告知日 2025-03-05"),
    ]);
    expect(errorsOf({ 答复日期: "2025-03-01", 答复结果: "予以公开" })).toEqual([
      expect.stringContaining("7:答复日期:答复日期 2025-03-01 早于收到日期 2025-03-03"),
    ]);
    expect(
      errorsOf({ 征求意见: "甲公司,2026-03-21,", 答复日期: "2026-03-25", 答复结果: "予以公开" }).sort(),
    ).toEqual([
      expect.stringContaining("7:征求意见:“甲公司”的发出日 2026-03-21 晚于今天（2026-03-20）"),
      expect.stringContaining("7:答复日期:答复日期 2026-03-25 晚于今天（2026-03-20）"),
    ]);
    expect(errorsOf({ 答复日期: "2025-03-10", 答复结果: "予以公开", 送达日期: "2025-03-09" })).toEqual([
      expect.stringContaining("7:送达日期:送达日期 2025-03-09 早于答复日期 2025-03-10"),
    ]);
  });

  it("needs 答复日期 and 答复结果 together, and no 送达日期 without a reply", () => {
    expect(errorsOf({ 答复结果: "予以公开" })).toEqual([
      expect.stringContaining("7:答复日期:填写了答复结果"),
    ]);
    expect(errorsOf({ 送达日期: "2025-03-10" })).toEqual([expect.stringContaining("7:送达日期:尚未答复")]);
    expect(
      errorsOf({
        答复日期: "2025-03-10",
        答复结果: "逾期不补正",
        补正告知日: "2025-03-04",
        送达日期: "2025-03-11",
      }),
    ).toEqual([expect.stringContaining("7:送达日期:期限届满自动办结的申请没有答复书")]);
  });

  it("plans the actions in date order, same-day ones notice first and reply last", () => {
    const c = parse({
      补正告知日: "2025-03-04,10,送达2025-03-05",
      补正收到日: "2025-03-06",
      征求意见: "共同制作机关:县局,2025-03-10,2025-03-12；第三方:甲公司,2025-03-06,",
      延期: "2025-03-12,5",
      收费通知日: "2025-03-13",
      收费金额: "700,按量",
      缴费日: "2025-03-31",
      答复日期: "2025-03-31",
      答复结果: "部分公开",
      送达日期: "2025-04-01",
      承办人: "张三",
    }).value;
    if (!c) throw new Error("row refused");
    const plan = planLedgerCase(c, "town");
    expect(plan.register).toMatchObject({ agencyCode: "town", ledgerNo: "A-1", handlerUsername: "zhang" });
    expect(
      plan.actions.map((a) => `${a.input.on} ${a.input.type} ${a.column}${a.consultation ?? ""}`),
    ).toEqual([
      "2025-03-04 request_supplement 补正告知日",
      "2025-03-06 receive_supplement 补正收到日",
      "2025-03-06 start_consultation 征求意见1",
      "2025-03-10 start_consultation 征求意见0",
      "2025-03-12 end_consultation 征求意见0",
      "2025-03-12 extend 延期",
      "2025-03-13 issue_fee_notice 收费通知日",
      "2025-03-31 receive_fee 缴费日",
      "2025-03-31 decide 答复结果",
      "2025-04-01 deliver 送达日期",
    ]);
    expect(plan.actions[0]?.input).toMatchObject({
      windowWorkdays: 10,
      receivedByAddresseeOn: "2025-03-05",
      reason: "台账导入",
    });
    expect(plan.actions[6]?.input).toMatchObject({ basis: "per_volume", amountYuan: 700 });
    expect(validateLedgerPlan(plan, 7)).toEqual([]);
  });

  it("records 其他 as a withdrawal, or as a reply when it was delivered; derived closures as no action", () => {
    const types = (cells: LedgerRawRow["cells"]) => {
      const c = parse(cells).value;
      if (!c) throw new Error(JSON.stringify(parse(cells).errors));
      return planLedgerCase(c, "town").actions.map((a) => a.input.type);
    };
    expect(types({ 答复日期: "2025-03-10", 答复结果: "其他" })).toEqual(["withdraw"]);
    expect(types({ 答复日期: "2025-03-10", 答复结果: "其他", 送达日期: "2025-03-11" })).toEqual([
      "decide",
      "deliver",
    ]);
    expect(
      types({ 补正告知日: "2025-03-04", 答复日期: "2025-03-26", 答复结果: "逾期不补正、不再处理" }),
    ).toEqual(["request_supplement"]);
    expect(types({})).toEqual([]);
  });

  it("puts the API's own limits on the texts, in the column they come from", () => {
    const c = parse({ 申请人: "名".repeat(101), 延期: `2025-03-10,5,${"理".repeat(1000)}` }).value;
    if (!c) throw new Error("row refused");
    expect(validateLedgerPlan(planLedgerCase(c, "town"), 7)).toEqual([
      { row: 7, column: "申请人", message: "不能超过 100 个字符" },
    ]);
    expect(parse({ 延期: `2025-03-10,5,${"理".repeat(1001)}` }).errors).toEqual([
      { row: 7, column: "延期", message: "延期理由不能超过 1000 个字符" },
    ]);
  });
});
