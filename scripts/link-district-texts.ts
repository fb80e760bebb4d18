// `npm run districts:link`: matches the old free-text district field of every contribution to the
// districts staff defined (by any of their names, ignoring case and spaces; decision 049). Saving
// a district does the same for its municipality; this is for an operator after upgrading, and is
// safe to run again. Unmatched texts stay where they were, shown to nobody but their authors.
// Uses DATABASE_URL (or the embedded database).
import "dotenv/config";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { openDevDatabase } from "../lib/db/dev-database";
import { applyMigrations } from "../lib/db/migrate";
import { linkAllDistrictTexts } from "../lib/districts/link-district-texts";

const database = await openDevDatabase((message) => console.log(message));
const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
try {
  await applyMigrations(database.url);
  const { linked, unmatched } = await linkAllDistrictTexts(db);
  console.log(`Linked ${linked} contributions to their district; ${unmatched} free-text values match no district and stay private to their authors.`);
} finally {
  await db.$disconnect();
  await database.stop();
}
