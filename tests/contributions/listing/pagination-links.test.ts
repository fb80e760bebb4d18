// The pagination of a filtered list must keep the filters: page 2 of "needs in Arabic" is not
// page 2 of everything.
import { isValidElement, type ReactNode } from "react";
import { describe, expect, it, vi } from "vitest";

vi.mock("next-intl/server", () => ({ getTranslations: async () => (key: string) => key }));
// The links are only inspected, never rendered: no router needed.
vi.mock("@/components/link", () => ({ Link: () => null }));

const { Pagination } = await import("@/components/pagination");
const { filtersToQuery } = await import("@/lib/contributions/contribution-filters");

type Href = string | { pathname: string; query: Record<string, string> };

function hrefs(node: ReactNode): Record<string, Href> {
  const found: Record<string, Href> = {};
  const walk = (value: ReactNode) => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (!isValidElement<{ href?: Href; rel?: string; children?: ReactNode }>(value)) return;
    if (value.props.href && value.props.rel) found[value.props.rel] = value.props.href;
    walk(value.props.children);
  };
  walk(node);
  return found;
}

describe("Pagination with filters", () => {
  const query = filtersToQuery({ kind: "NEED", language: "ar", q: "سكن", sort: "supported" });

  it("carries every filter to the previous and the next page", async () => {
    const links = hrefs(await Pagination({ pathname: "/stadt/dialog", page: 2, pageCount: 3, query }));
    expect(links.next).toEqual({ pathname: "/stadt/dialog", query: { kind: "NEED", language: "ar", q: "سكن", sort: "supported", page: "3" } });
    // Page 1 carries no page number, but still the filters.
    expect(links.prev).toEqual({ pathname: "/stadt/dialog", query: { kind: "NEED", language: "ar", q: "سكن", sort: "supported" } });
  });

  it("leaves defaults out of the URL", () => {
    expect(filtersToQuery({ sort: "needs" })).toEqual({});
  });
});
