import type { AgencyKind } from "../db/schema.ts";
import type { Check, Edition } from "../domain/tabulation/table3-types.ts";
import { formatAmount } from "./document/format-number.ts";
import {
  OVERVIEW_TEXT_KEYS,
  type OverviewTextKey,
  overviewPlace,
  overviewTextKeys,
} from "./document/overview-parts.ts";
import { type AnnualReport, REPORT_TEXT_KEYS, type ReportCheck, type ReportTexts } from "./report-types.ts";
import { type Table2Figures, table2Layout } from "./table2/table2-layout.ts";

/** K1–K5 of table 三: a failure is an error (DOMAIN.md §7). */
export function table3Checks(checks: readonly Check[]): ReportCheck[] {
  return checks.map((c) => ({ ...c, severity: "error" }));
}

/** T1: table 二 must be entered before the year is closed (a 0 entered, not a 0 forgotten). */
export function checkTable2Entered(entered: boolean): ReportCheck {
  return entered
    ? { id: "T1", ok: true, message: "T1 表二（主动公开政府信息情况）已填报：成立", severity: "error" }
    : {
        id: "T1",
        ok: false,
        message:
          "T1 表二（主动公开政府信息情况）尚未填报：请由本机关管理员填报（没有的项目填 0）后再关闭年度",
        severity: "error",
      };
}

const CONTINUITY_ROWS = ["regulations", "normative_documents"] as const;

/**
 * T2 (DOMAIN.md §8, 2021 edition): 现行有效件数 = last year's 现行有效件数 + 本年制发件数 − 本年废止件数,
 * for 规章 and 行政规范性文件. A warning: last year's figure may itself have been wrong.
 */
export function checkTable2Continuity(
  edition: Edition,
  current: Table2Figures | null,
  previous: { edition: Edition; table2: Table2Figures } | null,
): ReportCheck {
  const rule = "现行有效件数 = 上年现行有效件数 + 本年制发件数 − 本年废止件数";
  const skip = (why: string): ReportCheck => ({
    id: "T2",
    ok: true,
    skipped: true,
    message: `T2 ${rule}：未核对——${why}`,
    severity: "warning",
  });
  if (edition !== "2021") return skip("2019年版表二没有现行有效件数");
  if (current === null) return skip("本年表二尚未填报");
  if (previous === null) return skip("上一年度没有填报表二");
  if (previous.edition !== "2021") return skip("上一年度使用2019年版表二，没有现行有效件数");
  const labels = new Map(table2Layout("2021").sections.flatMap((s) => s.rows.map((r) => [r.key, r.label])));
  const failures: string[] = [];
  for (const row of CONTINUITY_ROWS) {
    const now = current[row];
    const before = previous.table2[row]?.in_force ?? 0;
    if (now === undefined) continue;
    const expected = before + (now.issued ?? 0) - (now.repealed ?? 0);
    if (now.in_force !== expected) {
      failures.push(
        `“${labels.get(row)}”：上年现行有效 ${before} + 本年制发 ${now.issued} − 本年废止 ${now.repealed} = ${expected}，填报的现行有效为 ${now.in_force}`,
      );
    }
  }
  if (failures.length === 0) return { id: "T2", ok: true, message: `T2 ${rule}：成立`, severity: "warning" };
  return { id: "T2", ok: false, message: `T2 ${rule}：不成立——${failures.join("；")}`, severity: "warning" };
}

const TEXT_LABELS: Record<keyof ReportTexts, string> = {
  preface: "报告说明",
  overview: "一、总体情况（总述）",
  ...(Object.fromEntries(OVERVIEW_TEXT_KEYS.map((k) => [k, overviewPlace(k)])) as Record<
    OverviewTextKey,
    string
  >),
  problems: "五、存在的主要问题及改进情况",
  other: "六、其他需要报告的事项",
};

/** A count written by hand (“公开信息6条”) can contradict the tables, as in the 2021 sample. */
const HAND_COUNT = /\d+(?:\.\d+)?\s*(?:件|条|项|宗|次|份|元|万元)/g;

/**
 * W1: the free texts should not state counts by hand: the report states them from the tables
 * (一's generated paragraphs, 六's fees). A warning, since a count of something else is allowed.
 */
