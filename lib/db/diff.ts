// Diffs between the committed migrations and prisma/schema.prisma, through the WebAssembly
// schema engine. Used to write new migrations and to fail when the two disagree.
import { readFileSync } from "node:fs";
import path from "node:path";
import { loadSchemaEngine } from "./schema-engine";
import { MIGRATIONS_DIR, readMigrations } from "./migrate";
import { createScratchDatabase } from "./databases";

export const SCHEMA_PATH = path.resolve(import.meta.dirname, "../../prisma/schema.prisma");

/**
 * SQL that would bring a database built from the committed migrations to the state
 * schema.prisma describes; empty when they agree. `serverUrl` is any database on a server
 * where the engine may create a temporary shadow database.
 */
export async function diffMigrationsToSchema(serverUrl: string): Promise<string> {
  const schema = readFileSync(SCHEMA_PATH, "utf8");
  // The wasm engine replays the migrations into the database it is connected to (it does not
  // open a shadow database of its own), so we hand it a throw-away one.
  const scratch = await createScratchDatabase(serverUrl);
  const engine = await loadSchemaEngine({ url: scratch.url, schema });
  try {
    const result = await engine.diff({
      from: {
        tag: "migrations",
        baseDir: MIGRATIONS_DIR,
        lockfile: { path: "migration_lock.toml", content: readLockfile() },
        shadowDbInitScript: "",
        migrationDirectories: readMigrations().map((m) => ({
          path: m.name,
          migrationFile: { path: "migration.sql", content: { tag: "ok", value: m.sql } },
        })),
      },
      to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: schema }] },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return meaningful(result.stdout ?? "");
  } finally {
    engine.free();
    await scratch.drop();
  }
}

function readLockfile(): string | null {
  try {
    return readFileSync(path.join(MIGRATIONS_DIR, "migration_lock.toml"), "utf8");
  } catch {
    return null;
  }
}

/** The engine answers an empty diff with a comment line; keep only statements. */
function meaningful(sql: string): string {
  const statements = sql
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.trim().startsWith("--"));
  return statements.length === 0 ? "" : sql.trim() + "\n";
}
