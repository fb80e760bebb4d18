// `npm run worker`: works the job queue (mails, the daily digest) without serving HTTP — for a
// deployment that runs its app instances with JOB_WORKERS=off and the workers apart. Any number
// of workers and app instances may run at once: each job goes to exactly one of them. Stops
// cleanly on SIGTERM/SIGINT (jobs in progress finish first, for up to 30 s). Uses DATABASE_URL
// (or the embedded database) and the same NEXTAUTH_SECRET, SMTP_URL, PUBLIC_URL and VAPID_* keys as the app.
import "dotenv/config";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { openDevDatabase } from "../lib/db/dev-database";
import { PROJECT_ROOT } from "../lib/db/embedded";
import { vapidEnvironment } from "./support/vapid-keys";

const database = await openDevDatabase((message) => console.log(message));
process.env.DATABASE_URL = database.appUrl; // the app's own role, as the web server (lib/db/roles.ts)
// `npm start` keeps its secret in .data/ when NEXTAUTH_SECRET is unset; links are signed with it.
const secretFile = path.join(PROJECT_ROOT, ".data/nextauth-secret");
if (!process.env.NEXTAUTH_SECRET && existsSync(secretFile)) process.env.NEXTAUTH_SECRET = readFileSync(secretFile, "utf8").trim();
// And its Web Push keys (decision 031): pushes are signed with the pair browsers subscribed with.
Object.assign(process.env, vapidEnvironment({ create: false }));

const { startJobWorkers } = await import("../lib/jobs/workers");
const { db } = await import("../lib/db/client");
const boss = await startJobWorkers();

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await boss.stop({ graceful: true, timeout: 30_000 });
  await db.$disconnect();
  await database.stop();
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
