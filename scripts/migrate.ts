// `npm run db:migrate`: applies committed migrations as MIGRATION_DATABASE_URL (else DATABASE_URL,
// else the embedded database's owner) and gives DATABASE_URL's role its rights on the tables.
import "dotenv/config";
import { migrateDatabase, openDevDatabase } from "../lib/db/dev-database";

const database = await openDevDatabase((message) => console.log(message));
try {
  const applied = await migrateDatabase(database, (message) => console.log(message));
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Nothing to apply: the database is up to date.");
} finally {
  await database.stop();
}
