// Issue 12 (1): the 材料 card of the case page — upload with a kind, the type read from the
// content (a PNG named .pdf stays a PNG, an executable named .pdf is refused with the server's
// words), the issued receipt's PDF listed by the system, downloads with the right name; on a
// desktop and at phone width (390×844), screenshots.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleExe, samplePng } from "../documents/support/sample-files.ts";
import { type BrowserSuite, startBrowserSuite } from "./support/browser-suite.ts";
import { choose, waitForText } from "./support/ui-helpers.ts";

describe("the case's documents (browser)", () => {
  let s: BrowserSuite;
  let id = "";
  beforeAll(async () => {
    s = await startBrowserSuite("case-documents");
    const app = await s.api<{ id: string }>("clerk", "POST", "/api/v1/applications", {
      agencyCode: "town",
      channel: "post",
      receivedOn: "2026-03-02",
      applicant: { type: "natural_person", name: "张三" },
      description: "本镇2025年道路修缮工程的招标文件",
    });
    expect(app.status).toBe(201);
    id = app.body.id;
    // the receipt issued: its PDF is a document of the case, made by the system
    expect((await s.api("clerk", "POST", `/api/v1/applications/${id}/letters/receipt`, {})).status).toBe(201);
  });
  afterAll(async () => {
    await s?.close();
  });

  it("desktop: uploads an envelope scan, refuses an executable, lists the receipt's PDF, downloads", async () => {
    const page = await s.openAs("clerk", `/applications/${id}`);
    const card = page.locator(".documents-card");
    await waitForText(card, "已出具文书（PDF）");
    await waitForText(card, "政府信息公开申请登记回执");
    await choose(page, card, "材料类别", "信封");
    await card.locator("input[type=file]").setInputFiles({
      name: "信封扫描.pdf",
      mimeType: "application/pdf",
      buffer: samplePng(),
    });
    await waitForText(page.locator(".ant-message"), "已上传：信封扫描.pdf（PNG 图片）");
    const row = card.locator("tr", { hasText: "信封扫描.png" });
    await waitForText(row, "信封");
    await waitForText(row, "PNG 图片");
    await waitForText(row, "王登记");
    await card.locator("input[type=file]").setInputFiles({
      name: "答复书.pdf",
      mimeType: "application/pdf",
      buffer: sampleExe(),
    });
    await waitForText(
      page.locator(".ant-message"),
      "该文件实际是Windows 可执行程序（EXE/DLL），不是文档或图片，已拒绝",
    );
    expect(await card.locator("tr", { hasText: "答复书" }).count()).toBe(0);
    await s.shot(page, "desktop-documents");
    const download = page.waitForEvent("download");
    await row.getByText("信封扫描.png").click();
    expect((await download).suggestedFilename()).toBe("信封扫描.png");
  });

  it("phone: a supervisor reads the list without an upload button, within the screen", async () => {
    const page = await s.openAs("supervisor", `/applications/${id}`);
    await page.setViewportSize({ width: 390, height: 844 });
    const card = page.locator(".documents-card");
    await waitForText(card, "信封扫描.png");
    expect(await card.getByRole("button", { name: "上传" }).count()).toBe(0);
    const box = await card.boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(391);
    await card.scrollIntoViewIfNeeded();
    await s.shot(page, "phone-documents");
  });
});
