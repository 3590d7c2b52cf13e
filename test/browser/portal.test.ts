// The applicant's portal at /apply (issue 12, "what it must show"), on the real system with its
// workers (the applicant-notice relay) and an SMTP sink: an applicant submits on a phone
// (390×844) with an ID-card image; the clerk confirms it in 网络申请待确认; the status page shows
// the deadline; the handler requests a supplement; the applicant answers it online with a PDF;
// the reply is decided and issued; on a desktop the applicant downloads the reply letter (the
// frozen PDF). A mail reaches the applicant at each step. Screenshots under test-results/browser/portal/.
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { civilDateInChina } from "../../src/domain/civil-date.ts";
import { type SmtpSink, startSmtpSink } from "../support/smtp-sink.ts";
import { type BrowserSuite, startBrowserSuite } from "./support/browser-suite.ts";
import { kilobytes, scriptBytes } from "./support/script-bytes.ts";
import { waitForText } from "./support/ui-helpers.ts";

const PHONE = { width: 390, height: 844 };
const APPLICANT = {
  name: "陈申请",
  idNumber: "11010519491231002X",
  phone: "13912345678",
  email: "chen.applicant@example.com",
};
const LAST4 = "5678";
/** A 1×1 PNG: the ID card's photo as far as the content check is concerned. */
const ID_CARD_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);
const SUPPLEMENT_PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);
/** The /apply page's JavaScript, gzip: React (~68 KB) and the portal; none of the staff UI. */
const PORTAL_JS_BUDGET = 100 * 1024;
const MAIL_WAIT_MS = 30_000;
/**
 * The reply's notice waits until its letter is issued and frozen as PDF (LibreOffice): the relay
 * looks again a minute later, so this mail may take a little over a minute.
 */
const REPLY_MAIL_WAIT_MS = 150_000;

