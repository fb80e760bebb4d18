// The job queue's workers, against a real SMTP server: two workers on one database never send a
// mail twice; a refused mail is tried again later, each time later than the last; the daily
// digest runs as a job and is scheduled once for every instance.
import { afterAll, describe, expect, it, vi } from "vitest";
import { startSmtpCatcher } from "../support/smtp-catcher";

// lib/env.ts reads the environment once, on first use: set it before any lib module loads.
const smtp = await startSmtpCatcher();
process.env.SMTP_URL = smtp.url;
process.env.NEXTAUTH_SECRET = "test-secret-for-the-job-workers-0123456789ab";
process.env.DIGEST_HOUR = "6";

const { db } = await import("@/lib/db/client");
const { requestEmailLink } = await import("@/lib/auth/email-link");
const { enqueue, jobQueue } = await import("@/lib/jobs/job-queue");
const { QUEUES } = await import("@/lib/jobs/queues");
const { queueDepth } = await import("@/lib/jobs/queue-depth");
const { startJobWorkers, digestSchedule } = await import("@/lib/jobs/workers");
const { createMunicipality, createUser, unique } = await import("@/tests/support/factories");
const { context } = await import("@/tests/support/viewers");
const { jobRow, runDueJobs } = await import("../support/jobs");

afterAll(() => smtp.stop());

async function staffAddress(): Promise<string> {
  const municipality = await createMunicipality();
  const user = await createUser({ email: `${unique("staff")}@stadt.example`, emailVerified: new Date() });
  await db.municipalityMembership.create({ data: { userId: user.id, municipalityId: municipality.id, role: "STAFF" } });
  return user.email!;
}

async function jobIdFor(email: string): Promise<string> {
  const boss = await jobQueue();
  const { rows } = await boss.getDb().executeSql(`SELECT id FROM pgboss.job WHERE name = $1 AND data->>'email' = $2`, [QUEUES.signInLink, email]);
  expect(rows).toHaveLength(1);
  return (rows[0] as { id: string }).id;
}

/** Makes a job that waits for its back-off due now (instead of waiting for the clock). */
async function dueNow(id: string) {
  await (await jobQueue()).getDb().executeSql(`UPDATE pgboss.job SET start_after = now() WHERE id = $1`, [id]);
}

const waiting = async () => (await queueDepth()).filter((row) => row.state !== "failed").reduce((sum, row) => sum + row.count, 0);

