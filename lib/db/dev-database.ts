// The database for `npm start` and the db:* scripts: DATABASE_URL when set, otherwise an
// embedded PostgreSQL in .data/postgres with a database named `mitreden`.
import path from "node:path";
import { createDatabase, databaseExists, withDatabase } from "./databases";
import { PROJECT_ROOT, startEmbeddedPostgres } from "./embedded";

export type DevDatabase = { url: string; embedded: boolean; stop: () => Promise<void> };

export const EMBEDDED_DATA_DIR = path.join(PROJECT_ROOT, ".data/postgres");

export async function openDevDatabase(log: (message: string) => void = () => {}): Promise<DevDatabase> {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  }
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  log(`No DATABASE_URL: starting embedded PostgreSQL in ${path.relative(PROJECT_ROOT, EMBEDDED_DATA_DIR)} on port ${port} …`);
  const server = await startEmbeddedPostgres({ dir: EMBEDDED_DATA_DIR, port });
  if (!(await databaseExists(server.url, "mitreden"))) await createDatabase(server.url, "mitreden");
  return { url: withDatabase(server.url, "mitreden"), embedded: true, stop: server.stop };
}
