// The browser never loads next-intl (decision 040): its client provider, ICU parser and Link were
// ~12 KB of the JavaScript budget on every page. A client component, or anything it imports
// (which then ships to the browser too), takes texts from lib/i18n/client.tsx instead. This
// walks the imports from every "use client" file and names the chain to a forbidden module.
// And read routes (issue 16: ≤ 8 KB beyond the empty App Router page, measured by
// bench/js-weight.ts) reach exactly the client code the table below lists:
// Next.js ships every client module a route's server components import, rendered or not.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
// next-intl/routing (defineRouting, a few lines) is allowed: the locale list comes from there.
// zod neither: a schema module imported by the profile fields shipped it (~30 KB) to the account
// page (issue 16); validation runs in the server actions, the browser only shows their answer.
const FORBIDDEN = [/^next-intl(\/(?!routing$)|$)/, /^use-intl(\/|$)/, /^zod(\/|$)/];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

function resolveLocal(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/") ? path.join(ROOT, specifier.slice(2)) : path.resolve(path.dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Value imports (not `import type`) of a source file. */
function imports(file: string): string[] {
  const source = readFileSync(file, "utf8");
  const found: string[] = [];
  for (const match of source.matchAll(/^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?["']([^"']+)["']/gm)) {
    if (!match[2]) found.push(match[3]!);
  }
  return found;
}

function forbiddenChain(start: string): string[] | null {
  const seen = new Set<string>();
  const walk = (file: string, chain: string[]): string[] | null => {
    if (seen.has(file)) return null;
    seen.add(file);
    // Server actions stay on the server: the browser gets a reference, not their imports.
    if (chain.length > 1 && /^\s*["']use server["']/.test(readFileSync(file, "utf8"))) return null;
    for (const specifier of imports(file)) {
      if (FORBIDDEN.some((pattern) => pattern.test(specifier))) return [...chain, specifier];
      if (!specifier.startsWith(".") && !specifier.startsWith("@/")) continue;
      const next = resolveLocal(file, specifier);
      if (next) {
        const found = walk(next, [...chain, path.relative(ROOT, next)]);
        if (found) return found;
      }
    }
    return null;
  };
  return walk(start, [path.relative(ROOT, start)]);
}

/**
 * The client modules ("use client" files and what they import) a server entry reaches through
 * static imports, each with the chain that reaches it. A dynamic import() is a chunk of its own,
 * loaded when it runs, and is not followed.
 */
function clientModules(entry: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const seen = new Set<string>();
  const walk = (file: string, chain: string[], inClient: boolean) => {
    const key = `${file}:${inClient}`;
    if (seen.has(key)) return;
    seen.add(key);
    const source = readFileSync(file, "utf8");
    if (/^\s*["']use server["']/.test(source)) return;
    const client = inClient || /^\s*["']use client["']/.test(source);
    if (client && !found.has(file)) found.set(file, chain);
    for (const specifier of imports(file)) {
      if (!specifier.startsWith(".") && !specifier.startsWith("@/")) continue;
      const next = resolveLocal(file, specifier);
      if (next) walk(next, [...chain, path.relative(ROOT, next)], client);
    }
  };
  walk(path.join(ROOT, entry), [entry], false);
  return found;
}

// The forms of the read routes import their parts from components/form/deferred.tsx: small
// React.lazy wrappers whose code (the form core, the folds, the file field, the push offer, the
// host-text translation request) is a chunk of its own, fetched only where a form is rendered. A
// reader who is not signed in sees no form on these routes, so none of it is downloaded; a
// dynamic import() is not followed by the walk. The client texts come with <ClientMessages>.
const DEFERRED = ["components/form/deferred.tsx", "lib/i18n/client.tsx"];
// Exactly the client modules each read route reaches: one more fails with the chain that reaches
// it, one no longer reached fails too, so the list never allows more than the route needs.
const READ_ROUTES: [string, string[]][] = [
  ["app/[locale]/page.tsx", []],
  ["app/[locale]/[municipality]/page.tsx", DEFERRED],
  // The list's view renders texts made on the server (decision 092); it imports nothing.
  ["app/[locale]/[municipality]/[dialogue]/page.tsx", [...DEFERRED, "components/contribution-list-view.tsx"]],
  ["app/[locale]/[municipality]/[dialogue]/c/[contributionId]/page.tsx", DEFERRED],
  ["app/[locale]/[municipality]/[dialogue]/results/page.tsx", []],
  ["app/[locale]/[municipality]/[dialogue]/polls/page.tsx", DEFERRED],
  // No form: the meetings' and actors' translation request is the page's to render (decision 085).
  ["app/[locale]/[municipality]/[dialogue]/responsibilities/page.tsx", []],
  ["app/[locale]/[municipality]/[dialogue]/meetings/page.tsx", []],
];

describe("read routes", () => {
  it.each(READ_ROUTES)("%s ships exactly the client code it is allowed", (entry, allowed) => {
    const reached = clientModules(entry);
    const extra = [...reached].filter(([file]) => !allowed.includes(path.relative(ROOT, file)));
    expect(extra.map(([, chain]) => chain.join(" → "))).toEqual([]);
    const files = new Set([...reached.keys()].map((file) => path.relative(ROOT, file)));
    expect(allowed.filter((file) => !files.has(file)), "allowed but no longer reached").toEqual([]);
  });
});

// The forms of the form routes carry the form core in the page's own code: their photo fields
// take its parts (components/images/photo-parts.ts). Reaching the deferred parts as well would
// download the same code twice — once more as chunks of their own (bench: +2.7 KB).
const FORM_ROUTES = [
  "app/[locale]/[municipality]/[dialogue]/new/page.tsx",
  "app/[locale]/[municipality]/[dialogue]/new/voice/page.tsx",
  "app/[locale]/[municipality]/[dialogue]/new/offline/page.tsx",
];

describe("form routes", () => {
  it.each(FORM_ROUTES)("%s carries the form core itself and not the deferred parts too", (entry) => {
    const reached = clientModules(entry);
    const files = [...reached.keys()].map((file) => path.relative(ROOT, file));
    expect(files).toContain("components/form/form.tsx");
    expect(reached.get(path.join(ROOT, "components/form/deferred.tsx"))?.join(" → ")).toBeUndefined();
  });
});

describe("client bundles", () => {
  it("never import next-intl, use-intl or zod, directly or through what they import", () => {
    const clientFiles = ["app", "components", "lib"].flatMap((dir) => sources(path.join(ROOT, dir))).filter((file) => /^\s*["']use client["']/.test(readFileSync(file, "utf8")));
    expect(clientFiles.length).toBeGreaterThan(30);
    const chains = clientFiles.map(forbiddenChain).filter((chain): chain is string[] => chain !== null);
    expect(chains.map((chain) => chain.join(" → "))).toEqual([]);
  });
});
