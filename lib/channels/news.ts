import "server-only";
import { fromPrisma } from "pg-boss";
import { db } from "@/lib/db/client";
import { publicOrigin } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { contentLanguageOf } from "@/lib/contributions/create-contribution";
import { languageName } from "@/lib/i18n/language-names";
import { defaultLocale, locales, type AppLocale } from "@/lib/i18n/routing";
import { translatorFor } from "@/lib/i18n/translator";
import { isAppError } from "@/lib/errors";
import { jobQueue } from "@/lib/jobs/job-queue";
import { QUEUES } from "@/lib/jobs/queues";
import { notificationSelect, viewOf } from "@/lib/notifications/notification-view";
import { notificationSentence } from "@/lib/notifications/notification-sentence";
import { check } from "@/lib/rate-limit";
import { formatReceiptCode, receiptPath } from "@/lib/receipts/receipt-code";
import { untitledVoiceLabel } from "@/lib/voice/untitled";
import { sendToContact } from "./send";

// The town's news sent back to a person who wrote in by SMS / WhatsApp / Signal (decision 052).
// Their contact's account follows what they sent (decision 045), so decision 030's notifications
// are written for it like for anyone; this turns them into messages on the person's channel:
//
// - Each notification row remembers how many of its events went out by messenger
//   (`Notification.channelCount`); a message tells `count - channelCount` of them and sets it to
//   `count` in the transaction that queues the message (`sendToContact`, part of it). Every event
//   is told once: a retried or concurrent job finds nothing left to tell, and the contact's row
//   is locked while one job tells, so two workers take turns.
// - By default once a day (`channel.bundle`, CHANNEL_BUNDLE_HOUR): one message per person with
//   everything new, and never a second within BUNDLE_MIN_HOURS (`ChannelContact.lastBundleAt`).
// - A person who sent the "now" keyword (ANSWER_WORDS) gets each piece of news at once:
//   insertNotifications queues `channel.news` for their contact in the event's transaction,
//   debounced per contact (a burst of comments is one message).
// - Answers and comments travel with their words in the person's language: a translation when
//   one exists, the original otherwise, labelled with its language. The receipt's code and
//   address lead to the whole answer. The per-number limit (channelSendPerContact) holds at
//   delivery, and a number that used it up is not told (its news waits, unclaimed, for the next
//   bundle); STOP deletes the contact and its notifications, so nothing is left to tell.

/** At most one daily bundle per person in this many hours (a retried or repeated run sends no second). */
export const BUNDLE_MIN_HOURS = 20;
/** News for a person who asked for it at once: at most one message per this many seconds. */
export const CHANNEL_NEWS_DEBOUNCE_SECONDS = 60;
/** Older news is not sent any more (as the e-mail digest, decision 030). */
const NEWS_WINDOW_DAYS = 14;
/** How many notifications one message lists; the receipt's page has the rest. */
const MAX_ITEMS = 6;
/** How many of a burst of new comments are quoted. */
const MAX_COMMENTS = 3;
/** Characters of an answer or comment quoted in a message. */
const SNIPPET = 300;

/**
 * The keywords a person sends to get each answer at once ("now") or one message a day again
 * ("daily"), one pair per UI language; any language's word works in any conversation.
 */
export const ANSWER_WORDS: Record<AppLocale, { now: string; daily: string }> = {
  de: { now: "SOFORT", daily: "TÄGLICH" },
  "de-simple": { now: "SOFORT", daily: "TÄGLICH" },
  en: { now: "NOW", daily: "DAILY" },
  ar: { now: "فورا", daily: "يوميا" },
  fa: { now: "فوری", daily: "روزانه" },
  prs: { now: "فوری", daily: "روزانه" },
  ps: { now: "سمدستي", daily: "ورځنی" },
  uk: { now: "ОДРАЗУ", daily: "ЩОДНЯ" },
  tr: { now: "HEMEN", daily: "GÜNLÜK" },
  ru: { now: "СРАЗУ", daily: "ЕЖЕДНЕВНО" },
  kmr: { now: "NIHA", daily: "ROJANE" },
  ti: { now: "ሕጂ", daily: "መዓልታዊ" },
  so: { now: "HADDA", daily: "MAALINLE" },
  fr: { now: "DIRECT", daily: "QUOTIDIEN" },
};

