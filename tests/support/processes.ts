// Real child processes for tests of how scripts behave when something dies: a free port, a
// child's first line of output, whether a process id is still alive.
import type { ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const TSX_CLI = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The first stdout line of `child` that starts with `prefix` (rejects when it exits first). */
export function lineFrom(child: ChildProcess, prefix: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = "";
    let errors = "";
    child.stderr?.on("data", (chunk: Buffer) => (errors += chunk.toString("utf8")));
    child.stdout?.on("data", (chunk: Buffer) => {
      buffered += chunk.toString("utf8");
      const line = buffered.split("\n").find((candidate) => candidate.startsWith(prefix));
      if (line !== undefined) resolve(line.slice(prefix.length));
    });
    child.once("exit", (code, signal) => reject(new Error(`child exited (${signal ?? code}) before "${prefix}": ${errors}`)));
  });
}

export function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
}

export { processAlive as alive } from "../../lib/db/embedded-runtime";
