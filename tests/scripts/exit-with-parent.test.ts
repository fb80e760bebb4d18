// Issue 12, finding 5: when `npm start` is killed outright, the web server it started does not
// stay behind holding the port (scripts/support/exit-with-parent.mjs, loaded by startNext).
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { alive, exited, lineFrom, ROOT } from "@/tests/support/processes";

const HOOK = path.join(ROOT, "scripts/support/exit-with-parent.mjs");

describe("a server started with the exit-with-parent hook", () => {
  it("ends when its parent is killed with SIGKILL", async () => {
    // The parent starts the "server" with the hook, as startNext does; the server shares the
    // parent's stdout, so that pipe closes only when both are gone.
    const parentScript = `
      const { spawn } = require("node:child_process");
      const server = spawn(process.execPath, ["--import", ${JSON.stringify(HOOK)}, "-e", "setInterval(() => {}, 60000)"], { stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, MITREDEN_PARENT_PID: String(process.pid) } });
      console.log("server " + server.pid);
      setInterval(() => {}, 60000);`;
    const parent = spawn(process.execPath, ["-e", parentScript], { stdio: ["ignore", "pipe", "pipe"] });
    const server = Number(await lineFrom(parent, "server "));
    const pipeClosed = new Promise<void>((resolve) => parent.stdout!.on("close", () => resolve()));

    parent.kill("SIGKILL");
    await exited(parent);
    await pipeClosed;
    // The pipe closes when the server's files are released, a moment before the kernel marks
    // the process dead: wait for that state (bounded), never for a fixed time.
    const deadline = Date.now() + 10_000;
    while (alive(server) && Date.now() < deadline) await new Promise((resolve) => setImmediate(resolve));
    expect(alive(server)).toBe(false);
  });
});