const normalizeWord = (text: string) =>
  // Arabic's "فوراً" is "فورا" with its tanwin; both are typed.
  text.trim().toLowerCase().normalize("NFC").replace(/[.!。،؛,;:?؟\s]+$/u, "").replace(/^[\s.!]+/u, "").replace(/\u064B/gu, "");
const NOW_WORDS = new Set([...locales.map((locale) => normalizeWord(ANSWER_WORDS[locale].now)), "فوراً", "sofort", "now", "immediately", "jetzt"].map(normalizeWord));
const DAILY_WORDS = new Set([...locales.map((locale) => normalizeWord(ANSWER_WORDS[locale].daily)), "taglich", "täglich", "daily", "يومياً"].map(normalizeWord));

/** "now", "daily", or null when the message is not one of the keywords. */
export function answerWord(text: string): "now" | "daily" | null {
  const word = normalizeWord(text);
  if (NOW_WORDS.has(word)) return "now";
  if (DAILY_WORDS.has(word)) return "daily";
  return null;
}

/** The keywords as the person's language writes them (for the messages that name them). */
export function answerWordsIn(locale: string): { now: string; daily: string } {
  return ANSWER_WORDS[(locales as readonly string[]).includes(locale) ? (locale as AppLocale) : defaultLocale];
}

export type ChannelNewsJob = { contactId: string };

/**
 * Called by insertNotifications, in the event's transaction, for each receiver that is a
 * messenger contact who asked for news at once: queues their `channel.news`, debounced per contact.
 */
export async function queueChannelNews(tx: Prisma.TransactionClient, contactId: string): Promise<void> {
  const boss = await jobQueue();
  await boss.sendDebounced(QUEUES.channelNews, { contactId } satisfies ChannelNewsJob, { db: fromPrisma(tx) }, CHANNEL_NEWS_DEBOUNCE_SECONDS, contactId);
}

/** The `channel.news` job: what is new for one person who asked for it at once. */
export async function sendChannelNews({ contactId }: ChannelNewsJob): Promise<{ messages: number; events: number }> {
  return tellContact(contactId, { daily: false, now: new Date() });
}

/**
 * The daily `channel.bundle` job: one message to each person with news whose last bundle is
 * older than BUNDLE_MIN_HOURS, on a switched-on channel. A person whose message could not be
 * queued keeps their news for the retry (their claim is undone with its transaction).
 */
export async function sendChannelBundles(now: Date = new Date()): Promise<{ messages: number; events: number }> {
  const since = new Date(now.getTime() - NEWS_WINDOW_DAYS * 24 * 60 * 60 * 1000);
  const due = new Date(now.getTime() - BUNDLE_MIN_HOURS * 60 * 60 * 1000);
  const contacts = await db.$queryRaw<{ id: string }[]>`
    SELECT c."id" FROM "ChannelContact" c
    JOIN "MessengerChannel" ch ON ch."id" = c."channelId" AND ch."enabled"
    WHERE (c."lastBundleAt" IS NULL OR c."lastBundleAt" < ${due})
      AND EXISTS (SELECT 1 FROM "Notification" n WHERE n."userId" = c."userId" AND n."readAt" IS NULL
        AND n."count" > n."channelCount" AND n."createdAt" > ${since})`;
  let messages = 0;
  let events = 0;
  let failed = 0;
  for (const { id } of contacts) {
    try {
      const told = await tellContact(id, { daily: true, now });
      messages += told.messages;
      events += told.events;
    } catch {
      failed += 1;
    }
  }
  if (failed > 0) throw new Error(`${failed} messenger bundles could not be queued (${messages} were)`);
  return { messages, events };
}

