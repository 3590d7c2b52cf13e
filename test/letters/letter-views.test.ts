/**
 * Issue 11 (5): the web view of a letter and its DOCX carry the same words. For a natural person
 * and an organisation, with and without an attachment named by the handler, as 草稿 before the
 * letter is issued and under its 文号 after: the paragraphs of `GET …/letters/:kind/model` (what
 * the receipt page prints) are the paragraphs read out of the DOCX, the dates are Chinese, the
 * applicant is addressed by type, no reply says “见附件” unless the handler wrote it, and the
 * receipt of a posted application prints its 挂号单号.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DRAFT_SERIAL_NO } from "../../src/letters/letter-service.ts";
import { lettersDb } from "../../src/letters/letter-store.ts";
import { docxParagraphs } from "./support/docx-paragraphs.ts";
import { type AgencyCode, type LettersSystem, startLettersSystem } from "./support/letters-system.ts";
import { keepArtefact } from "./support/read-letter.ts";

const NOW = new Date("2026-03-20T02:00:00Z");

interface Model {
  title: string;
  serialNo: string;
  addressee: string;
  paragraphs: string[];
  signature: string;
  date: string;
  issued: boolean;
}

interface Case {
  id: string;
  applicant: { type: string; name: string };
  channel: string;
  deliveryForm?: string;
  /** 挂号单号 of a posted application: the receipt prints it. */
  trackingNumber?: string;
  description: string;
  decide: Record<string, unknown>;
  /** What the reply says of how the information is provided. */
  provision: string;
  attached: boolean;
}

const CASES: Case[] = [
  {
    id: "natural-person-paper",
    applicant: { type: "natural_person", name: "张三" },
    channel: "in_person",
    deliveryForm: "纸质文本",
    // the applicant's words end with a stop: the letter must not print “。”。
    description: "2025年某路改造工程的招标文件。",
    decide: { outcome: "disclosed" },
    provision: "提供方式：按您申请的获取信息的方式（纸质文本）提供。",
    attached: false,
  },
  {
    id: "organisation-post",
    applicant: { type: "commercial_enterprise", name: "某建筑有限公司" },
    channel: "post",
    trackingNumber: "XA123456789CN",
    description: "本单位参与的某路改造工程的验收报告",
    decide: { outcome: "partially_disclosed", reasons: "其余部分涉及个人隐私" },
    provision: "提供方式：以邮寄送达方式提供。",
    attached: false,
  },
  {
    id: "natural-person-attached",
    applicant: { type: "natural_person", name: "李四" },
    channel: "online",
    deliveryForm: "电子邮件",
    description: "某镇2025年财政预算表",
    decide: { outcome: "disclosed", replyText: "随本答复书提供该政府信息（见附件）" },
    provision: "提供方式：随本答复书提供该政府信息（见附件）",
    attached: true,
  },
];

const AT: AgencyCode = "town";

/** The letter as the DOCX prints it, paragraph by paragraph (empty lines aside). */
const lines = (m: Model) =>
  [m.title, m.serialNo, m.addressee, ...m.paragraphs, m.signature, m.date].filter((t) => t !== "");

