import "server-only";
import type { Job, PgBoss } from "pg-boss";
import { sendEmailConfirmation, type EmailConfirmationJob } from "@/lib/accounts/email-confirmation";
import { sendEmailLink, type EmailLinkJob } from "@/lib/auth/email-link";
import { clearLapsedConversations, forgetFinishedContacts } from "@/lib/channels/contacts";
import { deliverChannelMessage, type ChannelSendJob } from "@/lib/channels/send";
import { sendChannelBundles, sendChannelNews, type ChannelNewsJob } from "@/lib/channels/news";
import { deleteChannelMedia, type ChannelMediaDeleteJob } from "@/lib/channels/provider-media";
import { handleInbound, receiveSignalMessages, type ChannelInboundJob } from "@/lib/channels/inbound";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { sendDigests } from "@/lib/notifications/send-digest";
import { machineTranslateNewPoll, type PollMachineTranslationJob } from "@/lib/polls/machine-translate-polls";
import { claimPushes, deliverPush, type PushDeliverJob, type PushSubjectJob } from "@/lib/push/send-push";
import { deleteExpiredVoiceAudio } from "@/lib/voice/delete-expired-audio";
import { deleteExpiredPendingPhotos } from "@/lib/images/pending-photos";
import { machineTranscribe, type VoiceTranscriptionJob } from "@/lib/voice/machine-transcribe";
import { openJobQueue, useJobQueue } from "./job-queue";
import { QUEUES, type QueueName } from "./queues";

/** What each kind of job does. A handler that throws fails the attempt; pg-boss retries it with back-off. */
export const HANDLERS: Record<QueueName, (data: unknown) => Promise<unknown>> = {
  [QUEUES.signInLink]: (data) => sendEmailLink(data as EmailLinkJob),
  [QUEUES.emailConfirmation]: (data) => sendEmailConfirmation(data as EmailConfirmationJob),
  [QUEUES.dailyDigest]: () => sendDigests(),
  [QUEUES.pushSubject]: (data) => claimPushes(data as PushSubjectJob),
  [QUEUES.pushDeliver]: (data) => deliverPush(data as PushDeliverJob),
  [QUEUES.voiceTranscription]: (data) => machineTranscribe(data as VoiceTranscriptionJob),
  [QUEUES.voiceAudioRetention]: () => deleteExpiredVoiceAudio(),
  [QUEUES.pendingPhotoCleanup]: () => deleteExpiredPendingPhotos(),
  [QUEUES.pollMachineTranslation]: (data) => machineTranslateNewPoll(data as PollMachineTranslationJob),
  [QUEUES.channelInbound]: (data) => handleInbound(data as ChannelInboundJob),
  [QUEUES.channelSend]: (data) => deliverChannelMessage(data as ChannelSendJob),
  [QUEUES.channelNews]: (data) => sendChannelNews(data as ChannelNewsJob),
  [QUEUES.channelBundle]: () => sendChannelBundles(),
  [QUEUES.channelMediaDelete]: (data) => deleteChannelMedia(data as ChannelMediaDeleteJob),
  [QUEUES.channelSignalReceive]: () => receiveSignalMessages(),
  [QUEUES.channelLapse]: async () => ({ ...(await clearLapsedConversations()), ...(await forgetFinishedContacts()) }),
};

/** Runs one job, logging its outcome by queue and id only (the data may hold an address). */
export async function runJob(job: Pick<Job<unknown>, "id" | "name" | "data" | "retryCount">): Promise<void> {
  const handler = HANDLERS[job.name as QueueName];
  if (!handler) throw new Error(`no handler for jobs of ${job.name}`);
  const log = logger().child({ queue: job.name, jobId: job.id, attempt: job.retryCount + 1 });
  const started = performance.now();
  try {
    const result = await handler(job.data);
    log.info({ event: "job.done", durationMs: Math.round(performance.now() - started), ...counts(result) }, "job done");
  } catch (error) {
    const { name, message } = error instanceof Error ? error : new Error(String(error));
    log.warn({ event: "job.failed", durationMs: Math.round(performance.now() - started), err: { name, message } }, "job failed; retried later unless out of attempts");
    throw error;
  }
}

