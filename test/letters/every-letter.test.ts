/**
 * Every letter of every outcome, for a township, a county department and a county government,
 * with replies dated before and after 2024-01-01 (行政复议法 2023 in force): the articles of
 * DOMAIN.md §6 and no other, the review-first sentence exactly where the law requires it, the
 * named review body, the reasons, and no date but the ones the system computes. The printed
 * texts are kept under test-results/letters/.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, type CivilDate } from "../../src/domain/civil-date.ts";
import type { OutcomeId } from "../../src/domain/outcomes.ts";
import type { Channel, ConsultationParty, DeliveryMethod } from "../../src/domain/vocabulary.ts";
import { DEFAULT_DELIVERY_BY_CHANNEL, DELIVERY_METHOD_LABELS } from "../../src/domain/vocabulary.ts";
import type { LetterContent } from "../../src/letters/letter-content.ts";
import { letterText } from "../../src/letters/letter-text.ts";
import type { ApplicationView, ClockView } from "../../src/services/application-types.ts";
import { docxParagraphs } from "./support/docx-paragraphs.ts";
import { type AgencyCode, type LettersSystem, startLettersSystem } from "./support/letters-system.ts";
import { chinese, datesIn, keepArtefact, promisedEnd, regulationCitations } from "./support/read-letter.ts";

const NOW = new Date("2026-03-20T02:00:00Z");

/** One way a case ends, with the provisions DOMAIN.md §6 gives its reply (transcribed here, not read from the code). */
interface Scenario {
  id: string;
  outcome: OutcomeId;
  articles: string[];
  /** DOMAIN.md §10: withheld.* and partially_disclosed tell to apply for review first (from 2024). */
  withholds?: boolean;
  path: "decide" | "supplement_then_decide" | "supplement_overdue" | "fee_unpaid" | "withdraw";
  /** The reply's fields besides the outcome; `reasons` are checked in the letter. */
  reply?: { reasons?: string; replyText?: string; holdingAgency?: string; disclosure?: string };
  /** A consultation before the decision (the third-party form needs one, the other form none). */
  consult?: ConsultationParty | "none";
}

const R = (what: string) => `${what}（测试理由）`;
const WITHHELD_REASONS: Record<string, string> = {
  state_secret: "该信息已依法定为秘密级国家秘密",
  prohibited_by_law: "《中华人民共和国统计法》禁止公开该统计调查对象的资料",
  security_stability: "该信息公开后可能危及公共安全",
  internal_affairs: "该信息为本机关人事管理信息",
  process_information: "该信息为尚未定稿的讨论记录",
  enforcement_file: "该信息属于行政处罚案卷材料",
};

