// DOMAIN.md §5: "the final state and the tables never depend on the order in which a history was
// entered, nor on when the worker ran." Random valid histories (built on the pure machine), each
// entered twice through the application service on one database: once in date order with the
// worker stopped, once in a random order that the service accepts with the worker's entry
// (applyAutomaticEvents) run at random moments in between. Once the worker has caught up on
// both, the two cases must agree in everything the law and the tables read.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApplicationMachine, createApplicationMachine } from "../../machines/application.machine.ts";
import { type RecordedEvent, replayHistory } from "../../machines/replay-history.ts";
import { AppError } from "../../src/app-error.ts";
import { createDatabase, type DatabaseHandle } from "../../src/db/create-database.ts";
import { migrateToLatest } from "../../src/db/migrate.ts";
import type { ApplicationEvent } from "../../src/domain/application-events.ts";
import { addDays, type CivilDate, yearOf } from "../../src/domain/civil-date.ts";
import { DECIDABLE_OUTCOME_IDS, type OutcomeId } from "../../src/domain/outcomes.ts";
import { classifyForTable3 } from "../../src/domain/tabulation/classify-for-table3.ts";
import type { ApplicantType, ConsultationParty } from "../../src/domain/vocabulary.ts";
import { makeAccountService } from "../../src/services/account-service.ts";
import type { Actor } from "../../src/services/actor.ts";
import { makeApplicationService } from "../../src/services/application-service.ts";
import type { ActionInput, ApplicationView } from "../../src/services/application-types.ts";
import { makeCalendarStore } from "../../src/services/calendar-store.ts";

const NOW = new Date("2026-03-20T02:00:00Z");
const TODAY = "2026-03-20" as CivilDate;
const PARTIES: ConsultationParty[] = ["third_party", "co_producer", "other_agency"];

/** A step of a generated history: the action as the API takes it; `ref` names a consultation. */
interface Step {
  input: ActionInput;
  /** start_consultation: its index among the history's consultations; end_consultation: which it ends. */
  ref?: number;
}

let handle: DatabaseHandle;
let service: ReturnType<typeof makeApplicationService>;
let machine: ApplicationMachine;
let actor: Actor;

beforeAll(async () => {
  handle = await createDatabase({ dataDir: "memory://" });
  await migrateToLatest(handle.db);
  const accounts = makeAccountService({ db: handle.db, now: () => NOW });
  await accounts.createAgency({ code: "town", name: "某镇人民政府", kind: "township" });
  const u = await accounts.createUser({
    username: "staff",
    password: "password-123",
    displayName: "全岗",
    agencyCode: "town",
    roles: ["intake", "handler", "approver"],
  });
  actor = (await accounts.toActor(u.id)) as Actor;
  const calendars = makeCalendarStore(handle.db);
  service = makeApplicationService({
    db: handle.db,
    calendars,
    now: () => NOW,
    settings: { supplementWindowWorkdays: 15, reminderOffsets: [5, 2, 0] },
  });
  machine = createApplicationMachine({ calendar: await calendars.get() });
}, 120_000);

afterAll(async () => {
  await handle?.close();
});

/** A small deterministic PRNG, so that fast-check's integer seed replays the same history. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The candidate actions on `on`, each with the machine event it records (ids c1, c2… by start order). */
function candidates(
  rand: () => number,
  on: CivilDate,
  started: number,
): { step: Step; event: ApplicationEvent }[] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const out: { step: Step; event: ApplicationEvent }[] = [];
  const windowWorkdays = 3 + Math.floor(rand() * 13);
  out.push({
    step: { input: { type: "request_supplement", on, items: ["请写明所需信息"], windowWorkdays } },
    event: { type: "supplement.requested", on, items: ["请写明所需信息"], windowWorkdays },
  });
  out.push({
    step: { input: { type: "receive_supplement", on } },
    event: { type: "supplement.received", on },
  });
  const party = pick(PARTIES);
  out.push({
    step: { input: { type: "start_consultation", on, party, name: `对象${started + 1}` }, ref: started },
    event: {
      type: "consultation.started",
      on,
      consultationId: `c${started + 1}`,
      party,
      name: `对象${started + 1}`,
      windowWorkdays: 15,
    },
  });
  for (let k = 0; k < started; k++) {
    out.push({
      step: { input: { type: "end_consultation", on, consultationId: `c${k + 1}` }, ref: k },
      event: { type: "consultation.answered", on, consultationId: `c${k + 1}` },
    });
  }
  const workdays = 1 + Math.floor(rand() * 20);
  out.push({
    step: { input: { type: "extend", on, workdays, reason: "检索量大" } },
    event: { type: "extension.granted", on, workdays, reason: "检索量大" },
  });
  out.push({
    step: { input: { type: "issue_fee_notice", on, basis: "per_volume", amountYuan: 700 } },
    event: { type: "fee.notified", on, basis: "per_volume", amountYuan: 700 },
  });
  out.push({ step: { input: { type: "receive_fee", on } }, event: { type: "fee.paid", on } });
  const outcome: OutcomeId = pick(DECIDABLE_OUTCOME_IDS);
  out.push({
    step: { input: { type: "decide", on, outcome } },
    event: { type: "decision.issued", on, outcome },
  });
  if (rand() < 0.2) {
    out.push({ step: { input: { type: "withdraw", on } }, event: { type: "application.withdrawn", on } });
  }
  out.push({
    step: { input: { type: "deliver", on, method: "邮寄" } },
    event: { type: "reply.delivered", on, method: "邮寄" },
  });
  // Shuffled: the walk takes the first candidate the machine accepts.
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j] as (typeof out)[number], out[i] as (typeof out)[number]];
  }
  return out;
}

