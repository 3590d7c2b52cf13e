// Issue 11, point 4 in the UI: 更正登记信息 on the case page (intake), the registration prefilled,
// a required reason; the log names the corrected fields, never their values; a receipt date a
// recorded event no longer fits is refused with the server's words.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, civilDateInChina } from "../../src/domain/civil-date.ts";
import { type BrowserSuite, startBrowserSuite } from "./support/browser-suite.ts";
import { dialog, fillDate, waitForText } from "./support/ui-helpers.ts";

const TODAY = civilDateInChina(new Date());

interface Created {
  id: string;
  receivedOn: string;
  applicant: { name: string };
}

describe("correcting a registration (browser)", () => {
  let s: BrowserSuite;
  const register = async (receivedOn: string) => {
    const r = await s.api<Created>("clerk", "POST", "/api/v1/applications", {
      agencyCode: "town",
      channel: "online",
      receivedOn,
      applicant: { type: "natural_person", name: "张三", phone: "13800000000" },
      description: "申请公开：本镇2026年度道路养护经费的使用情况",
      handlerUsername: "handler",
    });
    expect(r.status).toBe(201);
    return r.body;
  };

  beforeAll(async () => {
    s = await startBrowserSuite("amend-registration");
  });
  afterAll(async () => {
    await s?.close();
  });

  it("the clerk corrects the applicant's name and the receipt date, with a reason, in the log", async () => {
    const created = await register(addDays(TODAY, -1));
    const page = await s.openAs("clerk", `/applications/${created.id}`);
    await page.getByRole("button", { name: "更正登记信息" }).click();
    const d = dialog(page);
    await d.waitFor();
    expect(await d.getByLabel("申请人姓名或名称").inputValue()).toBe("张三");
    expect(await d.getByLabel("联系电话").inputValue()).toBe("13800000000");
    await d.getByLabel("申请人姓名或名称").fill("张叁");
    await fillDate(d, "收到日期", addDays(TODAY, -3));
    await s.shot(page, "amend-dialog");
    await d.getByRole("button", { name: "保存更正" }).click();
    await waitForText(d, "请填写更正理由");
    await d.getByLabel("更正理由").fill("登记时姓名录错，收件日期按签收单更正");
    await d.getByRole("button", { name: "保存更正" }).click();
    await d.waitFor({ state: "detached" });
    const timeline = page.locator(".case-timeline");
    await waitForText(timeline, "更正的项目：申请人姓名或名称、收到日期");
    await waitForText(timeline, "理由或备注：登记时姓名录错，收件日期按签收单更正");
    expect(await timeline.textContent()).not.toContain("张叁");
    await waitForText(page.locator(".ant-descriptions").first(), "张叁");
    await s.shot(page, "amend-log");
    // the dialog at phone width (390×844)
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole("button", { name: "更正登记信息" }).click();
    await d.waitFor();
    expect(await d.getByLabel("申请人姓名或名称").inputValue()).toBe("张叁");
    await s.shot(page, "amend-dialog-phone");
    await d.getByRole("button", { name: /^取\s?消$/ }).click();
    await d.waitFor({ state: "detached" });
    const after = (await s.api<Created>("clerk", "GET", `/api/v1/applications/${created.id}`)).body;
    expect(after.receivedOn).toBe(addDays(TODAY, -3));
  });

  it("a receipt date after a recorded action is refused with the server's message", async () => {
    const created = await register(addDays(TODAY, -3));
    const r = await s.api("handler", "POST", `/api/v1/applications/${created.id}/actions`, {
      type: "request_supplement",
      on: addDays(TODAY, -2),
      items: ["请写明所需信息的名称"],
    });
    expect(r.status).toBe(200);
    const page = await s.openAs("clerk", `/applications/${created.id}`);
    await page.getByRole("button", { name: "更正登记信息" }).click();
    const d = dialog(page);
    await d.waitFor();
    await fillDate(d, "收到日期", TODAY);
    await d.getByLabel("更正理由").fill("按签收单更正");
    await d.getByRole("button", { name: "保存更正" }).click();
    await waitForText(d.getByRole("alert"), `收到日期更正为 ${TODAY} 后`);
    await s.shot(page, "amend-refused");
  });
});
