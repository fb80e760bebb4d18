// A database outage answers 503 with Retry-After from every route, from its first request on:
// the errors an outage really produces (a refused connection through Prisma's driver adapter, a
// connection Postgres ends with 57P01 as it shuts down) are told apart from other failures, a
// route meeting one answers 503 instead of 500, and the gate closes at once — also when an
// idle connection hears of the shutdown before any request does — and opens again by itself.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { availableRoute } from "@/lib/health/available-route";
import { closeDatabaseGate, databaseAvailable, probeDatabase, reportDatabaseError } from "@/lib/health/database-gate";
import { isDatabaseOutage, RETRY_AFTER_SECONDS } from "@/lib/health/database-outage";
import { createUser } from "@/tests/support/factories";

let admin: pg.Client;

beforeAll(async () => {
  admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
});

afterAll(async () => {
  await admin.end();
});

/** What an app meets when Postgres is not there: Prisma through the adapter, to a closed port. */
async function refusedError(): Promise<unknown> {
  const nowhere = new PrismaClient({ adapter: new PrismaPg({ connectionString: "postgresql://postgres@127.0.0.1:1/none" }) });
  try {
    await nowhere.user.findFirst();
  } catch (error) {
    return error;
  } finally {
    await nowhere.$disconnect();
  }
  throw new Error("expected the query to fail");
}

/** What a query meets when Postgres shuts down under it: its backend ends with 57P01. */
async function shutdownError(): Promise<unknown> {
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL!, max: 1 }, { onPoolError: () => {} }) });
  try {
    const [backend] = await client.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
    const pid = backend!.pid;
    const sleeping = client.$queryRaw`SELECT pg_sleep(30)`.then(
      () => new Error("expected the query to be ended"),
      (error: unknown) => error,
    );
    await expect.poll(async () => (await admin.query("SELECT state FROM pg_stat_activity WHERE pid = $1", [pid])).rows[0]?.state).toBe("active");
    await admin.query("SELECT pg_terminate_backend($1)", [pid]);
    return await sleeping;
  } finally {
    await client.$disconnect();
  }
}

/** Waits until the gate is open again (a probe that reaches Postgres). */
async function reopen() {
  await probeDatabase();
  expect(await databaseAvailable()).toBe(true);
}

describe("isDatabaseOutage", () => {
  it("knows a refused connection and a shutdown through Prisma, and pg's own shutdown error", async () => {
    expect(isDatabaseOutage(await refusedError())).toBe(true);
    expect(isDatabaseOutage(await shutdownError())).toBe(true);
    const raw = new pg.Client({ connectionString: process.env.DATABASE_URL });
    raw.on("error", () => {});
    await raw.connect();
    const { rows } = await raw.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    const ended = raw.query("SELECT pg_sleep(30)").catch((error: unknown) => error);
    await expect.poll(async () => (await admin.query("SELECT state FROM pg_stat_activity WHERE pid = $1", [rows[0]!.pid])).rows[0]?.state).toBe("active");
    await admin.query("SELECT pg_terminate_backend($1)", [rows[0]!.pid]);
    const error = await ended;
    expect((error as { code?: string }).code).toBe("57P01");
    expect(isDatabaseOutage(error)).toBe(true);
  });

  it("does not take other failures for an outage", async () => {
    const user = await createUser();
    const duplicate = await db.user.create({ data: { id: user.id, displayName: "twice" } }).catch((error: unknown) => error);
    expect(isDatabaseOutage(duplicate)).toBe(false);
    const syntax = await db.$queryRawUnsafe("SELEC 1").catch((error: unknown) => error);
    expect(isDatabaseOutage(syntax)).toBe(false);
    expect(isDatabaseOutage(new Error("boom"))).toBe(false);
    expect(isDatabaseOutage(null)).toBe(false);
  });
});

describe("a route during an outage", () => {
  it("answers 503 with Retry-After, not 500, when its query meets the outage, and the gate closes", async () => {
    await reopen();
    const error = await refusedError();
    const route = availableRoute(async () => {
      throw error;
    });
    const response = await route();
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe(String(RETRY_AFTER_SECONDS));
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ error: { code: "UNAVAILABLE" } });
    // The next request does not even start its handler.
    let ran = false;
    const next = await availableRoute(async () => {
      ran = true;
      return new Response("ok");
    })();
    expect(next.status).toBe(503);
    expect(ran).toBe(false);
    await reopen();
  });

  it("lets other errors through as errors", async () => {
    await reopen();
    const route = availableRoute(async () => {
      throw new Error("a bug, not an outage");
    });
    await expect(route()).rejects.toThrow("a bug, not an outage");
    expect(await databaseAvailable()).toBe(true);
  });
});

describe("the database gate", () => {
  it("closes when an idle connection of the app's pool is ended by a shutting-down server, before any request fails", async () => {
    await reopen();
    await closeDatabaseGate(); // only the app's own connections are left to hear of it
    await db.user.count(); // the app's pool now holds an idle connection
    const { rows } = await admin.query<{ pid: number }>(
      "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'",
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const { pid } of rows) await admin.query("SELECT pg_terminate_backend($1)", [pid]);
    await expect.poll(() => databaseAvailable()).toBe(false);
    // And opens again by itself once a probe reaches Postgres.
    await reopen();
    expect(await db.user.count()).toBeGreaterThan(0);
  });

  it("ignores errors that are no outage", () => {
    expect(reportDatabaseError(new Error("boom"))).toBe(false);
  });
});
