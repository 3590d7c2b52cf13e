/** The write endpoints of the API as the fuzz test sees them: each field's kind and limits. */
import fc from "fast-check";
import { ACTION_TYPES, type ActionType } from "../../../src/domain/application-events.ts";
import { DECIDABLE_OUTCOME_IDS } from "../../../src/domain/outcomes.ts";
import { ROLES } from "../../../src/domain/roles.ts";
import {
  AGENCY_KINDS,
  APPEAL_KINDS,
  APPEAL_RESULTS,
  APPLICANT_TYPES,
  CHANNELS,
  CONSULTATION_PARTIES,
  FEE_BASES,
} from "../../../src/domain/vocabulary.ts";
import { actionBody, registerBody } from "./fixtures.ts";
import { type Field, malformedBody, type WireBody } from "./fuzz-bodies.ts";
import type { UserKey } from "./test-app.ts";

const text = (key: string, max: number, required = true): Field => ({ key, kind: "text", max, required });
const date = (key: string, past: boolean, required = true): Field => ({ key, kind: "date", past, required });
const oneOf = (key: string, values: readonly string[], required = true): Field => ({
  key,
  kind: "enum",
  values,
  required,
});
const int = (key: string, min: number, max: number, required = false): Field => ({
  key,
  kind: "int",
  min,
  max,
  required,
});

const ACTION_EXTRA: Partial<Record<ActionType, Field[]>> = {
  request_supplement: [
    { key: "items", kind: "list", of: "text", required: true },
    int("windowWorkdays", 1, 60),
  ],
  start_consultation: [oneOf("party", CONSULTATION_PARTIES), text("name", 100), int("windowWorkdays", 1, 60)],
  end_consultation: [text("consultationId", 40)],
  extend: [int("workdays", 1, 20, true), text("reason", 1000)],
  issue_fee_notice: [
    oneOf("basis", FEE_BASES),
    { key: "amountYuan", kind: "money", required: true },
    date("receivedByApplicantOn", true, false),
  ],
  set_custom_deadline: [date("dueOn", false), text("reason", 1000)],
  decide: [oneOf("outcome", DECIDABLE_OUTCOME_IDS), text("replyText", 20000, false)],
  deliver: [text("method", 100)],
};

function actionFields(type: ActionType): Field[] {
  const extra = ACTION_EXTRA[type] ?? [];
  const base = [
    oneOf("type", ACTION_TYPES),
    date("on", true),
    int("expectedVersion", 0, Number.MAX_SAFE_INTEGER),
    text("reason", 1000, false),
    text("amendmentReason", 1000, false),
  ];
  return [...base.filter((f) => !extra.some((e) => e.key === f.key)), ...extra];
}

const LOGIN: Field[] = [
  text("username", 100),
  { key: "password", kind: "text", max: 1000, required: true, untrimmed: true },
  { key: "session", kind: "bool" },
];

const AGENCY: Field[] = [
  text("code", 40),
  text("name", 100),
  oneOf("kind", AGENCY_KINDS),
  text("parentCode", 40, false),
];

const USER: Field[] = [
  { key: "username", kind: "text", max: 64, min: 2, required: true },
  { key: "password", kind: "text", max: 200, min: 8, required: true },
  text("displayName", 100),
  text("email", 200, false),
  text("agencyCode", 40),
  { key: "roles", kind: "list", of: "enum", values: ROLES, required: true },
];

const REGISTER: Field[] = [
  text("agencyCode", 40),
  oneOf("channel", CHANNELS),
  date("receivedOn", true),
  {
    key: "applicant",
    kind: "object",
    required: true,
    fields: [
      oneOf("type", APPLICANT_TYPES),
      text("name", 100),
      text("idNumber", 50, false),
      text("phone", 50, false),
      text("email", 200, false),
      text("address", 200, false),
    ],
  },
  text("description", 5000),
  text("deliveryForm", 100, false),
  text("handlerUsername", 64, false),
  text("amendmentReason", 1000, false),
];

const CALENDAR: Field[] = [
  int("year", 1990, 2199),
  { key: "provisional", kind: "bool" },
  text("source", 500),
  { key: "holidays", kind: "list", of: "date", required: true },
  { key: "workdays", kind: "list", of: "date", required: true },
];

export interface FuzzEndpoint {
  name: string;
  method: "POST" | "PUT";
  path: string;
  as: UserKey | null;
  body: fc.Arbitrary<WireBody>;
  runs: number;
}

/** Every write endpoint with its share of the runs (2,000 in all). */
export function fuzzEndpoints(ids: {
  applicationId: string;
  appealId: string;
  calendarYear: Record<string, unknown>;
}): FuzzEndpoint[] {
  const actionBodies = fc
    .constantFrom(...ACTION_TYPES)
    .chain((type) => malformedBody(() => actionBody(type), actionFields(type)));
  const app = `/api/v1/applications/${ids.applicationId}`;
  return [
    {
      name: "login",
      method: "POST",
      path: "/api/v1/auth/login",
      as: null,
      runs: 200,
      body: malformedBody(() => ({ username: "clerk", password: "not-the-password" }), LOGIN),
    },
    {
      name: "agencies",
      method: "POST",
      path: "/api/v1/agencies",
      as: "admin",
      runs: 200,
      body: malformedBody(
        () => ({ code: "fuzz", name: "模糊测试局", kind: "department", parentCode: "county" }),
        AGENCY,
      ),
    },
    {
      name: "users",
      method: "POST",
      path: "/api/v1/users",
      as: "admin",
      runs: 200,
      body: malformedBody(
        () => ({
          username: "fuzz",
          password: "a-long-password",
          displayName: "模糊",
          agencyCode: "town",
          roles: ["handler"],
        }),
        USER,
      ),
    },
    {
      name: "register",
      method: "POST",
      path: "/api/v1/applications",
      as: "clerk",
      runs: 250,
      body: malformedBody(() => registerBody(), REGISTER),
    },
    { name: "actions", method: "POST", path: `${app}/actions`, as: "handler", runs: 550, body: actionBodies },
    {
      name: "appeals",
      method: "POST",
      path: `${app}/appeals`,
      as: "handler",
      runs: 200,
      body: malformedBody(
        () => ({ kind: "litigation_direct", filedOn: "2026-03-10" }),
        [oneOf("kind", APPEAL_KINDS), date("filedOn", true)],
      ),
    },
    {
      name: "appeal result",
      method: "POST",
      path: `/api/v1/appeals/${ids.appealId}/result`,
      as: "handler",
      runs: 200,
      body: malformedBody(
        () => ({ result: "upheld", on: "2026-03-15" }),
        [oneOf("result", APPEAL_RESULTS), date("on", true)],
      ),
    },
    {
      name: "calendar",
      method: "PUT",
      path: "/api/v1/calendar/2026",
      as: "admin",
      runs: 200,
      body: malformedBody(() => structuredClone(ids.calendarYear), CALENDAR),
    },
  ];
}