describe("job workers", () => {
  it("two workers on one database send every mail exactly once", async () => {
    const first = await startJobWorkers({ concurrency: 3 });
    const second = await startJobWorkers({ concurrency: 3 });
    try {
      const addresses = await Promise.all(Array.from({ length: 16 }, staffAddress));
      const before = smtp.mails.length;
      await Promise.all(addresses.map((email) => requestEmailLink({ email }, context())));

      await vi.waitFor(async () => expect(await waiting()).toBe(0), { timeout: 30_000, interval: 100 });
      expect(smtp.mails.length - before).toBe(addresses.length);
      expect(addresses.map((email) => [email, smtp.mails.filter((mail) => mail.to.includes(email)).length])).toEqual(addresses.map((email) => [email, 1]));

      // Both keep the one schedule row of the digest: DIGEST_HOUR in the server's time zone.
      const schedules = await first.getSchedules(QUEUES.dailyDigest);
      expect(schedules).toEqual([expect.objectContaining({ name: QUEUES.dailyDigest, cron: "0 6 * * *", timezone: digestSchedule(6).tz })]);
    } finally {
      await Promise.all([first.stop({ graceful: true, timeout: 5_000 }), second.stop({ graceful: true, timeout: 5_000 })]);
    }
  });

  it("tries a refused mail again later, with a longer wait each time, and sends it once the server takes it", async () => {
    const email = await staffAddress();
    smtp.refusing = true;
    try {
      await requestEmailLink({ email }, context());
      const id = await jobIdFor(email);

      const firstTry = Date.now();
      expect(await runDueJobs()).toEqual({ done: 0, failed: 1 });
      const afterFirst = (await jobRow(id))!;
      expect(afterFirst.state).toBe("retry");
      const firstWait = afterFirst.startAfter.getTime() - firstTry;
      expect(firstWait).toBeGreaterThanOrEqual(14_000);
      // Not due yet: nothing runs.
      expect(await runDueJobs()).toEqual({ done: 0, failed: 0 });

      await dueNow(id);
      const secondTry = Date.now();
      expect(await runDueJobs()).toEqual({ done: 0, failed: 1 });
      const afterSecond = (await jobRow(id))!;
      expect(afterSecond.state).toBe("retry");
      expect(afterSecond.retryCount).toBeGreaterThan(afterFirst.retryCount);
      const secondWait = afterSecond.startAfter.getTime() - secondTry;
      // Exponential: the second wait's shortest is the first's longest.
      expect(secondWait).toBeGreaterThanOrEqual(firstWait - 1_000);
      expect(smtp.latestTo(email)).toBeUndefined();
    } finally {
      smtp.refusing = false;
    }
    const id = await jobIdFor(email);
    await dueNow(id);
    expect(await runDueJobs()).toEqual({ done: 1, failed: 0 });
    expect((await jobRow(id))!.state).toBe("completed");
    expect(smtp.mails.filter((mail) => mail.to.includes(email))).toHaveLength(1);
  });

  it("sends the daily digest as a job (as the schedule and `npm run digest` put it on the queue)", async () => {
    const user = await createUser({ email: `${unique("digest")}@mail.example`, emailVerified: new Date(), locale: "en" });
    await db.notification.updateMany({ where: { emailedAt: null }, data: { emailedAt: new Date() } });
    await db.notification.create({ data: { userId: user.id, type: "PHASE_CHANGED", dialogueId: (await createDialogueFor()).id } });

    await enqueue(QUEUES.dailyDigest, {});
    expect(smtp.latestTo(user.email!)).toBeUndefined();
    expect(await runDueJobs([QUEUES.dailyDigest])).toEqual({ done: 1, failed: 0 });
    expect(smtp.latestTo(user.email!)?.subject).toBe("1 new notification on mitreden");
    expect(await db.notification.count({ where: { userId: user.id, emailedAt: null } })).toBe(0);
  });

  it("retries a digest whose mail was refused, and mails those notifications then, once", async () => {
    const user = await createUser({ email: `${unique("digest")}@mail.example`, emailVerified: new Date(), locale: "en" });
    await db.notification.updateMany({ where: { emailedAt: null }, data: { emailedAt: new Date() } });
    await db.notification.create({ data: { userId: user.id, type: "PHASE_CHANGED", dialogueId: (await createDialogueFor()).id } });
    await enqueue(QUEUES.dailyDigest, {});
    smtp.refusing = true;
    try {
      expect(await runDueJobs([QUEUES.dailyDigest])).toEqual({ done: 0, failed: 1 });
    } finally {
      smtp.refusing = false;
    }
    expect(await db.notification.count({ where: { userId: user.id, emailedAt: null } })).toBe(1);
    const boss = await jobQueue();
    const { rows } = await boss.getDb().executeSql(`SELECT id FROM pgboss.job WHERE name = $1 AND state = 'retry'`, [QUEUES.dailyDigest]);
    expect(rows).toHaveLength(1);
    await dueNow((rows[0] as { id: string }).id);
    expect(await runDueJobs([QUEUES.dailyDigest])).toEqual({ done: 1, failed: 0 });
    expect(smtp.mails.filter((mail) => mail.to.includes(user.email!))).toHaveLength(1);
    expect(await db.notification.count({ where: { userId: user.id, emailedAt: null } })).toBe(0);
  });
});

async function createDialogueFor() {
  const { dialogueIn } = await import("@/tests/support/participation");
  return dialogueIn("COLLECTING");
}
