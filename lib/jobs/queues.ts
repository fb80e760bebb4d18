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
  /** A new poll machine-translated into the languages readers already had the dialogue machine-translated into (decision 048). */
  pollMachineTranslation: "poll.machine-translation",
  /** Deletes the audio of voice messages whose transcript was confirmed long enough ago (decision 033). */
  voiceAudioRetention: "voice.audio-retention",
  /** Deletes photos kept over an offer of similar contributions whose time is up (decision 061). */
  pendingPhotoCleanup: "photos.pending-cleanup",
  /** One message that came in by SMS / WhatsApp / Signal, taken through the conversation (decision 045). */
  channelInbound: "channel.inbound",
  /** One message to one person by their channel (sendToContact, decision 045). */
  channelSend: "channel.send",
  /** What is new for one messenger contact who asked for news at once (decision 052), debounced per contact. */
  channelNews: "channel.news",
  /** The daily bundle of news for every messenger contact (decision 052), at CHANNEL_BUNDLE_HOUR. */
  channelBundle: "channel.bundle",
  /** Deletes a voice note a person sent through Twilio at Twilio, once the conversation no longer needs it (decision 045). */
  channelMediaDelete: "channel.media-delete",
  /** Fetches what arrived at the municipalities' Signal numbers (signal-cli-rest-api, every minute). */
  channelSignalReceive: "channel.signal-receive",
  /** Clears the conversations left unfinished past their time (decision 045), and forgets the numbers nothing can come back to any more (decision 052). */
  channelLapse: "channel.lapse",
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

type Options = Omit<Queue, "name">;

const HOUR = 60 * 60;
const DAY = 24 * HOUR;

/** Tried again `retryLimit` times, each delay twice the last (with up to as much again of jitter), from `retryDelay` up to `retryDelayMax` seconds. */
const backoff = (retryLimit: number, retryDelay: number, retryDelayMax: number): Options => ({ retryLimit, retryDelay, retryBackoff: true, retryDelayMax });

/** A job done as soon as it can be: useless after a day of waiting, forgotten an hour after it ran, the worker woken at once. */
const PROMPT: Options = { retentionSeconds: DAY, deleteAfterSeconds: HOUR, notify: true };

/** The one run of a day's job at a time: retried within the hours after a failure, kept a week after it ran. */
const DAILY: Options = { ...backoff(4, 120, 1800), expireInSeconds: 30 * 60, retentionSeconds: DAY, deleteAfterSeconds: 7 * DAY, policy: "singleton", notify: true };

/** A periodic clean-up, one at a time: tried twice more, five minutes apart. */
const sweep = (expireInSeconds: number): Options => ({ retryLimit: 2, retryDelay: 300, expireInSeconds, retentionSeconds: DAY, deleteAfterSeconds: DAY, policy: "singleton" });

// 30 s, 1 min, 2 min, 4 min, 8 min: within the half hour a sign-in link is valid (a job that
// could not start within a day is no use any more: the link would have expired).
const MAIL: Options = { ...backoff(5, 30, 600), expireInSeconds: 120, ...PROMPT };

// 30 s, 1, 2, 4 min, then dropped: the in-app list still has it.
const PUSH: Options = { ...backoff(4, 30, 600), expireInSeconds: 60, ...PROMPT };

export const QUEUE_OPTIONS: Record<QueueName, Options> = {
  // A service that is down for a while: tried again over about an hour; the audio waits for a person anyway.
  [QUEUES.voiceTranscription]: { ...backoff(5, 60, 1800), expireInSeconds: 300, retentionSeconds: 7 * DAY, deleteAfterSeconds: DAY, notify: true },
  [QUEUES.voiceAudioRetention]: sweep(600),
  [QUEUES.pendingPhotoCleanup]: sweep(600),
  // A service that is down, or another instance translating the same language: tried again over about an hour.
  [QUEUES.pollMachineTranslation]: { ...backoff(5, 60, 1800), expireInSeconds: 300, ...PROMPT },
  // The person waits for the answer: tried again soon, then given up (they write again).
  [QUEUES.channelInbound]: { ...backoff(3, 20, 300), expireInSeconds: 120, ...PROMPT },
  // A provider that is down for a while: tried again over about two hours.
  [QUEUES.channelSend]: { ...backoff(6, 30, 1800), expireInSeconds: 60, ...PROMPT },
  // Twilio down for a while: tried again over about a day (the note is the person's voice; it must go).
  [QUEUES.channelMediaDelete]: { ...backoff(8, 60, 4 * HOUR), expireInSeconds: 60, retentionSeconds: 2 * DAY, deleteAfterSeconds: HOUR, notify: true },
  // Claiming and queueing is one short transaction: tried again soon (the send has its own retries).
  [QUEUES.channelNews]: { ...backoff(4, 30, 600), expireInSeconds: 120, ...PROMPT },
  // A person already told today is not told twice.
  [QUEUES.channelBundle]: DAILY,
  [QUEUES.channelLapse]: sweep(300),
  [QUEUES.channelSignalReceive]: { retryLimit: 0, expireInSeconds: 120, retentionSeconds: 10 * 60, deleteAfterSeconds: HOUR, policy: "singleton" },
  [QUEUES.signInLink]: MAIL,
  [QUEUES.emailConfirmation]: MAIL,
  [QUEUES.pushSubject]: PUSH,
  [QUEUES.pushDeliver]: PUSH,
  // The notifications of people whose mail failed stay unclaimed, so a retry sends only theirs;
  // one digest at a time, however many instances schedule or `npm run digest` asks for one.
  [QUEUES.dailyDigest]: DAILY,
};
