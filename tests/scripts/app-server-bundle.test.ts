// The production server runs its wrapper as JavaScript (decision 082): started as a .ts file, Node
// strips its types with amaro (SWC compiled to WebAssembly), which then stays in the server's
// memory (~17 MB). scripts/next-server.ts bundles the wrapper and its own modules into one .mjs
// inside the project, packages left as imports.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { appServerBundle } from "@/scripts/next-server";

const ROOT = path.resolve(import.meta.dirname, "../..");

describe("the production server's wrapper", () => {
  it("is one JavaScript file that Node parses with type stripping off, holding our modules and importing the packages", () => {
    const file = appServerBundle();
    expect(path.relative(ROOT, file)).toMatch(/^node_modules\/\.cache\/mitreden\/app-server-[0-9a-f]{16}\.mjs$/);
    const check = spawnSync(process.execPath, ["--no-experimental-strip-types", "--check", file], { encoding: "utf8" });
    expect(check.stderr).toBe("");
    expect(check.status).toBe(0);
    const code = readFileSync(file, "utf8");
    // The page cache and the render limit are inside; Next.js and pg are imported from the project.
    expect(code).toMatch(/\bPageCache = class\b|class PageCache\b/);
    expect(code).toContain("function limitRenders");
    expect(code).toMatch(/^import next from "next";$/m);
    expect(code).toMatch(/^import pg from "pg";$/m);
    expect(code).not.toMatch(/from "\.\.?\//);
    // The same content gives the same file.
    expect(appServerBundle()).toBe(file);
  });

  it("is written again where a file of its name holds other bytes (cut short by a crash, or put there)", () => {
    const file = appServerBundle();
    const bundle = readFileSync(file);
    writeFileSync(file, bundle.subarray(0, 100));
    expect(appServerBundle()).toBe(file);
    expect(readFileSync(file).equals(bundle)).toBe(true);
  });
});