describe("a letter's web view and its DOCX carry the same words", () => {
  let s: LettersSystem;
  const ids = new Map<string, string>();

  async function ok<T = Record<string, unknown>>(method: string, path: string, body?: unknown) {
    const r = await s.call<T>(AT, method, path, body);
    if (r.status >= 300) throw new Error(`${method} ${path} → ${r.status} ${JSON.stringify(r.body)}`);
    return r;
  }

  beforeAll(async () => {
    s = await startLettersSystem(NOW);
    for (const c of CASES) {
      const app = await ok<{ id: string }>("POST", "/api/v1/applications", {
        agencyCode: AT,
        channel: c.channel,
        receivedOn: "2026-03-02",
        applicant: c.applicant,
        description: c.description,
        ...(c.deliveryForm ? { deliveryForm: c.deliveryForm } : {}),
        ...(c.trackingNumber ? { trackingNumber: c.trackingNumber } : {}),
      });
      ids.set(c.id, app.body.id);
      await ok("POST", `/api/v1/applications/${app.body.id}/actions`, {
        type: "extend",
        on: "2026-03-10",
        workdays: 10,
        reason: "需要调取的档案较多",
      });
      await ok("POST", `/api/v1/applications/${app.body.id}/actions`, {
        type: "decide",
        on: "2026-03-18",
        ...c.decide,
      });
    }
  }, 120_000);
  afterAll(async () => {
    await s?.close();
  });

  async function model(id: string, kind: string) {
    return (await ok<Model>("GET", `/api/v1/applications/${id}/letters/${kind}/model`)).body;
  }
  async function docx(id: string, kind: string, draft: boolean) {
    const r = await ok<Buffer>(
      "GET",
      `/api/v1/applications/${id}/letters/${kind}.docx${draft ? "?draft=true" : ""}`,
    );
    return docxParagraphs(r.body);
  }
  const issuedRows = async () => (await lettersDb(s.db).selectFrom("letters").select("id").execute()).length;

  it.each(CASES.map((c) => [c.id, c] as const))("%s: 草稿 and issued, every letter", async (name, c) => {
    const id = ids.get(name) as string;
    const list = await ok<{ items: { kind: string }[] }>("GET", `/api/v1/applications/${id}/letters`);
    const kinds = list.body.items.map((l) => l.kind);
    expect(kinds).toEqual(["receipt", "extension_notice", "reply"]);
    for (const kind of kinds) {
      // before issuance: the view and the DOCX preview are the same 草稿, and a GET numbers nothing
      const before = await issuedRows();
      const draft = await model(id, kind);
      expect(draft.issued, `${name} ${kind}`).toBe(false);
      expect(draft.serialNo).toBe(DRAFT_SERIAL_NO);
      expect(await docx(id, kind, true)).toEqual(lines(draft));
      expect(await issuedRows()).toBe(before);

      const issued = await ok<{ serialNo: string }>("POST", `/api/v1/applications/${id}/letters/${kind}`, {});
      const view = await model(id, kind);
      expect(view.issued, `${name} ${kind}`).toBe(true);
      expect(view.serialNo).toBe(issued.body.serialNo);
      expect(view.serialNo).toMatch(/^某镇公开(收|延)?〔2026〕第\d+号$/);
      // the frozen DOCX, paragraph for paragraph
      expect(await docx(id, kind, false), `${name} ${kind}`).toEqual(lines(view));
      // the same words as the draft but the number
      expect({ ...view, serialNo: "", issued: false }).toEqual({ ...draft, serialNo: "" });
      await keepArtefact(`views/${name}/${kind}.txt`, lines(view).join("\n"));

      const text = lines(view).join("\n");
      // dates in Chinese only, the letter's own date its event's
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(view.date).toBe(
        { receipt: "2026年3月2日", extension_notice: "2026年3月10日", reply: "2026年3月18日" }[kind],
      );
      // addressed by the applicant's type, never 您（单位）
      expect(view.addressee).toBe(`${c.applicant.name}：`);
      expect(text).not.toContain("您（单位）");
      expect(text).not.toContain("。”");
      if (c.applicant.type === "natural_person") {
        expect(view.paragraphs[0]).toContain("收到您通过");
        expect(text).not.toContain("贵单位");
      } else {
        expect(view.paragraphs[0]).toContain("收到贵单位通过");
        expect(text).not.toContain("您");
      }
      if (kind === "receipt") {
        // the 挂号单号 of a posted application, next to the date the letter was signed for
        expect(view.paragraphs[0]).toContain(
          c.trackingNumber
            ? `收到申请之日为2026年3月2日（挂号单号：${c.trackingNumber}）。`
            : "收到申请之日为2026年3月2日。",
        );
      }
      expect(text.includes("挂号单号"), `${name} ${kind}`).toBe(
        kind === "receipt" && c.trackingNumber !== undefined,
      );
      if (kind === "reply") {
        expect(view.paragraphs).toContain(c.provision);
        expect(text.includes("见附件"), name).toBe(c.attached);
      }
    }
  });

  it("documents the view in the OpenAPI document (a GET, read only)", async () => {
    const doc = await ok<{ paths: Record<string, Record<string, { responses: Record<string, unknown> }>> }>(
      "GET",
      "/api/v1/openapi.json",
    );
    const path = doc.body.paths["/api/v1/applications/{id}/letters/{kind}/model"];
    expect(Object.keys(path ?? {})).toEqual(["get"]);
    expect(Object.keys(path?.get?.responses ?? {})).toEqual(expect.arrayContaining(["200", "404", "409"]));
  });
});
