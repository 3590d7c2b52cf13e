import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getOutcome, OUTCOME_IDS, replyFormFor } from "../../src/domain/outcomes.ts";
import { citeRegulation } from "../../src/domain/regulation-citation.ts";
import type { ApplicationView } from "../../src/services/application-types.ts";
import { freshPostgresUrl } from "../support/services.ts";
import { buildYear, yearSpecs } from "./support/build-year.ts";
import { d, makeReportFixture, type ReportFixture } from "./support/report-fixture.ts";

const NOW = new Date("2026-03-20T02:00:00Z");
const EITHER_OR =
  /如对本答复不服，可以自收到本答复之日起60日内向某县人民政府申请行政复议，或者自收到本答复之日起6个月内依法向人民法院提起行政诉讼/;
const REVIEW_FIRST = /(您|贵单位)应当先向某县人民政府申请行政复议/;

/** Issues a letter (what POST …/letters/:kind does), then reads its words. */
async function issued(
  f: ReportFixture,
  actor: ReportFixture["actors"]["approver"],
  id: string,
  kind: string,
  options: { pages?: number } = {},
) {
  await f.letters.issueLetter(actor, id, kind, options);
  return f.letters.composeLetter(actor, id, kind, options);
}

describe("letters on the embedded database", () => {
  let f: ReportFixture;
  let views: Map<string, ApplicationView>;
  const id = (label: string) => (views.get(label) as ApplicationView).id;

  beforeAll(async () => {
    f = await makeReportFixture({ now: NOW });
    views = await buildYear(f, yearSpecs());
    await f.letters.setLetterSettings(f.actors.admin, "town", {
      feePaymentMethod: "到某镇人民政府财政所缴纳",
    });
  }, 120_000);
  afterAll(async () => {
    await f?.handle.close();
  });

  it("writes a reply for every outcome with its decision, the article of the outcome table and the remedy clause", async () => {
    const town = [...views.values()].filter((v) => v.agencyCode === "town" && v.outcome !== null);
    for (const outcome of OUTCOME_IDS) {
      const app = town.find((v) => v.outcome === outcome) as ApplicationView;
      const letter = await issued(f, f.actors.approver, app.id, "reply");
      const text = letter.paragraphs.join("\n");
      const form = replyFormFor(outcome, { withdrawn: outcome === "other.other" });
      const basis = citeRegulation(form.articles) || form.otherBasis;
      if (basis) expect(text, outcome).toContain(`法律依据：${basis}。`);
      else expect(text, outcome).not.toContain("法律依据");
      expect(text, outcome).toMatch(getOutcome(outcome).withholds ? REVIEW_FIRST : EITHER_OR);
      expect(text, outcome).toContain(app.trackingNo);
      expect(letter.addressee).toBe(`${app.applicant.name}：`);
      expect(letter.title).toBe("政府信息公开申请答复书");
      expect(letter.date).toBe(
        `${Number(app.dispositionOn?.slice(0, 4))}年${Number(app.dispositionOn?.slice(5, 7))}月${Number(app.dispositionOn?.slice(8))}日`,
      );
      const group = getOutcome(outcome).group;
      if (group === "withheld" && outcome !== "withheld.administrative_query")
        expect(text).toContain("本机关决定不予公开");
      if (group === "disclosed") expect(text).toContain("决定予以公开");
      if (group === "not_processed") expect(text).toMatch(/不予|不作为政府信息公开申请处理/);
    }
    const withdrawn = await issued(f, f.actors.handler, id("withdrawn"), "reply");
    // a legal service organisation: addressed as 贵单位
    expect(withdrawn.paragraphs.join("")).toContain("贵单位已撤回该政府信息公开申请");
    expect(
      (await issued(f, f.actors.handler, id("outcome withheld.state_secret"), "reply")).paragraphs.join(""),
    ).toContain("第十四条");
  });

  it("numbers each letter once from the agency's yearly sequence of its kind", async () => {
    const again = await issued(f, f.actors.approver, id("outcome disclosed"), "reply");
    const first = await issued(f, f.actors.approver, id("outcome disclosed"), "reply");
    expect(again.serialNo).toBe(first.serialNo);
    expect(first.serialNo).toMatch(/^某镇公开〔2025〕第\d+号$/);
    const receipt = await issued(f, f.actors.clerk, id("outcome disclosed"), "receipt");
    expect(receipt.serialNo).toBe("某镇公开收〔2025〕第1号");
    const rows = await f.db
      .selectFrom("letters" as never)
      .select(["serial" as never, "family" as never, "year" as never])
      .execute();
    const replies = (rows as { serial: number; family: string; year: number }[]).filter(
      (r) => r.family === "reply" && r.year === 2025,
    );
    expect(replies.map((r) => r.serial).sort((a, b) => a - b)).toEqual(replies.map((_, i) => i + 1));
  });

  it("writes the notices of the lifecycle from their events, and refuses letters a case does not have", async () => {
    const fee = await issued(f, f.actors.handler, id("fee paid"), "fee_notice", { pages: 100 });
    expect(fee.paragraphs).toContain("第31–100页：70页×10元＝700元");
    expect(fee.paragraphs.join("")).toContain("应缴信息处理费合计700元");
    await expect(
      f.letters.composeLetter(f.actors.handler, id("fee paid"), "fee_notice", { pages: 90 }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      f.letters.composeLetter(f.actors.handler, id("on the spot"), "fee_notice"),
    ).rejects.toMatchObject({
      status: 409,
      message: "该申请未发出收费通知，没有收费通知书",
    });
    await expect(f.letters.composeLetter(f.actors.handler, id("2025 → open"), "reply")).rejects.toMatchObject(
      { status: 409 },
    );
    await expect(
      f.letters.composeLetter(f.actors.handler, id("on the spot"), "invoice"),
    ).rejects.toMatchObject({ status: 404 });
    const supplement = await issued(f, f.actors.handler, id("unclear after supplement"), "supplement_notice");
    expect(supplement.paragraphs).toContain("1. 请明确所需信息的名称或文号");
    expect(supplement.paragraphs.join("")).toContain("第三十条");
    const consultation = await issued(f, f.actors.handler, id("consulted"), "consultation_letter");
    expect(consultation.addressee).toBe("某建筑公司：");
    expect(consultation.paragraphs.join("")).toContain("第三十二条");
    const extension = await issued(f, f.actors.handler, id("extended"), "extension_notice");
    expect(extension.paragraphs.join("")).toContain("答复期限延长20个工作日");
    const list = await f.letters.listLetters(f.actors.handler, id("fee paid"));
    expect(list.map((l) => l.kind)).toEqual(["receipt", "fee_notice", "reply"]);
  });

  it("lets a supervisor read issued letters but not issue new ones; renders a DOCX", async () => {
    await expect(f.letters.issueLetter(f.actors.supervisor, id("late reply"), "reply")).rejects.toMatchObject(
      { status: 403 },
    );
    await expect(
      f.letters.composeLetter(f.actors.supervisor, id("late reply"), "reply"),
    ).rejects.toMatchObject({ status: 409 });
    const numbered = await f.letters.composeLetter(f.actors.supervisor, id("outcome disclosed"), "reply");
    expect(numbered.serialNo).toMatch(/^某镇公开/);
    await expect(f.letters.issueLetter(f.actors.otherclerk, id("late reply"), "reply")).rejects.toMatchObject(
      { status: 404 },
    );
    await f.letters.setLetterSettings(f.actors.admin, "town", { shortName: "某政" });
    const { letter } = await f.letters.issueLetter(f.actors.approver, id("late reply"), "reply");
    const { buffer, filename } = await f.letters.downloadLetter(
      f.actors.supervisor,
      id("late reply"),
      "reply",
    );
    expect(letter.serialNo).toMatch(/^某政公开〔2025〕第\d+号$/);
    expect(filename).toBe(`政府信息公开申请答复书（${letter.serialNo}）.docx`);
    const xml = (await (await JSZip.loadAsync(buffer)).file("word/document.xml")?.async("string")) ?? "";
    expect(xml).toContain(letter.serialNo);
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
  });
});

describe("letter numbers under concurrency on PostgreSQL", () => {
  let f: ReportFixture;
  const ids: string[] = [];

  beforeAll(async () => {
    f = await makeReportFixture({ databaseUrl: await freshPostgresUrl(), now: NOW });
    for (let i = 0; i < 30; i++) {
      const app = await f.applications.register(f.actors.clerk, {
        agencyCode: "town",
        channel: "online",
        receivedOn: d("2026-03-02"),
        applicant: { type: "natural_person", name: `申请人${i}` },
        description: "某项目批复文件",
      });
      await f.applications.act(f.actors.approver, app.id, {
        type: "decide",
        on: d("2026-03-10"),
        outcome: "disclosed",
      });
      ids.push(app.id);
    }
  }, 120_000);
  afterAll(async () => {
    await f?.handle.close();
  });

  it("gives 30 reply letters issued at once the numbers 1–30, and 30 concurrent issues of one letter one number", async () => {
    const letters = await Promise.all(ids.map((id) => f.letters.issueLetter(f.actors.approver, id, "reply")));
    expect(letters.every((l) => l.created)).toBe(true);
    const serials = letters.map((l) => Number(/第(\d+)号/.exec(l.letter.serialNo ?? "")?.[1]));
    expect([...serials].sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    const same = await Promise.all(
      Array.from({ length: 30 }, () => f.letters.issueLetter(f.actors.clerk, ids[0] as string, "receipt")),
    );
    expect(new Set(same.map((l) => l.letter.serialNo))).toEqual(new Set(["某镇公开收〔2026〕第1号"]));
    expect(same.filter((l) => l.created)).toHaveLength(1);
    const next = await f.letters.issueLetter(f.actors.clerk, ids[1] as string, "receipt");
    expect(next.letter.serialNo).toBe("某镇公开收〔2026〕第2号");
  });
});
