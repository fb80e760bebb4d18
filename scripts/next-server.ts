// Runs the production Next.js server as a child process we can stop by its own PID
// (stopping an `npx` wrapper would leave the server running).
import { spawn } from "node:child_process";
import path from "node:path";
import { PROJECT_ROOT } from "../lib/db/embedded";

export function startNext(options: { port: number; databaseUrl: string; env?: Record<string, string>; dev?: boolean }) {
  const bin = path.join(PROJECT_ROOT, "node_modules/next/dist/bin/next");
  const child = spawn(process.execPath, [bin, options.dev ? "dev" : "start", "-p", String(options.port), "-H", "127.0.0.1"], {
    cwd: PROJECT_ROOT,
    stdio: "inherit",
    env: { ...process.env, ...options.env, DATABASE_URL: options.databaseUrl, PORT: String(options.port) },
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    exited,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      await exited;
    },
  };
}
