// Least privilege (issue 12, finding 8; docs/decisions/021-database-roles.md): migrations run
// as the role that owns the schema; the app connects as a role that owns nothing, may read and
// write rows — only add to the append-only logs — and can neither switch triggers off
// (`session_replication_role` needs a superuser; `ALTER TABLE … DISABLE TRIGGER` the owner) nor
// change the schema.
import pg from "pg";
import { onServer } from "./databases";

export const APP_ROLE = "mitreden_app";

/** Tables whose rows, once written, stay (their triggers refuse the rest too: decision 002). */
export const APPEND_ONLY_TABLES = ["Response", "ModerationAction"] as const;

/** Not the app's business: the migration runner's bookkeeping. */
const OWNER_ONLY_TABLES = ["_prisma_migrations"] as const;

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;

/**
 * Creates the app's login role on the server of `ownerUrl` (a role with CREATEROLE, or a
 * superuser), or sets its password when it exists. Safe to run from several processes at once.
 */
export async function ensureAppRole(ownerUrl: string, password: string, role = APP_ROLE): Promise<void> {
  await onServer(ownerUrl, async (client) => {
    await client.query("SELECT pg_advisory_lock(727274003)");
    try {
      const { rowCount } = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
      const attributes = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION NOBYPASSRLS PASSWORD ${literal(password)}`;
      await client.query(`${rowCount ? "ALTER" : "CREATE"} ROLE ${ident(role)} WITH ${attributes}`);
    } finally {
      await client.query("SELECT pg_advisory_unlock(727274003)");
    }
  });
}

/**
 * Gives `role` what the app needs in the database of `ownerUrl` and nothing more. Run as the
 * owner after every migration (npm start and db:migrate do): new tables get the same rights.
 */
export async function grantAppPrivileges(ownerUrl: string, role: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows: schemas } = await client.query<{ name: string }>(
      `SELECT nspname AS name FROM pg_namespace
        WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'
          AND (nspowner = (SELECT oid FROM pg_roles WHERE rolname = current_user) OR nspname = 'public')`,
    );
    const { rows: database } = await client.query<{ name: string }>("SELECT current_database() AS name");
    const to = ident(role);
    const statements = [`GRANT CONNECT ON DATABASE ${ident(database[0]!.name)} TO ${to}`];
    for (const { name } of schemas) {
      const schema = ident(name);
      statements.push(
        `GRANT USAGE ON SCHEMA ${schema} TO ${to}`,
        `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${to}`,
        `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schema} TO ${to}`,
        `ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${to}`,
        `ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT USAGE, SELECT ON SEQUENCES TO ${to}`,
      );
    }
    const existing = new Set(
      (await client.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'")).rows.map((row) => row.name),
    );
    for (const table of APPEND_ONLY_TABLES.filter((name) => existing.has(name))) {
      statements.push(`REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON ${ident(table)} FROM ${to}`);
    }
    for (const table of OWNER_ONLY_TABLES.filter((name) => existing.has(name))) {
      statements.push(`REVOKE ALL ON ${ident(table)} FROM ${to}`);
    }
    await client.query("BEGIN");
    for (const statement of statements) await client.query(statement);
    await client.query("COMMIT");
    // Before PostgreSQL 15 everyone could create tables in `public`; only its owner can take that back.
    await client.query("REVOKE CREATE ON SCHEMA public FROM PUBLIC").catch(() => {});
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

/** `url` with another user and password (same server and database). */
export function asRole(url: string, role: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(role);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

export function roleOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}
