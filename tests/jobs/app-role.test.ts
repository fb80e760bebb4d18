// The queue works for the app's database role, which owns nothing (lib/db/roles.ts): the schema
// comes from a migration run by the owner, and pg-boss — started with migrate: false — only reads
// and writes rows: it starts, creates its queues, keeps the digest's schedule, and a worker does a job.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { APP_ROLE, asRole, ensureAppRole, grantAppPrivileges } from "@/lib/db/roles";
import { TEST_APP_PASSWORD } from "@/lib/db/test-databases";
import { db } from "@/lib/db/client";
import { QUEUES } from "@/lib/jobs/queues";
import { startJobWorkers } from "@/lib/jobs/workers";
import { createUser, unique } from "@/tests/support/factories";

process.env.NEXTAUTH_SECRET = "test-secret-for-the-queue-as-app-role-0123456";
const ownerUrl = process.env.DATABASE_URL!;
const appUrl = () => asRole(ownerUrl, APP_ROLE, TEST_APP_PASSWORD);

beforeAll(async () => {
  await ensureAppRole(ownerUrl, TEST_APP_PASSWORD);
  await grantAppPrivileges(ownerUrl, APP_ROLE);
});

describe("the job queue as the app's role", () => {
  let app: pg.Client;
  beforeAll(async () => {
    app = new pg.Client({ connectionString: appUrl() });
    await app.connect();
  });
  afterAll(() => app.end());

  it("cannot change the queue's schema", async () => {
    await expect(app.query("CREATE TABLE pgboss.intruder (id int)")).rejects.toThrow(/permission denied/);
    await expect(app.query("DROP TABLE pgboss.job")).rejects.toThrow(/must be owner|permission denied/);
  });

  it("starts workers, and they do a job", async () => {
    const workers = await startJobWorkers({ databaseUrl: appUrl() });
    try {
      // No SMTP_URL in this file: the worker writes the mail to the log instead, which is enough here.
      const user = await createUser({ email: `${unique("role")}@stadt.example`, emailVerified: new Date() });
      const id = (await workers.send(QUEUES.signInLink, { email: user.email }))!;
      await vi.waitFor(async () => expect((await workers.findJobs(QUEUES.signInLink, { id }))[0]?.state).toBe("completed"), { timeout: 20_000, interval: 100 });
      expect(await db.verificationToken.count({ where: { identifier: user.email! } })).toBe(1);
    } finally {
      await workers.stop({ graceful: true, timeout: 5_000 });
    }
  });
});
