import type { AgencyKind } from "../db/schema.ts";
import { addDays, type CivilDate } from "../domain/civil-date.ts";
import { publicationDueOn } from "../reports/publication-due.ts";
import type { ReportService } from "../reports/report-service.ts";
import type { Actor } from "../services/actor.ts";
import type { AppealService } from "../services/appeal-service.ts";
import { DEMO_AGENCIES } from "./demo-agencies.ts";
import { seededRandom } from "./generate-demo.ts";

/** The admin's words for each part of the report; the figures are the system's (no counts here). */
const TEXTS = (name: string, year: number, kind: AgencyKind) => ({
  preface: `本报告电子版可在临猗县人民政府网站政府信息公开专栏下载。如对本报告有任何疑问，请与${name}办公室联系。`,
  overview: `${year}年，${name}全面贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，健全依申请公开登记、审核、答复、归档制度，按时办理政府信息公开申请。`,
  proactive:
    "围绕中心工作和群众关切，通过县政府门户网站、政务公开栏及时发布政策文件、财政预决算、重大建设项目等信息，做好政策解读。",
  requests: "规范依申请公开办理流程，严格执行登记、审核、答复、送达各环节要求，在法定期限内答复申请人。",
  management:
    "落实公开前保密审查和公开属性源头认定，对行政规范性文件进行清理并及时公布结果，动态更新政府信息公开指南和目录。",
  platforms: "加强政府网站信息公开专栏管理，优化栏目设置，确保信息发布及时、准确、规范。",
  oversight: "明确分管领导和工作人员职责，组织业务培训，主动接受社会公众和上级主管部门的监督。",
  ...(kind === "department"
    ? {}
    : {
        assessment:
          "将政府信息公开工作纳入年度目标责任考核；通过政务公开意见箱、政府网站收集社会评议意见并逐项整改；本年度未发生需要追究责任的情形。",
      }),
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
      // (八) holds every administrative fee of the agency, the 信息处理费 of 六 among them (W3).
      const fees = (await deps.reports.getReport(admin, agency.code, year)).facts.fees.amountYuan;
      await deps.reports.putProactive(admin, agency.code, year, {
        regulations: { issued: 0, repealed: 0, in_force: regulations },
        normative_documents: { issued: issuedN, repealed: repealedN, in_force: normative },
        administrative_licensing: { decisions: n(300) },
        administrative_punishment: { decisions: n(40) },
        administrative_enforcement: { decisions: n(5) },
        administrative_fees: {
          amount_wan_yuan: (Math.round(rand() * 5000) * 100 + Math.ceil(fees)) / 10_000,
        },
      });
      regulations += 0;
      await deps.reports.putTexts(admin, agency.code, year, TEXTS(agency.name, year, agency.kind));
      const isLate = agency.code === "jbz" && year === deps.currentYear - 1;
      if (!isLate) {
        // 定稿 on time: about two weeks before art. 49's publication date (the service keeps it
        // no later than now), so the demo's past reports show a 定稿日期 and no 逾期.
        const closedOn = addDays(publicationDueOn(agency.kind, year), -14);
        await deps.reports.closeYear(admin, agency.code, year, {
          closedAt: new Date(`${closedOn}T10:00:00+08:00`),
        });
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
