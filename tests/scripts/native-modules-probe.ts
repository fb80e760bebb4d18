// Run by tests/scripts/server-native-modules.test.ts in a Node process of its own (tsx, with
// scripts/support/server-only-hook.mjs): loads what the production server loads for its pages,
// then what only an upload or a build needs, and prints after each step which native libraries
// the process has mapped (decision 082).
import { globSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const ROOT = path.resolve(import.meta.dirname, "../..");

function mapped() {
  const maps = readFileSync("/proc/self/maps", "utf8");
  return { libvips: /\/libvips[^/]*\.so/.test(maps), swc: /\/swc[^/]*\.node/.test(maps), watcher: /\/watcher[^/]*\.node/.test(maps) };
}

const config = (await import(pathToFileURL(path.join(ROOT, "next.config.js")).href)) as { default: (phase: string) => Promise<unknown> };
const steps: Record<string, () => Promise<unknown>> = {
  // What `next()` does when the production server starts.
  "server config": () => config.default("phase-production-server"),
  // Server actions (loaded with every page that renders their forms) and the pages' loaders.
  "page modules": async () => {
    const files = globSync(["lib/actions/**/*.ts", "lib/pages/**/*.ts"], { cwd: ROOT, exclude: ["**/*.test.ts"] });
    for (const file of files.sort()) await import(pathToFileURL(path.join(ROOT, file)).href);
    return files.length;
  },
  // What only an upload does: a 2×2 PNG re-encoded.
  "image processed": async () => {
    const { processImage } = await import("../../lib/images/process-image");
    const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAEklEQVQImWM4Y2x8xtiYAUIBACPqBMlwUmUNAAAAAElFTkSuQmCC", "base64");
    return (await processImage(png)).large.width;
  },
  // What only `next build` and `next dev` do.
  "build config": () => config.default("phase-production-build").then(() => true),
};

for (const name of process.argv.slice(2)) {
  const result = await steps[name]!();
  console.log(JSON.stringify({ step: name, result: typeof result === "number" ? result : undefined, ...mapped() }));
}
// The pools some modules open lazily are never opened here; nothing else keeps the process alive.
process.exit(0);
