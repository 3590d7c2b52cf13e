import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CasePermissions } from "../../src/http/applications/case-permissions.ts";
import type { ApplicationView } from "../../src/services/application-types.ts";
import { type ErrorBody, registerBody } from "./helpers/fixtures.ts";
import { SETUP_TIMEOUT, startTestApp, type TestApp, type UserKey } from "./helpers/test-app.ts";

type Detail = ApplicationView & { permissions: CasePermissions } & ErrorBody;

/** The case page shows its buttons from `permissions`: the server's role table, own agency only. */
describe("GET /applications/:id answers what the reader may do", () => {
  let t: TestApp;
  let id = "";
  beforeAll(async () => {
    t = await startTestApp(undefined);
    const r = await t.call<Detail>("POST", "/api/v1/applications", { as: "clerk", body: registerBody() });
    expect(r.status).toBe(201);
    id = r.body.id;
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await t?.close();
  });
  const read = async (as: UserKey) => {
    const r = await t.call<Detail>("GET", `/api/v1/applications/${id}`, { as });
    expect(r.status).toBe(200);
    return r.body;
  };

  it("each role gets the allowed actions its role holds, and the cards it may use", async () => {
    const handler = await read("handler");
    expect(handler.allowedActions).toEqual(expect.arrayContaining(["request_supplement", "assign"]));
    expect(handler.permissions.actions).toContain("request_supplement");
    expect(handler.permissions.actions).not.toContain("assign");
    expect(handler.permissions.actions.every((a) => handler.allowedActions.includes(a))).toBe(true);
    expect(handler.permissions).toMatchObject({ recordAppeal: true, uploadDocuments: true });

    const clerk = await read("clerk");
    expect(clerk.permissions.actions).toContain("assign");
    expect(clerk.permissions.actions).not.toContain("request_supplement");
    expect(clerk.permissions).toMatchObject({ recordAppeal: false, uploadDocuments: true });

    expect((await read("townadmin")).permissions).toMatchObject({
      recordAppeal: true,
      uploadDocuments: false,
    });
  });

  it("a supervisor of the county reads the case and may do nothing on it", async () => {
    expect((await read("supervisor")).permissions).toEqual({
      actions: [],
      recordAppeal: false,
      uploadDocuments: false,
    });
  });
});
