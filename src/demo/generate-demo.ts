import type { WorkingCalendar } from "../domain/calendar/calendar.ts";
import { addDays, type CivilDate, fromDayNumber, toDayNumber } from "../domain/civil-date.ts";
import { DECIDABLE_OUTCOME_IDS, type OutcomeId } from "../domain/outcomes.ts";
import { APPLICANT_TYPES, type ApplicantType, CHANNELS, type Channel } from "../domain/vocabulary.ts";
import type { Actor } from "../services/actor.ts";
import type { ActionInput } from "../services/application-types.ts";

/** A small seeded PRNG (mulberry32), so the demo is the same every time. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type ActionWithoutDate = ActionInput extends infer A ? (A extends unknown ? Omit<A, "on"> : never) : never;
type Step = { actor: "clerk" | "handler" | "approver"; afterWorkdays: number; action: ActionWithoutDate };

export interface DemoCase {
  receivedOn: CivilDate;
  channel: Channel;
  applicantType: ApplicantType;
  applicantName: string;
  description: string;
  steps: Step[];
}

const TOPICS = [
  "本镇2020年度财政预决算及“三公”经费使用情况",
  "某村集体土地征收补偿安置方案及批复文件",
  "辖区内道路硬化工程招标文件及中标结果",
  "农村危房改造补助对象名单及资金发放情况",
  "本机关作出的某行政处罚决定书",
  "城镇老旧小区改造项目的立项及规划文件",
  "2021年度涉农补贴资金发放明细",
  "某企业环境影响评价审批文件",
  "低保对象认定标准及本村低保名单",
  "宅基地审批程序及某户宅基地审批材料",
  "集中供暖价格调整的听证材料",
  "拆迁安置房分配方案",
];
const NAMES = ["张伟", "王芳", "李娜", "刘强", "陈静", "杨洋", "赵磊", "黄敏", "周杰", "吴霞"];
const ORG_NAMES: Record<ApplicantType, string[]> = {
  natural_person: NAMES,
  commercial_enterprise: ["临猗县某农业科技有限公司", "运城市某建筑工程有限公司"],
  research_institution: ["某大学公共管理学院", "某省社会科学院"],
  social_welfare_org: ["某环保公益协会"],
  legal_service_org: ["山西某律师事务所"],
  other_org: ["某村村民委员会"],
};

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

function weightedApplicant(rand: () => number): ApplicantType {
  const r = rand();
  if (r < 0.78) return "natural_person";
  if (r < 0.88) return "commercial_enterprise";
  if (r < 0.91) return "research_institution";
  if (r < 0.93) return "social_welfare_org";
  if (r < 0.97) return "legal_service_org";
  return pick(rand, APPLICANT_TYPES);
}

const decide = (outcome: OutcomeId, afterWorkdays: number): Step => ({
  actor: "approver",
  afterWorkdays,
  action: { type: "decide", outcome },
});

/** The handling of one case: a realistic mix of every path and every outcome. */
function scenario(rand: () => number): Step[] {
  const r = rand();
  const wd = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
  if (r < 0.4) return [decide(rand() < 0.75 ? "disclosed" : "partially_disclosed", wd(3, 18))];
  if (r < 0.55)
    return [
      decide(
        pick(
          rand,
          DECIDABLE_OUTCOME_IDS.filter((o) => o !== "unavailable.unclear_after_supplement"),
        ),
        wd(3, 19),
      ),
    ];
  if (r < 0.63) {
    const last: OutcomeId = rand() < 0.3 ? "unavailable.unclear_after_supplement" : "disclosed";
    return [
      {
        actor: "handler",
        afterWorkdays: wd(1, 6),
        action: {
          type: "request_supplement",
          items: ["请明确所需政府信息的名称、文号或者便于查询的其他特征性描述"],
        },
      },
      { actor: "clerk", afterWorkdays: wd(2, 12), action: { type: "receive_supplement" } },
      decide(last, wd(3, 15)),
    ];
  }
  if (r < 0.67) {
    return [
      {
        actor: "handler",
        afterWorkdays: wd(1, 6),
        action: { type: "request_supplement", items: ["请补充申请人身份证明"] },
      },
    ];
  }
  if (r < 0.75) {
    return [
      {
        actor: "handler",
        afterWorkdays: wd(2, 6),
        action: {
          type: "start_consultation",
          party: "third_party",
          name: pick(rand, ORG_NAMES.commercial_enterprise),
        },
      },
      {
        actor: "handler",
        afterWorkdays: wd(3, 12),
        action: { type: "end_consultation", consultationId: "c1" },
      },
      decide(rand() < 0.5 ? "partially_disclosed" : "withheld.third_party_rights", wd(2, 8)),
    ];
  }
  if (r < 0.81) {
    return [
      {
        actor: "approver",
        afterWorkdays: wd(12, 18),
        action: { type: "extend", workdays: 20, reason: "申请公开的信息涉及多个部门，需要协调" },
      },
      decide("disclosed", wd(5, 15)),
    ];
  }
  if (r < 0.86) {
    return [
      {
        actor: "handler",
        afterWorkdays: wd(3, 8),
        action: { type: "issue_fee_notice", basis: "per_volume", amountYuan: 700 },
      },
      ...(rand() < 0.7
        ? [
            { actor: "handler", afterWorkdays: wd(2, 10), action: { type: "receive_fee" } } satisfies Step,
            decide("disclosed", wd(2, 6)),
          ]
        : []),
    ];
  }
  if (r < 0.9) return [{ actor: "clerk", afterWorkdays: wd(1, 10), action: { type: "withdraw" } }];
  if (r < 0.93) return [decide("disclosed", 0)];
  return [];
}

/** The cases an agency received in a year, up to `today`. */
export function demoCasesForYear(args: {
  year: number;
  count: number;
  today: CivilDate;
  calendar: WorkingCalendar;
  rand: () => number;
  /** Received on or after this day (the current year's recent workload). */
  from?: CivilDate;
}): DemoCase[] {
  const { year, today, calendar, rand } = args;
  const first = toDayNumber(args.from ?? (`${year}-01-01` as CivilDate));
  const last = Math.min(toDayNumber(`${year}-12-31` as CivilDate), toDayNumber(today));
  const cases: DemoCase[] = [];
  for (let i = 0; i < args.count && last >= first; i++) {
    let receivedOn = fromDayNumber(first + Math.floor(rand() * (last - first + 1)));
    while (!calendar.isWorkday(receivedOn) && receivedOn > `${year}-01-01`)
      receivedOn = addDays(receivedOn, -1);
    const applicantType = weightedApplicant(rand);
    let steps = scenario(rand);
    // only recent cases are still untouched; one in ten of the current workload is left overdue
    const age = toDayNumber(today) - toDayNumber(receivedOn);
    if (steps.length === 0 && age > 20 && !(args.from && age > 30 && rand() < 0.5))
      steps = [decide("disclosed", 10)];
    cases.push({
      receivedOn,
      channel: pick(rand, CHANNELS),
      applicantType,
      applicantName: pick(rand, ORG_NAMES[applicantType]),
      description: `申请公开：${pick(rand, TOPICS)}`,
      steps,
    });
  }
  return cases.sort((a, b) => a.receivedOn.localeCompare(b.receivedOn));
}

export type DemoActors = Record<"clerk" | "handler" | "approver", Actor>;
