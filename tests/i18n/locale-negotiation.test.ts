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
    ["fr-FR,fr;q=0.9", "/de"],
    ["en-GB,en;q=0.9", "/en"],
    ["fa-AF", "/fa"],
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
