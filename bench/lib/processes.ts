// Child processes of the bench: the app, the reference app, the baseline server, the load
// generator; and the server's memory, sampled from /proc while something runs.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { PROJECT_ROOT } from "../../lib/db/embedded";
import { NEXT_BIN, startNext } from "../../scripts/next-server";
import type { LoadResult, LoadSpec } from "../load";

export const BENCH_DIR = path.join(PROJECT_ROOT, "bench");
export const TMP_DIR = path.join(BENCH_DIR, "tmp");
/**
 * Relative to the project, as next.config.js reads it; git-ignored with the rest of bench/tmp. A
 * dot folder, so the type declarations Next writes there stay out of tsconfig's `**` globs.
 */
export const DIST_DIR = "bench/tmp/.next";
const TSX_CLI = path.join(PROJECT_ROOT, "node_modules/tsx/dist/cli.mjs");
const BUILD_LOCK = "/tmp/next-build.lock";

/** `next build` of the app into bench/tmp/.next, and of the empty reference app. */
export function build(log: (line: string) => void): void {
  const tsconfig = path.join(PROJECT_ROOT, "tsconfig.json");
  const before = readFileSync(tsconfig, "utf8");
  // Types are checked by `npm run typecheck`; the bench only needs the output.
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: "1", NEXT_SKIP_TYPECHECK: "1" };
  // Parallel builds on one machine take turns (flock), when flock is there.
  const withLock = (args: string[]) => (spawnSync("flock", ["--version"]).status === 0 ? ["flock", BUILD_LOCK, ...args] : args);
  const run = (args: string[], extraEnv: NodeJS.ProcessEnv) => {
    const [command, ...rest] = withLock(args);
    const result = spawnSync(command!, rest, { cwd: PROJECT_ROOT, stdio: "inherit", env: extraEnv });
    if (result.status !== 0) throw new Error(`${args.join(" ")} failed`);
  };
  log("building the app (next build) …");
  run([process.execPath, NEXT_BIN, "build"], env);
  // next build adds its output's type folder to tsconfig.json; that is not ours to keep.
  const after = readFileSync(tsconfig, "utf8");
  if (after !== before) {
    const ours = (entry: string) => entry.startsWith(`${DIST_DIR}/`);
    const parsed = JSON.parse(after) as { include?: string[] };
    parsed.include = parsed.include?.filter((entry) => !ours(entry));
    // Only our lines were added (Next also reformats the file): put the file back as it was.
    if (JSON.stringify(parsed) === JSON.stringify(JSON.parse(before))) writeFileSync(tsconfig, before);
    else log(`next build changed tsconfig.json; remove its "${DIST_DIR}/…" include lines by hand`);
  }
  log("building the empty reference app …");
  const referenceEnv: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  delete referenceEnv.NEXT_DIST_DIR;
  run([process.execPath, NEXT_BIN, "build", "bench/empty-app"], referenceEnv);
}

export function hasBuild(): boolean {
  return existsSync(path.join(PROJECT_ROOT, DIST_DIR, "BUILD_ID")) && existsSync(path.join(TMP_DIR, ".empty-app-next/BUILD_ID"));
}

/** The app routes in the build (keys of Next's app-path-routes-manifest.json). */
export function builtRoutes(): Set<string> {
  const manifest = path.join(PROJECT_ROOT, DIST_DIR, "app-path-routes-manifest.json");
  return new Set(Object.keys(JSON.parse(readFileSync(manifest, "utf8")) as Record<string, string>));
}

