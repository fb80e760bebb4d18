// Two UI languages are filed by CLDR under another code, and the locale matcher behind
// next-intl's negotiation answers that code, which is no UI language of ours, so the person
// landed in German:
// - Dari (`prs`) is an alias of `fa-AF`; browsers ask for "prs" or, as Afghan phones do, "fa-AF".
// - Kurmanji (`kmr`) is filed under Kurdish (`ku`, Latin script); browsers ask for "ku" or "ku-TR"
//   far more often than for "kmr". Kurdish in Arabic script (`ku-Arab`, or Sorani `ckb`) is not
//   Kurmanji and is left to the matcher.
// proxy.ts asks this first and sends such a browser to /prs or /kmr itself.
import { negotiableLocales } from "./routing";

const NEGOTIABLE_LANGUAGES = new Set<string>(negotiableLocales.map((locale) => locale.split("-")[0]!.toLowerCase()));

export type AliasedLocale = "prs" | "kmr";

function aliasOf(tag: string): AliasedLocale | null {
  let canonical: string;
  try {
    canonical = Intl.getCanonicalLocales(tag)[0]?.toLowerCase() ?? "";
  } catch {
    return null;
  }
  const [language, ...subtags] = canonical.split("-");
  if (language === "prs" || (language === "fa" && subtags.includes("af"))) return "prs";
  if (language === "kmr" || (language === "ku" && !subtags.includes("arab"))) return "kmr";
  return null;
}

/**
 * Dari or Kurmanji when an Accept-Language header asks for it before any other UI language it
 * names: ranges in order of their q (ties in header order, q=0 left out), the first range whose
 * language is one of ours (or one of these two) decides.
 */
export function preferredAliasedLocale(acceptLanguage: string | null): AliasedLocale | null {
  if (!acceptLanguage) return null;
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
    const alias = aliasOf(tag);
    if (alias) return alias;
    if (NEGOTIABLE_LANGUAGES.has(tag.split("-")[0]!.toLowerCase())) return null;
  }
  return null;
}
