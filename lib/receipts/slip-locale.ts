import { completeLocales } from "@/lib/i18n/routing";

/**
 * The language a receipt speaks (its slip, its QR code's address): the language the person
 * spoke when it is a UI language, else the dialogue's first language if that is one, else German.
 */
export function slipLocale(contributionLanguage: string, dialogueLanguages: readonly string[]): string {
  const ui = completeLocales as readonly string[];
  if (ui.includes(contributionLanguage)) return contributionLanguage;
  const first = dialogueLanguages[0];
  return first && ui.includes(first) ? first : "de";
}
