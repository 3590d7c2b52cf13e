import { describe, expect, it } from "vitest";
import type { StateValue } from "xstate";
import type { ActionType, ApplicationEvent } from "../src/domain/application-events.ts";
import type { OutcomeId } from "../src/domain/outcomes.ts";
import { allowedActions } from "./allowed-actions.ts";
import { type ApplicationFlags, toApiState, toFlags } from "./api-state.ts";
import { applyEvent, IllegalTransitionError } from "./apply-event.ts";
import { restoreSnapshot, toStoredSnapshot } from "./restore-snapshot.ts";
import { accepts, d, ev, inProgress, machine, RECEIVED_ON, refusal, run, start } from "./test-fixtures.ts";

const NO_FLAGS: ApplicationFlags = { consulting: false, extended: false, awaitingFee: false };

describe("transitions: (state, event) → next state, outcome, flags", () => {
  const consulting2 = [ev.startConsultation("2026-03-03", "c1"), ev.startConsultation("2026-03-04", "c2")];
  const afterSupplementWithHistory = [
    ev.extend("2026-03-03"),
    ev.notifyFee("2026-03-03"),
    ev.payFee("2026-03-04"),
    ev.requestSupplement("2026-03-05"),
  ];
  const rows: {
    name: string;
    given: ApplicationEvent[];
    event: ApplicationEvent;
    value: StateValue;
    outcome?: OutcomeId;
    flags?: Partial<ApplicationFlags>;
  }[] = [
    {
      name: "registered + supplement notice",
      given: [],
      event: ev.requestSupplement("2026-03-05"),
      value: "awaitingSupplement",
    },
    {
      name: "registered + consultation",
      given: [],
      event: ev.startConsultation("2026-03-03"),
      value: inProgress("consulting"),
      flags: { consulting: true },
    },
    {
      name: "registered + extension",
      given: [],
      event: ev.extend("2026-03-03"),
      value: inProgress("idle", "extended"),
      flags: { extended: true },
    },
    {
      name: "registered + fee notice",
      given: [],
      event: ev.notifyFee("2026-03-03"),
      value: inProgress("idle", "notExtended", "awaitingFee"),
      flags: { awaitingFee: true },
    },
    {
      name: "registered + art. 35 date",
      given: [],
      event: ev.customizeDeadline("2026-03-03", "2026-04-30"),
      value: inProgress(),
    },
    {
      name: "registered + on-the-spot reply (art. 33)",
      given: [],
      event: ev.decide("2026-03-02"),
      value: "decided",
      outcome: "disclosed",
    },
    {
      name: "registered + withdrawal",
      given: [],
      event: ev.withdraw("2026-03-04"),
      value: "closed",
      outcome: "other.other",
    },
    {
      name: "awaitingSupplement + supplement received",
      given: [ev.requestSupplement("2026-03-05")],
      event: ev.receiveSupplement("2026-03-10"),
      value: inProgress(),
    },
    {
      name: "awaitingSupplement + window expired (last day 03-26)",
      given: [ev.requestSupplement("2026-03-05")],
      event: ev.supplementExpired("2026-03-27"),
      value: "closed",
      outcome: "other.supplement_overdue",
    },
    {
      name: "awaitingSupplement + withdrawal",
      given: [ev.requestSupplement("2026-03-05")],
      event: ev.withdraw("2026-03-10"),
      value: "closed",
      outcome: "other.other",
    },
    {
      name: "supplement received: the regions resume from the facts",
      given: afterSupplementWithHistory,
      event: ev.receiveSupplement("2026-03-10"),
      value: inProgress("idle", "extended", "feePaid"),
      flags: { extended: true },
    },
    {
      name: "one of two consultations answered",
      given: consulting2,
      event: ev.answerConsultation("2026-03-05", "c1"),
      value: inProgress("consulting"),
      flags: { consulting: true },
    },
    {
      name: "the last open consultation answered",
      given: [...consulting2, ev.answerConsultation("2026-03-05", "c1")],
      event: ev.answerConsultation("2026-03-06", "c2"),
      value: inProgress(),
    },
    {
      name: "consultation window ended (last day 03-24)",
      given: [ev.startConsultation("2026-03-03")],
      event: ev.consultationExpired("2026-03-25"),
      value: inProgress(),
    },
    {
      name: "fee paid",
      given: [ev.notifyFee("2026-03-03")],
      event: ev.payFee("2026-03-06"),
      value: inProgress("idle", "notExtended", "feePaid"),
    },
    {
      name: "fee unpaid (last day 03-31)",
      given: [ev.notifyFee("2026-03-03")],
      event: ev.feeExpired("2026-04-01"),
      value: "closed",
      outcome: "other.fee_unpaid",
    },
    {
      name: "fee unpaid, counted from receipt of the notice (last day 04-02)",
      given: [ev.notifyFee("2026-03-03", 100, "2026-03-05")],
      event: ev.feeExpired("2026-04-03"),
      value: "closed",
      outcome: "other.fee_unpaid",
    },
    {
      name: "decision after an extension",
      given: [ev.extend("2026-03-03")],
      event: ev.decide("2026-03-20", "withheld.state_secret"),
      value: "decided",
      outcome: "withheld.state_secret",
    },
    {
      name: "supplement notice from inProgress",
      given: [ev.startConsultation("2026-03-03"), ev.answerConsultation("2026-03-05")],
      event: ev.requestSupplement("2026-03-06"),
      value: "awaitingSupplement",
    },
    {
      name: "withdrawal while consulting",
      given: [ev.startConsultation("2026-03-03")],
      event: ev.withdraw("2026-03-06"),
      value: "closed",
      outcome: "other.other",
    },
    {
      name: "art. 35 date while every region is busy",
      given: [ev.startConsultation("2026-03-03"), ev.extend("2026-03-03"), ev.notifyFee("2026-03-04")],
      event: ev.customizeDeadline("2026-03-05", "2026-05-29"),
      value: inProgress("consulting", "extended", "awaitingFee"),
      flags: { consulting: true, extended: true, awaitingFee: true },
    },
    {
      name: "decided + delivery",
      given: [ev.decide("2026-03-02")],
      event: ev.deliver("2026-03-04"),
      value: "delivered",
      outcome: "disclosed",
    },
    {
      name: "delivered + archive",
      given: [ev.decide("2026-03-02"), ev.deliver("2026-03-04")],
      event: ev.archive("2026-03-05"),
      value: "archived",
      outcome: "disclosed",
    },
  ];

  it.each(rows)("$name", ({ given, event, value, outcome, flags }) => {
    const next = accepts(given, event);
    expect(next.value).toEqual(value);
    expect(next.context.facts.disposition?.outcome).toBe(outcome);
    expect(toFlags(next)).toEqual({ ...NO_FLAGS, ...flags });
    expect(next.context.lastOn).toBe(event.on);
    // Archived is not final: a review or a court may order a new reply (DOMAIN.md §3).
    const ended = next.matches("closed");
    expect(next.status).toBe(ended ? "done" : "active");
  });

  it("records the disposition date and who ended the case", () => {
    const overdue = run(ev.requestSupplement("2026-03-05"), ev.supplementExpired("2026-03-27"));
    expect(overdue.context.facts.disposition).toEqual({
      on: "2026-03-27",
      outcome: "other.supplement_overdue",
      by: "automatic",
    });
    expect(run(ev.withdraw("2026-03-04")).context.facts.disposition).toEqual({
      on: "2026-03-04",
      outcome: "other.other",
      by: "withdrawal",
    });
    expect(run(ev.decide("2026-03-09")).context.facts.disposition?.by).toBe("decision");
  });

  it("folds every event into the facts the deadline engine reads", () => {
    const s = run(
      ev.startConsultation("2026-03-03", "c1", 15, "甲公司"),
      ev.notifyFee("2026-03-04", 120, "2026-03-06"),
      ev.answerConsultation("2026-03-09"),
      ev.payFee("2026-03-10"),
      ev.requestSupplement("2026-03-11", 10),
      ev.receiveSupplement("2026-03-12"),
      ev.extend("2026-03-13", 7),
      ev.customizeDeadline("2026-03-13", "2026-05-29"),
    );
    expect(s.context).toEqual({
      v: 1,
      lastOn: "2026-03-13",
      facts: {
        receivedOn: "2026-03-02",
        consultations: [
          {
            id: "c1",
            party: "third_party",
            name: "甲公司",
            startedOn: "2026-03-03",
            windowWorkdays: 15,
            answeredOn: "2026-03-09",
          },
        ],
        fee: {
          notifiedOn: "2026-03-04",
          basis: "per_volume",
          amountYuan: 120,
          receivedByApplicantOn: "2026-03-06",
          paidOn: "2026-03-10",
        },
        supplement: { requestedOn: "2026-03-11", windowWorkdays: 10, receivedOn: "2026-03-12" },
        extension: { grantedOn: "2026-03-13", workdays: 7 },
        customDeadline: { setOn: "2026-03-13", dueOn: "2026-05-29" },
      },
    });
    expect(toApiState(s)).toBe("in_progress");
  });
});

