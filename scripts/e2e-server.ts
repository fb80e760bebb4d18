// Started by Playwright (playwright.config.ts, webServer): a fresh database cloned from the
// migrated template, seeded, and the production build of the app serving it. Stops
// everything again on SIGTERM.
import { randomBytes } from "node:crypto";
import { dropDatabase } from "../lib/db/databases";
import { cloneTemplate, ensureTemplate, startTestServer } from "../lib/db/test-databases";
import { runSeed } from "../prisma/seed";
import { startNext } from "./next-server";

const port = Number(process.env.E2E_PORT ?? 3100);
const server = await startTestServer();
const name = `mitreden_e2e_${randomBytes(6).toString("hex")}`;
const databaseUrl = await cloneTemplate(server.serverUrl, await ensureTemplate(server.serverUrl), name);
await runSeed(databaseUrl);
const next = startNext({ port, databaseUrl, host: "127.0.0.1", env: { NODE_ENV: "production" } });

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  await next.stop();
  await dropDatabase(server.serverUrl, name).catch((error: unknown) => console.error(error));
  await server.stop();
  process.exit(code);
}
process.on("SIGTERM", () => void stop(0));
process.on("SIGINT", () => void stop(0));
next.exited.then((code) => void stop(code ?? 1));
