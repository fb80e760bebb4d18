// Paths within a language (lib/i18n/navigation.ts), as next-intl's createNavigation built them
// with `localePrefix: "always"` before it was replaced (decision 040).
import { describe, expect, it } from "vitest";
import { getPathname } from "@/lib/i18n/navigation";

describe("getPathname", () => {
  it("puts the locale in front of a path", () => {
    expect(getPathname({ href: "/musterstadt/wohnen", locale: "ar" })).toBe("/ar/musterstadt/wohnen");
    expect(getPathname({ href: "/", locale: "de-simple" })).toBe("/de-simple");
  });

  it("appends the query, repeated keys for lists, and leaves out absent values", () => {
    expect(getPathname({ href: { pathname: "/m/d", query: { sort: "newest", page: 2, kind: ["NEED", "IDEA"], before: undefined } }, locale: "de" })).toBe(
      "/de/m/d?sort=newest&page=2&kind=NEED&kind=IDEA",
    );
    expect(getPathname({ href: { pathname: "/m/d", query: {} }, locale: "de" })).toBe("/de/m/d");
  });

  it("leaves a path that is not ours as it is", () => {
    expect(getPathname({ href: "https://example.org/x", locale: "de" })).toBe("https://example.org/x");
  });
});