export async function waitFor(url: string, seconds = 60): Promise<void> {
  const until = Date.now() + seconds * 1000;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`${url} did not come up`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Waits until the server answers a trivial request quickly again: requests still queued from the
 * previous scenario (autocannon stops sending, the server keeps working) must not be measured
 * as part of the next one.
 */
export async function settle(baseUrl: string, seconds = 30): Promise<void> {
  const until = Date.now() + seconds * 1000;
  let quick = 0;
  while (quick < 3 && Date.now() < until) {
    const begin = performance.now();
    await (await fetch(`${baseUrl}/api/health`)).arrayBuffer().catch(() => undefined);
    quick = performance.now() - begin < 100 ? quick + 1 : 0;
  }
}

export type AppServer = { baseUrl: string; pid: number; stop: () => Promise<void> };

/** The production server, with the SQL recorder preloaded (switched off unless asked). */
export async function startApp(port: number, databaseUrl: string, sqlPort: number, extraEnv: Record<string, string> = {}): Promise<AppServer> {
  await assertFree(port);
  await assertFree(sqlPort);
  const baseUrl = `http://127.0.0.1:${port}`;
  const recorder = path.join(BENCH_DIR, "sql-recorder.mjs");
  const next = startNext({
    port,
    databaseUrl,
    host: "127.0.0.1",
    env: {
      NODE_ENV: "production",
      NEXT_DIST_DIR: DIST_DIR,
      NEXTAUTH_URL: baseUrl,
      NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
      BENCH_SQL_PORT: String(sqlPort),
      // The write scenarios measure the comment path, not the per-person limit (COMMENTS_PER_MINUTE).
      COMMENTS_PER_MINUTE: "1000",
      COMMENTS_PER_DAY: "100000",
      ...extraEnv,
      // Flags asked for (a CPU profile) go after the recorder, which every bench server loads.
      NODE_OPTIONS: [process.env.NODE_OPTIONS, `--import ${recorder}`, extraEnv.NODE_OPTIONS].filter(Boolean).join(" "),
    },
  });
  const server = { baseUrl, pid: next.pid!, stop: next.stop };
  try {
    await Promise.race([waitFor(`${baseUrl}/api/health`), next.exited.then((code) => Promise.reject(new Error(`the server exited with ${code}`)))]);
  } catch (error) {
    await next.stop();
    throw error;
  }
  return server;
}

/** The empty App Router app of bench/empty-app, for the JavaScript reference. */
export async function startReference(port: number): Promise<{ baseUrl: string; stop: () => Promise<void> }> {
  await assertFree(port);
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
  delete env.NEXT_DIST_DIR;
  const child = spawn(process.execPath, [NEXT_BIN, "start", "bench/empty-app", "-p", String(port), "-H", "127.0.0.1"], { cwd: PROJECT_ROOT, env, stdio: "ignore" });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitFor(baseUrl);
  return { baseUrl, stop: () => stopChild(child) };
}

export async function startBaseline(port: number, databaseUrl: string, pagesFile: string): Promise<{ baseUrl: string; stop: () => Promise<void> }> {
  await assertFree(port);
  const child = spawn(process.execPath, [TSX_CLI, path.join(BENCH_DIR, "baseline-server.ts"), String(port), databaseUrl, pagesFile], {
    cwd: PROJECT_ROOT,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitFor(`${baseUrl}/`);
  return { baseUrl, stop: () => stopChild(child) };
}

/** A port another process listens on would answer our readiness checks: refuse to start. */
async function assertFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once("error", () => reject(new Error(`port ${port} is in use; pick other ports (bench/README.md)`)));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve()));
  });
}

function stopChild(child: ReturnType<typeof spawn>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  child.kill("SIGTERM");
  return exited;
}

/** Runs the load generator in a process of its own and returns its result. */
export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const file = path.join(TMP_DIR, `load-${randomBytes(4).toString("hex")}.json`);
  mkdirSync(TMP_DIR, { recursive: true });
  writeFileSync(file, JSON.stringify(spec));
  const child = spawn(process.execPath, [TSX_CLI, path.join(BENCH_DIR, "load.ts"), file], { cwd: PROJECT_ROOT, stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  unlinkSync(file);
  if (code !== 0) throw new Error(`load generator exited with ${code}`);
  return JSON.parse(out.trim().split("\n").pop()!) as LoadResult;
}

/** Resident memory of a process in MB, sampled every 50 ms while `fn` runs: before, peak. */
export async function withMemory<T>(pid: number, fn: () => Promise<T>): Promise<{ result: T; rssBeforeMb: number; rssPeakMb: number }> {
  const rss = () => {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      return match ? Number(match[1]) / 1024 : 0;
    } catch {
      return 0;
    }
  };
  const rssBeforeMb = rss();
  let rssPeakMb = rssBeforeMb;
  const timer = setInterval(() => (rssPeakMb = Math.max(rssPeakMb, rss())), 50);
  try {
    const result = await fn();
    rssPeakMb = Math.max(rssPeakMb, rss());
    return { result, rssBeforeMb, rssPeakMb };
  } finally {
    clearInterval(timer);
  }
}

const TICK_MS = 1000 / 100; // USER_HZ: /proc counts CPU time in clock ticks of 10 ms on Linux

/** CPU time (user + system, all threads) a process has used so far, in ms, from /proc/<pid>/stat; 0 when gone. */
export function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // After the command name in parentheses (which may hold spaces): state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

/**
 * CPU time of the PostgreSQL backends serving `database` on this machine so far, in ms (their
 * process title names it), and their process ids: the database's share of a scenario, when the
 * server runs locally. A backend that exits takes its time with it, so a difference is only
 * sound when the same backends are there at both ends (`sameBackends`); other databases' work
 * on the server is not in it.
 */
export function postgresCpu(database: string): { ms: number; pids: number[] } {
  let ms = 0;
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, "utf8").trim() !== "postgres") continue;
      if (!readFileSync(`/proc/${entry}/cmdline`, "utf8").split(" ").includes(database)) continue;
      ms += processCpuMs(Number(entry));
      pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return { ms, pids };
}

/** Whether every backend counted `before` is still there `after` (so that after.ms − before.ms is all their work). */
export const sameBackends = (before: { pids: number[] }, after: { pids: number[] }): boolean => before.pids.every((pid) => after.pids.includes(pid));