/** Only numbers from a handler's result go into the log. */
function counts(result: unknown): Record<string, number> {
  if (typeof result !== "object" || result === null) return {};
  return Object.fromEntries(Object.entries(result).filter((entry): entry is [string, number] => typeof entry[1] === "number"));
}

/** The digest's cron line: every day at DIGEST_HOUR in the server's time zone (TZ). */
export function digestSchedule(hour: number): { cron: string; tz: string } {
  return { cron: `0 ${hour} * * *`, tz: Intl.DateTimeFormat().resolvedOptions().timeZone };
}

/**
 * Starts workers for every queue in this process, and keeps the digest's schedule as DIGEST_HOUR
 * says (a row in pgboss.schedule shared by all instances; pg-boss's cron pass makes one job per
 * day however many instances run). Returns the queue connection; stop it to stop the workers.
 */
export async function startJobWorkers(options: { databaseUrl?: string; concurrency?: number } = {}): Promise<PgBoss> {
  const boss = await openJobQueue({ supervise: true, databaseUrl: options.databaseUrl });
  for (const name of Object.values(QUEUES)) {
    // A full fetch (one job) fetches again at once, so a burst of requests drains without waiting for
    // the next poll; NOTIFY wakes idle workers, and the poll every 10 s is only a backstop.
    await boss.work(name, { localConcurrency: options.concurrency ?? 2, burstWhenBatchFull: true, pollingIntervalSeconds: 10, notifyPollingIntervalSeconds: 10 }, async ([job]) => {
      if (job) await runJob(job);
    });
  }
  const hour = env().DIGEST_HOUR;
  if (hour === "off") await boss.unschedule(QUEUES.dailyDigest);
  else {
    const { cron, tz } = digestSchedule(hour);
    await boss.schedule(QUEUES.dailyDigest, cron, null, { tz });
  }
  // Audio past its retention is deleted within the hour (decision 033), once for all instances.
  await boss.schedule(QUEUES.voiceAudioRetention, "23 * * * *", null, { tz: "UTC" });
  await boss.schedule(QUEUES.pendingPhotoCleanup, "53 * * * *", null, { tz: "UTC" });
  // What arrived at the Signal numbers is fetched every minute (decision 045), once for all instances.
  await boss.schedule(QUEUES.channelSignalReceive, "* * * * *", null, { tz: "UTC" });
  await boss.schedule(QUEUES.channelLapse, "41 * * * *", null, { tz: "UTC" });
  // News by messenger, one bundle a day per person (decision 052), once for all instances.
  const bundle = digestSchedule(env().CHANNEL_BUNDLE_HOUR);
  await boss.schedule(QUEUES.channelBundle, bundle.cron, null, { tz: bundle.tz });
  logger().info({ event: "jobs.started", queues: Object.values(QUEUES) }, "job workers started");
  return boss;
}

const globalForWorkers = globalThis as unknown as { jobWorkers?: Promise<PgBoss> };
const RESTART_AFTER_MS = 30_000;

/**
 * The workers of an app instance (instrumentation.ts): once per process, unless JOB_WORKERS=off.
 * When they cannot start (the database is away while the app boots), this tries again every
 * 30 s; meanwhile requests still queue their jobs, and any other instance's workers do them.
 */
export function startInstanceWorkers(): void {
  if (env().JOB_WORKERS === "off" || globalForWorkers.jobWorkers) return;
  globalForWorkers.jobWorkers = startJobWorkers().then((boss) => {
    useJobQueue(boss);
    return boss;
  });
  globalForWorkers.jobWorkers.catch((error: unknown) => {
    const { name, message } = error instanceof Error ? error : new Error(String(error));
    logger().error({ event: "jobs.start_failed", err: { name, message }, retryInMs: RESTART_AFTER_MS }, "job workers did not start; trying again");
    globalForWorkers.jobWorkers = undefined;
    setTimeout(startInstanceWorkers, RESTART_AFTER_MS).unref();
  });
}
