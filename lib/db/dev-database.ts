// The database for `npm start` and the db:* scripts: DATABASE_URL when set, otherwise an
// embedded PostgreSQL in .data/postgres with a database named `mitreden`. Two connections:
// `url` owns the schema (migrations, seed, admin scripts), `appUrl` is what the web server
// connects as — a role that owns nothing (lib/db/roles.ts, docs/decisions/021-database-roles.md).
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createDatabase, databaseExists, withDatabase } from "./databases";
import { PROJECT_ROOT, startEmbeddedPostgres } from "./embedded";
import { applyMigrations } from "./migrate";
import { APP_ROLE, asRole, ensureAppRole, grantAppPrivileges, roleOf } from "./roles";

export type DevDatabase = {
  /** The schema's owner: migrations run as it. */
  url: string;
  /** The app's own role. */
  appUrl: string;
  embedded: boolean;
  /** Where the embedded server keeps its data. */
  dataDir?: string;
  stop: () => Promise<void>;
};

export const EMBEDDED_DATA_DIR = path.join(PROJECT_ROOT, ".data/postgres");

export async function openDevDatabase(log: (message: string) => void = () => {}): Promise<DevDatabase> {
  const { DATABASE_URL, MIGRATION_DATABASE_URL } = process.env;
  if (DATABASE_URL) {
    return { url: MIGRATION_DATABASE_URL || DATABASE_URL, appUrl: DATABASE_URL, embedded: false, stop: async () => {} };
  }
  if (MIGRATION_DATABASE_URL) {
    throw new Error("MIGRATION_DATABASE_URL is set but DATABASE_URL is not: set DATABASE_URL to the app's own role (README, \"Database roles\").");
  }
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  log(`No DATABASE_URL: starting embedded PostgreSQL in ${path.relative(PROJECT_ROOT, EMBEDDED_DATA_DIR)} on port ${port} …`);
  const server = await startEmbeddedPostgres({ dir: EMBEDDED_DATA_DIR, port, log });
  try {
    if (!(await databaseExists(server.url, "mitreden"))) await createDatabase(server.url, "mitreden");
    const password = appPassword();
    await ensureAppRole(server.url, password);
    const url = withDatabase(server.url, "mitreden");
    return { url, appUrl: asRole(url, APP_ROLE, password), embedded: true, dataDir: server.dataDir, stop: server.stop };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/**
 * Applies missing migrations as the owner, then gives the app's role its rights on every table
 * (again: new tables need them too). Returns the migrations applied.
 */
export async function migrateDatabase(database: Pick<DevDatabase, "url" | "appUrl">, log: (message: string) => void = () => {}): Promise<string[]> {
  const applied = await applyMigrations(database.url);
  const appRole = roleOf(database.appUrl);
  if (appRole === roleOf(database.url)) {
    log("warning: the app connects as the role that owns the schema, which can switch triggers off; set MIGRATION_DATABASE_URL (README, \"Database roles\")");
  } else {
    await grantAppPrivileges(database.url, appRole);
  }
  return applied;
}

/** The embedded app role's password, made once per checkout and kept in .data/. */
function appPassword(): string {
  const file = path.join(PROJECT_ROOT, ".data/postgres-app-password");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(24).toString("hex"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}
