import { afterEach, describe, expect, it, vi } from "vitest";
import { checkDatabase } from "./check-database";

describe("checkDatabase", () => {
  afterEach(() => {
    vi.doUnmock("@/lib/db/client");
    vi.resetModules();
  });

  it("is true when Postgres answers", async () => {
    expect(await checkDatabase()).toBe(true);
  });

  it("is false when the query fails", async () => {
    vi.doMock("@/lib/db/client", () => ({ db: { $queryRaw: () => Promise.reject(new Error("connection refused")) } }));
    expect(await checkDatabase()).toBe(false);
  });

  it("is false, and quick, when Postgres does not answer", async () => {
    vi.doMock("@/lib/db/client", () => ({ db: { $queryRaw: () => new Promise(() => {}) } }));
    const started = Date.now();
    expect(await checkDatabase(50)).toBe(false);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("is false when the database client cannot even be made", async () => {
    vi.doMock("@/lib/db/client", () => {
      throw new Error("Invalid environment: DATABASE_URL");
    });
    expect(await checkDatabase()).toBe(false);
  });
});