type Claimed = { id: string; before: number; count: number };

/**
 * Claims what is new for the contact and queues one message telling it, in one transaction:
 * the contact's row is locked first (two jobs for one person take turns; the second finds
 * nothing left, or — for a bundle — today's bundle already sent).
 */
async function tellContact(contactId: string, { daily, now }: { daily: boolean; now: Date }): Promise<{ messages: number; events: number }> {
  const since = new Date(now.getTime() - NEWS_WINDOW_DAYS * 24 * 60 * 60 * 1000);
  const due = new Date(now.getTime() - BUNDLE_MIN_HOURS * 60 * 60 * 1000);
  // A number whose daily limit is used up gets nothing now, and its news stays unclaimed for the
  // next bundle (the sender would drop the message, and the events with it).
  try {
    await check("channelSendPerContact", contactId);
  } catch (error) {
    if (isAppError(error, "RATE_LIMITED")) return { messages: 0, events: 0 };
    throw error;
  }
  return db.$transaction(async (tx) => {
    const [contact] = await tx.$queryRaw<{ id: string; userId: string; locale: string | null }[]>`
      SELECT c."id", c."userId", c."locale" FROM "ChannelContact" c
      JOIN "MessengerChannel" ch ON ch."id" = c."channelId" AND ch."enabled"
      WHERE c."id" = ${contactId}::uuid AND (${!daily} OR c."lastBundleAt" IS NULL OR c."lastBundleAt" < ${due})
      FOR UPDATE OF c`;
    if (!contact) return { messages: 0, events: 0 };
    const claimed = await tx.$queryRaw<Claimed[]>`
      WITH pending AS (
        SELECT n."id", n."channelCount" AS "before" FROM "Notification" n
        WHERE n."userId" = ${contact.userId}::uuid AND n."readAt" IS NULL AND n."count" > n."channelCount" AND n."createdAt" > ${since}
        FOR UPDATE
      )
      UPDATE "Notification" n SET "channelCount" = n."count" FROM pending p WHERE n."id" = p."id"
      RETURNING n."id", p."before", n."count"`;
    if (claimed.length === 0) return { messages: 0, events: 0 };
    if (daily) await tx.channelContact.update({ where: { id: contact.id }, data: { lastBundleAt: now } });
    const text = await newsText(tx, contact.locale ?? defaultLocale, claimed, { answersNow: !daily });
    await sendToContact(contact.id, text, { tx });
    return { messages: 1, events: claimed.reduce((sum, row) => sum + row.count - row.before, 0) };
  });
}

/** An answer or comment with its version in the reader's language, if any (an old answer may have no language). */
type Quoted = { body: string; language: string | null; translations: { body: string; language: string; method: string; checkedAt: Date | null }[] };

const clip = (text: string) => (text.length > SNIPPET ? `${text.slice(0, SNIPPET - 1).trimEnd()}…` : text);

/**
 * One message in `locale`: for each contribution, what happened (decision 030's sentences), the
 * words of the latest answer and of the new comments in the person's language, and the receipt.
 */
