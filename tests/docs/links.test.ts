// The docs stay true to the tree: relative links in the Markdown files resolve, code cites the
// design in docs/design.md (not a copy outside the repository), and every "decision NNN" that
// code or docs mention exists in docs/decisions/.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const skip = new Set(["node_modules", ".git", ".next", ".data", ".tools", "generated", "test-results", "playwright-report"]);

function walk(dir: string, keep: (file: string) => boolean): string[] {
  return readdirSync(dir).flatMap((entry) => {
    if (skip.has(entry) || entry.startsWith(".next")) return [];
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return walk(full, keep);
    return keep(full) ? [full] : [];
  });
}

const markdown = [
  ...["README.md", "SECURITY.md"].map((file) => path.join(root, file)),
  ...["docs", "messages", "bench"].flatMap((dir) => (existsSync(path.join(root, dir)) ? walk(path.join(root, dir), (f) => f.endsWith(".md")) : [])),
].filter((file) => existsSync(file));

// Applied migrations are never edited (their checksums are recorded), so they keep what they cite.
const code = ["app", "components", "lib", "prisma", "tests", "e2e", "scripts", "bench"].flatMap((dir) =>
  walk(path.join(root, dir), (f) => /\.(ts|tsx|mjs|cjs|prisma|css)$/.test(f)),
);

const relative = (file: string) => path.relative(root, file);

describe("documentation links", () => {
  const links = markdown.flatMap((file) =>
    [...readFileSync(file, "utf8").matchAll(/\]\(([^)\s]+)\)/g)]
      .map((match) => match[1]!)
      .filter((target) => !/^(https?:|mailto:|#)/.test(target))
      .map((target) => [relative(file), target] as const),
  );

  it("finds the links it checks", () => {
    expect(links.length).toBeGreaterThan(10);
  });

  it.each(links)("%s → %s resolves", (file, target) => {
    const withoutAnchor = decodeURI(target.split("#")[0]!);
    expect(existsSync(path.resolve(root, path.dirname(file), withoutAnchor))).toBe(true);
  });
});

describe("citations", () => {
  it("the design the code cites is docs/design.md, in the repository", () => {
    expect(existsSync(path.join(root, "docs/design.md"))).toBe(true);
    const stale = code.filter((file) => /DESIGN\.md/.test(readFileSync(file, "utf8"))).map(relative);
    expect(stale).toEqual([]);
  });

  const decisions = new Set(readdirSync(path.join(root, "docs/decisions")).map((file) => file.slice(0, 3)));
  const cited = [...markdown, ...code].flatMap((file) =>
    [...readFileSync(file, "utf8").matchAll(/\b[Dd]ecisions? (\d{3})\b/g)].map((match) => [relative(file), match[1]!] as const),
  );

  it.each(cited)("%s cites decision %s, which exists", (_file, number) => {
    expect(decisions.has(number)).toBe(true);
  });
});
