// A production server of a spec's own, from the same build as the rest of the e2e run, on a
// database of its own (cloned from the migrated template and seeded like the e2e run's): for specs
// whose data would change what other specs see on the shared e2e server (many dialogues, open
// reports). `prepare` may add rows before the server starts.
import { randomBytes } from "node:crypto";
import { expect } from "@playwright/test";
import pg from "pg";
import { dropDatabase } from "../../lib/db/databases";
import { cloneTemplate, ensureTemplate, startTestServer } from "../../lib/db/test-databases";
import { runSeed } from "../../prisma/seed";
import { startNext } from "../../scripts/next-server";
import { freePort } from "../../tests/support/processes";

export type OwnApp = { url: string; stop: () => Promise<void> };

export async function startOwnApp(prepare?: (sql: pg.Client) => Promise<void>): Promise<OwnApp> {
  const postgres = await startTestServer();
  const name = `mitreden_e2e_own_${randomBytes(4).toString("hex")}`;
  const databaseUrl = await cloneTemplate(postgres.serverUrl, await ensureTemplate(postgres.serverUrl), name);
  await runSeed(databaseUrl);
  if (prepare) {
    const sql = new pg.Client({ connectionString: databaseUrl });
    await sql.connect();
    try {
      await prepare(sql);
    } finally {
      await sql.end();
    }
  }
  // The page cache tells its state, as on the shared e2e server.
  const server = await startServer(databaseUrl, { PAGE_CACHE_HEADER: "on" });
  return {
    url: server.url,
    stop: async () => {
      await server.stop();
      await dropDatabase(postgres.serverUrl, name).catch(() => {});
      await postgres.stop();
    },
  };
}

/**
 * The production server of the e2e run's build on a free port of its own, against `databaseUrl`;
 * answers once its health check does. `env` adds to (or overrides) the production settings.
 */
export async function startServer(databaseUrl: string, env: Record<string, string> = {}): Promise<OwnApp> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const next = startNext({
    port,
    databaseUrl,
    host: "127.0.0.1",
    env: { NODE_ENV: "production", NEXTAUTH_URL: url, NEXTAUTH_SECRET: randomBytes(32).toString("hex"), ...env },
  });
  await expect.poll(async () => (await fetch(`${url}/api/health`).catch(() => null))?.status, { timeout: 90_000 }).toBe(200);
  return { url, stop: next.stop };
}