const SCENARIOS: Scenario[] = [
  { id: "disclosed.provided", outcome: "disclosed", articles: ["36(2)"], path: "decide" },
  {
    id: "disclosed.already_public",
    outcome: "disclosed",
    articles: ["36(1)"],
    path: "decide",
    reply: { disclosure: "already_public", replyText: "本机关门户网站“政府信息公开”栏目" },
  },
  {
    id: "partially_disclosed",
    outcome: "partially_disclosed",
    articles: ["37"],
    withholds: true,
    path: "decide",
    reply: { reasons: R("其余部分涉及个人隐私") },
  },
  ...(
    [
      ["state_secret", ["14"]],
      ["prohibited_by_law", ["14"]],
      ["security_stability", ["14"]],
      ["internal_affairs", ["16-1"]],
      ["process_information", ["16-2"]],
      ["enforcement_file", ["16-2"]],
    ] as const
  ).map(
    ([k, articles]): Scenario => ({
      id: `withheld.${k}`,
      outcome: `withheld.${k}`,
      articles: [...articles],
      withholds: true,
      path: "decide",
      reply: { reasons: R(WITHHELD_REASONS[k] as string) },
    }),
  ),
  {
    id: "withheld.third_party_rights",
    outcome: "withheld.third_party_rights",
    articles: ["15"],
    withholds: true,
    path: "decide",
    reply: { reasons: R("涉及第三方商业秘密") },
    consult: "none",
  },
  {
    id: "withheld.third_party_rights.consulted",
    outcome: "withheld.third_party_rights",
    articles: ["15", "32"],
    withholds: true,
    path: "decide",
    reply: { reasons: R("第三方不同意公开且有合理理由") },
    consult: "third_party",
  },
  {
    id: "withheld.administrative_query",
    outcome: "withheld.administrative_query",
    articles: ["36(7)"],
    withholds: true,
    path: "decide",
    reply: { replyText: "依照《不动产登记暂行条例》的规定到不动产登记机构查询" },
  },
  { id: "unavailable.not_held", outcome: "unavailable.not_held", articles: ["36(4)"], path: "decide" },
  {
    id: "unavailable.not_held.other_agency",
    outcome: "unavailable.not_held",
    articles: ["36(5)"],
    path: "decide",
    reply: {
      holdingAgency: "某县住房和城乡建设局（电话：0000-1234567）",
      reasons: R("该信息由住建部门制作"),
    },
  },
  {
    id: "unavailable.requires_creation",
    outcome: "unavailable.requires_creation",
    articles: ["38"],
    path: "decide",
  },
  {
    id: "unavailable.unclear_after_supplement",
    outcome: "unavailable.unclear_after_supplement",
    articles: ["30"],
    path: "supplement_then_decide",
  },
  { id: "not_processed.petition", outcome: "not_processed.petition", articles: ["39-1"], path: "decide" },
  { id: "not_processed.duplicate", outcome: "not_processed.duplicate", articles: ["36(6)"], path: "decide" },
  {
    id: "not_processed.publication",
    outcome: "not_processed.publication",
    articles: ["39-2"],
    path: "decide",
  },
  { id: "not_processed.excessive", outcome: "not_processed.excessive", articles: ["35"], path: "decide" },
  { id: "not_processed.confirmation", outcome: "not_processed.confirmation", articles: [], path: "decide" },
  {
    id: "other.supplement_overdue",
    outcome: "other.supplement_overdue",
    articles: ["30"],
    path: "supplement_overdue",
  },
  { id: "other.fee_unpaid", outcome: "other.fee_unpaid", articles: [], path: "fee_unpaid" },
  {
    id: "other.other",
    outcome: "other.other",
    articles: [],
    path: "decide",
    reply: { reasons: R("申请人已死亡，无人承继申请"), replyText: "本机关终止办理该申请" },
  },
  { id: "other.other.withdrawn", outcome: "other.other", articles: [], path: "withdraw" },
];

const ERAS = [
  { label: "2023", base: "2023-03-01" as CivilDate, after2024: false },
  { label: "2025", base: "2025-03-03" as CivilDate, after2024: true },
];

/** 行政复议法 2023 art. 24 (from 2024), 2017 text arts. 12, 13 (before), for each agency of the tree. */
const REVIEW_BODY: Record<"town" | "dept" | "county", { before: string; after: string }> = {
  town: { before: "某县人民政府", after: "某县人民政府" },
  dept: { before: "某县人民政府或者上一级主管部门", after: "某县人民政府" },
  county: { before: "某市人民政府", after: "某市人民政府" },
};
const PLACES = ["town", "dept", "county"] as const;
const CHANNELS: Channel[] = ["post", "in_person", "online"];
const PARTIES: ConsultationParty[] = ["third_party", "co_producer", "other_agency"];
const PAYMENT = "通过本机关指定账户（某银行，账号0000 0000 0000）转账缴纳";

type Extra = "consult" | "fee" | "extension";

/** What a case recorded, to check its letters against. */
interface Played {
  scenario: Scenario;
  place: (typeof PLACES)[number];
  era: (typeof ERAS)[number];
  id: string;
  channel: Channel;
  replySentBy: DeliveryMethod;
  extras: Extra[];
  party?: ConsultationParty;
  consultationDueOn?: CivilDate;
  /** Receipts recorded by document. */
  received: Partial<Record<"supplement_notice" | "consultation_letter" | "fee_notice", CivilDate>>;
  feeBasis?: "per_item" | "per_volume";
}

