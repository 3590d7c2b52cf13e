/**
 * Section 一 总体情况 of the 2021 format (国办公开办函〔2021〕30号): "主要包括主动公开、依申请公开、
 * 政府信息管理、政府信息公开平台建设、监督保障（含《条例》第五十条第四项规定的各级人民政府…）".
 * Each part is the system's paragraphs (figures from the report's own tables and facts) followed by
 * the agency's words. A government at any level, townships included, also reports 工作考核、社会评议
 * 和责任追究结果情况 (art. 50(四)), printed inside （五）监督保障 as the format says.
 */
import type { AgencyKind } from "../../db/schema.ts";
import { assertNever } from "../../domain/assert-never.ts";
import type { AnnualReport, ReportTexts } from "../report-types.ts";
import {
  appealParagraph,
  lettersParagraph,
  prefaceBasis,
  proactiveParagraph,
  requestParagraphs,
} from "./build-narrative.ts";

/** The texts of 一's parts, in document order. */
export const OVERVIEW_TEXT_KEYS = [
  "proactive",
  "requests",
  "management",
  "platforms",
  "oversight",
  "assessment",
] as const satisfies readonly (keyof ReportTexts)[];
export type OverviewTextKey = (typeof OVERVIEW_TEXT_KEYS)[number];

/** Each part's title. */
export const OVERVIEW_TITLES: Record<OverviewTextKey, string> = {
  proactive: "主动公开",
  requests: "依申请公开",
  management: "政府信息管理",
  platforms: "平台建设",
  oversight: "监督保障",
  assessment: "工作考核、社会评议和责任追究结果情况",
};

/** The subsection each part is printed in (the 考核 part inside （五）监督保障). */
export const OVERVIEW_HEADINGS: Record<OverviewTextKey, string> = {
  proactive: "（一）主动公开",
  requests: "（二）依申请公开",
  management: "（三）政府信息管理",
  platforms: "（四）平台建设",
  oversight: "（五）监督保障",
  assessment: "（五）监督保障",
};

/** Where a part is, as a check or a form names it: “一（三）政府信息管理”. */
export function overviewPlace(key: OverviewTextKey): string {
  return key === "assessment"
    ? `一（五）监督保障中的${OVERVIEW_TITLES.assessment}`
    : `一${OVERVIEW_HEADINGS[key]}`;
}

export interface OverviewPart {
  textKey: OverviewTextKey;
  title: string;
  /** “（一）主动公开”; for the part printed inside the previous subsection, that subsection's. */
  heading: string;
  /** Printed inside the previous subsection, led by its title (the 考核 part inside 监督保障). */
  isRunIn: boolean;
  /** The system's paragraphs: figures from the tables and facts; [] where it knows none. */
  generated: string[];
  /** The agency's words as stored (one paragraph per non-empty line). */
  text: string;
}

/** art. 50(四): the reports of governments at every level (townships included), not departments'. */
export function reportsAssessment(kind: AgencyKind): boolean {
  switch (kind) {
    case "government":
    case "township":
      return true;
    case "department":
      return false;
    default:
      return assertNever(kind, "agency kind");
  }
}

/** The parts an agency of this kind reports in 一 (each one needs the agency's words). */
export function overviewTextKeys(kind: AgencyKind): OverviewTextKey[] {
  return OVERVIEW_TEXT_KEYS.filter((k) => k !== "assessment" || reportsAssessment(kind));
}

function generatedOf(report: AnnualReport, key: OverviewTextKey): string[] {
  switch (key) {
    case "proactive":
      return [report.table2Entered ? proactiveParagraph(report) : "本年度主动公开政府信息情况尚未填报。"];
    case "requests": {
      const letters = lettersParagraph(report);
      return [...requestParagraphs(report), ...(letters ? [letters] : []), appealParagraph(report)];
    }
    case "management":
    case "platforms":
    case "oversight":
    case "assessment":
      return [];
    default:
      return assertNever(key, "overview part");
  }
}

/** The parts of 一 of this report, in order, with their generated paragraphs and the agency's words. */
export function overviewParts(report: AnnualReport): OverviewPart[] {
  return overviewTextKeys(report.agencyKind).map((textKey) => ({
    textKey,
    title: OVERVIEW_TITLES[textKey],
    heading: OVERVIEW_HEADINGS[textKey],
    isRunIn: textKey === "assessment",
    generated: generatedOf(report, textKey),
    text: report.texts[textKey] ?? "",
  }));
}

/**
 * What the system writes around the agency's texts, for the form that edits them (the API's
 * `narrative`): the preface's own sentences and each part of 一 with its generated paragraphs.
 */
export interface ReportNarrative {
  preface: string;
  overview: Omit<OverviewPart, "text">[];
}

export function reportNarrative(report: AnnualReport): ReportNarrative {
  return {
    preface: prefaceBasis(report),
    overview: overviewParts(report).map(({ text: _text, ...part }) => part),
  };
}
