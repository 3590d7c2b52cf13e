import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApplicationView } from "../../src/services/application-types.ts";
import { type AgencyCode, type LettersSystem, startLettersSystem } from "./support/letters-system.ts";

const NOW = new Date("2026-03-20T02:00:00Z");

interface ErrorBody {
  error: { code: string; message: string; details?: { field?: string; message: string }[] };
}

async function docxText(body: unknown): Promise<string> {
  const xml =
    (await (await JSZip.loadAsync(body as Buffer)).file("word/document.xml")?.async("string")) ?? "";
  return xml.replace(/<[^>]+>/g, "");
}

describe("review body settings, refusals and the letter files", () => {
  let s: LettersSystem;

  async function ok<T = ApplicationView>(as: AgencyCode, method: string, path: string, body?: unknown) {
    const r = await s.call<T>(as, method, path, body);
    if (r.status >= 300) throw new Error(`${method} ${path} → ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }

  /** A case of `agency` received 2026-03-02 and decided on 03-10 with `reply`. */
  async function decided(agency: AgencyCode, reply: Record<string, unknown>, channel = "in_person") {
    const app = await ok(agency, "POST", "/api/v1/applications", {
      agencyCode: agency,
      channel,
      receivedOn: "2026-03-02",
      applicant: { type: "natural_person", name: "张三", address: "某县人民路1号" },
      description: "某项目的批复文件",
    });
    await ok(agency, "POST", `/api/v1/applications/${app.id}/actions`, {
      type: "decide",
      on: "2026-03-10",
      ...reply,
    });
    return app.id;
  }

  beforeAll(async () => {
    s = await startLettersSystem(NOW);
  }, 120_000);
  afterAll(async () => {
    await s?.close();
  });

  it("refuses a reply of a government with no government above it until its admin sets the review body", async () => {
    const id = await decided("lone", { outcome: "disclosed" });
    const refused = await s.call<ErrorBody>("lone", "POST", `/api/v1/applications/${id}/letters/reply`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain("无法确定本机关的行政复议机关");
    expect(refused.body.error.message).toContain("设置行政复议机关");
    expect(await ok("lone", "GET", "/api/v1/agencies/lone/letter-settings")).toEqual({
      agencyCode: "lone",
      shortName: "某区",
      // none set: the letters use the default from the agency's name
      shortNameSet: null,
      defaultShortName: "某区",
      reviewBody: null,
      effectiveReviewBody: null,
      derivedReviewBody: null,
      feePaymentMethod: null,
    });
    const set = await ok<{ effectiveReviewBody: { name: string } }>(
      "lone",
      "PUT",
      "/api/v1/agencies/lone/letter-settings",
      { reviewBody: "某市人民政府" },
    );
    expect(set.effectiveReviewBody.name).toBe("某市人民政府");
    expect((await s.call("lone", "POST", `/api/v1/applications/${id}/letters/reply`, {})).status).toBe(201);
    const file = await s.call("lone", "GET", `/api/v1/applications/${id}/letters/reply.docx`);
    expect(file.status).toBe(200);
    expect(await docxText(file.body)).toContain("可以自收到本答复之日起60日内向某市人民政府申请行政复议");
  });

  it("names a vertically managed office's review body as its admin sets it, and the tree's again once cleared", async () => {
    const settings = await ok<{ derivedReviewBody: { name: string; basis: string } }>(
      "tax",
      "PUT",
      "/api/v1/agencies/tax/letter-settings",
      { reviewBody: "某市税务局" },
    );
    expect(settings.derivedReviewBody).toMatchObject({ name: "某县人民政府" });
    expect(settings.derivedReviewBody.basis).toContain("第二十四条第一款第（一）项");
    const id = await decided("tax", { outcome: "withheld.prohibited_by_law", reasons: "税收征管法规定保密" });
    await s.letters.issueLetter(s.actors.tax, id, "reply");
    const reply = await s.letters.composeLetter(s.actors.tax, id, "reply");
    expect(reply.paragraphs.join("")).toContain("您应当先向某市税务局申请行政复议");
    await ok("tax", "PUT", "/api/v1/agencies/tax/letter-settings", { reviewBody: null });
    const again = await s.letters.composeLetter(s.actors.tax, id, "reply");
    expect(again.paragraphs.join("")).toContain("您应当先向某县人民政府申请行政复议");
    expect(again.serialNo).toBe(reply.serialNo);
  });

  it("checks the settings' body and who may change them", async () => {
    const empty = await s.call<ErrorBody>("town", "PUT", "/api/v1/agencies/town/letter-settings", {});
    expect(empty.status).toBe(422);
    expect(empty.body.error.message).toContain("请至少填写一项设置");
    const foreign = await s.call<ErrorBody>("dept", "PUT", "/api/v1/agencies/town/letter-settings", {
      reviewBody: "某省人民政府",
    });
    expect(foreign.status).toBe(404);
    expect((await s.call("dept", "GET", "/api/v1/agencies/town/letter-settings")).status).toBe(404);
  });

  it("prints a 送达回证 only for a numbered outgoing document, and gives it no number", async () => {
    const id = await decided("town", { outcome: "disclosed", sentBy: "post" }, "post");
    const early = await s.call<ErrorBody>(
      "town",
      "GET",
      `/api/v1/applications/${id}/letters/reply/delivery-receipt.docx`,
    );
    expect(early.status).toBe(409);
    expect(early.body.error.message).toBe(
      "政府信息公开申请答复书尚未出具（编号）：请先出具该文书，再打印其送达回证",
    );
    expect((await s.call("town", "POST", `/api/v1/applications/${id}/letters/reply`, {})).status).toBe(201);
    const file = await s.call(
      "town",
      "GET",
      `/api/v1/applications/${id}/letters/reply/delivery-receipt.docx`,
    );
    expect(file.status).toBe(200);
    expect(decodeURIComponent(file.headers.get("content-disposition") ?? "")).toMatch(
      /送达回证（政府信息公开申请答复书（某镇公开〔2026〕第\d+号））\.docx/,
    );
    const text = await docxText(file.body);
    for (const words of [
      "送达回证",
      "受送达人",
      "张三",
      "某县人民路1号",
      "邮寄送达",
      "送达人（签名）",
      "签收日期",
    ]) {
      expect(text).toContain(words);
    }
    const seq = (await ok("town", "GET", `/api/v1/applications/${id}`)).events?.find(
      (e) => e.type === "decision.issued",
    )?.seq;
    await ok("town", "POST", `/api/v1/applications/${id}/actions`, {
      type: "record_receipt",
      on: "2026-03-13",
      documentEventSeq: seq,
      trackingNumber: "EMS1234567890",
    });
    const receipt = await s.letters.composeDeliveryReceipt(s.actors.town, id, "reply");
    expect(Object.fromEntries(receipt.rows ?? [])).toMatchObject({
      签收日期: "2026年3月13日",
      备注: "邮件号：EMS1234567890",
    });
    const list = await ok<{ items: { kind: string; hasDeliveryReceipt: boolean }[] }>(
      "town",
      "GET",
      `/api/v1/applications/${id}/letters`,
    );
    expect(list.items.map((i) => [i.kind, i.hasDeliveryReceipt])).toEqual([
      ["receipt", false],
      ["reply", true],
    ]);
    const none = await s.call(
      "town",
      "GET",
      `/api/v1/applications/${id}/letters/receipt/delivery-receipt.docx`,
    );
    expect(none.status).toBe(404);
  });

  it("refuses a fee notice's letter without a payment method, and a count of earlier items for a per-volume fee", async () => {
    const app = await ok("dept", "POST", "/api/v1/applications", {
      agencyCode: "dept",
      channel: "online",
      receivedOn: "2026-03-02",
      applicant: { type: "commercial_enterprise", name: "某公司" },
      description: "全县历年土地出让合同",
    });
    const path = `/api/v1/applications/${app.id}/actions`;
    const mixed = await s.call<ErrorBody>("dept", "POST", path, {
      type: "issue_fee_notice",
      on: "2026-03-05",
      basis: "per_volume",
      quantity: 40,
      itemsEarlierThisMonth: 3,
      amountYuan: 100,
    });
    expect(mixed.status).toBe(422);
    expect(mixed.body.error.details?.map((d) => d.field)).toEqual(["itemsEarlierThisMonth"]);
    await ok("dept", "POST", path, {
      type: "issue_fee_notice",
      on: "2026-03-05",
      basis: "per_volume",
      quantity: 40,
      amountYuan: 100,
    });
    const refused = await s.call<ErrorBody>(
      "dept",
      "GET",
      `/api/v1/applications/${app.id}/letters/fee_notice.docx`,
    );
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain("收费通知未写明缴纳方式");
    await ok("dept", "PUT", "/api/v1/agencies/dept/letter-settings", {
      feePaymentMethod: "到本局财务室缴纳",
    });
    const letter = await s.letters.composeLetter(s.actors.dept, app.id, "fee_notice", {}, { draft: true });
    expect(letter.paragraphs).toContain("缴纳方式：到本局财务室缴纳。");
    expect(letter.paragraphs).toContain("第31–40页：10页×10元＝100元");
  });
});
