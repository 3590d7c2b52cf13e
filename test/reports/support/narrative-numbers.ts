import { expect } from "vitest";
import { LETTER_FAMILIES } from "../../../src/letters/letter-kinds.ts";
import { buildReportDocument } from "../../../src/reports/document/build-report-document.ts";
import type { AnnualReport } from "../../../src/reports/report-types.ts";

/** Every count, amount and rate in a text, in order (dates and years left out). */
export function numbersIn(text: string): number[] {
  const withoutDates = text.replace(/\d{4}年(\d{1,2}月\d{1,2}日)?/g, "").replace(/\d{1,2}月\d{1,2}日/g, "");
  return [...withoutDates.matchAll(/(\d+(?:\.\d+)?)(?=件|份|元|万元|%)/g)].map((m) => Number(m[1]));
}

const rowTotal = (r: AnnualReport, row: string) => r.table3.rows[row]?.total ?? 0;
const sumRows = (r: AnnualReport, prefix: string) =>
  Object.entries(r.table3.rows)
    .filter(([k]) => k === prefix || k.startsWith(`${prefix}.`))
    .reduce((s, [, v]) => s + v.total, 0);

/**
 * The figures each generated paragraph must state, in order, computed here from the report's
 * tables and facts (not by the narrative code): the check that no figure in the text disagrees.
 */
export function expectedNarrative(r: AnnualReport): { starts: string; numbers: number[] }[] {
  const ch = r.facts.receivedByChannel;
  const t2 = (row: string, col: string) => r.table2[row]?.[col] ?? 0;
  const { administrative_review: rv, litigation_direct: ld, litigation_after_review: la } = r.table4;
  const expected = [
    {
      starts: "本年度新收政府信息公开申请",
      numbers: [
        rowTotal(r, "new_received"),
        ch.in_person,
        ch.post + ch.ordinary_letter,
        ch.online,
        ch.fax,
        rowTotal(r, "carried_over"),
      ],
    },
    {
      starts: "本年度办结",
      numbers: [
        rowTotal(r, "result_total"),
        rowTotal(r, "disclosed"),
        rowTotal(r, "partially_disclosed"),
        sumRows(r, "withheld"),
        sumRows(r, "unavailable"),
        sumRows(r, "not_processed"),
        sumRows(r, "other"),
        rowTotal(r, "carried_forward"),
      ],
    },
    {
      starts: "本年度因政府信息公开被申请行政复议",
      numbers: [
        rv.total,
        rv.upheld,
        rv.corrected,
        rv.other,
        rv.pending,
        ld.total + la.total,
        ld.total,
        la.total,
        ld.upheld + la.upheld,
        ld.corrected + la.corrected,
        ld.other + la.other,
        ld.pending + la.pending,
      ],
    },
  ];
  if (r.facts.fees.count > 0) {
    expected.push({
      starts: "本年度收取政府信息公开信息处理费",
      numbers: [r.facts.fees.count, r.facts.fees.amountYuan],
    });
  }
  const letters = r.facts.letters;
  if (letters && LETTER_FAMILIES.some((k) => letters[k] > 0)) {
    const issued = LETTER_FAMILIES.filter((k) => letters[k] > 0);
    expected.push({ starts: "本年度出具", numbers: issued.map((k) => letters[k]) });
  }
  const t = r.facts.timeliness;
  if (t) {
    const rate = t.decisions > 0 ? [Math.round((t.onTime / t.decisions) * 1000) / 10] : [];
    expected.push({ starts: "本年度作出答复", numbers: [t.decisions, t.onTime, ...rate] });
  }
  if (r.table2Entered && r.edition === "2021") {
    expected.push({
      starts: "本年度制发规章",
      numbers: [
        ...["issued", "repealed", "in_force"].map((c) => t2("regulations", c)),
        ...["issued", "repealed", "in_force"].map((c) => t2("normative_documents", c)),
        t2("administrative_licensing", "decisions"),
        t2("administrative_punishment", "decisions"),
        t2("administrative_enforcement", "decisions"),
        t2("administrative_fees", "amount_wan_yuan"),
      ],
    });
  }
  return expected;
}

/** Asserts every generated paragraph that states figures states the tables' figures, and nothing else does. */
export function expectNarrativeAgreesWithTables(report: AnnualReport): void {
  const doc = buildReportDocument(report);
  const generated = [...(doc.sections[0]?.blocks ?? []), ...(doc.sections[5]?.blocks ?? [])].flatMap((b) =>
    b.kind === "paragraph" ? [b.text] : [],
  );
  const own = Object.values(report.texts).join("\n");
  for (const { starts, numbers } of expectedNarrative(report)) {
    const paragraphs = generated.filter((p) => p.startsWith(starts));
    expect(paragraphs.length, starts).toBeGreaterThan(0);
    for (const p of paragraphs) expect(numbersIn(p), p).toEqual(numbers);
  }
  const explained = expectedNarrative(report).map((e) => e.starts);
  for (const p of generated) {
    if (own.includes(p)) continue; // the agency's own words
    if (numbersIn(p).length === 0) continue;
    expect(
      explained.some((s) => p.startsWith(s)),
      `unchecked figures in: ${p}`,
    ).toBe(true);
  }
}
