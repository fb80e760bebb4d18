// `npm run digest`: sends the daily e-mail digest once, then exits; for cron or a systemd timer,
// e.g. `0 7 * * * cd /srv/mitreden && npm run digest`. Safe to run while the app (whose own daily
// schedule, DIGEST_HOUR, may run the same) is up, and on several machines at once: every
// notification goes out at most once. Uses DATABASE_URL (or the embedded database).
import "dotenv/config";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { openDevDatabase } from "../lib/db/dev-database";
import { PROJECT_ROOT } from "../lib/db/embedded";

const database = await openDevDatabase((message) => console.log(message));
process.env.DATABASE_URL = database.url;
// `npm start` keeps its secret in .data/ when NEXTAUTH_SECRET is unset; unsubscribe links are signed with it.
const secretFile = path.join(PROJECT_ROOT, ".data/nextauth-secret");
if (!process.env.NEXTAUTH_SECRET && existsSync(secretFile)) process.env.NEXTAUTH_SECRET = readFileSync(secretFile, "utf8").trim();

try {
  // Loaded after the environment is complete: lib/env.ts reads it once.
  const { sendDigests } = await import("../lib/notifications/send-digest");
  const { db } = await import("../lib/db/client");
  try {
    const { mails, notifications } = await sendDigests();
    console.log(`[digest] sent ${mails} mails with ${notifications} notifications`);
  } finally {
    await db.$disconnect();
  }
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await database.stop();
}
