// CLDR files Dari (`prs`) as an alias of `fa-AF`: the locale matcher behind next-intl's
// negotiation answers "fa-AF" to a browser that asks for Dari ("prs" or "fa-AF", as Afghan phones
// send it), next-intl finds no UI language spelled "fa-AF" and sends the person to German.
// proxy.ts asks this first and sends such a browser to /prs itself.
import { negotiableLocales } from "./routing";

const NEGOTIABLE_LANGUAGES = new Set<string>(negotiableLocales.map((locale) => locale.split("-")[0]!.toLowerCase()));

function isDari(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag)[0]?.toLowerCase().startsWith("fa-af") ?? false;
  } catch {
    return false;
  }
}

/**
 * Whether an Accept-Language header asks for Dari before any other UI language it names:
 * ranges in order of their q (ties in header order, q=0 left out), the first range whose
 * language is one of ours decides.
 */
export function prefersDari(acceptLanguage: string | null): boolean {
  if (!acceptLanguage) return false;
  const ranges = acceptLanguage
    .split(",")
    .map((part, index) => {
      const [tag = "", ...parameters] = part.trim().split(";");
      const q = parameters.map((parameter) => /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(parameter)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((range) => range.tag && range.tag !== "*" && range.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranges) {
    if (isDari(tag)) return true;
    if (NEGOTIABLE_LANGUAGES.has(tag.split("-")[0]!.toLowerCase())) return false;
  }
  return false;
}
