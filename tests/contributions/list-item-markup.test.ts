// What one item of the dialogue's list costs (decision 079): the page renders 20 a request, so an
// item's markup is bytes and React work twenty times over (and its texts go once more in the RSC
// payload: a client component renders them, decision 092). Rendered here with React's HTML
// renderer and the German catalogue, as the page's HTML renders it: each item is plain elements
// under a few bytes of markup, and a member's support buttons name one form per intent instead of
// each carrying a form with the bound action's hidden fields.
import { readFileSync } from "node:fs";
import path from "node:path";
import { NextIntlClientProvider } from "next-intl";
import { createElement, type ComponentProps } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ContributionList, type ListSupport } from "@/components/contribution-item";
import type { ContributionListItem } from "@/lib/contributions/list-contributions";
import { dialoguePaths } from "@/lib/routes/paths";
import messages from "@/messages/de.json";

const ids = Array.from({ length: 20 }, (_, index) => `01a1e884-032d-72c7-95e2-${String(index).padStart(12, "0")}`);

/** 20 items as the page gets them, with one-letter texts so the bytes measured are the markup's. */
function items(language = "de"): ContributionListItem[] {
  return ids.map((id, index) => ({
    id,
    kind: index % 2 === 0 ? "NEED" : "PROPOSAL",
    status: "OPEN",
    title: "T",
    language,
    themeId: "theme",
    translation: null,
    excerpt: "E",
    supports: { total: 3, byPerspective: [{ perspective: "LIVED_EXPERIENCE", online: 1, atMeetings: 0 }] },
    supported: index % 3 === 0,
    mine: index === 1,
    source: "ONLINE",
  })) as ContributionListItem[];
}

const support: ListSupport = { action: async () => {}, mayGive: true, mayWithdraw: true };

function render(withSupport: boolean, language = "de"): { html: string; articles: string[] } {
  const list = createElement(ContributionList, {
    items: items(language),
    themeNames: new Map([["theme", "W"]]),
    paths: dialoguePaths("m", "d"),
    support: withSupport ? support : undefined,
  });
  const html = renderToStaticMarkup(createElement(NextIntlClientProvider, { locale: "de", messages, timeZone: "Europe/Berlin" } as ComponentProps<typeof NextIntlClientProvider>, list));
  return { html, articles: html.match(/<article[\s\S]*?<\/article>/g) ?? [] };
}

describe("the dialogue's list items", () => {
  it.each([
    ["a reader", false, 650],
    ["a member with support buttons", true, 880],
  ])("hold plain elements within a bound of markup bytes per item, for %s", (_who, withSupport, bound) => {
    const { articles } = render(withSupport);
    expect(articles).toHaveLength(20);
    // Measured 2026-12-07 (decision 079): 633–664 bytes a reader's item, 806–892 with a support
    // button; before, 739–796 and 1,557–1,621 (utilities on each element, a form per item, and
    // in the page each form also carried the bound server action's three hidden fields). Without
    // the page's own lang and dir on the title and excerpt (decision 083): 561–635 and 572–863.
    const largest = Math.max(...articles.map((article) => Buffer.byteLength(article)));
    expect(largest).toBeLessThanOrEqual(bound);
    expect(articles.filter((article) => /<form|<input/.test(article))).toEqual([]);
  });

  it("lets each support button post through the one form of its intent, carrying its contribution", () => {
    const { html, articles } = render(true);
    const forms = [...html.matchAll(/<form id="(support-\w+)"[^>]*>([\s\S]*?)<\/form>/g)].map((match) => ({ id: match[1], body: match[2]! }));
    expect(forms.map((form) => form.id).sort()).toEqual(["support-give", "support-withdraw"]);
    const buttons = articles.flatMap((article) =>
      [...article.matchAll(/<button [^>]*>/g)].map(([button]) => ({
        form: /form="([^"]+)"/.exec(button)?.[1],
        id: /name="contributionId"/.test(button) ? /value="([^"]+)"/.exec(button)?.[1] : undefined,
      })),
    );
    // One's own contribution (the second) has none; supported ones (every third) take it back.
    expect(buttons).toEqual(ids.flatMap((id, index) => (index === 1 ? [] : [{ form: index % 3 === 0 ? "support-withdraw" : "support-give", id }])));
    expect(forms.map((form) => /name="intent" value="(\w+)"/.exec(form.body)?.[1])).toEqual(forms.map((form) => form.id!.replace("support-", "")));
  });

  it.each([
    ["the page's (German on a German page): none, the page's holds", "de", ""],
    ["another one (Arabic on a German page): its own lang and direction", "ar", ' lang="ar" dir="rtl"'],
  ])("marks a title's and excerpt's language only where it is not the page's: %s", (_what, language, attributes) => {
    // lang="de" dir="ltr" twice an item on a German page said nothing the page does not, sent in the HTML and the payload (decision 083).
    const { articles } = render(false, language);
    expect(articles.map((article) => /<h3 class="contribution-title"([^>]*)>/.exec(article)?.[1])).toEqual(Array(20).fill(attributes));
    expect(articles.map((article) => /<p class="contribution-excerpt"([^>]*)>/.exec(article)?.[1])).toEqual(Array(20).fill(attributes));
  });

  it("takes its layout from classes the stylesheet defines", () => {
    const css = readFileSync(path.join(import.meta.dirname, "../../app/globals.css"), "utf8");
    const { articles } = render(true);
    const ours = new Set(articles.flatMap((article) => [...article.matchAll(/class="([^"]+)"/g)].flatMap((match) => match[1]!.split(" "))).filter((name) => /^(contribution|support-)/.test(name)));
    expect([...ours].sort()).toEqual(["contribution", "contribution-excerpt", "contribution-foot", "contribution-meta", "contribution-title", "support-give", "support-withdraw"]);
    expect([...ours].filter((name) => !css.includes(`.${name} {`))).toEqual([]);
  });
});
