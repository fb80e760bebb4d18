import { expect, type Page } from "@playwright/test";
import ar from "../../messages/ar.json" with { type: "json" };
import de from "../../messages/de.json" with { type: "json" };
import { DEMO_ACCOUNTS } from "../../prisma/seed";

export const CATALOGUES = { de, ar } as const;
export type SpecLocale = keyof typeof CATALOGUES;

export function demoAccount(displayName: string) {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.displayName === displayName);
  if (!account) throw new Error(`no demo account ${displayName}`);
  return account;
}

/** Signs in with a demo account's code on the sign-in page of `locale`. */
export async function signInAs(page: Page, displayName: string, locale: SpecLocale = "de") {
  const text = CATALOGUES[locale];
  await page.goto(`/${locale}/sign-in`);
  await page.getByLabel(text.signIn.code, { exact: true }).fill(demoAccount(displayName).signInCode);
  await page.getByRole("button", { name: text.signIn.submit, exact: true }).click();
  // Exactly the start page of `locale`; a redirect may add a fragment (`#flash`), nothing else.
  await expect(page).toHaveURL(new RegExp(`^https?://[^/]+/${locale}(#[^#]*)?$`));
}

/** The part of an ICU sentence before its first placeholder ("Fehler: " of "Fehler: {title}"). */
export function before(sentence: string, placeholder: string): string {
  return sentence.slice(0, sentence.indexOf(`{${placeholder}}`));
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