async function newsText(tx: Prisma.TransactionClient, locale: string, claimed: Claimed[], { answersNow }: { answersNow: boolean }): Promise<string> {
  const language = contentLanguageOf(locale);
  const delta = new Map(claimed.map((row) => [row.id, row.count - row.before]));
  const rows = await tx.notification.findMany({
    where: { id: { in: claimed.map((row) => row.id) } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { ...notificationSelect, responseId: true, contributionId: true, subjectId: true },
  });
  const [t, sentence, untitled] = await Promise.all([translatorFor(locale, "messenger"), notificationSentence(locale), untitledVoiceLabel(locale)]);
  const translated = { where: { language, outdatedAt: null }, select: { body: true, language: true, method: true, checkedAt: true }, take: 1 } as const;
  const quote = (text: Quoted) => {
    const version = text.language === language ? null : text.translations[0];
    if (!version) {
      const body = clip(text.body);
      return text.language === language || !text.language ? body : `${body}\n(${t("original", { language: languageName(text.language, locale) })})`;
    }
    const body = clip(version.body);
    return version.method === "MACHINE" && !version.checkedAt ? `${body}\n(${t("machineTranslation")})` : body;
  };

  const blocks = new Map<string, string[]>();
  for (const row of rows.slice(0, MAX_ITEMS)) {
    const view = viewOf(row, locale, untitled);
    // The person sent it: an answer to it is an answer to "your need", whatever the account's authorship says.
    if (view.sentence === "responsePostedFollowed") view.sentence = "responsePosted";
    const lines = [`• ${sentence({ ...view, values: { ...view.values, count: delta.get(row.id) ?? view.values.count } })}`];
    const contribution = row.contribution ?? row.comment?.contribution ?? null;
    if (view.sentence === "responsePosted" && row.responseId) {
      const response = await tx.response.findUnique({ where: { id: row.responseId }, select: { body: true, language: true, translations: translated } });
      if (response) lines.push(quote(response));
    } else if (view.sentence === "commentPosted" && contribution) {
      const comments = await tx.comment.findMany({
        where: { contributionId: contribution.id, hiddenAt: null, deletedAt: null, awaitingTranscript: false },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: Math.min(delta.get(row.id) ?? 1, MAX_COMMENTS),
        select: { body: true, language: true, translations: translated },
      });
      for (const comment of comments.reverse()) lines.push(`– ${quote(comment)}`);
    }
    const key = contribution?.id ?? row.subjectId;
    blocks.set(key, [...(blocks.get(key) ?? []), ...lines]);
  }

  const receipts = await tx.receipt.findMany({ where: { contributionId: { in: [...blocks.keys()] } }, select: { contributionId: true, code: true } });
  const words = answerWordsIn(locale);
  return fitMessage({
    intro: t("newsIntro"),
    items: [...blocks].map(([key, lines]) => {
      const receipt = receipts.find((candidate) => candidate.contributionId === key);
      return { lines, readAll: receipt ? t("readAll", { code: formatReceiptCode(receipt.code), link: `${publicOrigin()}${receiptPath(locale, receipt.code)}` }) : null };
    }),
    untold: Math.max(0, rows.length - MAX_ITEMS),
    more: (count) => t("more", { count }),
    footer: answersNow ? t("newsFooterNow", { daily: words.daily }) : t("newsFooterDaily", { now: words.now }),
  });
}

/** Twilio refuses a message longer than 1,600 characters (it does not split it); one limit serves every channel. */
export const MESSAGE_MAX = 1600;

/**
 * One message of news within MESSAGE_MAX: the intro, each contribution's lines ("• what
 * happened", then quotes) with the way to its receipt's page, "and N more", the footer. When it
 * is too long, the quotes give way first (from the last contribution back), then whole
 * contributions, counted into "and N more" — the receipt's page keeps everything.
 */
export function fitMessage(message: {
  intro: string;
  items: ReadonlyArray<{ lines: readonly string[]; readAll: string | null }>;
  untold: number;
  more: (count: number) => string;
  footer: string;
}): string {
  const items = message.items.map((item) => ({ ...item, lines: [...item.lines] }));
  let untold = message.untold;
  const compose = () =>
    [message.intro, ...items.flatMap((item) => [item.lines.join("\n"), ...(item.readAll ? [item.readAll] : [])]), ...(untold > 0 ? [message.more(untold)] : []), message.footer].join("\n\n");
  let text = compose();
  for (let index = items.length - 1; text.length > MESSAGE_MAX && index >= 0; index -= 1) {
    items[index]!.lines = items[index]!.lines.filter((line) => line.startsWith("• "));
    text = compose();
  }
  while (text.length > MESSAGE_MAX && items.length > 1) {
    untold += items.pop()!.lines.length;
    text = compose();
  }
  return text.length > MESSAGE_MAX ? `${text.slice(0, MESSAGE_MAX - 1)}…` : text;
}
