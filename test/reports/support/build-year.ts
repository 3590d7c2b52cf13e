import { addDays } from "../../../src/domain/civil-date.ts";
import { DECIDABLE_OUTCOME_IDS, missingReplyFields, type OutcomeId } from "../../../src/domain/outcomes.ts";
import {
  APPLICANT_TYPES,
  type ApplicantType,
  CHANNELS,
  type Channel,
} from "../../../src/domain/vocabulary.ts";
import type { ActionInput, ApplicationView } from "../../../src/services/application-types.ts";
import { d, type ReportFixture, type UserKey } from "./report-fixture.ts";
import type { ReportApi } from "./report-http.ts";

type ActionWithoutDate = ActionInput extends infer A ? (A extends unknown ? Omit<A, "on"> : never) : never;
type Step = [UserKey, string, ActionWithoutDate];

export interface CaseSpec {
  label: string;
  agency?: "town" | "other";
  type: ApplicantType;
  channel: Channel;
  receivedOn: string;
  steps: Step[];
  /** Run the deadline worker's entry after the steps (closes expired windows). */
  automatic?: boolean;
}

/** A reply; where the law makes it state its reasons (art. 36(三), 37), it states them. */
const decide = (on: string, outcome: OutcomeId): Step => [
  "approver",
  on,
  {
    type: "decide",
    outcome,
    ...(missingReplyFields(outcome, {}).includes("reasons")
      ? { reasons: "依据《条例》相应条款作出答复。" }
      : {}),
  },
];

/** Every decidable outcome but 补正后仍不明确, one case each, received on Mondays from 10 Feb 2025. */
function outcomeCases(): CaseSpec[] {
  const outcomes = DECIDABLE_OUTCOME_IDS.filter((o) => o !== "unavailable.unclear_after_supplement");
  return outcomes.map((outcome, i) => {
    const receivedOn = addDays(d("2025-02-10"), 7 * i);
    return {
      label: `outcome ${outcome}`,
      type: APPLICANT_TYPES[i % APPLICANT_TYPES.length] as ApplicantType,
      channel: CHANNELS[i % CHANNELS.length] as Channel,
      receivedOn,
      steps: [decide(addDays(receivedOn, 7), outcome)],
    };
  });
}