describe("every letter of every outcome, before and after 2024-01-01, for a township, a department and a government", () => {
  let s: LettersSystem;
  const played: Played[] = [];
  const failures422: string[] = [];

  async function ok<T = ApplicationView>(as: AgencyCode, method: string, path: string, body?: unknown) {
    const r = await s.call<T>(as, method, path, body);
    if (r.status >= 300) throw new Error(`${method} ${path} → ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }
  const act = (as: AgencyCode, id: string, body: Record<string, unknown>) =>
    ok(as, "POST", `/api/v1/applications/${id}/actions`, body);

  async function seqOf(as: AgencyCode, id: string, type: string): Promise<number> {
    const view = await ok(as, "GET", `/api/v1/applications/${id}`);
    const e = (view.events ?? []).filter((x) => x.type === type).at(-1);
    if (!e) throw new Error(`no ${type}`);
    return e.seq;
  }

  /** The refusals the law asks for: a reply without what it must state is a 422 naming the field. */
  async function expectRefused(as: AgencyCode, id: string, body: Record<string, unknown>, field: string) {
    const r = await s.call<{ error: { message: string; details?: { field?: string }[] } }>(
      as,
      "POST",
      `/api/v1/applications/${id}/actions`,
      body,
    );
    const fields = r.body.error?.details?.map((d) => d.field) ?? [];
    if (r.status !== 422 || !fields.includes(field) || !/[\u4e00-\u9fff]/.test(r.body.error.message)) {
      failures422.push(`${id} ${JSON.stringify(body)} → ${r.status} ${JSON.stringify(r.body)}`);
    }
  }

  async function play(
    scenario: Scenario,
    place: (typeof PLACES)[number],
    era: (typeof ERAS)[number],
    n: number,
  ) {
    const B = era.base;
    const on = (days: number) => addDays(B, days);
    const channel = CHANNELS[n % CHANNELS.length] as Channel;
    const sentBy = DEFAULT_DELIVERY_BY_CHANNEL[channel];
    const app = await ok(place, "POST", "/api/v1/applications", {
      agencyCode: place,
      channel,
      receivedOn: B,
      applicant: { type: "natural_person", name: `申请人${n}`, address: `某县某路${n}号` },
      description: `${scenario.id}所涉信息`,
    });
    const id = app.id;
    const p: Played = { scenario, place, era, id, channel, replySentBy: sentBy, extras: [], received: {} };
    played.push(p);
    const receipt = async (type: string, document: keyof Played["received"], day: number) => {
      const documentEventSeq = await seqOf(place, id, type);
      await act(place, id, { type: "record_receipt", on: on(day), documentEventSeq, receivedOn: on(day) });
      p.received[document] = on(day);
    };
    switch (scenario.path) {
      case "withdraw":
        await act(place, id, { type: "withdraw", on: on(4) });
        return;
      case "supplement_overdue":
      case "supplement_then_decide": {
        await act(place, id, {
          type: "request_supplement",
          on: on(2),
          items: ["请写明所需信息的名称或文号"],
        });
        if (sentBy === "post") await receipt("supplement.requested", "supplement_notice", 5);
        else p.received.supplement_notice = on(2);
        if (scenario.path === "supplement_overdue") {
          expect(await s.applications.applyAutomaticEvents(id)).toBe(1);
          return;
        }
        await act(place, id, { type: "receive_supplement", on: on(7) });
        await act(place, id, { type: "decide", on: on(12), outcome: scenario.outcome, sentBy });
        return;
      }
      case "fee_unpaid":
        p.feeBasis = "per_volume";
        await act(place, id, {
          type: "issue_fee_notice",
          on: on(3),
          basis: "per_volume",
          quantity: 250,
          amountYuan: 4700,
          paymentMethod: PAYMENT,
        });
        if (sentBy === "post") await receipt("fee.notified", "fee_notice", 6);
        else p.received.fee_notice = on(3);
        expect(await s.applications.applyAutomaticEvents(id)).toBe(1);
        return;
      case "decide":
        break;
    }
    // decided cases: one of a consultation, a fee notice or an extension before the reply
    const extra =
      scenario.consult === "third_party" ? "consult" : (["consult", "fee", "extension"] as const)[n % 3];
    const chosen: Extra = scenario.consult === "none" && extra === "consult" ? "fee" : (extra as Extra);
    p.extras.push(chosen);
    if (chosen === "consult") {
      const party: ConsultationParty =
        scenario.consult === "third_party"
          ? "third_party"
          : (PARTIES[Math.floor(n / 3) % 3] as ConsultationParty);
      p.party = party;
      const dueOn = party === "other_agency" ? on(20) : undefined;
      p.consultationDueOn = dueOn;
      await act(place, id, {
        type: "start_consultation",
        on: on(1),
        party,
        name:
          party === "third_party"
            ? "某建筑有限公司"
            : party === "co_producer"
              ? "某县交通运输局"
              : "某县财政局",
        ...(dueOn ? { dueOn } : {}),
      });
      // consultation letters go by post: the window counts from the party's signature
      if (party !== "other_agency") await receipt("consultation.started", "consultation_letter", 4);
      await act(place, id, { type: "end_consultation", on: on(8), consultationId: "c1" });
    }
    if (chosen === "fee") {
      const perItem = n % 2 === 0;
      p.feeBasis = perItem ? "per_item" : "per_volume";
      const fee = perItem
        ? { basis: "per_item", quantity: 12, itemsEarlierThisMonth: 25, amountYuan: 1900 }
        : { basis: "per_volume", quantity: 250, amountYuan: 4700, paymentMethod: PAYMENT };
      // the amount must be the fee rules' calculation, or say why not
      await expectRefused(
        place,
        id,
        { type: "issue_fee_notice", on: on(9), ...fee, amountYuan: 1234 },
        "amountYuan",
      );
      await act(place, id, {
        type: "issue_fee_notice",
        on: on(9),
        ...fee,
        ...(perItem ? { amountYuan: 1800, amountReason: "按本机关规定对学生申请人减收100元" } : {}),
      });
      if (sentBy === "post") await receipt("fee.notified", "fee_notice", 12);
      else p.received.fee_notice = on(9);
      await act(place, id, { type: "receive_fee", on: on(14) });
    }
    if (chosen === "extension") {
      await act(place, id, { type: "extend", on: on(10), workdays: 10, reason: "需要调取的档案较多" });
    }
    const reply = { type: "decide", on: on(18), outcome: scenario.outcome, ...scenario.reply, sentBy };
    for (const field of ["reasons", "replyText"] as const) {
      const required =
        (field === "reasons" && scenario.reply?.reasons !== undefined) ||
        (field === "replyText" && scenario.reply?.disclosure === "already_public");
      if (!required) continue;
      const { [field]: _omitted, ...without } = reply as Record<string, unknown>;
      await expectRefused(place, id, without, field);
      await expectRefused(place, id, { ...without, type: "propose_decision", sentBy: undefined }, field);
    }
    await act(place, id, reply);
  }

  beforeAll(async () => {
    s = await startLettersSystem(NOW);
    for (const place of PLACES) {
      await ok(place, "PUT", `/api/v1/agencies/${place}/letter-settings`, {
        feePaymentMethod: `到${place === "dept" ? "本局" : "本机关"}财务室现场缴纳（工作日9:00—17:00）`,
      });
    }
    let n = 0;
    for (const era of ERAS) {
      for (const place of PLACES) {
        for (const scenario of SCENARIOS) await play(scenario, place, era, n++);
      }
    }
  }, 600_000);
  afterAll(async () => {
    await s?.close();
  });

  it("refuses, with a 422 naming the field, replies without what the law makes them state and fee amounts off the calculation", () => {
    expect(failures422).toEqual([]);
  });

  it("prints every letter of every case and keeps the texts", async () => {
    expect(played).toHaveLength(ERAS.length * PLACES.length * SCENARIOS.length);
    const kinds = new Set<string>();
    for (const p of played) {
      const view = await ok(p.place, "GET", `/api/v1/applications/${p.id}`);
      expect(view.outcome, p.scenario.id).toBe(p.scenario.outcome);
      const list = await ok<{
        items: { kind: string; consultationId?: string; hasDeliveryReceipt: boolean }[];
      }>(p.place, "GET", `/api/v1/applications/${p.id}/letters`);
      for (const item of list.items) {
        kinds.add(item.kind === "consultation_letter" ? `consultation_letter:${p.party}` : item.kind);
        const options = item.consultationId ? { consultationId: item.consultationId } : {};
        // issued by POST (numbered once, frozen), then read
        const issued = await s.call<{ serialNo: string; issuedBy: string }>(
          p.place,
          "POST",
          `/api/v1/applications/${p.id}/letters/${item.kind}`,
          options,
        );
        expect(issued.status, `${p.scenario.id} ${item.kind}`).toBe(201);
        expect(issued.body.issuedBy).toMatch(/工作人员$/);
        const letter = await s.letters.composeLetter(s.actors[p.place], p.id, item.kind, options);
        expect(letter.serialNo).toBe(issued.body.serialNo);
        const text = letterText(letter);
        await keepArtefact(`${p.place}/${p.era.label}/${p.scenario.id}/${item.kind}.txt`, text);
        checkLetter(p, view, item.kind, letter, text);
        // the web view (…/model) prints the issued DOCX's words, paragraph for paragraph
        const qs = item.consultationId ? `?consultationId=${item.consultationId}` : "";
        const path = `/api/v1/applications/${p.id}/letters/${item.kind}`;
        const web = await ok<LetterContent & { issued: boolean }>(p.place, "GET", `${path}/model${qs}`);
        expect(web, `${p.scenario.id} ${item.kind}`).toEqual({ ...letter, issued: true });
        const docx = await s.call<Buffer>(p.place, "GET", `${path}.docx${qs}`);
        expect(await docxParagraphs(docx.body), `${p.scenario.id} ${item.kind}`).toEqual(text.split("\n"));
        if (item.hasDeliveryReceipt) {
          const receipt = await s.letters.composeDeliveryReceipt(s.actors[p.place], p.id, item.kind, options);
          await keepArtefact(
            `${p.place}/${p.era.label}/${p.scenario.id}/${item.kind}.送达回证.txt`,
            letterText(receipt),
          );
          checkDeliveryReceipt(p, item.kind, letter, receipt);
        }
      }
    }
    expect([...kinds].sort()).toEqual(
      [
        "consultation_letter:co_producer",
        "consultation_letter:other_agency",
        "consultation_letter:third_party",
        "extension_notice",
        "fee_notice",
        "receipt",
        "reply",
        "supplement_notice",
      ].sort(),
    );
  }, 600_000);

  function clockOf(view: ApplicationView, kind: string): ClockView | undefined {
    if (kind === "supplement_notice") return view.deadlines.supplementWindow;
    if (kind === "fee_notice") return view.deadlines.feePayment;
    if (kind === "consultation_letter") return view.deadlines.consultations?.[0];
    return undefined;
  }

  function checkLetter(p: Played, view: ApplicationView, kind: string, letter: LetterContent, text: string) {
    const where = `${p.place} ${p.era.label} ${p.scenario.id} ${kind}`;
    const clock = clockOf(view, kind);
    const end = promisedEnd(text);
    // no date but the receipt of the application, the letter's own date and the window the system computes
    const allowed = new Set<string>([view.receivedOn, ...datesIn(letter.date)]);
    if (clock) allowed.add(clock.dueOn);
    for (const date of datesIn(text)) expect(allowed.has(date), `${where}: ${date}\n${text}`).toBe(true);
    if (end) expect(end, where).toBe(clock?.dueOn);
    switch (kind) {
      case "supplement_notice":
        expect(text, where).toContain(
          `自收到本告知书之日起15个工作日内（期限届满日为${chinese(clock?.dueOn ?? "")}）`,
        );
        // the system counts the window from the applicant's receipt
        expect(clock?.startsOn, where).toBe(p.received.supplement_notice);
        expect(regulationCitations(text), where).toEqual(["30"]);
        break;
      case "fee_notice":
        expect(text, where).toContain(
          `自收到本通知书之日起20个工作日内（期限届满日为${chinese(clock?.dueOn ?? "")}）`,
        );
        expect(clock?.startsOn, where).toBe(p.received.fee_notice);
        expect(regulationCitations(text), where).toEqual(["42-1"]);
        expect(text, where).toMatch(/缴纳方式：.+/);
        expect(text, where).not.toContain("第三十三条第三款");
        if (p.feeBasis === "per_volume") {
          expect(letter.paragraphs, where).toContain("第201–250页：50页×40元＝2000元");
          expect(text, where).toContain("应缴信息处理费合计4700元");
          expect(text, where).toContain(PAYMENT);
        } else {
          expect(text, where).toContain("本月此前已累计申请25件，本次为第26件起共12件");
          expect(text, where).toContain(
            "按上述标准计算的金额为1900元；本机关确定收取1800元，理由：按本机关规定对学生申请人减收100元",
          );
          expect(text, where).toContain("现场缴纳");
        }
        break;
      case "consultation_letter":
        if (p.party === "other_agency") {
          expect(text, where).toContain(
            `请贵机关于${chinese(p.consultationDueOn ?? "")}前（含当日）提出意见`,
          );
          expect(clock?.dueOn, where).toBe(p.consultationDueOn);
          expect(regulationCitations(text), where).toEqual(["11-1"]);
        } else {
          expect(text, where).toContain(
            `自收到本征求意见书之日起15个工作日内（期限届满日为${chinese(clock?.dueOn ?? "")}）`,
          );
          expect(clock?.startsOn, where).toBe(p.received.consultation_letter);
          const silence =
            p.party === "third_party" ? "由本机关依照《条例》的规定决定是否公开" : "视为同意公开";
          expect(text, where).toContain(`逾期未提出意见的，${silence}`);
          expect(regulationCitations(text), where).toEqual([p.party === "third_party" ? "32" : "34"]);
        }
        break;
      case "extension_notice":
        expect(regulationCitations(text), where).toEqual(["33-2"]);
        break;
      case "receipt":
        expect(regulationCitations(text), where).toEqual(["31", "33-2"]);
        break;
      case "reply":
        checkReply(p, text, where);
        break;
      default:
        throw new Error(`unexpected letter ${kind}`);
    }
  }

  function checkReply(p: Played, text: string, where: string) {
    // the provisions of DOMAIN.md §6 and nothing else
    expect(regulationCitations(text), `${where}\n${text}`).toEqual(p.scenario.articles);
    if (p.scenario.articles.length === 0 && p.scenario.outcome !== "other.fee_unpaid") {
      expect(text, where).not.toContain("法律依据");
    }
    const body = REVIEW_BODY[p.place][p.era.after2024 ? "after" : "before"];
    const reviewFirst = Boolean(p.scenario.withholds) && p.era.after2024;
    expect(text.includes("您应当先向"), `${where}: review first?\n${text}`).toBe(reviewFirst);
    if (reviewFirst) {
      expect(text, where).toContain(
        `根据《中华人民共和国行政复议法》第二十三条第一款第（四）项、第二款的规定，如对本答复${p.scenario.outcome === "partially_disclosed" ? "中不予公开的部分" : ""}不服，您应当先向${body}申请行政复议`,
      );
      expect(text, where).toContain("对行政复议决定不服的，可以再依法向人民法院提起行政诉讼");
    } else {
      expect(text, where).toContain(
        `如对本答复不服，可以自收到本答复之日起60日内向${body}申请行政复议，或者自收到本答复之日起6个月内依法向人民法院提起行政诉讼`,
      );
    }
    if (p.scenario.reply?.reasons) expect(text, where).toContain(p.scenario.reply.reasons);
    if (p.scenario.reply?.holdingAgency) expect(text, where).toContain(p.scenario.reply.holdingAgency);
    if (p.scenario.reply?.replyText) expect(text, where).toContain(p.scenario.reply.replyText);
    if (p.scenario.outcome === "withheld.administrative_query")
      expect(text, where).not.toContain("决定不予公开");
    if (p.scenario.path === "withdraw") expect(text, where).toContain("您已撤回该政府信息公开申请");
    expect(text, where).not.toContain("＿＿");
  }

  function checkDeliveryReceipt(p: Played, kind: string, letter: LetterContent, receipt: LetterContent) {
    const where = `${p.place} ${p.era.label} ${p.scenario.id} ${kind} 送达回证`;
    const rows = new Map(receipt.rows);
    expect(rows.get("送达文书名称及文号"), where).toBe(`${letter.title}（${letter.serialNo}）`);
    expect(rows.get("受送达人"), where).toBe(letter.addressee.replace(/：$/, ""));
    const method =
      kind === "consultation_letter"
        ? "post"
        : kind === "reply"
          ? p.replySentBy
          : DEFAULT_DELIVERY_BY_CHANNEL[p.channel];
    expect(rows.get("送达方式"), where).toBe(DELIVERY_METHOD_LABELS[method]);
    for (const blank of ["送达人（签名）", "受送达人（收件人）签名或者盖章", "代收人及代收理由"]) {
      expect(rows.get(blank), where).toBe("");
    }
    const received = p.received[kind as keyof Played["received"]];
    if (received && method === "post") expect(rows.get("签收日期"), where).toBe(chinese(received));
    expect(receipt.serialNo, where).toBe("");
  }
});