describe("IllegalTransitionError", () => {
  it("names the state and the allowed actions in Chinese", () => {
    const error = refusal([ev.requestSupplement("2026-03-03")], ev.extend("2026-03-04"));
    expect(error).toBeInstanceOf(IllegalTransitionError);
    expect(error.message).toBe(
      "当前状态为“待补正”，不能执行“延期答复”。当前可执行：收到补正、申请人撤回、分办或转办、更正登记信息",
    );
    expect(error.state).toBe("awaiting_supplement");
    expect(error.eventType).toBe("extension.granted");
    expect(error.allowedActions).toEqual(["receive_supplement", "withdraw", "assign", "amend_registration"]);
    expect(error.code).toBe("illegal_transition");
    expect(error.reason).toBeNull();
  });

  it("quotes the failed rule when the state handles the event", () => {
    const error = refusal([ev.extend("2026-03-03")], ev.extend("2026-03-04"));
    expect(error.message).toBe(
      "当前状态为“办理中（已延期）”，不能执行“延期答复”：已于 2026-03-03 延期答复 5 个工作日，延期只能一次（《条例》第三十三条第二款）。" +
        "当前可执行：告知补正、征求意见、发出收费通知、确定合理答复期限（第三十五条）、作出答复、申请人撤回、提交答复审批、分办或转办、更正登记信息",
    );
  });

  it("says how a closed case ended", () => {
    expect(refusal([ev.withdraw("2026-03-03")], ev.deliver("2026-03-04")).message).toBe(
      "当前状态为“已终止（申请人撤回）”，不能执行“送达”。当前可执行：无",
    );
    const overdue = [ev.requestSupplement("2026-03-05"), ev.supplementExpired("2026-03-27")];
    expect(refusal(overdue, ev.receiveSupplement("2026-03-30")).message).toBe(
      "当前状态为“已终止（逾期不补正、不再处理）”，不能执行“收到补正”。当前可执行：无",
    );
  });
});

