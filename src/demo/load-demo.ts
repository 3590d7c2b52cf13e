import type { WorkingCalendar } from "../domain/calendar/calendar.ts";
import { addDays, type CivilDate } from "../domain/civil-date.ts";
import { missingReplyFields, type ReplyField } from "../domain/outcomes.ts";
import { type Channel, DEFAULT_DELIVERY_BY_CHANNEL } from "../domain/vocabulary.ts";
import type { ReportService } from "../reports/report-service.ts";
import { type AccountService, makeAccountService } from "../services/account-service.ts";
import type { Actor } from "../services/actor.ts";
import type { AppealService } from "../services/appeal-service.ts";
import type { ApplicationService } from "../services/application-service.ts";
import type { ActionInput, ApplicationView } from "../services/application-types.ts";
import { DEMO_AGENCIES, DEMO_PASSWORD, demoUsers } from "./demo-agencies.ts";
import { type DemoActors, type DemoCase, demoCasesForYear, seededRandom } from "./generate-demo.ts";
import { loadDemoAppeals, loadDemoReports } from "./load-demo-reports.ts";

/** Cases per agency per year. */
const VOLUME: Record<string, number> = { lyx: 30, "lyx-zfb": 20, "lyx-zrzy": 25, myz: 18, jbz: 12 };

export interface DemoSummary {
  agencies: number;
  users: number;
  applications: number;
  appeals: number;
  closedReports: number;
}

/**
 * Loads the demo: a county tree, its users (password DEMO_PASSWORD) and the applications of
 * 2021 to today, each handled through the real service, so every figure comes from events.
 * Does nothing when the demo county already exists.
 */
export async function loadDemo(deps: {
  accounts: AccountService;
  applications: ApplicationService;
  calendar: WorkingCalendar;
  today: CivilDate;
  fromYear?: number;
  /** With these, the demo also has appeals (table 四) and its past annual reports, closed. */
  reports?: ReportService;
  appeals?: AppealService;
}): Promise<DemoSummary | undefined> {
  const { accounts, applications, calendar, today } = deps;
  if (await accounts.agencyByCode("lyx")) return undefined;
  for (const a of DEMO_AGENCIES) await accounts.createAgency(a);
  const users = demoUsers();
  const actors = new Map<string, Actor>();
  for (const u of users) {
    const created = await accounts.createUser({
      ...u,
      password: DEMO_PASSWORD,
      email: `${u.username}@demo.gov.cn`,
    });
    const actor = await accounts.toActor(created.id);
    if (actor) actors.set(u.username, actor);
  }
  const rand = seededRandom(20210101);
  let count = 0;
  const refusals: { id: string; agencyCode: string; dispositionOn: CivilDate }[] = [];
  for (let year = deps.fromYear ?? 2021; year <= Number(today.slice(0, 4)); year++) {
    for (const agency of DEMO_AGENCIES) {
      const as = (role: string) => actors.get(`${agency.code}-${role}`) as Actor;
      const team: DemoActors = { clerk: as("clerk"), handler: as("handler"), approver: as("approver") };
      const volume = VOLUME[agency.code] ?? 10;
      const cases = demoCasesForYear({ year, count: volume, today, calendar, rand });
      // the current workload: cases received in the last two months, many still being handled
      if (year === Number(today.slice(0, 4))) {
        const from = calendar.subtractWorkdays(today, 40);
        cases.push(...demoCasesForYear({ year, count: Math.ceil(volume / 2), today, calendar, rand, from }));
      }
      for (const c of cases.sort((a, b) => a.receivedOn.localeCompare(b.receivedOn))) {
        const done = await runCase(applications, calendar, today, agency.code, team, c);
        if (done.dispositionOn && /^(withheld|unavailable)\./.test(done.outcome ?? "")) {
          refusals.push({ id: done.id, agencyCode: agency.code, dispositionOn: done.dispositionOn });
        }
        count++;
      }
    }
  }
  const role = (r: string) =>
    new Map(DEMO_AGENCIES.map((a) => [a.code, actors.get(`${a.code}-${r}`) as Actor]));
  let appeals = 0;
  if (deps.appeals) {
    // about one refusal in three is challenged
    const challenged = refusals.filter((_, i) => i % 3 === 0);
    appeals = await loadDemoAppeals({
      appeals: deps.appeals,
      cases: challenged,
      handlers: role("handler"),
      today,
    });
  }
  let closedReports = 0;
  if (deps.reports) {
    closedReports = await loadDemoReports({
      reports: deps.reports,
      admins: role("admin"),
      currentYear: Number(today.slice(0, 4)),
    });
  }
  return { agencies: DEMO_AGENCIES.length, users: users.length, applications: count, appeals, closedReports };
}

async function runCase(
  applications: ApplicationService,
  calendar: WorkingCalendar,
  today: CivilDate,
  agencyCode: string,
  team: DemoActors,
  c: DemoCase,
): Promise<ApplicationView> {
  const app = await applications.register(team.clerk, {
    agencyCode,
    channel: c.channel,
    receivedOn: c.receivedOn,
    applicant: { type: c.applicantType, name: c.applicantName },
    description: c.description,
    handlerUsername: team.handler.username,
  });
  let on = c.receivedOn;
  let last = app;
  for (const step of c.steps) {
    on = calendar.addWorkdays(on, step.afterWorkdays);
    if (on > today) return last;
    const action = { ...step.action, on, ...asSent(step.action, c.channel, on, today) } as ActionInput;
    last = await applications.act(team[step.actor], app.id, action);
  }
  await applications.applyAutomaticEvents(app.id);
  if (last.state !== "decided") return last;
  const delivered = calendar.addWorkdays(on, 2);
  if (delivered > today) return last;
  last = await applications.act(team.clerk, app.id, {
    type: "deliver",
    on: delivered,
    method: "邮寄（EMS）",
  });
  const archived = calendar.addWorkdays(delivered, 10);
  if (archived <= today)
    last = await applications.act(team.handler, app.id, { type: "archive", on: archived });
  return last;
}

/**
 * What the demo's clerks record of a document they send (DOMAIN.md §5): a notice posted back to a
 * posted application is signed for three days later (unless that is still ahead: then it waits
 * for its receipt, as a real one would); a reply states what the law makes it state.
 */
function asSent(
  action: DemoCase["steps"][number]["action"],
  channel: Channel,
  on: CivilDate,
  today: CivilDate,
): Record<string, string> {
  if (action.type === "request_supplement" || action.type === "issue_fee_notice") {
    const signed = addDays(on, 3);
    return DEFAULT_DELIVERY_BY_CHANNEL[channel] === "post" && signed <= today
      ? { receivedByAddresseeOn: signed }
      : {};
  }
  if (action.type !== "decide") return {};
  const filled: Record<string, string> = {};
  for (const field of missingReplyFields(action.outcome, { ...action, withdrawn: false })) {
    filled[field] = DEMO_REPLY_TEXTS[field];
  }
  return filled;
}

const DEMO_REPLY_TEXTS: Record<ReplyField, string> = {
  reasons: "经审查，该信息属于《条例》规定不予公开的范围，具体理由已在承办意见中载明。",
  replyText: "该信息已在本机关门户网站“政府信息公开”专栏主动公开，可通过该专栏查阅。",
  holdingAgency: "县自然资源局（联系电话：0359-4000000）",
};

export { DEMO_PASSWORD, makeAccountService };