/** `2026-12-21` as the status page writes it. */
const chinese = (d: string) => `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

interface CaseView {
  id: string;
  trackingNo: string;
  channel: string;
  state: string;
  receivedOn: string;
  applicant: { name: string; idNumber?: string };
  deadlines: { reply: { dueOn: string } };
  events: { type: string; payload: Record<string, unknown> }[];
}

describe("the applicant's portal (/apply) and 网络申请待确认", () => {
  let s: BrowserSuite;
  let sink: SmtpSink;
  let queryCode = "";
  let caseId = "";
  const today = civilDateInChina(new Date());

  beforeAll(async () => {
    sink = await startSmtpSink();
    s = await startBrowserSuite("portal", {
      workers: true,
      env: { SMTP_URL: sink.url, OGI_NOTICE_INTERVAL_SECONDS: "0.5" },
    });
  });
  afterAll(async () => {
    await s?.close();
    await sink?.stop();
  });

  const mailTo = (subject: string, waitMs = MAIL_WAIT_MS) =>
    sink.waitFor((m) => m.to.includes(APPLICANT.email) && m.subject.includes(subject), waitMs);
  const readCase = async () => {
    const r = await s.api<CaseView>("handler", "GET", `/api/v1/applications/${caseId}`);
    expect(r.status).toBe(200);
    return r.body;
  };
  const act = async (user: "handler" | "approver", body: Record<string, unknown>) => {
    const r = await s.api(user, "POST", `/api/v1/applications/${caseId}/actions`, body);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  };
  /** 申请查询 with the code and the last four digits of the phone. */
  async function lookUp(page: Page): Promise<void> {
    await page.getByRole("textbox", { name: "联系电话或证件号码的后4位", exact: true }).fill(LAST4);
    await page.getByRole("button", { name: "查询", exact: true }).click();
    await page.locator("#status-title").waitFor();
  }

  it("on a phone: the portal loads none of the staff UI; the form checks the ID number; the 查询码 is shown", async () => {
    const phone = await s.newPage();
    await phone.setViewportSize(PHONE);
    let headers: Record<string, string> = {};
    const js = await scriptBytes(phone, async () => {
      headers = (await phone.goto(`${s.baseUrl}/apply`))?.headers() ?? {};
      await phone.getByRole("heading", { name: "申请人信息" }).waitFor();
    });
    // the staff UI's browser headers on the portal's page too
    expect(headers["content-security-policy"]).toContain("script-src 'self'");
    expect(headers["x-frame-options"]).toBe("DENY");
    process.stdout.write(
      `/apply JavaScript: ${js.files} files, ${kilobytes(js.raw)} raw, ${kilobytes(js.gzip)} gzip\n`,
    );
    expect(js.names.filter((n) => /antd|app-layout|worklist|login|echarts|lunar/i.test(n))).toEqual([]);
    expect(js.gzip).toBeLessThan(PORTAL_JS_BUDGET);
    // no purpose is asked (the 2019 Regulation dropped it), and the form says so
    expect(await phone.getByLabel(/用途/).count()).toBe(0);
    await waitForText(phone.locator("main"), "无需说明申请用途");

    await phone.getByLabel("搜索机关", { exact: true }).fill("某镇");
    await phone.getByRole("radio", { name: /^某镇人民政府/ }).check();
    // an organisation is asked for its 统一社会信用代码 (checked), 法定代表人 and 联系人 instead
    await phone.getByLabel("申请人类型").selectOption({ label: "商业企业" });
    await phone.getByRole("textbox", { name: "统一社会信用代码", exact: true }).fill("91110000100000000A");
    await phone.getByRole("button", { name: "下一步：确认申请信息" }).click();
    const problems = phone.locator("form");
    await waitForText(problems, "不是有效的统一社会信用代码");
    await waitForText(problems, "请填写法定代表人或主要负责人");
    await waitForText(problems, "请填写联系人");
    expect(await phone.getByRole("textbox", { name: "姓名", exact: true }).count()).toBe(0);
    await phone.getByLabel("申请人类型").selectOption({ label: "自然人" });
    await phone.getByRole("textbox", { name: "姓名", exact: true }).fill(APPLICANT.name);
    await phone.getByRole("textbox", { name: "证件号码", exact: true }).fill("110105194912310021");
    await phone.getByRole("textbox", { name: "联系电话", exact: true }).fill(APPLICANT.phone);
    await phone.getByRole("textbox", { name: "电子邮箱", exact: true }).fill(APPLICANT.email);
    await phone
      .getByRole("textbox", { name: /所需政府信息的名称/ })
      .fill("2025年本镇农村道路硬化工程的招标文件和中标公告");
    await phone.getByRole("radio", { name: "网上下载" }).check();
    await phone
      .getByLabel("附件", { exact: true })
      .setInputFiles({ name: "身份证.png", mimeType: "image/png", buffer: ID_CARD_PNG });
    await phone.getByRole("button", { name: "下一步：确认申请信息" }).click();
    // a wrong check digit is refused in the browser, at its field, without giving the digit away
    await waitForText(phone.locator(".has-error"), "不是有效的居民身份证号码");
    await s.shot(phone, "phone-id-number-refused");
    await phone.getByRole("textbox", { name: "证件号码", exact: true }).fill(APPLICANT.idNumber);
    await phone.getByRole("button", { name: "下一步：确认申请信息" }).click();

    const review = phone.getByRole("heading", { name: "确认申请信息" });
    await review.waitFor();
    const list = phone.locator("dl.review");
    for (const text of ["某镇人民政府", APPLICANT.name, APPLICANT.idNumber, "网上下载", "身份证.png"]) {
      await waitForText(list, text);
    }
    await s.shot(phone, "phone-review");
    await phone.getByRole("button", { name: "确认提交" }).click();
    await phone.getByRole("heading", { name: "申请已提交" }).waitFor();
    queryCode = ((await phone.locator(".query-code").textContent()) ?? "").trim();
    expect(queryCode).toMatch(/^[A-Z2-7]{5}(-[A-Z2-7]{1,5}){5}$/);
    await waitForText(phone.locator("main"), "请妥善保存查询码");
    await s.shot(phone, "phone-query-code");

    // before confirmation: waiting for the agency, no deadline yet
    await phone.getByRole("button", { name: "查询办理进度" }).click();
    expect(await phone.getByRole("textbox", { name: "查询码", exact: true }).inputValue()).toBe(queryCode);
    // the code is handed over in the history entry, never in an address (server logs, proxies)
    expect(new URL(phone.url()).pathname + new URL(phone.url()).search).toBe("/apply/query");
    await lookUp(phone);
    await waitForText(phone.locator(".stage"), "等待机关确认");
    expect(await phone.locator(".deadline").count()).toBe(0);
    // a wrong last four digits: the same answer as a wrong code
    await phone.getByRole("textbox", { name: "联系电话或证件号码的后4位", exact: true }).fill("0000");
    await phone.getByRole("button", { name: "查询", exact: true }).click();
    await waitForText(phone.locator(".notice.error"), "查询码或验证信息不正确");
  });

  it("the clerk sees the submission with its ID-card image in 网络申请待确认 and confirms it; the case opens", async () => {
    const clerk = await s.openAs("clerk", "/online-submissions");
    await clerk.getByRole("menuitem", { name: "网络申请待确认" }).waitFor();
    await waitForText(clerk.locator(".online-submissions"), APPLICANT.name);
    await s.shot(clerk, "desktop-clerk-queue");
    await clerk.getByRole("button", { name: `查看 ${APPLICANT.name} 的网络申请` }).click();
    const drawer = clerk.locator(".ant-drawer").getByRole("dialog");
    await waitForText(drawer, "2025年本镇农村道路硬化工程的招标文件和中标公告");
    await waitForText(drawer, "身份证.png");
    await expect.poll(async () => (await drawer.boundingBox())?.x).toBe(1440 - 560);
    await s.shot(clerk, "desktop-clerk-submission");
    // on a phone the same submission opens across the whole width
    const clerkPhone = await s.openAs("clerk", "/online-submissions");
    await clerkPhone.setViewportSize(PHONE);
    await clerkPhone.getByRole("button", { name: `查看 ${APPLICANT.name} 的网络申请` }).click();
    const phoneDrawer = clerkPhone.locator(".ant-drawer").getByRole("dialog");
    await waitForText(phoneDrawer, "身份证.png");
    // once it has slid in: the whole width, from the left edge
    await expect.poll(async () => (await phoneDrawer.boundingBox())?.x).toBe(0);
    expect((await phoneDrawer.boundingBox())?.width).toBe(PHONE.width);
    await s.shot(clerkPhone, "phone-clerk-submission");
    await drawer.getByRole("button", { name: "确认受理" }).click();
    const confirm = clerk.getByRole("dialog").filter({ hasText: "确认受理网络申请" });
    expect(await confirm.getByLabel("收到申请之日").inputValue()).toBe(today);
    await confirm.getByRole("button", { name: "确认受理" }).click();
    await clerk.waitForURL(/\/applications\/[^/]+$/);
    caseId = decodeURIComponent(new URL(clerk.url()).pathname.split("/").pop() ?? "");
    const view = await readCase();
    expect(view.channel).toBe("online");
    expect(view.receivedOn).toBe(today);
    expect(view.applicant.name).toBe(APPLICANT.name);
    await waitForText(clerk.locator("main"), APPLICANT.name);

    const receipt = await mailTo("已登记");
    expect(receipt.text).toContain(view.trackingNo);
  });

  it("on the phone the status page gives the deadline in plain words", async () => {
    const view = await readCase();
    const phone = await s.newPage();
    await phone.setViewportSize(PHONE);
    await phone.goto(`${s.baseUrl}/apply/query`);
    await phone.getByRole("textbox", { name: "查询码", exact: true }).fill(queryCode);
    await lookUp(phone);
    await waitForText(phone.locator(".stage"), "已受理登记");
    await waitForText(
      phone.locator(".deadline"),
      `本机关最迟应于${chinese(view.deadlines.reply.dueOn)}（含当日）答复您`,
    );
    // the notice mailed at registration, on the page too
    await waitForText(phone.locator(".notices"), `收到您的政府信息公开申请（申请编号：${view.trackingNo}）`);
    await s.shot(phone, "phone-status-deadline");
  });

  it("the handler asks for a supplement; the applicant answers it online with a PDF on the phone", async () => {
    await act("handler", {
      type: "request_supplement",
      on: today,
      items: ["请写明招标文件的项目名称或文号"],
      sentBy: "email",
    });
    await mailTo("补正告知");

    const phone = await s.newPage();
    await phone.setViewportSize(PHONE);
    await phone.goto(`${s.baseUrl}/apply/query`);
    await phone.getByRole("textbox", { name: "查询码", exact: true }).fill(queryCode);
    await lookUp(phone);
    await waitForText(phone.locator(".stage"), "需要补正");
    await waitForText(phone.locator(".notice.warning"), "请写明招标文件的项目名称或文号");
    await phone
      .getByRole("textbox", { name: "补正说明", exact: true })
      .fill("项目名称：2025年农村道路硬化工程（一标段）");
    await phone
      .getByLabel("补正材料", { exact: true })
      .setInputFiles({ name: "补正说明.pdf", mimeType: "application/pdf", buffer: SUPPLEMENT_PDF });
    await s.shot(phone, "phone-supplement-form");
    await phone.getByRole("button", { name: "提交补正" }).click();
    await waitForText(phone.locator(".notice.success"), "补正已提交");
    await waitForText(phone.locator(".stage"), "办理中");
    await s.shot(phone, "phone-supplement-sent");

    const view = await readCase();
    expect(view.state).toBe("in_progress");
    const received = view.events.filter((e) => e.type === "supplement.received");
    expect(received).toHaveLength(1);
    // art. 30: the reply period counts again from the supplement's day, and the page says so
    await waitForText(
      phone.locator(".deadline"),
      `本机关最迟应于${chinese(view.deadlines.reply.dueOn)}（含当日）答复您`,
    );
    // the ID-card image came with the confirmed submission, the PDF with the supplement
    const docs = await s.api<{ fileName: string; letterKey: string | null }[]>(
      "handler",
      "GET",
      `/api/v1/applications/${caseId}/documents`,
    );
    expect(docs.status).toBe(200);
    const uploaded = docs.body.filter((d) => d.letterKey === null).map((d) => d.fileName);
    expect(uploaded.sort()).toEqual(["补正说明.pdf", "身份证.png"]);
  });

  it("the reply is decided and issued; on a desktop the applicant downloads the reply letter as a PDF", async () => {
    await act("approver", { type: "decide", on: today, outcome: "disclosed" });
    const issued = await s.api<{ serialNo: string }>(
      "handler",
      "POST",
      `/api/v1/applications/${caseId}/letters/reply`,
      {},
    );
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    const replyMail = await mailTo("申请答复", REPLY_MAIL_WAIT_MS);
    expect(replyMail.text).toContain(issued.body.serialNo);

    const desktop = await s.newPage();
    await desktop.goto(`${s.baseUrl}/apply/query`);
    await desktop.getByRole("textbox", { name: "查询码", exact: true }).fill(queryCode);
    await lookUp(desktop);
    await waitForText(desktop.locator(".stage"), "已答复");
    const letters = desktop.locator(".letters");
    await waitForText(letters, "政府信息公开申请答复书");
    await waitForText(letters, issued.body.serialNo);
    await waitForText(desktop.locator(".notices"), `政府信息公开申请答复书（${issued.body.serialNo}）`);
    await s.shot(desktop, "desktop-status-replied");
    const [download] = await Promise.all([
      desktop.waitForEvent("download"),
      desktop.getByRole("button", { name: "下载政府信息公开申请答复书" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const path = await download.path();
    expect(readFileSync(path).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    // one mail per step, each to the applicant
    const subjects = sink.messages.filter((m) => m.to.includes(APPLICANT.email)).map((m) => m.subject);
    expect(subjects.filter((t) => t.includes("已登记"))).toHaveLength(1);
    expect(subjects.filter((t) => t.includes("补正告知"))).toHaveLength(1);
    expect(subjects.filter((t) => t.includes("申请答复"))).toHaveLength(1);
  }, 240_000);

  it("an applicant withdraws a submission on the phone before the agency confirms it", async () => {
    const submitted = await fetch(`${s.baseUrl}/api/v1/public/applications`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        agencyCode: "town",
        applicant: {
          type: "natural_person",
          name: "周撤回",
          idType: "passport",
          idNumber: "E12345678",
          phone: "13800001234",
        },
        description: "本镇2025年财政预算执行情况",
        deliveryForm: "电子邮件",
      }),
    });
    expect(submitted.status).toBe(201);
    const { queryCode: code } = (await submitted.json()) as { queryCode: string };
    const phone = await s.newPage();
    await phone.setViewportSize(PHONE);
    await phone.goto(`${s.baseUrl}/apply/query`);
    await phone.getByRole("textbox", { name: "查询码", exact: true }).fill(code);
    await phone.getByRole("textbox", { name: "联系电话或证件号码的后4位", exact: true }).fill("1234");
    await phone.getByRole("button", { name: "查询", exact: true }).click();
    await waitForText(phone.locator(".stage"), "等待机关确认");
    await phone.getByRole("button", { name: "撤回申请" }).click();
    // nothing happens before the applicant confirms
    await waitForText(phone.getByRole("alertdialog"), "确定撤回这件申请吗？");
    await s.shot(phone, "phone-withdraw-confirm");
    await phone.getByRole("button", { name: "确定撤回" }).click();
    await waitForText(phone.locator(".notice.success"), "申请已撤回");
    await waitForText(phone.locator(".stage"), "已撤回");
    expect(await phone.getByRole("button", { name: "撤回申请" }).count()).toBe(0);
    // the clerk's queue no longer holds it
    const queue = await s.api<{ items: { applicant: { name: string } }[] }>(
      "clerk",
      "GET",
      "/api/v1/online-submissions",
    );
    expect(queue.body.items.map((i) => i.applicant.name)).not.toContain("周撤回");
  });

  it("repeated wrong look-ups are slowed, then challenged with arithmetic; a right answer lets the query through", async () => {
    const desktop = await s.newPage();
    await desktop.goto(`${s.baseUrl}/apply`);
    await desktop.getByRole("heading", { name: "申请人信息" }).waitFor();
    await s.shot(desktop, "desktop-apply-form");
    await desktop.getByRole("link", { name: "申请查询" }).click();
    await desktop
      .getByRole("textbox", { name: "查询码", exact: true })
      .fill("AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-F");
    await desktop.getByRole("textbox", { name: "联系电话或证件号码的后4位", exact: true }).fill(LAST4);
    const query = desktop.locator("form").getByRole("button");
    const problem = desktop.locator(".notice.error");
    /** Clicks 查询 once it may be clicked and gives the status of the look-up it sent. */
    const ask = async () => {
      const [res] = await Promise.all([
        desktop.waitForResponse((r) => r.url().includes("/api/v1/public/applications/")),
        query.click(),
      ]);
      return { status: res.status(), body: (await res.json()) as { error: { code: string } } };
    };
    // the code's five free failures and one more: the same 404 words each time
    for (let i = 0; i < 6; i++) {
      expect((await ask()).status).toBe(404);
      await waitForText(problem, "查询码或验证信息不正确");
    }
    // then a wait (429 with Retry-After: the button says how long and stays disabled) …
    const slowed = await ask();
    expect([slowed.status, slowed.body.error.code]).toEqual([429, "rate_limited"]);
    await waitForText(problem, "秒后再试");
    await expect.poll(() => query.isDisabled()).toBe(true);
    await s.shot(desktop, "desktop-lookup-slowed");
    // … then, once the wait is over, the question
    const challenged = await ask();
    expect([challenged.status, challenged.body.error.code]).toEqual([429, "challenge_required"]);
    const challenge = desktop.getByLabel(/^验证问题：/);
    await challenge.waitFor();
    const question = (await desktop.locator(".challenge label").textContent()) ?? "";
    const m = /(\d+) (加|减) (\d+) 等于几/.exec(question);
    expect(m, question).not.toBeNull();
    const [x, op, y] = [Number(m?.[1]), m?.[2], Number(m?.[3])];
    await s.shot(desktop, "desktop-lookup-challenge");
    await challenge.fill(String(op === "加" ? x + y : x - y));
    // answered: the look-up goes through (a wrong code is still the one 404), no new question
    expect((await ask()).status).toBe(404);
    await waitForText(problem, "查询码或验证信息不正确");
    expect(await desktop.locator(".challenge").count()).toBe(0);
    // the applicant's own code still opens at once
    await desktop.getByRole("textbox", { name: "查询码", exact: true }).fill(queryCode);
    await lookUp(desktop);
    await waitForText(desktop.locator(".stage"), "已答复");
  });
});
