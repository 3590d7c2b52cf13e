import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApplicationView } from "../../src/services/application-types.ts";
import { actionBody, type ErrorBody, registerBody } from "./helpers/fixtures.ts";
import { BACKENDS, SETUP_TIMEOUT, startTestApp, type TestApp, type UserKey } from "./helpers/test-app.ts";

type Reply = ApplicationView & ErrorBody;
type Page = { items: ApplicationView[]; total: number } & ErrorBody;

describe.each(BACKENDS)("the approval queue over HTTP (%s)", (_name, databaseUrl) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(await databaseUrl());
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await t?.close();
  });
  const register = async () => {
    const r = await t.call<Reply>("POST", "/api/v1/applications", { as: "clerk", body: registerBody() });
    expect(r.status).toBe(201);
    return r.body;
  };
  const act = (as: UserKey, id: string, body: Record<string, unknown>) =>
    t.call<Reply>("POST", `/api/v1/applications/${id}/actions`, { as, body });
  const awaiting = async (as: UserKey = "approver") => {
    const r = await t.call<Page>("GET", "/api/v1/applications?awaiting=approval&pageSize=100", { as });
    expect(r.status).toBe(200);
    return r.body.items.map((a) => a.id);
  };

  it("a proposed 部分公开 waits in the queue until the approver decides", async () => {
    const app = await register();
    expect(app.proposal).toBeNull();
    expect(app.allowedActions).toContain("propose_decision");
    expect(app.allowedActions).not.toContain("return_proposal");
    const proposed = await act("handler", app.id, {
      ...actionBody("propose_decision", "2026-03-05"),
      replyText: "部分信息涉及第三方商业秘密，不予公开。",
    });
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(200);
    expect(proposed.body.state).toBe("registered");
    expect(proposed.body.proposal).toEqual({
      kind: "decision",
      on: "2026-03-05",
      outcome: "partially_disclosed",
      replyText: "部分信息涉及第三方商业秘密，不予公开。",
    });
    expect(proposed.body.allowedActions).toContain("return_proposal");
    expect(proposed.body.events?.at(-1)).toMatchObject({
      type: "decision.proposed",
      actor: expect.any(String),
    });
    expect(await awaiting()).toContain(app.id);
    expect(await awaiting("handler")).toContain(app.id);

    const decided = await act("approver", app.id, {
      ...actionBody("decide", "2026-03-06"),
      outcome: "partially_disclosed",
      reasons: "部分信息涉及第三方商业秘密。",
    });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ state: "decided", outcome: "partially_disclosed", proposal: null });
    expect(await awaiting()).not.toContain(app.id);
  });

  it("an extension request waits until approved; a returned proposal leaves the queue with its reason logged", async () => {
    const app = await register();
    const requested = await act("handler", app.id, actionBody("request_extension", "2026-03-05"));
    expect(requested.status).toBe(200);
    expect(requested.body.proposal).toMatchObject({ kind: "extension", workdays: 10 });
    expect(requested.body.flags.extended).toBe(false);
    expect(await awaiting()).toContain(app.id);
    const returned = await act("approver", app.id, actionBody("return_proposal", "2026-03-06"));
    expect(returned.status).toBe(200);
    expect(returned.body.proposal).toBeNull();
    expect(returned.body.state).toBe("registered");
    expect(returned.body.events?.at(-1)).toMatchObject({
      type: "proposal.returned",
      payload: { reason: "请补充部分公开的依据" },
      reason: "请补充部分公开的依据",
    });
    expect(await awaiting()).not.toContain(app.id);

    // Returning again: nothing is pending (409).
    const again = await act("approver", app.id, actionBody("return_proposal", "2026-03-06"));
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain("没有待审批");

    await act("handler", app.id, actionBody("request_extension", "2026-03-09"));
    expect(await awaiting()).toContain(app.id);
    const extended = await act("approver", app.id, actionBody("extend", "2026-03-10"));
    expect(extended.body).toMatchObject({ state: "in_progress", flags: { extended: true }, proposal: null });
    expect(await awaiting()).not.toContain(app.id);
  });

  it("only the handler proposes and only the approver returns (403)", async () => {
    const app = await register();
    const byApprover = await act("approver", app.id, actionBody("propose_decision", "2026-03-05"));
    expect(byApprover.status).toBe(403);
    expect((await act("approver", app.id, actionBody("request_extension", "2026-03-05"))).status).toBe(403);
    expect((await act("handler", app.id, actionBody("propose_decision", "2026-03-05"))).status).toBe(200);
    const byHandler = await act("handler", app.id, actionBody("return_proposal", "2026-03-05"));
    expect(byHandler.status).toBe(403);
    expect(byHandler.body.error.message).toContain("审核人");
    // A proposal with an outcome the system alone reaches is refused like the decision (422).
    const bad = await act("handler", app.id, {
      ...actionBody("propose_decision"),
      outcome: "other.fee_unpaid",
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details?.[0]?.field).toBe("outcome");
    const badQuery = await t.call<ErrorBody>("GET", "/api/v1/applications?awaiting=decision", {
      as: "approver",
    });
    expect(badQuery.status).toBe(422);
  });
});
