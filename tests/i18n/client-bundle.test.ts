// The browser never loads next-intl (decision 040): its client provider, ICU parser and Link were
// ~12 KB of the JavaScript budget on every page. A client component, or anything it imports
// (which then ships to the browser too), takes texts from lib/i18n/client.tsx instead. This
// walks the imports from every "use client" file and names the chain to a forbidden module.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
// next-intl/routing (defineRouting, a few lines) is allowed: the locale list comes from there.
const FORBIDDEN = [/^next-intl(\/(?!routing$)|$)/, /^use-intl(\/|$)/];

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

describe("client bundles", () => {
  it("never import next-intl or use-intl, directly or through what they import", () => {
    const clientFiles = ["app", "components", "lib"].flatMap((dir) => sources(path.join(ROOT, dir))).filter((file) => /^\s*["']use client["']/.test(readFileSync(file, "utf8")));
    expect(clientFiles.length).toBeGreaterThan(30);
    const chains = clientFiles.map(forbiddenChain).filter((chain): chain is string[] => chain !== null);
    expect(chains.map((chain) => chain.join(" → "))).toEqual([]);
  });
});
