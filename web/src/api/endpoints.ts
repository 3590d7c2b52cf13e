/**
 * Typed client functions, one per API call the UI makes. Report endpoints follow API.md's
 * “Annual report” section; the ones API.md does not name (texts, status overview) are marked.
 */
import { api, apiRequest } from "./client.ts";
import type { components, operations } from "./generated/openapi.ts";
import type {
  ActionAnswer,
  ActionInput,
  Agency,
  AnnualReport,
  AnnualReportView,
  Appeal,
  Application,
  ApplicationDetail,
  ApplicationsWireQuery,
  CalendarCorrection,
  CalendarYearView,
  LetterSummary,
  ListQuery,
  LoginReply,
  MeReply,
  Meta,
  RegisterInput,
  Role,
  User,
} from "./types.ts";

const V1 = "/api/v1";

export const login = (username: string, password: string) =>
  apiRequest<LoginReply>("POST", `${V1}/auth/login`, {
    body: { username, password, session: true },
    quiet401: true,
  });
export const logout = () => api.post<void>(`${V1}/auth/logout`);
export const fetchMe = () => apiRequest<MeReply>("GET", `${V1}/auth/me`, { quiet401: true });
export const fetchMeta = () => api.get<Meta>(`${V1}/meta`);

/** The typed filter form as the wire query: numbers and booleans as the strings the server parses. */
export function wireQueryOf(query: ListQuery): ApplicationsWireQuery {
  const { page, pageSize, mine, assigned, ...rest } = query;
  const flag = (b: boolean) => (b ? "true" : "false");
  return {
    ...rest,
    ...(page !== undefined ? { page: String(page) } : {}),
    ...(pageSize !== undefined ? { pageSize: String(pageSize) } : {}),
    ...(mine !== undefined ? { mine: flag(mine) } : {}),
    ...(assigned !== undefined ? { assigned: flag(assigned) } : {}),
  };
}

export const listApplications = (query: ListQuery, signal?: AbortSignal) =>
  api.get<components["schemas"]["ApplicationPage"]>(`${V1}/applications`, wireQueryOf(query), signal);
export const getApplication = (id: string) =>
  api.get<ApplicationDetail>(`${V1}/applications/${encodeURIComponent(id)}`);
export const registerApplication = (input: RegisterInput) =>
  api.post<Application>(`${V1}/applications`, input);
/**
 * An action, answered slim (`Prefer: return=minimal`): the new version, state, events and allowed
 * actions; the page reads the whole case again with getApplication.
 */
export const actOn = (id: string, input: ActionInput) =>
  apiRequest<ActionAnswer>("POST", `${V1}/applications/${encodeURIComponent(id)}/actions`, {
    body: input,
    headers: { Prefer: "return=minimal" },
  });
/**
 * The DOCX of an issued letter (`GET /applications/:id/letters/:kind.docx`); with `draft` the
 * unnumbered preview of one not issued yet (nothing is saved).
 */
export const letterUrl = (id: string, kind: string, consultationId?: string, draft = false) => {
  const query = new URLSearchParams();
  if (consultationId) query.set("consultationId", consultationId);
  if (draft) query.set("draft", "true");
  const qs = query.toString();
  return `${V1}/applications/${encodeURIComponent(id)}/letters/${kind}.docx${qs ? `?${qs}` : ""}`;
};
/** Issues a letter: numbers it once and freezes the DOCX (201; 200 when already issued). */
export const issueLetter = (id: string, kind: string, consultationId?: string) =>
  api.post<LetterSummary>(
    `${V1}/applications/${encodeURIComponent(id)}/letters/${kind}`,
    consultationId ? { consultationId } : {},
  );
/**
 * A letter's words as the server composes them for its DOCX (`GET …/letters/:kind/model`): the
 * web view prints exactly these; `serialNo` is the 文号 once issued, the 草稿 mark before.
 */
export type LetterModel = components["schemas"]["LetterView"];
export const fetchLetterModel = (id: string, kind: string) =>
  api.get<LetterModel>(`${V1}/applications/${encodeURIComponent(id)}/letters/${kind}/model`);
/** The letters the case has, with their serial numbers once issued. */
export const listLetters = (id: string) =>
  api.get<components["schemas"]["LetterList"]>(`${V1}/applications/${encodeURIComponent(id)}/letters`);
/** The 送达回证 of an outgoing document (its letter must have been generated first, else 409). */
export const deliveryReceiptUrl = (id: string, document: string, consultationId?: string) =>
  `${V1}/applications/${encodeURIComponent(id)}/letters/${document}/delivery-receipt.docx${
    consultationId ? `?consultationId=${encodeURIComponent(consultationId)}` : ""
  }`;

export const listAppeals = (id: string) =>
  api.get<components["schemas"]["AppealList"]>(`${V1}/applications/${encodeURIComponent(id)}/appeals`);
export const fileAppeal = (id: string, body: { kind: string; filedOn: string }) =>
  api.post<Appeal>(`${V1}/applications/${encodeURIComponent(id)}/appeals`, body);
