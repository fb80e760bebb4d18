// A job put on the queue inside a transaction exists exactly when the transaction commits: what
// issue 14 needs to store a notification and queue its delivery in one step.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { enqueue, jobQueue } from "@/lib/jobs/job-queue";
import { QUEUES } from "@/lib/jobs/queues";
import { unique } from "@/tests/support/factories";

async function jobsFor(email: string): Promise<number> {
  const { rows } = await (await jobQueue()).getDb().executeSql(`SELECT id FROM pgboss.job WHERE name = $1 AND data->>'email' = $2`, [QUEUES.signInLink, email]);
  return rows.length;
}

describe("enqueue", () => {
  it("inside a transaction that commits: the job is there", async () => {
    const email = `${unique("tx")}@stadt.example`;
    await db.$transaction(async (tx) => {
      await enqueue(QUEUES.signInLink, { email }, { tx });
      // Not visible outside the transaction before it commits.
      expect(await jobsFor(email)).toBe(0);
    });
    expect(await jobsFor(email)).toBe(1);
  });

  it("inside a transaction that rolls back: no job", async () => {
    const email = `${unique("tx")}@stadt.example`;
    await expect(
      db.$transaction(async (tx) => {
        await enqueue(QUEUES.signInLink, { email }, { tx });
        throw new Error("something later in the transaction failed");
      }),
    ).rejects.toThrow("something later");
    expect(await jobsFor(email)).toBe(0);
  });
});
