// `npm run db:migrate`: applies committed migrations to DATABASE_URL (or the embedded database).
import "dotenv/config";
import { openDevDatabase } from "../lib/db/dev-database";
import { applyMigrations } from "../lib/db/migrate";

const database = await openDevDatabase((message) => console.log(message));
try {
  const applied = await applyMigrations(database.url);
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Nothing to apply: the database is up to date.");
} finally {
  await database.stop();
}
