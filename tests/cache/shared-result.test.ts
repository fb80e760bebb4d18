// Public aggregates are computed once per key and period, shared by concurrent requests, and a
// failure is not remembered.
import { describe, expect, it } from "vitest";
import { sharedResult } from "@/lib/cache/shared-result";

describe("sharedResult", () => {
  it("computes once for concurrent and later requests within the period", async () => {
    let runs = 0;
    const compute = async () => ++runs;
    const results = await Promise.all(Array.from({ length: 20 }, () => sharedResult("test:once", 60, compute)));
    expect(results).toEqual(Array(20).fill(1));
    expect(await sharedResult("test:once", 60, compute)).toBe(1);
    expect(runs).toBe(1);
  });

  it("keeps keys apart", async () => {
    expect(await sharedResult("test:a", 60, async () => "a")).toBe("a");
    expect(await sharedResult("test:b", 60, async () => "b")).toBe("b");
  });

  it("does not remember a failure", async () => {
    await expect(sharedResult("test:fails", 60, async () => Promise.reject(new Error("database down")))).rejects.toThrow("database down");
    expect(await sharedResult("test:fails", 60, async () => "recovered")).toBe("recovered");
  });
});
