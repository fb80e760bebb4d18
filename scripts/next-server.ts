// Runs the production Next.js server as a child process we can stop by its own PID
// (stopping an `npx` wrapper would leave the server running).
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PROJECT_ROOT } from "../lib/db/embedded";

export const NEXT_BIN = path.join(PROJECT_ROOT, "node_modules/next/dist/bin/next");
/** The production server: Next.js behind the page cache (decision 037). */
export const APP_SERVER = path.join(PROJECT_ROOT, "scripts/app-server.ts");

/**
 * The production server as one JavaScript file, its packages left as imports: Node strips the
 * types of a .ts file itself, but its stripper (amaro: SWC compiled to WebAssembly) then stays
 * loaded in the server for good — ~17 MB of resident memory for the five files of the wrapper
 * (decision 082). So whoever starts the server bundles them first (esbuild, 15–35 ms) into
 * node_modules/.cache/mitreden/, from where `next`, `pg` and the rest resolve as from the project.
 * A file already there is run only when its bytes are this bundle's (a partial or stale file is
 * written again); where esbuild or the folder fails, the server runs the .ts as before.
 */
export function appServerBundle(): string {
  try {
    const code = bundleAppServer();
    const file = path.join(PROJECT_ROOT, "node_modules/.cache/mitreden", `app-server-${createHash("sha256").update(code).digest("hex").slice(0, 16)}.mjs`);
    if (!sameBytes(file, code)) {
      mkdirSync(path.dirname(file), { recursive: true, mode: 0o755 });
      const partial = `${file}.${process.pid}.${randomBytes(6).toString("hex")}.partial`;
      try {
        // "wx": never through a file or link already at that name.
        writeFileSync(partial, code, { flag: "wx", mode: 0o644 });
        renameSync(partial, file);
      } finally {
        rmSync(partial, { force: true });
      }
    }
    return file;
  } catch (error) {
    console.warn(`could not bundle ${APP_SERVER} (${(error as Error).message}); running it with Node's type stripping`);
    return APP_SERVER;
  }
}

function bundleAppServer(): Uint8Array {
  // Loaded here, not imported at the top: without esbuild the server still starts (the .ts).
  const { buildSync } = createRequire(import.meta.url)("esbuild") as typeof import("esbuild");
  const [output] = buildSync({
    entryPoints: [APP_SERVER],
    bundle: true,
    platform: "node",
    format: "esm",
    packages: "external",
    target: "node24",
    write: false,
    logLevel: "error",
    // The wrapper finds the project from its own folder.
    define: { "import.meta.dirname": JSON.stringify(path.dirname(APP_SERVER)) },
  }).outputFiles;
  return output!.contents;
}

function sameBytes(file: string, code: Uint8Array): boolean {
  try {
    return readFileSync(file).equals(code);
  } catch {
    return false;
  }
}

/** Every `next` this project runs (build, start, dev) runs with telemetry off, in CI or not. */
export const NEXT_ENV = { NEXT_TELEMETRY_DISABLED: "1" } as const;

// Puts the connection's address where lib/auth/client-address.ts can trust it. Through
// NODE_OPTIONS, so that the processes Next.js forks (next dev) load it too.
const PEER_ADDRESS_HOOK = `--import="${pathToFileURL(path.join(PROJECT_ROOT, "scripts/support/peer-address.mjs")).href}"`;
// Ends the server when whoever started it is killed outright (scripts/support/exit-with-parent.mjs).
const EXIT_WITH_PARENT_HOOK = `--import="${pathToFileURL(path.join(PROJECT_ROOT, "scripts/support/exit-with-parent.mjs")).href}"`;

// V8 sizes the young generation by the machine's memory: on a server with many GB each of its two
// semi-spaces grows to 64 MB, so under load the young generation alone holds 128 MB of mostly
// garbage (measured with process.memoryUsage and v8.getHeapSpaceStatistics: RSS 350 → 645 MB at
// 50 connections, new space 128 MB; with 8 MB semi-spaces 284 → 342 MB, new space 16 MB). The
// production server runs with 8 MB unless NODE_OPTIONS sets its own size (issue 16, decision 040).
export const SEMI_SPACE_MB = 8;
// The old space: a render that takes a second or more under load outlives the scavenges, so its
// garbage is promoted, and V8, far from any limit, lets the old space grow for as long as the load
// lasts (90 → 290 MB in 20 s of the large dialogue page at 50 connections, live data ~120 MB) and
// keeps the pages after. A limit makes it collect instead: RSS 620 → 370 MB at the same
// throughput (decision 069). Unless NODE_OPTIONS sets its own size.
export const OLD_SPACE_MB = 256;

