// `npm run migration:new -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql
// with the SQL that brings the committed migrations to what schema.prisma says. Review it,
// add any CHECK constraint or trigger by hand, then `npm run db:migrate`.
// Needs a PostgreSQL server for a scratch database: DATABASE_URL's, or the embedded one.
import "dotenv/config";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { openDevDatabase } from "../lib/db/dev-database";
import { diffMigrationsToSchema } from "../lib/db/diff";
import { MIGRATIONS_DIR } from "../lib/db/migrate";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run migration:new -- <name_in_snake_case>");
  process.exit(2);
}
const database = await openDevDatabase((message) => console.log(message));
try {
  const sql = await diffMigrationsToSchema(database.url);
  if (!sql) {
    console.log("schema.prisma and the migrations agree: nothing to write.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), sql);
    console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql — review it, then commit it.`);
  }
} finally {
  await database.stop();
}
