// Intake's checks of the applicant's numbers (issue 11): the ID type with the GB 11643 / GB 32100
// check characters and the 港澳台 formats, the phone format; Chinese 422s naming the field.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApplicationView } from "../../src/services/application-types.ts";
import { type ErrorBody, registerBody } from "./helpers/fixtures.ts";
import { BACKENDS, SETUP_TIMEOUT, startTestApp, type TestApp } from "./helpers/test-app.ts";

type Reply = ApplicationView & ErrorBody;

describe.each(BACKENDS)("registration data over HTTP (%s)", (_name, databaseUrl) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(await databaseUrl());
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await t?.close();
  });
  const post = (applicant: Record<string, unknown>) =>
    t.call<Reply>("POST", "/api/v1/applications", {
      as: "clerk",
      body: registerBody({ applicant: { type: "natural_person", name: "张三", ...applicant } }),
    });

  it("refuses a 居民身份证号码 with a wrong check character without telling the right one (422)", async () => {
    const r = await post({ idType: "resident_id", idNumber: "110101199003074478" });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe("invalid_input");
    expect(r.body.error.details).toEqual([
      { field: "applicant.idNumber", message: expect.stringContaining("证件号码不是有效的居民身份证号码") },
    ]);
    expect(r.body.error.message).toContain("applicant.idNumber");
    expect(r.body.error.message).not.toMatch(/7/);
    for (const bad of ["123", "110101199002304470", "11010120301231002X"]) {
      expect((await post({ idType: "resident_id", idNumber: bad })).status, bad).toBe(422);
    }
  });

  it("registers a valid 居民身份证, passport and 港澳台 permit, keeping the ID type; the case page shows it", async () => {
    const ok = await post({
      idType: "resident_id",
      idNumber: "11010519491231002x",
      phone: "0571-87654321-808",
    });
    expect(ok.status).toBe(201);
    const page = await t.call<Reply>("GET", `/api/v1/applications/${ok.body.id}`, { as: "handler" });
    expect(page.body.applicant).toMatchObject({ idType: "resident_id", idNumber: "11010519491231002x" });
    expect((await post({ idType: "passport", idNumber: "E12345678" })).status).toBe(201);
    expect((await post({ idType: "hk_mo_tw", idNumber: "H12345678" })).status).toBe(201);
    const permit = await post({ idType: "hk_mo_tw", idNumber: "Q1" });
    expect(permit.status).toBe(422);
    expect(permit.body.error.details?.[0]?.message).toContain("不是有效的港澳台居民证件号码");
    expect((await post({ idType: "other", idNumber: "军官证123" })).status).toBe(201);
  });

  it("checks the 统一社会信用代码 of an organisation and the ID type against the applicant type", async () => {
    const org = (idType: string, idNumber: string) =>
      t.call<Reply>("POST", "/api/v1/applications", {
        as: "clerk",
        body: registerBody({
          applicant: { type: "commercial_enterprise", name: "某公司", idType, idNumber },
        }),
      });
    expect((await org("uscc", "91440300708461136T")).status).toBe(201);
    const wrong = await org("uscc", "91440300708461136U");
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.details).toEqual([
      { field: "applicant.idNumber", message: expect.stringContaining("不是有效的统一社会信用代码") },
    ]);
    const mismatch = await org("resident_id", "11010519491231002X");
    expect(mismatch.status).toBe(422);
    expect(mismatch.body.error.details?.[0]).toMatchObject({ field: "applicant.idType" });
    expect((await post({ idType: "uscc", idNumber: "91440300708461136T" })).status).toBe(422);
  });

  it("refuses a phone that is neither a mobile nor a landline with area code (422), with the field named", async () => {
    for (const phone of ["abc", "123", "12812345678", "87654321"]) {
      const r = await post({ phone });
      expect(r.status, phone).toBe(422);
      expect(r.body.error.details, phone).toEqual([
        { field: "applicant.phone", message: expect.stringContaining("联系电话不是有效的电话号码") },
      ]);
    }
    expect((await post({ phone: "13912345678" })).status).toBe(201);
  });

  it("keeps accepting an applicant without an ID type (older cases, ledger rows): the number unchecked", async () => {
    expect((await post({ idNumber: "110101199003071234" })).status).toBe(201);
  });

  it("keeps the 挂号单号 of a posted application and shows it on the case page; refuses it for another channel", async () => {
    const r = await t.call<Reply>("POST", "/api/v1/applications", {
      as: "clerk",
      body: registerBody({ channel: "post", trackingNumber: "XA123456789CN" }),
    });
    expect(r.status).toBe(201);
    expect(r.body.trackingNumber).toBe("XA123456789CN");
    const page = await t.call<Reply>("GET", `/api/v1/applications/${r.body.id}`, { as: "handler" });
    expect(page.body.trackingNumber).toBe("XA123456789CN");
    expect(page.body.events?.[0]?.type).toBe("application.registered");
    const online = await t.call<Reply>("POST", "/api/v1/applications", {
      as: "clerk",
      body: registerBody({ channel: "online", trackingNumber: "XA123456789CN" }),
    });
    expect(online.status).toBe(422);
    expect(online.body.error.details).toEqual([
      { field: "trackingNumber", message: expect.stringContaining("挂号单号只适用于信函申请") },
    ]);
    const bad = await t.call<Reply>("POST", "/api/v1/applications", {
      as: "clerk",
      body: registerBody({ channel: "post", trackingNumber: "挂号" }),
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details?.[0]).toMatchObject({ field: "trackingNumber" });
    const none = await t.call<Reply>("POST", "/api/v1/applications", { as: "clerk", body: registerBody() });
    expect(none.body.trackingNumber).toBeNull();
  });
});