// glibc gives each thread that allocates under contention an arena of its own, up to 8 per core,
// and an arena's freed memory mostly stays with the process. Next.js gzips every response and the
// page cache compresses what it stores (decision 088), both in zlib on libuv's threads: with the
// arenas unbounded the bench's sequence peaked 40 MB higher (409–420 against 358–398 MB at 50
// connections; decision 090). Two arenas, unless the environment sets its own number.
export const MALLOC_ARENAS = 2;

/** MALLOC_ARENA_MAX for the production server: the environment's, or ours. */
export function serverMallocArenas(env: Record<string, string | undefined>): string {
  return env.MALLOC_ARENA_MAX || String(MALLOC_ARENAS);
}

/** NODE_OPTIONS for the production server: the caller's, plus our heap sizes where they set none. */
export function withServerMemoryFlags(nodeOptions: string | undefined): string | undefined {
  const flags = [nodeOptions];
  if (!nodeOptions?.includes("--max-semi-space-size")) flags.push(`--max-semi-space-size=${SEMI_SPACE_MB}`);
  if (!nodeOptions?.includes("--max-old-space-size")) flags.push(`--max-old-space-size=${OLD_SPACE_MB}`);
  return flags.filter(Boolean).join(" ");
}

export function startNext(options: {
  port: number;
  databaseUrl: string;
  host?: string;
  env?: Record<string, string>;
  dev?: boolean;
  /** Also hands every chunk the server writes to stdout to this (it is still printed). */
  onOutput?: (chunk: Buffer) => void;
  /** With onOutput: print only the stdout lines this accepts (the rest still reaches onOutput). */
  printLine?: (line: string) => boolean;
}) {
  // Development: `next dev`. Production: our wrapper around Next.js's handler (page cache).
  const args = options.dev ? [NEXT_BIN, "dev", "-p", String(options.port)] : [appServerBundle()];
  if (options.dev && options.host) args.push("-H", options.host);
  const child = spawn(process.execPath, args, {
    cwd: PROJECT_ROOT,
    stdio: options.onOutput ? ["inherit", "pipe", "inherit"] : "inherit",
    env: {
      ...process.env,
      ...NEXT_ENV,
      ...options.env,
      // The caller's own preloads (the benchmark's SQL recorder) stay beside ours.
      NODE_OPTIONS: [
        options.dev ? (options.env?.NODE_OPTIONS ?? process.env.NODE_OPTIONS) : withServerMemoryFlags(options.env?.NODE_OPTIONS ?? process.env.NODE_OPTIONS),
        PEER_ADDRESS_HOOK, EXIT_WITH_PARENT_HOOK].filter(Boolean).join(" "),
      ...(options.dev ? {} : { MALLOC_ARENA_MAX: serverMallocArenas({ ...process.env, ...options.env }) }),
      MITREDEN_PARENT_PID: String(process.pid),
      DATABASE_URL: options.databaseUrl,
      PORT: String(options.port),
      ...(options.host ? { MITREDEN_HOST: options.host } : {}),
    },
  });
  let unprinted = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    if (options.printLine) {
      const lines = (unprinted + chunk.toString("utf8")).split("\n");
      unprinted = lines.pop() ?? "";
      const shown = lines.filter(options.printLine);
      if (shown.length) process.stdout.write(shown.join("\n") + "\n");
    } else {
      process.stdout.write(chunk);
    }
    options.onOutput?.(chunk);
  });
  const status = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  const exited = status.then(({ code }) => code);
  return {
    /** The server's own process id (the bench samples its memory). */
    pid: child.pid,
    exited,
    /** How it ended: an exit code, or the signal that killed it (the OOM killer's SIGKILL). */
    status,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      await exited;
    },
  };
}
