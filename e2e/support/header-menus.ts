import type { Page } from "@playwright/test";

async function open(page: Page, testId: string) {
  const menu = page.getByTestId(testId);
  if ((await menu.getAttribute("open")) === null) await menu.locator("summary").click();
}

/** Opens the header's language disclosure (a <details>: works with and without JavaScript). */
export async function openLanguageMenu(page: Page) {
  await open(page, "language-menu");
}

/** Opens the signed-in person's disclosure in the header (their name, account, sign-out). */
export async function openAccountMenu(page: Page) {
  await open(page, "account-menu");
}
