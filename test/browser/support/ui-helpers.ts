import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";

/** Types a date into an Ant Design DatePicker found by its label and commits it. */
export async function fillDate(scope: Page | Locator, label: string, date: string): Promise<void> {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  await input.press("Enter");
}

/**
 * Opens an Ant Design Select by its label, types the option's text when the select searches,
 * picks the option, and waits until the dropdown has closed on it.
 */
export async function choose(
  page: Page,
  scope: Page | Locator,
  label: string,
  option: string,
  options: { search?: boolean } = {},
): Promise<void> {
  const select = scope.getByLabel(label, { exact: true });
  await select.click();
  if (options.search) await select.fill(option);
  const item = page
    .locator(".ant-select-dropdown .ant-select-item-option")
    .filter({ hasText: option })
    .first();
  await item.waitFor();
  await item.click();
  // The dropdown closes once the choice is taken. On a loaded machine a click that arrives while
  // the dropdown is still settling can be dropped by the select (seen once in three full runs):
  // click the still-open option again, at most twice, before giving up.
  for (let attempt = 0; attempt < 2; attempt++) {
    const closed = await item
      .waitFor({ state: "hidden", timeout: 5_000 })
      .then(() => true)
      .catch(() => false);
    if (closed) return;
    await item.click();
  }
  await item.waitFor({ state: "hidden" });
}

/** The open action dialog of the case page. */
export function dialog(page: Page): Locator {
  return page.getByRole("dialog");
}

/** Clicks an action button, fills the dialog with `fill`, confirms, and waits for it to close. */
export async function runAction(
  page: Page,
  action: string,
  fill: (d: Locator) => Promise<void>,
): Promise<void> {
  await page.getByRole("button", { name: action, exact: true }).click();
  const d = dialog(page);
  try {
    await d.waitFor({ timeout: 10_000 });
  } catch (e) {
    await page.screenshot({ path: "test-results/browser/debug-action.png", fullPage: true });
    throw e;
  }
  await fill(d);
  await d.getByRole("button", { name: /^确\s?定$/ }).click();
  await d.waitFor({ state: "detached" });
}

/** Waits until the text of `locator` contains `text`. */
export async function waitForText(locator: Locator, text: string): Promise<void> {
  await expect.poll(async () => (await locator.textContent()) ?? "", { timeout: 15_000 }).toContain(text);
}
