import { addDays, type CivilDate } from "../domain/civil-date.ts";
import type { ReportService } from "../reports/report-service.ts";
import type { Actor } from "../services/actor.ts";
import type { AppealService } from "../services/appeal-service.ts";
import { DEMO_AGENCIES } from "./demo-agencies.ts";
import { seededRandom } from "./generate-demo.ts";

const TEXTS = (name: string, year: number) => ({
  preface: `本年报根据《中华人民共和国政府信息公开条例》有关规定，由${name}综合本年度政府信息公开工作情况编制而成。数据统计期限自${year}年1月1日起至${year}年12月31日止。本年报电子版可在临猗县人民政府网站政府信息公开专栏下载。如对本年报有任何疑问，请与${name}办公室联系。`,
  overview: `${year}年，${name}全面贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，健全依申请公开登记、审核、答复、归档制度，按时办理政府信息公开申请。`,
  problems:
    "一是信息公开的及时性有待提高；二是工作人员业务能力有待加强。下一步将加强业务培训，规范依申请公开办理流程。",
  other: "无其他需要报告的事项。",
});

/**
 * The demo's annual reports: table 二 figures and texts for every past year, closed where the
 * statutory date has passed, except the last year of 角杯镇 (shows a late report to the county).
 */
export async function loadDemoReports(deps: {
  reports: ReportService;
  admins: Map<string, Actor>;
  currentYear: number;
}): Promise<number> {
  const rand = seededRandom(2021);
  const n = (max: number) => Math.floor(rand() * max);
  let closed = 0;
  for (const agency of DEMO_AGENCIES) {
    const admin = deps.admins.get(agency.code);
    if (!admin) continue;
    let regulations = 0;
    let normative = 10 + n(20);
    for (let year = 2021; year < deps.currentYear; year++) {
      const issuedN = n(6);
      const repealedN = Math.min(n(3), normative);
      normative += issuedN - repealedN;
      await deps.reports.putProactive(admin, agency.code, year, {
        regulations: { issued: 0, repealed: 0, in_force: regulations },
        normative_documents: { issued: issuedN, repealed: repealedN, in_force: normative },
        administrative_licensing: { decisions: n(300) },
        administrative_punishment: { decisions: n(40) },
        administrative_enforcement: { decisions: n(5) },
        administrative_fees: { amount_wan_yuan: Math.round(rand() * 5000) / 100 },
      });
      regulations += 0;
      await deps.reports.putTexts(admin, agency.code, year, TEXTS(agency.name, year));
      const isLate = agency.code === "jbz" && year === deps.currentYear - 1;
      if (!isLate) {
        await deps.reports.closeYear(admin, agency.code, year);
        closed++;
      }
    }
  }
  return closed;
}

/** A few reviews and lawsuits over decided cases, for table 四. */
export async function loadDemoAppeals(deps: {
  appeals: AppealService;
  cases: { id: string; agencyCode: string; dispositionOn: CivilDate }[];
  handlers: Map<string, Actor>;
  today: CivilDate;
}): Promise<number> {
  let count = 0;
  const kinds = ["administrative_review", "litigation_direct", "litigation_after_review"] as const;
  const results = ["upheld", "corrected", "other", null] as const;
  for (const [i, c] of deps.cases.entries()) {
    const actor = deps.handlers.get(c.agencyCode);
    if (!actor) continue;
    const filedOn = addDays(c.dispositionOn, 20);
    if (filedOn > deps.today) continue;
    const appeal = await deps.appeals.file(actor, c.id, {
      kind: kinds[i % kinds.length] ?? "administrative_review",
      filedOn,
    });
    const result = results[i % results.length];
    const on = addDays(filedOn, 60);
    if (result && on <= deps.today) await deps.appeals.recordResult(actor, appeal.id, { result, on });
    count++;
  }
  return count;
}
