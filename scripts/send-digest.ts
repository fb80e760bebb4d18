// `npm run digest`: puts one daily-digest job on the job queue, for cron or a systemd timer when
// DIGEST_HOUR=off (e.g. `0 7 * * * cd /srv/mitreden && npm run digest`). A worker — in any app
// instance, or `npm run worker` — sends it; the queue runs one digest at a time and every
// notification goes out at most once, so running this while the app's own schedule runs is safe.
// Uses DATABASE_URL (or the embedded database).
import "dotenv/config";
import { openDevDatabase } from "../lib/db/dev-database";

const database = await openDevDatabase((message) => console.log(message));
// The app's own role (it owns nothing): the queue needs only rows, like the app.
process.env.DATABASE_URL = database.appUrl;

try {
  // Loaded after the environment is complete: lib/env.ts reads it once.
  const { closeJobQueue, enqueue } = await import("../lib/jobs/job-queue");
  const { QUEUES } = await import("../lib/jobs/queues");
  const { db } = await import("../lib/db/client");
  try {
    await enqueue(QUEUES.dailyDigest, {});
    console.log("[digest] queued; a worker of the job queue sends it (the app's, or `npm run worker`)");
  } finally {
    await closeJobQueue();
    await db.$disconnect();
  }
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await database.stop();
}