export const recordAppealResult = (
  appealId: string,
  body: {
    result: string;
    on: string;
    reReplyRequired?: boolean;
    reReplyDueOn?: string;
    decisionReceivedOn?: string;
  },
) => api.post<Appeal>(`${V1}/appeals/${encodeURIComponent(appealId)}/result`, body);

export const listAgencies = () => api.get<components["schemas"]["AgencyList"]>(`${V1}/agencies`);
export const createAgency = (body: { code: string; name: string; kind: string; parentCode?: string }) =>
  api.post<Agency>(`${V1}/agencies`, body);
export const listUsers = (agency?: string) =>
  api.get<components["schemas"]["UserList"]>(`${V1}/users`, { agency });
export const createUser = (body: {
  username: string;
  password: string;
  displayName: string;
  email?: string;
  agencyCode: string;
  roles: Role[];
}) => api.post<User>(`${V1}/users`, body);

export const getCalendarYear = (year: number) => api.get<CalendarYearView>(`${V1}/calendar/${year}`);
export const putCalendarYear = (
  year: number,
  body: { source: string; provisional: boolean; holidays: string[]; workdays: string[] },
) => api.put<CalendarCorrection>(`${V1}/calendar/${year}`, body);

const reportBase = (agency: string, year: number) =>
  `${V1}/agencies/${encodeURIComponent(agency)}/reports/${year}`;
export const getReport = (agency: string, year: number, subtree: boolean) =>
  api.get<AnnualReportView>(reportBase(agency, year), subtree ? { include: "subtree" } : undefined);
/** PUT …/proactive: table 二 stored, and the amendment when the year was closed. */
export type ProactiveSaved = components["schemas"]["ProactiveSaved"];
export const putProactive = (agency: string, year: number, table2: AnnualReport["table2"]) =>
  api.put<ProactiveSaved>(`${reportBase(agency, year)}/proactive`, table2);
type ReportTextsBody =
  operations["putApiV1AgenciesCodeReportsYearTexts"]["requestBody"]["content"]["application/json"];
/** PUT …/texts: every text as stored, and the amendment when the year was closed. */
export type TextsSaved = components["schemas"]["TextsSaved"];
/** Not in API.md: the texts (preface, 一's opening and parts, 五, 六); see the report types. */
export const putReportTexts = (agency: string, year: number, texts: ReportTextsBody) =>
  api.put<TextsSaved>(`${reportBase(agency, year)}/texts`, texts);
/** `acknowledgeWarnings` (not in API.md): close although warnings fail, after showing them. */
export const closeReport = (agency: string, year: number, acknowledgeWarnings: boolean) =>
  api.post<AnnualReport>(
    `${reportBase(agency, year)}/close`,
    acknowledgeWarnings ? { acknowledgeWarnings: true } : undefined,
  );
export const reportCell = (agency: string, year: number, row: string, column: string, subtree: boolean) =>
  api.get<components["schemas"]["CellApplications"]>(
    `${reportBase(agency, year)}/cells/${encodeURIComponent(row)}/${encodeURIComponent(column)}`,
    subtree ? { include: "subtree" } : undefined,
  );
/** A closed version of a year (GET …/versions): its 定稿日期, the amendment's reason and changes. */
export type ReportVersionSummary = components["schemas"]["ReportVersionSummary"];
export const reportVersions = (agency: string, year: number) =>
  api.get<components["schemas"]["ReportVersionList"]>(`${reportBase(agency, year)}/versions`);
/** Amends a closed year (a new version when something changed since the latest one). */
export const amendReport = (agency: string, year: number, reason: string) =>
  api.post<components["schemas"]["AmendResult"]>(`${reportBase(agency, year)}/amend`, { reason });
export const reportVersionFileUrl = (agency: string, year: number, version: number, ext: "docx" | "xlsx") =>
  `${reportBase(agency, year)}/versions/${version}.${ext}`;
/** Not in API.md: the supervisor's overview, the subtree's report and each agency's status. */
export const reportOverview = (agency: string, year: number) =>
  api.get<components["schemas"]["ReportOverview"]>(`${reportBase(agency, year)}/overview`);
export const reportFileUrl = (
  agency: string,
  year: number,
  ext: "docx" | "xlsx" | "html",
  subtree: boolean,
) =>
  `${V1}/agencies/${encodeURIComponent(agency)}/reports/${year}.${ext}${subtree ? "?include=subtree" : ""}`;

/** Additive: the settings in force (GET /api/v1/settings). */
export type SettingsView = components["schemas"]["SettingsView"];
export const fetchSettings = () => api.get<SettingsView>(`${V1}/settings`);
/** An agency's letter settings: short name, review body (set / from the tree / in force), payment method. */
export type LetterSettings = components["schemas"]["LetterSettings"];
export const fetchLetterSettings = (agency: string) =>
  api.get<LetterSettings>(`${V1}/agencies/${encodeURIComponent(agency)}/letter-settings`);
/** null (or "") clears a setting; an absent field keeps it. */
export const putLetterSettings = (
  agency: string,
  body: { shortName?: string | null; reviewBody?: string | null; feePaymentMethod?: string | null },
) => api.put<LetterSettings>(`${V1}/agencies/${encodeURIComponent(agency)}/letter-settings`, body);
