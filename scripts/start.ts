// `npm start`: everything a newcomer needs, in one command. Uses DATABASE_URL when set;
// otherwise starts an embedded PostgreSQL in .data/postgres. Applies migrations, seeds the demo
// municipality on first start, builds when the sources changed, and serves the app.
// Ctrl-C stops the server and the database cleanly; the next start reuses the data.
import "dotenv/config";
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { migrateDatabase, openDevDatabase } from "../lib/db/dev-database";
import { PROJECT_ROOT } from "../lib/db/embedded";
import { DEMO_ACCOUNTS, runSeed } from "../prisma/seed";
import { NEXT_BIN, NEXT_ENV, startNext } from "./next-server";
import { superviseServer } from "./support/supervise";
import { vapidEnvironment } from "./support/vapid-keys";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const log = (message: string) => console.log(`[mitreden] ${message}`);

const database = await openDevDatabase(log).catch((error: unknown) => {
  console.error(`[mitreden] the database could not be opened: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
let next: ReturnType<typeof startNext> | undefined = undefined;
let shuttingDown = false;
async function shutdown(code: number) {
  if (shuttingDown) return;
  shuttingDown = true;
  log("stopping …");
  await next?.stop();
  await database.stop();
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
// A closed terminal: stop like Ctrl-C rather than leave the database running.
process.on("SIGHUP", () => void shutdown(0));

try {
  const applied = await migrateDatabase(database, log);
  log(applied.length ? `applied migrations: ${applied.join(", ")}` : "database schema is up to date");
  const { seeded } = await runSeed(database.url);
  if (seeded) log("seeded the demo municipality Musterstadt");

  if (!dev && needsBuild()) {
    log("building the app (next build) …");
    const build = spawnSync(process.execPath, [NEXT_BIN, "build"], { cwd: PROJECT_ROOT, stdio: "inherit", env: { ...process.env, ...NEXT_ENV } });
    if (build.status !== 0) throw new Error("next build failed");
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
}

next = startNext({
  port,
  databaseUrl: database.appUrl,
  dev,
  env: {
    NODE_ENV: dev ? "development" : "production",
    // One public origin (lib/env.ts): PUBLIC_URL when set; next-auth reads the same as NEXTAUTH_URL.
    NEXTAUTH_URL: process.env.NEXTAUTH_URL || process.env.PUBLIC_URL || `http://localhost:${port}`,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? localSecret(),
    // Web Push keys: the environment's, else a pair generated once and kept in .data/ (decision 031).
    ...vapidEnvironment({ create: true }),
  },
});
printWelcome();
void superviseServer({ server: next, database, stopping: () => shuttingDown, log }).then((code) => {
  if (code !== null) process.exit(code);
});

function printWelcome() {
  const rows = DEMO_ACCOUNTS.map(
    (account) => `  ${account.displayName.padEnd(24)} ${account.signInCode.padEnd(16)} ${account.email ?? ""}\n    ${account.description}`,
  );
  console.log(
    [
      "",
      `  mitreden is running: ${process.env.PUBLIC_URL || process.env.NEXTAUTH_URL || `http://localhost:${port}`}`,
      `  database: ${database.embedded ? `embedded PostgreSQL in ${shortPath(database.dataDir!)}` : "DATABASE_URL"}`,
      "",
      "  Demo accounts (display name, sign-in code, e-mail):",
      ...rows,
      "",
      "  Press Ctrl-C to stop.",
      "",
    ].join("\n"),
  );
}

function shortPath(target: string): string {
  return target.startsWith(PROJECT_ROOT + path.sep) ? path.relative(PROJECT_ROOT, target) : target;
}

/** A secret kept in .data/ so that sessions survive a restart of a local start. */
function localSecret(): string {
  const file = path.join(PROJECT_ROOT, ".data/nextauth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

/** A build is needed when there is none or a source file is newer than it. */
function needsBuild(): boolean {
  const buildId = path.join(PROJECT_ROOT, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  const sources = ["app", "components", "lib", "messages", "proxy.ts", "next.config.js", "package-lock.json", "postcss.config.mjs"];
  return sources.some((source) => newestMtime(path.join(PROJECT_ROOT, source)) > builtAt);
}

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  if (target.endsWith(path.join("lib", "generated"))) return 0;
  return readdirSync(target).reduce((newest, entry) => Math.max(newest, newestMtime(path.join(target, entry))), stat.mtimeMs);
}
