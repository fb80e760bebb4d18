// `npm test`: what CI runs (.ci/run), in the order that fails fastest and takes least time on
// 2 cores. The compiler and the linter each keep one core busy for a minute or two and need
// nothing of each other, so they run side by side (after `next typegen`, which both read);
// Vitest (one worker per core, vitest.config.ts) and then the production build and Playwright
// run alone: each keeps both cores busy by itself (decision 060). Each step's output is passed through as it comes;
// the first failing step ends the run with its exit code.
import { spawn } from "node:child_process";

/** Runs `command` with the shell's PATH (node_modules/.bin first, as npm scripts do); resolves with its exit code. */
function run(label, command, env = {}) {
  return new Promise((resolve) => {
    const started = Date.now();
    console.log(`== ${label}: ${command}`);
    const child = spawn(command, { shell: true, stdio: "inherit", env: { ...process.env, ...env } });
    child.on("exit", (code, signal) => {
      console.log(`== ${label}: ${code === 0 ? "passed" : `failed (${signal ?? code})`} after ${Math.round((Date.now() - started) / 1000)} s`);
      resolve(code ?? 1);
    });
  });
}

async function steps(...groups) {
  for (const group of groups) {
    const codes = await Promise.all(group.map(([label, command, env]) => run(label, command, env)));
    const failed = codes.find((code) => code !== 0);
    if (failed !== undefined) process.exit(failed);
  }
}

await steps(
  [["route types", "node scripts/next.mjs typegen"]],
  [
    ["typecheck", "tsc --noEmit"],
    ["lint", "eslint --max-warnings=0 ."],
  ],
  [["vitest", "vitest run"]],
  // `npm run typecheck` just ran the compiler: the build need not run it again.
  [["end-to-end", "npm run test:e2e", { NEXT_SKIP_TYPECHECK: "1" }]],
);
