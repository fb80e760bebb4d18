// Diffs between the committed migrations and prisma/schema.prisma, through the WebAssembly
// schema engine. Used to write new migrations and to fail when the two disagree.
import { readFileSync } from "node:fs";
import path from "node:path";
import { loadSchemaEngine } from "./schema-engine";
import { applyMigrations } from "./migrate";
import { createScratchDatabase } from "./databases";

export const SCHEMA_PATH = path.resolve(import.meta.dirname, "../../prisma/schema.prisma");

/**
 * SQL that would bring a database built from the committed migrations to the state
 * schema.prisma describes; empty when they agree. `serverUrl` is any database on a server
 * where we may create a temporary database.
 */
export async function diffMigrationsToSchema(
  serverUrl: string,
  schema = readFileSync(SCHEMA_PATH, "utf8"),
): Promise<string> {
  // The migrations are applied by our own runner, the same path `npm start`, tests and CI use,
  // to a throw-away database; the engine then compares that database with schema.prisma.
  const scratch = await createScratchDatabase(serverUrl);
  try {
    await applyMigrations(scratch.url);
    const engine = await loadSchemaEngine({ url: scratch.url, schema });
    try {
      const result = await engine.diff({
        from: { tag: "schemaDatasource", files: [{ path: SCHEMA_PATH, content: schema }], configDir: path.dirname(SCHEMA_PATH) },
        to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: schema }] },
        script: true,
        exitCode: null,
        filters: { externalTables: [], externalEnums: [] },
      });
      return meaningful(result.stdout ?? "");
    } finally {
      engine.free();
    }
  } finally {
    await scratch.drop();
  }
}

/** The engine answers an empty diff with a comment line; keep only statements. */
function meaningful(sql: string): string {
  const statements = sql
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.trim().startsWith("--"));
  return statements.length === 0 ? "" : sql.trim() + "\n";
}
