// bench/compare.ts divides CPU time by requests: the server process's from /proc/<pid>/stat, and
// that of the PostgreSQL backends of one database (their process title names it).
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresCpu, processCpuMs, sameBackends } from "@/bench/lib/processes";

function burn(ms: number) {
  const until = performance.now() + ms;
  let x = 0;
  while (performance.now() < until) x += Math.sqrt(x + 1);
  return x;
}

describe("processCpuMs", () => {
  it("counts the CPU time this process spends, and 0 for a process that is not there", () => {
    const before = processCpuMs(process.pid);
    burn(300);
    const spent = processCpuMs(process.pid) - before;
    // Busy for 300 ms of wall time: at least most of it on the CPU, never more than wall time by much.
    expect(spent).toBeGreaterThanOrEqual(150);
    expect(spent).toBeLessThan(1000);
    expect(processCpuMs(2 ** 30)).toBe(0);
  });
});

describe("postgresCpu", () => {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  let database: string;
  beforeAll(async () => {
    await client.connect();
    database = (await client.query<{ name: string }>("SELECT current_database() AS name")).rows[0]!.name;
  });
  afterAll(() => client.end());

  it("counts the work of this database's backends and not that of another database", async () => {
    const before = postgresCpu(database);
    await client.query("SELECT count(*) FROM generate_series(1, 3000000) AS n WHERE n % 7 = 0");
    const after = postgresCpu(database);
    expect(after.ms - before.ms).toBeGreaterThanOrEqual(50);
    expect(sameBackends(before, after)).toBe(true);
    expect(postgresCpu(`${database}_not_there`)).toEqual({ ms: 0, pids: [] });
  });

  it("tells when a backend counted before has exited", async () => {
    const second = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await second.connect();
    const before = postgresCpu(database);
    await second.end();
    // The backend leaves once its client has said goodbye; wait until /proc no longer lists it.
    let after = postgresCpu(database);
    while (sameBackends(before, after)) after = postgresCpu(database);
    expect(after.pids.length).toBeLessThan(before.pids.length);
  });
});
