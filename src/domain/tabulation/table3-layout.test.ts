import { describe, expect, it } from "vitest";
import { OUTCOME_IDS } from "../outcomes.ts";
import { table3Layout } from "./table3-layout.ts";
import type { Table3DataRow, Table3LayoutRow } from "./table3-types.ts";

const dataRows = (rows: readonly Table3LayoutRow[]) =>
  rows.filter((row): row is Table3DataRow => row.kind === "data");

describe("table3Layout", () => {
  const layout2021 = table3Layout("2021");
  const layout2019 = table3Layout("2019");

  it("has 25 data rows in the 2021 edition and 23 in the 2019 edition", () => {
    expect(dataRows(layout2021.rows)).toHaveLength(25);
    expect(dataRows(layout2019.rows)).toHaveLength(23);
  });

  it("lists the rows of the 2021 edition in the national order, with their labels and indents", () => {
    expect(layout2021.rows.map((row) => [row.kind, row.key, row.indent, row.label])).toEqual([
      ["data", "new_received", 0, "一、本年新收政府信息公开申请数量"],
      ["data", "carried_over", 0, "二、上年结转政府信息公开申请数量"],
      ["heading", "heading.results", 0, "三、本年度办理结果"],
      ["data", "disclosed", 1, "（一）予以公开"],
      ["data", "partially_disclosed", 1, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"],
      ["heading", "heading.withheld", 1, "（三）不予公开"],
      ["data", "withheld.state_secret", 2, "1.属于国家秘密"],
      ["data", "withheld.prohibited_by_law", 2, "2.其他法律行政法规禁止公开"],
      ["data", "withheld.security_stability", 2, "3.危及“三安全一稳定”"],
      ["data", "withheld.third_party_rights", 2, "4.保护第三方合法权益"],
      ["data", "withheld.internal_affairs", 2, "5.属于三类内部事务信息"],
      ["data", "withheld.process_information", 2, "6.属于四类过程性信息"],
      ["data", "withheld.enforcement_file", 2, "7.属于行政执法案卷"],
      ["data", "withheld.administrative_query", 2, "8.属于行政查询事项"],
      ["heading", "heading.unavailable", 1, "（四）无法提供"],
      ["data", "unavailable.not_held", 2, "1.本机关不掌握相关政府信息"],
      ["data", "unavailable.requires_creation", 2, "2.没有现成信息需要另行制作"],
      ["data", "unavailable.unclear_after_supplement", 2, "3.补正后申请内容仍不明确"],
      ["heading", "heading.not_processed", 1, "（五）不予处理"],
      ["data", "not_processed.petition", 2, "1.信访举报投诉类申请"],
      ["data", "not_processed.duplicate", 2, "2.重复申请"],
      ["data", "not_processed.publication", 2, "3.要求提供公开出版物"],
      ["data", "not_processed.excessive", 2, "4.无正当理由大量反复申请"],
      ["data", "not_processed.confirmation", 2, "5.要求行政机关确认或重新出具已获取信息"],
      ["heading", "heading.other", 1, "（六）其他处理"],
      [
        "data",
        "other.supplement_overdue",
        2,
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
      ],
      [
        "data",
        "other.fee_unpaid",
        2,
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
      ],
      ["data", "other.other", 2, "3.其他"],
      ["data", "result_total", 1, "（七）总计"],
      ["data", "carried_forward", 0, "四、结转下年度继续办理"],
    ]);
  });

  it("makes （六）其他处理 one data row `other` in the 2019 edition, all else the same", () => {
    const other = layout2019.rows.find((row) => row.key === "other");
    expect(other).toEqual({
      kind: "data",
      key: "other",
      label: "（六）其他处理",
      name: "（六）其他处理",
      indent: 1,
      outcomes: ["other.supplement_overdue", "other.fee_unpaid", "other.other"],
    });
    const without = (rows: readonly Table3LayoutRow[]) =>
      rows.filter((row) => !row.key.startsWith("other") && row.key !== "heading.other");
    expect(without(layout2019.rows)).toEqual(without(layout2021.rows));
  });

  it("puts every outcome in exactly one leaf row of each edition", () => {
    for (const layout of [layout2019, layout2021]) {
      expect(dataRows(layout.rows).flatMap((row) => row.outcomes)).toEqual(OUTCOME_IDS);
    }
  });

  it("names leaf rows with their group for check messages", () => {
    expect(layout2021.rows.find((row) => row.key === "withheld.state_secret")).toMatchObject({
      name: "（三）不予公开—1.属于国家秘密",
    });
  });

  it("has 7 number columns: 自然人, five kinds of 法人或其他组织, 总计", () => {
    expect(layout2021.columns).toEqual([
      { key: "natural_person", label: "自然人", parent: null },
      { key: "commercial_enterprise", label: "商业企业", parent: "法人或其他组织" },
      { key: "research_institution", label: "科研机构", parent: "法人或其他组织" },
      { key: "social_welfare_org", label: "社会公益组织", parent: "法人或其他组织" },
      { key: "legal_service_org", label: "法律服务机构", parent: "法人或其他组织" },
      { key: "other_org", label: "其他", parent: "法人或其他组织" },
      { key: "total", label: "总计", parent: null },
    ]);
    expect(layout2019.columns).toEqual(layout2021.columns);
    expect(layout2021.note).toBe("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
  });
});