export function checkTexts(texts: ReportTexts): ReportCheck {
  const found: string[] = [];
  for (const key of REPORT_TEXT_KEYS) {
    const hits = texts[key].match(HAND_COUNT);
    if (hits) found.push(`${TEXT_LABELS[key]}中有“${hits.slice(0, 3).join("”“")}”`);
  }
  if (found.length === 0) {
    return { id: "W1", ok: true, message: "W1 文字部分没有手写的数量：成立", severity: "warning" };
  }
  return {
    id: "W1",
    ok: false,
    message: `W1 文字部分含有手写的数量，请核对是否与表格一致（报告中的数字由系统从表格生成）：${found.join("；")}`,
    severity: "warning",
  };
}

/**
 * W2: every part of 一 that the 2021 format asks for has the agency's words (the system writes
 * only the figures it knows); a government's report also covers 工作考核、社会评议和责任追究结果情况
 * (art. 50(四)). A warning: the year may be closed once the admin acknowledges it.
 */
export function checkOverviewTexts(kind: AgencyKind, texts: ReportTexts): ReportCheck {
  const missing = overviewTextKeys(kind).filter((k) => (texts[k] ?? "").trim() === "");
  if (missing.length === 0) {
    return { id: "W2", ok: true, message: "W2 一、总体情况的各部分均已填写：成立", severity: "warning" };
  }
  return {
    id: "W2",
    ok: false,
    message: `W2 一、总体情况有${missing.length}个部分尚未填写（系统只生成已知的数字）：${missing.map(overviewPlace).join("、")}`,
    severity: "warning",
  };
}

/**
 * W3: the 信息处理费 stated in 六 (fee.paid events) against table 二 (八) 行政事业性收费 本年收费金额
 * (万元), which includes them: fees collected while (八) is 0, or more than (八), mean one of the two
 * is wrong. The reverse (八) > 0 without any 信息处理费 is normal (the agency's other administrative
 * fees) and not flagged. Not checked for the 2019 edition, whose (八) counts items, not amounts.
 */
export function checkFees(
  report: Pick<AnnualReport, "edition" | "table2" | "table2Entered" | "facts">,
): ReportCheck {
  const rule = "六、信息处理费与表二（八）行政事业性收费";
  const result = (ok: boolean, detail: string): ReportCheck => ({
    id: "W3",
    ok,
    message: `W3 ${rule}：${detail}`,
    severity: "warning",
  });
  const skip = (why: string): ReportCheck => ({ ...result(true, `未核对——${why}`), skipped: true });
  if (report.edition !== "2021") return skip("2019年版表二没有收费金额");
  if (!report.table2Entered) return skip("本年表二尚未填报");
  const { count, amountYuan } = report.facts.fees;
  const tableWan = report.table2.administrative_fees?.amount_wan_yuan ?? 0;
  if (count === 0) return result(true, "本年度未收取信息处理费，无需核对");
  const fees = `六、其他需要报告的事项中本年度收取信息处理费${count}件共${formatAmount(amountYuan)}元`;
  if (tableWan === 0) {
    return result(
      false,
      `${fees}，而表二（八）行政事业性收费本年收费金额为0：信息处理费属于行政事业性收费，请核对表二（八）`,
    );
  }
  // table 二 holds 万元 with at most 4 decimals (1 元): compare in 元.
  if (Math.round(tableWan * 10_000) < Math.round(amountYuan)) {
    return result(
      false,
      `${fees}（${formatAmount(amountYuan / 10_000)}万元），多于表二（八）行政事业性收费本年收费金额${formatAmount(tableWan)}万元，请核对`,
    );
  }
  return result(true, `${fees}，表二（八）本年收费金额${formatAmount(tableWan)}万元：成立`);
}

/** The basis and the period are the system's opening sentences of the preface. */
const PREFACE_REPEATS = /根据《(?:中华人民共和国政府信息公开条例|条例)》|统计期限/;

/**
 * W4: the preface text (added to the system's preface paragraph) should not state the basis or
 * the period again, as the demo's old text and many real reports do (“本年报根据《条例》有关规定…”
 * after “本报告根据《条例》第四十九条、第五十条的规定…”): it is for the address and contacts.
 */
export function checkPreface(preface: string): ReportCheck {
  const hit = PREFACE_REPEATS.exec(preface);
  if (hit === null) {
    return {
      id: "W4",
      ok: true,
      message: "W4 报告说明没有重复编制依据和统计期限：成立",
      severity: "warning",
    };
  }
  return {
    id: "W4",
    ok: false,
    message: `W4 报告说明中有“${hit[0]}”：编制依据和统计期限已由系统写在引言中，报告说明只需写发布网址和联系方式`,
    severity: "warning",
  };
}
