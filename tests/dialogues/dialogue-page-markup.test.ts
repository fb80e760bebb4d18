// What the dialogue page's parts besides its list cost (decision 083): each is rendered into the
// RSC payload and again into the HTML that inlines it, so a long class on each of the filter
// form's fields, a prop sent as `"$undefined"`, a `lang` the page already has, or the form
// messages on a page without a form, are bytes and work on every request. These checks fail if
// one of them comes back.
import { readFileSync } from "node:fs";
import path from "node:path";
import { NextIntlClientProvider } from "next-intl";
import { createElement, isValidElement, type ComponentProps, type ReactElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ContributionFilters } from "@/components/contribution-filters";
import { HostText } from "@/components/host-texts/host-text";
import { Section } from "@/components/section";
import { NO_FILTERS } from "@/lib/contributions/contribution-filters";
import type { PickedHostText } from "@/lib/host-texts/pick-host-text";
import messages from "@/messages/de.json";

const OLD_CONTROL = "mt-1 block w-full rounded border border-muted bg-white px-3 py-2 text-base text-ink";
const uuid = (n: number) => `019a4494-b063-79f6-ad1c-${String(n).padStart(12, "0")}`;

function filterForm(): string {
  const form = createElement(ContributionFilters, {
    pathname: "/m/d",
    filters: NO_FILTERS,
    themes: Array.from({ length: 5 }, (_, index) => ({ id: uuid(index), name: "T" })),
    languages: ["de", "ar", "fa", "uk", "tr", "ru", "en"],
    districts: Array.from({ length: 6 }, (_, index) => ({ id: uuid(10 + index), name: "D", ...(index === 0 ? { lang: "ar" } : {}) })),
  });
  return renderToStaticMarkup(createElement(NextIntlClientProvider, { locale: "de", messages, timeZone: "Europe/Berlin" } as ComponentProps<typeof NextIntlClientProvider>, form));
}

/** Host elements in a tree of already rendered elements, with each prop that is there but undefined. */
function undefinedProps(node: ReactNode): string[] {
  if (Array.isArray(node)) return node.flatMap(undefinedProps);
  if (!isValidElement(node)) return [];
  const { children, ...props } = (node as ReactElement<Record<string, unknown>>).props;
  const own = typeof node.type === "string" ? Object.entries(props).filter(([, value]) => value === undefined).map(([name]) => `${node.type}.${name}`) : [];
  return [...own, ...undefinedProps(children as ReactNode)];
}

const picked = (language: string): PickedHostText => ({ fields: { title: "T" }, language, source: "original", outdated: false, originalLanguage: language, languages: [language] });

describe("the dialogue page's markup", () => {
  it("gives the filter form's labels and controls one short class each, defined in the stylesheet", () => {
    const html = filterForm();
    const css = readFileSync(path.join(import.meta.dirname, "../../app/globals.css"), "utf8");
    const classes = (tag: string) => [...html.matchAll(new RegExp(`<${tag}\\b[^>]*?class="([^"]*)"`, "g"))].map((match) => match[1]);
    // Six selects and the search field; before: 72 characters of utilities on each (decision 083).
    expect(classes("select")).toEqual(Array(6).fill("filter-control"));
    expect(classes("input")).toEqual(["filter-control"]);
    expect(classes("label")).toEqual(Array(7).fill("filter-label"));
    expect(["filter-control", "filter-label"].filter((name) => !css.includes(`.${name} {`))).toEqual([]);
    // Options carry their value, and a lang only where the name is in another language.
    const options = [...html.matchAll(/<option([^>]*)>/g)].map((match) => match[1]!.replace(/ value="[^"]*"| selected=""/g, ""));
    expect(options.filter((attributes) => attributes !== "")).toEqual([' lang="ar"']);
    // Measured 2026-12-07 with these options: 3,301 bytes; with the utilities on each field as
    // before, 3,756 (the same markup with the old class strings put back).
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(3400);
    expect(Buffer.byteLength(html.replaceAll('"filter-control"', `"${OLD_CONTROL}"`).replaceAll('"filter-label"', '"block font-semibold"'))).toBeGreaterThan(3400);
  });

  it.each([
    ["a section without anchor or test id", () => Section({ id: "h", heading: "H", children: "x" })],
    ["a host text in the page's language, without class or test id", () => HostText({ picked: picked("de"), field: "title", pageLocale: "de" })],
    ["a host text as paragraphs", () => HostText({ picked: picked("de"), field: "title", pageLocale: "de", format: "paragraphs" })],
    ["a host text as plain text", () => HostText({ picked: picked("de"), field: "title", pageLocale: "de", format: "plain" })],
  ])("sends no undefined prop (`$undefined` in the RSC payload) for %s", (_what, render) => {
    expect(undefinedProps(render())).toEqual([]);
  });

  it("marks a host text's language only where it is not the page's", () => {
    const props = (node: ReactNode) => (node as ReactElement<Record<string, unknown>>).props;
    expect(props(HostText({ picked: picked("de"), field: "title", pageLocale: "de" }))).not.toHaveProperty("lang");
    expect(props(HostText({ picked: picked("ar"), field: "title", pageLocale: "de" }))).toMatchObject({ lang: "ar", dir: "rtl" });
    // A German text on a Plain German page is not Plain German: <html lang="de-simple"> must not hold for it.
    expect(props(HostText({ picked: picked("de"), field: "title", pageLocale: "de-simple" }))).toMatchObject({ lang: "de" });
    expect(props(HostText({ picked: picked("de"), field: "title", pageLocale: "de-simple" }))).not.toHaveProperty("dir");
  });
});