describe("allowedActions", () => {
  const cases: [string, ApplicationEvent[], ActionType[]][] = [
    [
      "registered",
      [],
      [
        "request_supplement",
        "start_consultation",
        "extend",
        "issue_fee_notice",
        "set_custom_deadline",
        "decide",
        "withdraw",
        "propose_decision",
        "request_extension",
        "assign",
        "amend_registration",
      ],
    ],
    [
      "awaitingSupplement",
      [ev.requestSupplement("2026-03-03")],
      ["receive_supplement", "withdraw", "assign", "amend_registration"],
    ],
    [
      "inProgress, consulting",
      [ev.startConsultation("2026-03-03")],
      [
        "start_consultation",
        "end_consultation",
        "extend",
        "issue_fee_notice",
        "set_custom_deadline",
        "withdraw",
        "request_extension",
        "assign",
        "amend_registration",
      ],
    ],
    [
      "inProgress, awaiting fee, extended",
      [ev.extend("2026-03-03"), ev.notifyFee("2026-03-03")],
      [
        "start_consultation",
        "receive_fee",
        "set_custom_deadline",
        "withdraw",
        "assign",
        "amend_registration",
      ],
    ],
    [
      "inProgress after a supplement, fee paid",
      [
        ev.notifyFee("2026-03-03"),
        ev.payFee("2026-03-04"),
        ev.requestSupplement("2026-03-04"),
        ev.receiveSupplement("2026-03-05"),
      ],
      [
        "start_consultation",
        "extend",
        "set_custom_deadline",
        "decide",
        "withdraw",
        "propose_decision",
        "request_extension",
        "assign",
        "amend_registration",
      ],
    ],
    [
      "inProgress, decision proposed",
      [
        ev.startConsultation("2026-03-03"),
        ev.answerConsultation("2026-03-04"),
        ev.proposeDecision("2026-03-05"),
      ],
      [
        "request_supplement",
        "start_consultation",
        "extend",
        "issue_fee_notice",
        "set_custom_deadline",
        "decide",
        "withdraw",
        // one pending proposal at a time: no second one until it is approved, returned or withdrawn
        "return_proposal",
        "withdraw_proposal",
        "assign",
        "amend_registration",
      ],
    ],
    ["decided", [ev.decide("2026-03-02")], ["deliver", "assign", "amend_registration"]],
    [
      "delivered",
      [ev.decide("2026-03-02"), ev.deliver("2026-03-03")],
      ["archive", "assign", "amend_registration"],
    ],
    ["archived", [ev.decide("2026-03-02"), ev.deliver("2026-03-03"), ev.archive("2026-03-04")], []],
    ["closed (withdrawn)", [ev.withdraw("2026-03-03")], []],
    ["closed (fee unpaid)", [ev.notifyFee("2026-03-03"), ev.feeExpired("2026-04-01")], []],
  ];

  it.each(cases)("%s", (_name, given, expected) => {
    expect(allowedActions(machine, run(...given))).toEqual(expected);
  });

  it("answers for a later date when given one: no extension after the reply deadline", () => {
    const s = start();
    expect(allowedActions(machine, s)).toContain("extend");
    expect(allowedActions(machine, s, d("2026-03-31"))).not.toContain("extend");
  });
});

