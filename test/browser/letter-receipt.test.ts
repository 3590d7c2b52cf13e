// Issue 11 (5): the receipt page prints the receipt's DOCX words — the same paragraphs, the
// 草稿 mark before it is issued and its 文号 after, the dates in Chinese and the letter's own
// date — on a desktop and at phone width (390×844), screenshots.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { docxParagraphs } from "../letters/support/docx-paragraphs.ts";
import { type BrowserSuite, startBrowserSuite } from "./support/browser-suite.ts";
import { waitForText } from "./support/ui-helpers.ts";

const APPLICANT = "张三";
// the applicant's words end with a stop: the page must not print “。”。
const DESCRIPTION = "申请公开：本镇2026年度农村道路建设项目的招标文件。";

describe("the receipt page is the receipt's DOCX (browser)", () => {
  let s: BrowserSuite;
  let id = "";
  beforeAll(async () => {
    s = await startBrowserSuite("letter-receipt");
    const app = await s.api<{ id: string }>("clerk", "POST", "/api/v1/applications", {
      agencyCode: "town",
      channel: "in_person",
      receivedOn: "2026-03-02",
      applicant: { type: "natural_person", name: APPLICANT },
      description: DESCRIPTION,
    });
    expect(app.status).toBe(201);
    id = app.body.id;
  });
  afterAll(async () => {
    await s?.close();
  });

  /** The page's letter, line by line as the DOCX has them. */
  async function pageLines(page: Page): Promise<string[]> {
    const parts = await page.locator(".receipt [data-part]").allTextContents();
    return parts.map((t) => t.trim()).filter((t) => t !== "");
  }
  async function docxLines(page: Page, draft: boolean): Promise<string[]> {
    const res = await page.request.get(
      `${s.baseUrl}/api/v1/applications/${id}/letters/receipt.docx${draft ? "?draft=true" : ""}`,
    );
    expect(res.status()).toBe(200);
    return docxParagraphs(Buffer.from(await res.body()));
  }

  for (const [label, viewport] of [
    ["desktop", { width: 1440, height: 900 }],
    ["phone", { width: 390, height: 844 }],
  ] as const) {
    it(`${label}: 草稿 before issuance, then the 文号, the same words as the DOCX`, async () => {
      // the receipt page is a print view outside the menu layout: log in, then open it
      const page = await s.openAs("clerk");
      await page.goto(`${s.baseUrl}/applications/${id}/receipt`);
      await page.setViewportSize(viewport);
      const receipt = page.locator(".receipt");
      await waitForText(receipt, APPLICANT);
      const issuedBefore = (await page.locator(".receipt [data-part=serialNo]").textContent()) ?? "";
      if (label === "desktop") {
        // not issued yet: the page says 草稿 as the draft DOCX does, and reading it numbered nothing
        expect(issuedBefore).toContain("草稿");
        expect(await pageLines(page)).toEqual(await docxLines(page, true));
        await s.shot(page, `${label}-draft`);
        await page.getByRole("button", { name: "出具并下载回执（Word）" }).click();
        await waitForText(page.locator(".receipt [data-part=serialNo]"), "某镇公开收〔2026〕第1号");
      }
      const lines = await pageLines(page);
      expect(lines).toEqual(await docxLines(page, false));
      expect(lines[1]).toBe("某镇公开收〔2026〕第1号");
      expect(lines[2]).toBe(`${APPLICANT}：`);
      expect(lines.at(-1)).toBe("2026年3月2日");
      const text = lines.join("\n");
      expect(text).toContain("本机关于2026年3月2日收到您通过当面申请方式提出");
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(text).not.toContain("您（单位）");
      expect(text).not.toContain("。”");
      // on a phone the letter stays within the screen
      const box = await receipt.boundingBox();
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(viewport.width + 1);
      await s.shot(page, `${label}-issued`);
    });
  }
});
