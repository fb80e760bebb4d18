// Issue 12, finding 5: when `npm start`'s web server dies (the OOM killer's SIGKILL), the start
// stops its database and exits non-zero, so a supervisor that restarts on failure restarts it.
import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { exitCodeFor, superviseServer } from "@/scripts/support/supervise";
import { alive, exited, freePort } from "@/tests/support/processes";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function fixture() {
  const dir = mkdtempSync(path.join(tmpdir(), "mitreden-supervise-"));
  chmodSync(dir, 0o755); // as a project folder is: the postgres user passes through
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const database = await startEmbeddedPostgres({ dir: path.join(dir, "postgres"), port: await freePort() });
  cleanups.push(() => database.stop());
  const server = spawn(process.execPath, ["-e", "setInterval(() => {}, 60000)"], { stdio: "ignore" });
  cleanups.push(() => void server.kill("SIGKILL"));
  return { database, server, status: exited(server) };
}

describe("npm start's supervision of its web server", () => {
  it("stops the database and exits with 137 when the server is killed with SIGKILL", async () => {
    const { database, server, status } = await fixture();
    const messages: string[] = [];
    const supervised = superviseServer({ server: { status }, database, stopping: () => false, log: (m) => messages.push(m) });
    server.kill("SIGKILL");
    expect(await supervised).toBe(137);
    expect(alive(database.pid)).toBe(false);
    expect(messages).toEqual(["the web server was killed (SIGKILL): stopping the database and exiting with code 137"]);
  });

  it("leaves the stopping to the signal handler when the end was asked for", async () => {
    const { database, server, status } = await fixture();
    const supervised = superviseServer({ server: { status }, database, stopping: () => true, log: () => {} });
    server.kill("SIGTERM");
    expect(await supervised).toBeNull();
    expect(alive(database.pid)).toBe(true);
  });

  it.each([
    [{ code: 1, signal: null }, 1],
    [{ code: 0, signal: null }, 1],
    [{ code: null, signal: "SIGTERM" as const }, 143],
  ])("exit %o of the server ends the start with %i", (status, code) => {
    expect(exitCodeFor(status)).toBe(code);
  });
});