/** A valid history in date order, one event a day at most (so that no two share a date). */
function generateHistory(seed: number): { receivedOn: CivilDate; steps: Step[] } {
  const rand = prng(seed);
  const receivedOn = addDays("2021-12-01" as CivilDate, Math.floor(rand() * 1200));
  const events: RecordedEvent[] = [];
  const steps: Step[] = [];
  let on = receivedOn;
  let started = 0;
  for (let n = 0; n < 10; n++) {
    on = addDays(on, 1 + Math.floor(rand() * 12));
    if (on >= TODAY) break;
    const next = candidates(rand, on, started).find(({ event }) => {
      const r = replayHistory(machine, receivedOn, [...events, { seq: events.length + 1, event }], on);
      return r.ok;
    });
    if (!next) continue;
    events.push({ seq: events.length + 1, event: next.event });
    steps.push(next.step);
    if (next.step.input.type === "start_consultation") started++;
    const now = replayHistory(machine, receivedOn, events, on);
    if (!now.ok || now.snapshot.status !== "active") break;
  }
  return { receivedOn, steps };
}

async function register(receivedOn: CivilDate, type: ApplicantType): Promise<string> {
  const app = await service.register(actor, {
    agencyCode: "town",
    channel: "post",
    receivedOn,
    applicant: { type, name: "申请人" },
    description: "某项政府信息",
  });
  return app.id;
}

/** Enters the steps in `order`; a refused one waits and is tried again after the next success. */
async function enterInOrder(id: string, steps: Step[], order: number[], worker: boolean[]): Promise<boolean> {
  const ids = new Map<number, string>();
  let pending = [...order];
  let k = 0;
  while (pending.length > 0) {
    let progressed = false;
    for (const i of pending) {
      const step = steps[i] as Step;
      if (worker[k++ % worker.length]) await service.applyAutomaticEvents(id);
      let input = step.input;
      if (input.type === "end_consultation") {
        const target = ids.get(step.ref ?? -1);
        if (target === undefined) continue; // its consultation is not entered yet
        input = { ...input, consultationId: target };
      }
      try {
        const view = await service.act(actor, id, input);
        if (input.type === "start_consultation") {
          const startedEvents = (view.events ?? []).filter((e) => e.type === "consultation.started");
          ids.set(step.ref ?? -1, String(startedEvents.at(-1)?.payload.consultationId));
        }
        pending = pending.filter((x) => x !== i);
        progressed = true;
        break;
      } catch (error) {
        if (!(error instanceof AppError) || error.status !== 409) throw error;
      }
    }
    if (!progressed) return false;
  }
  return true;
}

/** What the law and the tables read of a case. */
function essentials(v: ApplicationView) {
  const live = (v.events ?? []).filter((e) => e.superseded === null);
  const record = {
    id: "x",
    applicantType: v.applicant.type,
    receivedOn: v.receivedOn,
    outcome: v.outcome,
    dispositionOn: v.dispositionOn,
  };
  const tables: Record<number, string[]> = {};
  for (let y = yearOf(v.receivedOn); y <= 2026; y++) tables[y] = classifyForTable3(record, y);
  return {
    state: v.state,
    flags: v.flags,
    outcome: v.outcome,
    dispositionOn: v.dispositionOn,
    reply: { dueOn: v.deadlines.reply.dueOn, state: v.deadlines.reply.state },
    automatic: live
      .filter((e) => e.actor === "system")
      .map((e) => `${e.type}@${e.on}`)
      .sort(),
    tables,
  };
}

describe("entry order and worker timing do not change a case", () => {
  it("any accepted order with the worker in between = date order on a stopped worker", async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer(),
        fc.array(fc.nat(), { minLength: 10, maxLength: 10 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 12 }),
        async (seed, keys, worker) => {
          const { receivedOn, steps } = generateHistory(seed);
          const order = steps.map((_, i) => i).sort((a, b) => (keys[a] ?? 0) - (keys[b] ?? 0) || a - b);
          const inDateOrder = await register(receivedOn, "natural_person");
          expect(
            await enterInOrder(
              inDateOrder,
              steps,
              steps.map((_, i) => i),
              [false],
            ),
          ).toBe(true);
          const shuffled = await register(receivedOn, "natural_person");
          fc.pre(await enterInOrder(shuffled, steps, order, worker));
          await service.applyAutomaticEvents(inDateOrder);
          await service.applyAutomaticEvents(shuffled);
          const a = essentials(await service.get(actor, inDateOrder));
          const b = essentials(await service.get(actor, shuffled));
          expect(b).toEqual(a);
          compared++;
        },
      ),
      { numRuns: 80, seed: 20261130 },
    );
    // The property must have compared real histories, not only discarded ones.
    expect(compared).toBeGreaterThan(40);
  }, 240_000);
});
