// DIGEST_HOUR=off: the workers remove the digest's schedule (cron runs `npm run digest` instead).
import { describe, expect, it } from "vitest";

process.env.DIGEST_HOUR = "off";
const { jobQueue } = await import("@/lib/jobs/job-queue");
const { QUEUES } = await import("@/lib/jobs/queues");
const { startJobWorkers } = await import("@/lib/jobs/workers");

describe("DIGEST_HOUR=off", () => {
  it("leaves no schedule for the digest, also when an instance had made one", async () => {
    const boss = await jobQueue();
    await boss.schedule(QUEUES.dailyDigest, "0 7 * * *", null, { tz: "Europe/Berlin" });
    expect(await boss.getSchedules(QUEUES.dailyDigest)).toHaveLength(1);

    const workers = await startJobWorkers();
    try {
      expect(await boss.getSchedules(QUEUES.dailyDigest)).toEqual([]);
    } finally {
      await workers.stop({ graceful: true, timeout: 5_000 });
    }
  });
});
