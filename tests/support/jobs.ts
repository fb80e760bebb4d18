// For tests: does the jobs that are due now, one by one in this process, with the handlers the
// workers use (lib/jobs/workers.ts) — like a worker, but finished when the function returns, so a
// test needs no waiting. A failing job is failed as pg-boss's worker fails it (retry with back-off).
import { jobQueue } from "@/lib/jobs/job-queue";
import { QUEUES, type QueueName } from "@/lib/jobs/queues";
import { runJob } from "@/lib/jobs/workers";

export async function runDueJobs(queues: QueueName[] = Object.values(QUEUES)): Promise<{ done: number; failed: number }> {
  const boss = await jobQueue();
  let done = 0;
  let failed = 0;
  for (;;) {
    let ran = false;
    for (const name of queues) {
      const [job] = await boss.fetch<unknown>(name);
      if (!job) continue;
      ran = true;
      try {
        await runJob(job);
        await boss.complete(name, job.id);
        done += 1;
      } catch (error) {
        await boss.fail(name, job.id, { message: error instanceof Error ? error.message : String(error) });
        failed += 1;
      }
    }
    if (!ran) return { done, failed };
  }
}

/** The queue's row for one job (state, attempts, when it may run again). */
export async function jobRow(id: string) {
  const boss = await jobQueue();
  const { rows } = await boss.getDb().executeSql(
    `SELECT name, state::text AS state, retry_count AS "retryCount", start_after AS "startAfter", completed_on AS "completedOn"
     FROM pgboss.job WHERE id = $1`,
    [id],
  );
  return rows[0] as { name: string; state: string; retryCount: number; startAfter: Date; completedOn: Date | null } | undefined;
}