describe("restoreSnapshot", () => {
  const history = [
    ev.startConsultation("2026-03-03"),
    ev.extend("2026-03-03"),
    ev.notifyFee("2026-03-04"),
    ev.answerConsultation("2026-03-05"),
    ev.payFee("2026-03-06"),
    ev.requestSupplement("2026-03-06"),
  ];
  const rest = [
    ev.receiveSupplement("2026-03-09"),
    ev.decide("2026-03-20", "unavailable.unclear_after_supplement"),
  ];

  it("continues a JSON round-tripped snapshot exactly like the live one", () => {
    const live = run(...history);
    const stored = JSON.parse(JSON.stringify(toStoredSnapshot(live)));
    const restored = restoreSnapshot(machine, stored);
    expect(restored.value).toEqual(live.value);
    expect(restored.context).toEqual(live.context);
    expect(allowedActions(machine, restored)).toEqual(allowedActions(machine, live));
    const afterLive = rest.reduce((s, e) => applyEvent(machine, s, e), live);
    const afterRestored = rest.reduce((s, e) => applyEvent(machine, s, e), restored);
    expect(afterRestored.value).toBe("decided");
    expect(afterRestored.context).toEqual(afterLive.context);
  });

  it("restores the parallel regions and the end states", () => {
    const busy = run(ev.startConsultation("2026-03-03"), ev.notifyFee("2026-03-04"));
    const restored = restoreSnapshot(machine, JSON.parse(JSON.stringify(toStoredSnapshot(busy))));
    expect(toFlags(restored)).toEqual({ consulting: true, extended: false, awaitingFee: true });
    const closed = restoreSnapshot(
      machine,
      JSON.parse(JSON.stringify(toStoredSnapshot(run(ev.withdraw("2026-03-03"))))),
    );
    expect(closed.status).toBe("done");
    expect(() => applyEvent(machine, closed, ev.decide("2026-03-04"))).toThrow(IllegalTransitionError);
  });

  it("gives two cases in the same state their own context, on the state as resolved anew", () => {
    const first = run(ev.startConsultation("2026-03-03"));
    const second = run(ev.startConsultation("2026-03-04", "c7"), ev.extend("2026-03-05"));
    const [a, b] = [first, second].map((s) =>
      restoreSnapshot(machine, JSON.parse(JSON.stringify(toStoredSnapshot(s)))),
    );
    const again = restoreSnapshot(machine, JSON.parse(JSON.stringify(toStoredSnapshot(first))));
    expect(a?.context).toEqual(first.context);
    expect(again.context).toEqual(first.context);
    expect(again.context).not.toBe(a?.context);
    expect(b?.context).toEqual(second.context);
    const resolved = machine.resolveState({ value: second.value, context: second.context });
    expect({ value: b?.value, status: b?.status, tags: b?.tags }).toEqual({
      value: resolved.value,
      status: resolved.status,
      tags: resolved.tags,
    });
    // the first case's step leaves the second one's snapshot as it was
    const answered = applyEvent(machine, again, ev.answerConsultation("2026-03-06"));
    expect(answered.value).toMatchObject({ inProgress: { consultation: "idle" } });
    expect(again.value).toMatchObject({ inProgress: { consultation: "consulting" } });
    expect(again.context.facts.consultations[0]?.answeredOn).toBeUndefined();
  });

  it("refuses a context of another version", () => {
    const stored = { value: "registered", context: { ...start().context, v: 2 } };
    // The cast stands for JSON written by a later version of the code.
    expect(() => restoreSnapshot(machine, stored as unknown as ReturnType<typeof toStoredSnapshot>)).toThrow(
      /version 2/,
    );
  });

  it("starts from receipt", () => {
    const s = start();
    expect(s.value).toBe("registered");
    expect(s.context).toEqual({
      v: 1,
      facts: { receivedOn: RECEIVED_ON, consultations: [] },
      lastOn: RECEIVED_ON,
    });
  });
});
