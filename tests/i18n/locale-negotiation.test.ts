// `/` follows the browser's Accept-Language, but no browser asks for Einfache Sprache: German
// dialects and regions must land in German, while a link to /de-simple/… keeps working.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import proxy from "@/proxy";

async function visit(pathname: string, acceptLanguage: string) {
  return proxy(new NextRequest(`http://mitreden.test${pathname}`, { headers: { "accept-language": acceptLanguage } }));
}

describe("language negotiation", () => {
  it.each([
    ["de-CH", "/de"],
    ["de-AT,en;q=0.5", "/de"],
    ["de-DE,de;q=0.9", "/de"],
    ["de", "/de"],
    ["it-IT,it;q=0.9", "/de"],
    ["fr-FR,fr;q=0.9", "/fr"],
    ["en-GB,en;q=0.9", "/en"],
    ["fa", "/fa"],
    // Dari: CLDR calls it fa-AF, and Afghan phones send that tag (lib/i18n/aliased-languages.ts).
    ["fa-AF", "/prs"],
    ["prs", "/prs"],
    ["prs-AF,ps;q=0.8", "/prs"],
    ["fa-IR,fa;q=0.9,fa-AF;q=0.5", "/fa"],
    ["de,prs;q=0.5", "/de"],
    ["ur,prs;q=0.7,en;q=0.5", "/prs"],
    ["ps-AF,ps;q=0.9,prs;q=0.8", "/ps"],
    // Kurmanji: CLDR files it under Kurdish (ku, Latin script), which is what browsers send.
    ["ku", "/kmr"],
    ["ku-TR,ku;q=0.9,tr;q=0.8", "/kmr"],
    ["kmr", "/kmr"],
    ["kmr-Latn-TR", "/kmr"],
    ["tr-TR,tr;q=0.9,ku;q=0.8", "/tr"],
    ["de,ku;q=0.5", "/de"],
    ["ti-ER", "/ti"],
    ["so-SO,so;q=0.9", "/so"],
  ])("%s → %s", async (acceptLanguage, expected) => {
    const response = await visit("/", acceptLanguage);
    expect(new URL(response.headers.get("location") ?? "").pathname).toBe(expected);
  });

  it("keeps Einfache Sprache for whoever opens its address", async () => {
    const response = await visit("/de-simple/musterstadt", "de-CH");
    expect(response.headers.get("location")).toBeNull();
    expect(response.status).toBe(200);
  });
});
