import type { ReportTexts } from "../../../src/reports/report-types.ts";

/** Every text of a government's (or township's) report filled in, with no count written by hand. */
export const COMPLETE_TEXTS: ReportTexts = {
  preface: "本报告电子版可在县人民政府网站政府信息公开专栏下载。如有疑问，请与党政办公室联系。",
  overview: "本镇认真贯彻落实《条例》，坚持以公开为常态、不公开为例外。",
  proactive: "通过县政府门户网站和政务公开栏发布政策文件、财政预决算信息。",
  requests: "严格执行登记、审核、答复、送达各环节要求。",
  management: "落实公开前保密审查，动态更新政府信息公开指南。",
  platforms: "加强政府网站信息公开专栏管理，优化栏目设置。",
  oversight: "明确分管领导和工作人员职责，组织业务培训。",
  assessment: "将政府信息公开工作纳入年度目标责任考核；本年度未发生需要追究责任的情形。",
  problems: "公开的及时性有待提高。",
  other: "无。",
};