/** The town's applications around 2025 (and one of the other township), every path of DOMAIN.md §3. */
export function yearSpecs(): CaseSpec[] {
  const supplement: ActionWithoutDate = { type: "request_supplement", items: ["请明确所需信息的名称或文号"] };
  const fee: ActionWithoutDate = { type: "issue_fee_notice", basis: "per_volume", amountYuan: 700 };
  return [
    ...outcomeCases(),
    {
      label: "unclear after supplement",
      type: "research_institution",
      channel: "online",
      receivedOn: "2025-04-07",
      steps: [
        ["handler", "2025-04-08", supplement],
        ["clerk", "2025-04-15", { type: "receive_supplement" }],
        decide("2025-04-22", "unavailable.unclear_after_supplement"),
      ],
    },
    {
      label: "withdrawn",
      type: "legal_service_org",
      channel: "post",
      receivedOn: "2025-06-03",
      steps: [["clerk", "2025-06-05", { type: "withdraw" }]],
    },
    {
      label: "supplement overdue",
      type: "other_org",
      channel: "fax",
      receivedOn: "2025-06-09",
      steps: [["handler", "2025-06-10", supplement]],
      automatic: true,
    },
    {
      label: "fee unpaid",
      type: "commercial_enterprise",
      channel: "ordinary_letter",
      receivedOn: "2025-07-01",
      // Posted (the channel's way back) and signed for the same day: the window counts from it.
      steps: [["handler", "2025-07-03", { ...fee, receivedByAddresseeOn: d("2025-07-03") }]],
      automatic: true,
    },
    {
      label: "fee paid",
      type: "natural_person",
      channel: "online",
      receivedOn: "2025-07-07",
      steps: [
        ["handler", "2025-07-08", fee],
        ["handler", "2025-07-15", { type: "receive_fee" }],
        decide("2025-07-18", "disclosed"),
      ],
    },
    {
      label: "on the spot",
      type: "natural_person",
      channel: "in_person",
      receivedOn: "2025-08-04",
      steps: [decide("2025-08-04", "disclosed")],
    },
    {
      label: "late reply",
      type: "natural_person",
      channel: "online",
      receivedOn: "2025-08-11",
      steps: [decide("2025-10-20", "disclosed")],
    },
    {
      label: "extended",
      type: "social_welfare_org",
      channel: "post",
      receivedOn: "2025-09-01",
      steps: [
        ["approver", "2025-09-22", { type: "extend", workdays: 20, reason: "涉及多个部门" }],
        decide("2025-10-27", "disclosed"),
      ],
    },
    {
      label: "consulted",
      type: "commercial_enterprise",
      channel: "online",
      receivedOn: "2025-09-02",
      steps: [
        ["handler", "2025-09-03", { type: "start_consultation", party: "third_party", name: "某建筑公司" }],
        ["handler", "2025-09-10", { type: "end_consultation", consultationId: "c1" }],
        decide("2025-09-12", "partially_disclosed"),
      ],
    },
    // received in 2024
    {
      label: "2024 → 2025 disclosed",
      type: "natural_person",
      channel: "online",
      receivedOn: "2024-12-16",
      steps: [decide("2025-01-06", "disclosed")],
    },
    {
      label: "2024 → 2025 secret",
      type: "commercial_enterprise",
      channel: "post",
      receivedOn: "2024-12-20",
      steps: [decide("2025-01-10", "withheld.state_secret")],
    },
    {
      label: "2024 → open",
      type: "research_institution",
      channel: "in_person",
      receivedOn: "2024-11-04",
      steps: [],
    },
    {
      label: "2024 → 2025 withdrawn",
      type: "legal_service_org",
      channel: "fax",
      receivedOn: "2024-12-23",
      steps: [["clerk", "2025-01-03", { type: "withdraw" }]],
    },
    {
      label: "2024 → 2024",
      type: "natural_person",
      channel: "online",
      receivedOn: "2024-10-08",
      steps: [decide("2024-10-15", "disclosed")],
    },
    // open on 31 December 2025
    {
      label: "2025 → 2026 decided",
      type: "social_welfare_org",
      channel: "online",
      receivedOn: "2025-12-15",
      steps: [decide("2026-01-05", "not_processed.duplicate")],
    },
    { label: "2025 → open", type: "other_org", channel: "post", receivedOn: "2025-12-22", steps: [] },
    {
      label: "2025 → 2026 supplement overdue",
      type: "natural_person",
      channel: "online",
      receivedOn: "2025-12-19",
      steps: [["handler", "2025-12-22", supplement]],
      automatic: true,
    },
    // received in 2026; and another township's case
    {
      label: "2026",
      type: "natural_person",
      channel: "online",
      receivedOn: "2026-01-12",
      steps: [decide("2026-01-20", "disclosed")],
    },
    {
      label: "other township",
      agency: "other",
      type: "natural_person",
      channel: "online",
      receivedOn: "2025-05-06",
      steps: [["otherapprover", "2025-05-09", { type: "decide", outcome: "disclosed" }]],
    },
  ];
}

/** Registers and handles each case through the application service; returns the final views by label. */
export async function buildYear(
  f: ReportFixture,
  specs: readonly CaseSpec[],
): Promise<Map<string, ApplicationView>> {
  const views = new Map<string, ApplicationView>();
  for (const spec of specs) {
    const agency = spec.agency ?? "town";
    const clerk = agency === "town" ? f.actors.clerk : f.actors.otherclerk;
    const app = await f.applications.register(clerk, {
      agencyCode: agency,
      channel: spec.channel,
      receivedOn: d(spec.receivedOn),
      applicant: { type: spec.type, name: `申请人${views.size + 1}` },
      description: `申请公开：${spec.label}`,
    });
    for (const [who, on, action] of spec.steps) {
      await f.applications.act(f.actors[who], app.id, { ...action, on: d(on) } as ActionInput);
    }
    if (spec.automatic) await f.applications.applyAutomaticEvents(app.id);
    views.set(spec.label, await f.applications.get(f.actors.supervisor, app.id));
  }
  return views;
}

/** The same, through the public HTTP API (the automatic closures through the worker's entry). */
export async function buildYearViaApi(
  f: ReportFixture,
  api: ReportApi,
  specs: readonly CaseSpec[],
): Promise<Map<string, ApplicationView>> {
  const views = new Map<string, ApplicationView>();
  for (const spec of specs) {
    const agency = spec.agency ?? "town";
    const app = await api.call<ApplicationView>(
      agency === "town" ? "clerk" : "otherclerk",
      "POST",
      "/api/v1/applications",
      {
        agencyCode: agency,
        channel: spec.channel,
        receivedOn: spec.receivedOn,
        applicant: { type: spec.type, name: `申请人${views.size + 1}` },
        description: `申请公开：${spec.label}`,
      },
    );
    for (const [who, on, action] of spec.steps) {
      await api.call(who, "POST", `/api/v1/applications/${app.id}/actions`, { ...action, on });
    }
    if (spec.automatic) await f.applications.applyAutomaticEvents(app.id);
    views.set(
      spec.label,
      await api.call<ApplicationView>("supervisor", "GET", `/api/v1/applications/${app.id}`),
    );
  }
  return views;
}
