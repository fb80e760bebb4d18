import { readFileSync } from "node:fs";
import { join } from "node:path";

type Catalogue = { [key: string]: string | Catalogue };

function strings(catalogue: Catalogue): string[] {
  return Object.values(catalogue).flatMap((value) => (typeof value === "string" ? [value] : strings(value)));
}

function read(locale: string): Catalogue {
  return JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "messages", `${locale}.json`), "utf8")) as Catalogue;
}

/**
 * The words a UI language's catalogue itself writes ("mitreden", "CSV", "JavaScript" in the
 * Arabic one): text of the page's language even in another script. ICU syntax is left out
 * (argument names, `plural`, `other`), and so is German for catalogues that fall back to it,
 * except Einfache Sprache, which is German.
 */
export function catalogueWords(locale: string): string[] {
  const texts = strings(read(locale));
  if (locale === "de-simple") texts.push(...strings(read("de")));
  const words = new Set<string>();
  for (const text of texts) {
    const prose = text
      .replace(/\{\s*\w+\s*(?:,\s*\w+\s*,?)?/g, " ")
      .replace(/\b(?:zero|one|two|few|many|other|=\d+)\s*\{/g, " ")
      .replace(/<\/?\w+>/g, " ");
    for (const word of prose.match(/\p{L}[\p{L}\p{M}'’-]*/gu) ?? []) words.add(word);
  }
  return [...words];
}
