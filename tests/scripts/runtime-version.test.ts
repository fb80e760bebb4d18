// Issue 21: `npm start` on a Node.js older than package.json's engines stops at once and says
// what to install; on a supported one it goes on.
import { execFile, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "../..");
const CHECK = path.join(ROOT, "scripts/check-node.cjs");

// The Debian machines this project runs on ship an older node in /usr/bin (CI provisions 24).
const OLD_NODE = "/usr/bin/node";
const oldNodeVersion = existsSync(OLD_NODE) ? spawnSync(OLD_NODE, ["--version"], { encoding: "utf8" }).stdout.trim() : "";
const hasOldNode = /^v(1\d|2[01])\.|^v22\.([0-9]|1[01])\./.test(oldNodeVersion);

describe("supported Node.js", () => {
  it("passes on this Node.js", async () => {
    await expect(run(process.execPath, [CHECK])).resolves.toBeTruthy();
  });

  it("stops on an older version and names the version to install", async () => {
    const pretend = `Object.defineProperty(process.versions, "node", { value: "20.9.0" }); require(${JSON.stringify(CHECK)});`;
    const result = spawnSync(process.execPath, ["-e", pretend], { encoding: "utf8" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("mitreden needs Node.js 22.12 or newer");
    expect(result.stderr).toContain("this is Node.js 20.9.0");
    expect(result.stderr).toContain("nvm install 24");
  });

  it.runIf(hasOldNode)("`npm start` with an old node first on PATH stops before anything starts", async () => {
    const bin = mkdtempSync(path.join(tmpdir(), "old-node-"));
    symlinkSync(OLD_NODE, path.join(bin, "node"));
    const result = spawnSync("npm", ["start", "--silent"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}`, DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none" },
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(`this is Node.js ${oldNodeVersion.slice(1)}`);
    expect(result.stdout).not.toContain("[mitreden]");
  });
});
