// A dialogue's slug sits at /<municipality>/<slug>, next to the municipality's own pages: a
// dialogue named like one of them would be unreachable. Every such page's segment is reserved.
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { RESERVED_DIALOGUE_SLUGS } from "@/lib/dialogues/dialogue-slug";

const MUNICIPALITY_ROUTES = path.resolve(import.meta.dirname, "../../app/[locale]/[municipality]");

describe("reserved dialogue slugs", () => {
  it("include every page segment under /<municipality>/", () => {
    const segments = readdirSync(MUNICIPALITY_ROUTES, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith("[") && !entry.name.startsWith("("))
      .map((entry) => entry.name);
    expect(segments).toContain("overview");
    expect(segments.filter((segment) => !RESERVED_DIALOGUE_SLUGS.has(segment))).toEqual([]);
  });
});
