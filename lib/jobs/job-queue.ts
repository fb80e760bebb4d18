import "server-only";
import { PgBoss, fromPrisma } from "pg-boss";
import { db as appDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { QUEUE_OPTIONS, type QueueName } from "./queues";

// The job queue in Postgres (pg-boss; docs/decisions/018-job-queue.md). Work a request must not
// wait for — above all SMTP — is put here in one INSERT and done by workers that run in every
// app instance (lib/jobs/workers.ts) or in `npm run worker`. pg-boss hands each job to exactly one
// worker (SELECT … FOR UPDATE SKIP LOCKED), retries failures with back-off, and keeps its own
// small pool; its schema is installed by a migration, never by the app.

export const JOB_SCHEMA = "pgboss";

export type JobQueueOptions = {
  /** Maintenance (expiry, retention) and the cron pass; on in processes that run workers. */
  supervise?: boolean;
  databaseUrl?: string;
};

/** A started queue connection with every queue of QUEUES present and in step with its options. */
export async function openJobQueue({ supervise = false, databaseUrl }: JobQueueOptions = {}): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: databaseUrl ?? env().DATABASE_URL,
    schema: JOB_SCHEMA,
    max: 3,
    application_name: "mitreden-jobs",
    // The schema belongs to the migrations (the app's role may not create or alter it).
    migrate: false,
    createSchema: false,
    supervise,
    schedule: supervise,
    // Rebuilding indexes needs their owner; an operator does that, if ever.
    reindex: false,
    // Workers wake when a job is inserted instead of on their next poll.
    useListenNotify: true,
  });
  boss.on("error", (error: Error) => logger().error({ event: "jobs.error", err: { name: error.name, message: error.message } }, "job queue error"));
  boss.on("warning", (warning: { message: string }) => logger().warn({ event: "jobs.warning" }, warning.message));
  try {
    await boss.start();
    for (const [name, options] of Object.entries(QUEUE_OPTIONS)) {
      // Both are plain writes to pgboss.queue (no DDL for unpartitioned queues).
      await boss.createQueue(name, options);
      const { policy: _policy, ...changeable } = options;
      await boss.updateQueue(name, changeable);
    }
    return boss;
  } catch (error) {
    await boss.stop({ graceful: false }).catch(() => {});
    throw error;
  }
}

// One connection per process; Next.js bundles this module into several server chunks.
const globalForJobs = globalThis as unknown as { jobQueue?: Promise<PgBoss> };

/** This process's queue: the one the workers started, or one opened for sending on first use. */
export function jobQueue(): Promise<PgBoss> {
  globalForJobs.jobQueue ??= openJobQueue().catch((error: unknown) => {
    globalForJobs.jobQueue = undefined;
    throw error;
  });
  return globalForJobs.jobQueue;
}

/** Makes `boss` this process's queue (the workers' instance, so a process has one). */
export function useJobQueue(boss: PgBoss): void {
  const previous = globalForJobs.jobQueue;
  globalForJobs.jobQueue = Promise.resolve(boss);
  // One opened for sending before the workers were up is not needed any more.
  void previous
    ?.then((other) => (other === boss ? undefined : other.stop({ graceful: true, timeout: 10_000 })))
    .catch(() => {});
}

export async function closeJobQueue(): Promise<void> {
  const boss = globalForJobs.jobQueue;
  globalForJobs.jobQueue = undefined;
  await (await boss?.catch(() => undefined))?.stop({ graceful: true, timeout: 10_000 });
}

export type Transaction = { $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T> };

/**
 * Puts a job on the queue: one INSERT through the app's own database client, so it is part of
 * `tx` when one is given (the job exists exactly when the transaction commits).
 */
export async function enqueue(name: QueueName, data: object, options: { tx?: Transaction } = {}): Promise<void> {
  const boss = await jobQueue();
  await boss.send(name, data, { db: fromPrisma(options.tx ?? appDb) });
}
