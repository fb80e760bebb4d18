// Walks a file's value imports through the repository (not into packages): what a page's render
// can reach. `import type` and `export type` carry no code; a "use server" module runs on a POST,
// not in the render, so the walk does not enter it. Used by the query-count tests to prove that
// nothing under a page reaches the database or the policy except through the page's loaders, and
// (following dynamic import()s too, as a lazy part's module is loaded where it renders) by the
// form-messages test to find the elements of a page that render a client form.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

function resolve(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/") ? path.join(root, specifier.slice(2)) : specifier.startsWith(".") ? path.resolve(path.dirname(path.join(root, from)), specifier) : null;
  if (!base) return null; // a package
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (existsSync(candidate) && /\.tsx?$/.test(candidate)) return path.relative(root, candidate);
  }
  return null;
}

/** Value imports (and re-exports) of a file, with `dynamic` its `import()`s too; `import type` and `export type` carry no code. */
function valueImports(source: string, dynamic = false): string[] {
  const found: string[] = [];
  const statement = /(?:^|\n)\s*(import|export)\s+(type\s+)?([^;]*?)\s*from\s*["']([^"']+)["']|(?:^|\n)\s*import\s*["']([^"']+)["']/g;
  for (const match of source.matchAll(statement)) {
    if (match[5]) found.push(match[5]);
    else if (!match[2] && match[4]) found.push(match[4]);
  }
  // Not `typeof import("…")`, a type.
  if (dynamic) for (const match of source.matchAll(/(?<!typeof\s+)\bimport\(\s*["']([^"']+)["']\s*\)/g)) found.push(match[1]!);
  return found;
}

/**
 * Every file reached from `start` (a path from the repository root), with the chain of imports that
 * leads to it; the walk does not go on past `stopAt`, and follows `import()`s with `dynamic`.
 */
export function reach(start: string, stopAt: ReadonlySet<string>, { dynamic = false }: { dynamic?: boolean } = {}): Map<string, string[]> {
  const chains = new Map<string, string[]>([[start, [start]]]);
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift()!;
    const source = readFileSync(path.join(root, file), "utf8");
    if (file !== start && /^\s*["']use server["']/.test(source)) continue;
    if (stopAt.has(file)) continue;
    for (const specifier of valueImports(source, dynamic)) {
      const target = resolve(file, specifier);
      if (!target || chains.has(target)) continue;
      chains.set(target, [...chains.get(file)!, target]);
      queue.push(target);
    }
  }
  return chains;
}

/** The modules a render must not reach on its own: the database client and the policy's checks. */
export const QUERY_OR_POLICY = new Set(["lib/db/client.ts", "lib/policy/policy.ts", "lib/policy/resources.ts"]);

/** The chains from `page` to a forbidden module that do not pass through one of `loaders`. */
export function leaksPast(page: string, loaders: ReadonlySet<string>, forbidden: ReadonlySet<string> = QUERY_OR_POLICY): { reached: Map<string, string[]>; leaks: string[] } {
  const reached = reach(page, loaders);
  const leaks = [...reached].filter(([file]) => forbidden.has(file)).map(([, chain]) => chain.join(" → "));
  return { reached, leaks };
}
