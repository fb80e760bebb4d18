// The database server and migrated template that integration and end-to-end tests clone
// their databases from. With TEST_DATABASE_URL, that server is used; otherwise an embedded
// PostgreSQL is started in .data/postgres-test.
import { createHash } from "node:crypto";
import path from "node:path";
import { applyMigrations, readMigrations } from "./migrate";
import { createDatabase, databaseExists, dropDatabase, onServer } from "./databases";
import { PROJECT_ROOT, startEmbeddedPostgres } from "./embedded";
import { APP_ROLE, ensureAppRole, grantAppPrivileges } from "./roles";

export const TEMPLATE_PREFIX = "mitreden_template_";

/** The app role's password on test servers (every test run sets the same one: no run locks out another). */
export const TEST_APP_PASSWORD = "mitreden_app_test";

/**
 * Test runs on one server with different migrations (people or agents on several branches)
 * keep their templates apart with TEST_TEMPLATE_SCOPE; a run drops only its own scope's stale ones.
 */
function templatePrefix(): string {
  const scope = (process.env.TEST_TEMPLATE_SCOPE ?? "").replace(/[^a-z0-9]/gi, "").toLowerCase();
  return scope ? `${TEMPLATE_PREFIX}${scope}_` : TEMPLATE_PREFIX;
}

export type TestServer = { serverUrl: string; stop: () => Promise<void> };

export async function startTestServer(): Promise<TestServer> {
  const external = process.env.TEST_DATABASE_URL;
  if (external) return { serverUrl: external, stop: async () => {} };
  const server = await startEmbeddedPostgres({
    dir: path.join(PROJECT_ROOT, ".data/postgres-test"),
    port: Number(process.env.TEST_EMBEDDED_PG_PORT ?? 54330),
  });
  return { serverUrl: server.url, stop: server.stop };
}

/**
 * A database with every migration applied, named after the migrations' checksums so that a
 * changed migration gets a fresh template. Older templates are dropped.
 */
export async function ensureTemplate(serverUrl: string): Promise<string> {
  const migrations = readMigrations();
  const fingerprint = createHash("sha256")
    .update(migrations.map((m) => `${m.name}:${m.checksum}`).join("\n"))
    .digest("hex")
    .slice(0, 16);
  const prefix = templatePrefix();
  const name = `${prefix}${fingerprint}`;
  // Several test runs may share one server (TEST_DATABASE_URL): build the template once.
  await withServerLock(serverUrl, async () => {
    const stale = await onServer(serverUrl, async (client) => {
      const { rows } = await client.query<{ datname: string }>(
        "SELECT datname FROM pg_database WHERE datname LIKE $1 AND datname <> $2 AND ($3 OR datname !~ $4)",
        [`${prefix}%`, name, prefix !== TEMPLATE_PREFIX, `^${TEMPLATE_PREFIX}[a-z0-9]+_`],
      );
      return rows.map((row) => row.datname);
    });
    for (const old of stale) await dropDatabase(serverUrl, old);
    if (await databaseExists(serverUrl, name)) return;
    const building = `${name}_building`;
    await dropDatabase(serverUrl, building);
    const buildingUrl = await createDatabase(serverUrl, building);
    await applyMigrations(buildingUrl);
    // Clones keep the grants: the end-to-end server connects as the app role (lib/db/roles.ts).
    await ensureAppRole(serverUrl, TEST_APP_PASSWORD);
    await grantAppPrivileges(buildingUrl, APP_ROLE);
    await onServer(serverUrl, (client) => client.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`));
  });
  return name;
}

async function withServerLock<T>(serverUrl: string, fn: () => Promise<T>): Promise<T> {
  return onServer(serverUrl, async (client) => {
    await client.query("SELECT pg_advisory_lock(727274002)");
    try {
      return await fn();
    } finally {
      await client.query("SELECT pg_advisory_unlock(727274002)");
    }
  });
}

export async function cloneTemplate(serverUrl: string, template: string, name: string): Promise<string> {
  return createDatabase(serverUrl, name, template);
}
