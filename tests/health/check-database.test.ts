// The health check's database probe (app/api/health): true when Postgres answers, false — never
// a throw — when it refuses, when it stays silent, and when the client cannot even be made.
// Each case is a real server: this file's own database, a port nobody listens on, and a TCP
// server that accepts connections and never says a word (a Postgres that hangs).
import { createServer, type Socket } from "node:net";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";

const testDatabase = process.env.DATABASE_URL!;
const sockets = new Set<Socket>();
let hangUp = false;
const silent = createServer((socket) => {
  if (hangUp) return socket.destroy();
  sockets.add(socket);
  socket.on("close", () => sockets.delete(socket));
});
await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
const silentPort = (silent.address() as { port: number }).port;
const closed = createServer();
await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
const closedPort = (closed.address() as { port: number }).port;
await new Promise<void>((resolve) => closed.close(() => resolve()));

/** checkDatabase with a database client made anew for `url` (the client is one per process). */
async function checkAgainst(url: string, timeoutMs?: number): Promise<boolean> {
  type Held = { prisma?: { $disconnect(): Promise<void> } };
  const held = (): Held => globalThis as unknown as Held;
  const previous = held().prisma;
  delete held().prisma;
  vi.resetModules();
  process.env.DATABASE_URL = url;
  const { checkDatabase } = await import("@/lib/health/check-database");
  const answer = await checkDatabase(timeoutMs);
  // The silent server now hangs up on the probe's connection, made or still to come, so that
  // the probe's pool can end.
  hangUp = true;
  for (const socket of sockets) socket.destroy();
  await held().prisma?.$disconnect().catch(() => undefined);
  hangUp = false;
  held().prisma = previous;
  return answer;
}

describe("checkDatabase", () => {
  beforeEach(() => {
    vi.resetModules();
  });
  afterAll(async () => {
    process.env.DATABASE_URL = testDatabase;
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  });

  // A first query loads the client's query compiler: on a loaded machine that alone can take
  // longer than the health check's 2 s, so this case gives it more.
  it("is true when Postgres answers", async () => {
    expect(await checkAgainst(testDatabase, 20_000)).toBe(true);
  });

  it("is false when nobody listens where the database should be", async () => {
    expect(await checkAgainst(`postgresql://postgres@127.0.0.1:${closedPort}/postgres`)).toBe(false);
  });

  // Without its own time limit the probe would wait for the silent server forever (this test's
  // 30 s would end it as a failure); with it, the health check answers "unavailable".
  it("is false when the database accepts the connection and never answers", async () => {
    expect(await checkAgainst(`postgresql://postgres@127.0.0.1:${silentPort}/postgres`, 50)).toBe(false);
  });

  it("is false when the database client cannot even be made", async () => {
    expect(await checkAgainst("not a database address")).toBe(false);
  });
});
