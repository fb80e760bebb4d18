import type { Queue } from "pg-boss";

// The kinds of job and how each is retried. The queues are rows in pgboss.queue, created (and
// kept in step with these options) by every process that starts the queue — plain inserts and
// updates that the app's database role may make; the schema itself comes from a migration.
// Completed jobs are kept only briefly: a mail job holds an address.

export const QUEUES = {
  /** A sign-in link for an address typed into the sign-in form; dropped by the worker when no account may have one. */
  signInLink: "mail.sign-in-link",
  /** A link that confirms the signed-in person's newly added address. */
  emailConfirmation: "mail.email-confirmation",
  /** The daily e-mail digest of notifications, for everyone who has it switched on. */
  dailyDigest: "digest.daily",
  /** Claims a subject's news for people's devices and queues the deliveries (Web Push, decision 031). */
  pushSubject: "push.subject",
  /** One notification to one device through its push service. */
  pushDeliver: "push.deliver",
  /** A first transcript of a voice message from the operator's speech-to-text service (decision 033). */
  voiceTranscription: "voice.transcription",
  /** Deletes the audio of voice messages whose transcript was confirmed long enough ago (decision 033). */
  voiceAudioRetention: "voice.audio-retention",
  /** One message that came in by SMS / WhatsApp / Signal, taken through the conversation (decision 045). */
  channelInbound: "channel.inbound",
  /** One message to one person by their channel (sendToContact, decision 045). */
  channelSend: "channel.send",
  /** What is new for one messenger contact who asked for news at once (decision 052), debounced per contact. */
  channelNews: "channel.news",
  /** The daily bundle of news for every messenger contact (decision 052), at CHANNEL_BUNDLE_HOUR. */
  channelBundle: "channel.bundle",
  /** Fetches what arrived at the municipalities' Signal numbers (signal-cli-rest-api, every minute). */
  channelSignalReceive: "channel.signal-receive",
  /** Clears the conversations left unfinished past their time (decision 045), and forgets the numbers nothing can come back to any more (decision 052). */
  channelLapse: "channel.lapse",
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

const MAIL: Omit<Queue, "name"> = {
  // 30 s, 1 min, 2 min, 4 min, 8 min (each with up to as much again of jitter): within the
  // half hour a sign-in link is valid.
  retryLimit: 5,
  retryDelay: 30,
  retryBackoff: true,
  retryDelayMax: 600,
  expireInSeconds: 120,
  // A job that could not start within a day is no use any more (the link would have expired).
  retentionSeconds: 24 * 60 * 60,
  deleteAfterSeconds: 60 * 60,
  notify: true,
};

const PUSH: Omit<Queue, "name"> = {
  // 30 s, 1, 2, 4 min (with jitter), then dropped: the in-app list still has it.
  retryLimit: 4,
  retryDelay: 30,
  retryBackoff: true,
  retryDelayMax: 600,
  expireInSeconds: 60,
  retentionSeconds: 24 * 60 * 60,
  deleteAfterSeconds: 60 * 60,
  notify: true,
};

export const QUEUE_OPTIONS: Record<QueueName, Omit<Queue, "name">> = {
  [QUEUES.voiceTranscription]: {
    // A service that is down for a while: tried again over about an hour; the audio waits for a person anyway.
    retryLimit: 5,
    retryDelay: 60,
    retryBackoff: true,
    retryDelayMax: 1800,
    expireInSeconds: 300,
    retentionSeconds: 7 * 24 * 60 * 60,
    deleteAfterSeconds: 24 * 60 * 60,
    notify: true,
  },
  [QUEUES.voiceAudioRetention]: {
    retryLimit: 2,
    retryDelay: 300,
    expireInSeconds: 600,
    retentionSeconds: 24 * 60 * 60,
    deleteAfterSeconds: 24 * 60 * 60,
    policy: "singleton",
  },
  [QUEUES.channelInbound]: {
    // The person waits for the answer: tried again soon, then given up (they write again).
    retryLimit: 3,
    retryDelay: 20,
    retryBackoff: true,
    retryDelayMax: 300,
    expireInSeconds: 120,
    retentionSeconds: 24 * 60 * 60,
    deleteAfterSeconds: 60 * 60,
    notify: true,
  },
  [QUEUES.channelSend]: {
    // A provider that is down for a while: tried again over about two hours.
    retryLimit: 6,
    retryDelay: 30,
    retryBackoff: true,
    retryDelayMax: 1800,
    expireInSeconds: 60,
    retentionSeconds: 24 * 60 * 60,
    deleteAfterSeconds: 60 * 60,
    notify: true,
  },
  [QUEUES.channelNews]: {
    // Claiming and queueing is one short transaction: tried again soon (the send has its own retries).
    retryLimit: 4,
    retryDelay: 30,
    retryBackoff: true,
    retryDelayMax: 600,
    expireInSeconds: 120,
    retentionSeconds: 24 * 60 * 60,
    deleteAfterSeconds: 60 * 60,
    notify: true,
  },
  [QUEUES.channelBundle]: {
    // Retried within the hours after a failure; a person already told today is not told twice.
    retryLimit: 4,
    retryDelay: 120,
    retryBackoff: true,
    retryDelayMax: 1800,
    expireInSeconds: 30 * 60,
    retentionSeconds: 24 * 60 * 60,
    deleteAfterSeconds: 7 * 24 * 60 * 60,
    policy: "singleton",
    notify: true,
  },
  [QUEUES.channelLapse]: {
    retryLimit: 2,
    retryDelay: 300,
    expireInSeconds: 300,
    retentionSeconds: 24 * 60 * 60,
    deleteAfterSeconds: 24 * 60 * 60,
    policy: "singleton",
  },
  [QUEUES.channelSignalReceive]: {
    retryLimit: 0,
    expireInSeconds: 120,
    retentionSeconds: 10 * 60,
    deleteAfterSeconds: 60 * 60,
    policy: "singleton",
  },
  [QUEUES.signInLink]: MAIL,
  [QUEUES.emailConfirmation]: MAIL,
  [QUEUES.pushSubject]: PUSH,
  [QUEUES.pushDeliver]: PUSH,
  [QUEUES.dailyDigest]: {
    // Retried a few times within the hour after a failure (the notifications of people whose mail
    // failed stay unclaimed, so a retry sends only theirs).
    retryLimit: 4,
    retryDelay: 120,
    retryBackoff: true,
    retryDelayMax: 1800,
    expireInSeconds: 30 * 60,
    retentionSeconds: 24 * 60 * 60,
    deleteAfterSeconds: 7 * 24 * 60 * 60,
    // One digest at a time, however many instances schedule or `npm run digest` asks for one.
    policy: "singleton",
    notify: true,
  },
};
