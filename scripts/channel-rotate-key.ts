// `npm run channel:rotate-key`: replaces CHANNEL_ENCRYPTION_KEY (decision 052). With the app and
// the workers stopped (or every messenger channel switched off):
//
//   NEW_CHANNEL_ENCRYPTION_KEY=$(openssl rand -base64 32) npm run channel:rotate-key
//
// CHANNEL_ENCRYPTION_KEY (from the environment or .env) is the key in use. Every sealed number and
// provider secret is sealed again with the new key and every number's lookup HMAC computed again,
// in one transaction; then set CHANNEL_ENCRYPTION_KEY to the new key everywhere (app, workers,
// the backups' key store) and start the app. Backups taken before still need the old key.
// Uses DATABASE_URL (or the embedded database).
import "dotenv/config";
import { openDevDatabase } from "../lib/db/dev-database";

const oldValue = process.env.CHANNEL_ENCRYPTION_KEY;
const newValue = process.env.NEW_CHANNEL_ENCRYPTION_KEY;
if (!oldValue || !newValue) {
  console.error("Usage: NEW_CHANNEL_ENCRYPTION_KEY=<new key> npm run channel:rotate-key (CHANNEL_ENCRYPTION_KEY is the key in use)");
  process.exit(2);
}

const database = await openDevDatabase((message) => console.log(message));
// The app's own role: it may update these rows, as the app does.
process.env.DATABASE_URL = database.appUrl;

try {
  // Loaded after the environment is complete: lib/env.ts reads it once.
  const { parseChannelKey } = await import("../lib/channels/crypto");
  const { rotateChannelKey } = await import("../lib/channels/rotate-key");
  const { db } = await import("../lib/db/client");
  try {
    const report = await rotateChannelKey(parseChannelKey(oldValue), parseChannelKey(newValue));
    console.log(`[channel key] sealed again: ${report.contacts} numbers, ${report.channels} provider secrets, ${report.queuedMessages} queued messages; sender marks carried over: ${report.contributions} contributions, ${report.blocks} blocks`);
    if (report.unmatchedContributions + report.unmatchedBlocks > 0) {
      console.log(
        `[channel key] kept under earlier keys (their senders' numbers are gone; found again when they write): ${report.unmatchedContributions} contributions' sender marks, ${report.unmatchedBlocks} blocks; ${report.retiredKeys} earlier lookup keys kept`,
      );
    }
    if (report.clearedSentMessages > 0) console.log(`[channel key] erased the sealed address of ${report.clearedSentMessages} goodbyes already sent`);
    if (report.alreadyRotated > 0) console.log(`[channel key] ${report.alreadyRotated} values were already sealed with the new key`);
    console.log("[channel key] done: set CHANNEL_ENCRYPTION_KEY to the new key everywhere, then start the app");
  } finally {
    await db.$disconnect();
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await database.stop();
}
