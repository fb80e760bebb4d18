// `npm run db:restore -- [--replace] <file>`: a backup from `npm run db:backup` into the
// database (MIGRATION_DATABASE_URL, else DATABASE_URL, else the embedded one), which must be
// empty; --replace drops and recreates it first (needs CREATEDB). Stop the app before.
import "dotenv/config";
import path from "node:path";
import { restoreDatabase } from "../lib/db/backup/restore-database";
import { createDatabase, databaseName, dropDatabase, withDatabase } from "../lib/db/databases";
import { migrateDatabase, openDevDatabase } from "../lib/db/dev-database";

const args = process.argv.slice(2);
const replace = args.includes("--replace");
const file = args.find((arg) => !arg.startsWith("--"));
if (!file) {
  console.error("Usage: npm run db:restore -- [--replace] <backup file>");
  process.exit(2);
}

const database = await openDevDatabase((message) => console.log(message));
try {
  if (replace) {
    const name = databaseName(database.url);
    console.log(`Dropping and recreating the database ${name} …`);
    await dropDatabase(withDatabase(database.url, "postgres"), name);
    await createDatabase(withDatabase(database.url, "postgres"), name);
  }
  const restored = await restoreDatabase(database.url, path.resolve(file));
  // The migrations added since the backup, and the app role's rights on every table.
  await migrateDatabase(database, (message) => console.log(message));
  console.log(`Restored ${file}${restored.rows >= 0 ? ` (${restored.rows} rows)` : ""}.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await database.stop();
}
