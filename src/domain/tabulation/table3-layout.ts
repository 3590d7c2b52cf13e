import { AppError } from "../../app-error.ts";
import { assertNever } from "../assert-never.ts";
import { OUTCOME_GROUP_LABELS, OUTCOME_GROUPS, OUTCOMES, type OutcomeGroup } from "../outcomes.ts";
import { APPLICANT_TYPE_LABELS, APPLICANT_TYPES } from "../vocabulary.ts";
import type {
  Edition,
  Table3DataRow,
  Table3Layout,
  Table3LayoutColumn,
  Table3LayoutRow,
  Table3RowKey,
} from "./table3-types.ts";

type Outcome = (typeof OUTCOMES)[number];

const TOP_LABELS = {
  new_received: "一、本年新收政府信息公开申请数量",
  carried_over: "二、上年结转政府信息公开申请数量",
  results: "三、本年度办理结果",
  result_total: "（七）总计",
  carried_forward: "四、结转下年度继续办理",
} as const;

const ORGANISATION_HEADER = "法人或其他组织";

const COLUMNS: readonly Table3LayoutColumn[] = Object.freeze([
  ...APPLICANT_TYPES.map((type) => ({
    key: type,
    label: APPLICANT_TYPE_LABELS[type],
    parent: type === "natural_person" ? null : ORGANISATION_HEADER,
  })),
  { key: "total" as const, label: "总计", parent: null },
]);

function rowNumber(outcome: Outcome, edition: Edition): string {
  switch (edition) {
    case "2019":
      return outcome.row2019;
    case "2021":
      return outcome.row2021;
    default:
      return assertNever(edition, "edition");
  }
}

function dataRow(key: Table3RowKey, label: string, indent: 0 | 1 | 2, outcomes: readonly Outcome[] = []) {
  return { kind: "data", key, label, name: label, indent, outcomes: outcomes.map((o) => o.id) } as const;
}

/**
 * The rows of one outcome group. The edition's row numbers in OUTCOMES decide the shape: one row
 * number for the whole group gives a single data row (（一）, （二）, and （六） in 2019), several give
 * a heading with one leaf per row number.
 */
function groupRows(group: OutcomeGroup, edition: Edition): Table3LayoutRow[] {
  const members: Outcome[] = OUTCOMES.filter((o) => o.group === group);
  const byRow = new Map<string, Outcome[]>();
  for (const o of members) {
    const number = rowNumber(o, edition);
    byRow.set(number, [...(byRow.get(number) ?? []), o]);
  }
  const groupLabel = OUTCOME_GROUP_LABELS[group];
  const [only, ...rest] = members;
  if (only === undefined) throw new AppError("internal", { message: `结果分组 ${group} 没有任何办理结果` });
  if (byRow.size === 1) {
    if (rest.length === 0) return [dataRow(only.id, only.label, 1, members)];
    // API.md: the only merged row of the national formats is the 2019 edition's （六）其他处理.
    if (group !== "other") {
      throw new AppError("internal", { message: `${edition}年版表三不支持合并的结果行：${group}` });
    }
    return [dataRow(group, groupLabel, 1, members)];
  }
  const leaves = [...byRow.values()].map((outcomes): Table3DataRow => {
    const [outcome, ...more] = outcomes;
    if (outcome === undefined || more.length > 0) {
      throw new AppError("internal", { message: `${edition}年版表三不支持部分合并的结果行` });
    }
    return { ...dataRow(outcome.id, outcome.label, 2, outcomes), name: `${groupLabel}—${outcome.label}` };
  });
  return [{ kind: "heading", key: `heading.${group}`, label: groupLabel, indent: 1 }, ...leaves];
}

function buildLayout(edition: Edition): Table3Layout {
  const rows: Table3LayoutRow[] = [
    dataRow("new_received", TOP_LABELS.new_received, 0),
    dataRow("carried_over", TOP_LABELS.carried_over, 0),
    { kind: "heading", key: "heading.results", label: TOP_LABELS.results, indent: 0 },
    ...OUTCOME_GROUPS.flatMap((group) => groupRows(group, edition)),
    dataRow("result_total", TOP_LABELS.result_total, 1),
    dataRow("carried_forward", TOP_LABELS.carried_forward, 0),
  ];
  return Object.freeze({
    edition,
    title: "三、收到和处理政府信息公开申请情况",
    columnsHeader: "申请人情况",
    note: "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
    columns: COLUMNS,
    rows: Object.freeze(rows.map((row) => Object.freeze(row))),
  });
}

const LAYOUTS: Readonly<Record<Edition, Table3Layout>> = {
  "2019": buildLayout("2019"),
  "2021": buildLayout("2021"),
};

/** Table 三 of an edition, in the order of the national format, generated from OUTCOMES. */
export function table3Layout(edition: Edition): Table3Layout {
  return LAYOUTS[edition];
}
