import "server-only";
import { untitledVoiceLabel } from "@/lib/voice/untitled";
import { db } from "@/lib/db/client";
import { publicUrl } from "@/lib/env";
import { translatorFor } from "@/lib/i18n/translator";
import { fillMarks, NAME_MARK, TEXT_MARK } from "@/lib/mail/mail-content";
import { sendMail } from "@/lib/mail/send-mail";
import { notificationSelect, viewOf } from "./notification-view";
import { notificationSentence } from "./notification-sentence";
import { unsubscribeToken } from "./unsubscribe-token";
import { apiPaths, localized, sitePaths, withQuery } from "@/lib/routes/paths";

/** Older unread notifications are not mailed any more: a digest reports the recent past, not a backlog. */
export const DIGEST_WINDOW_DAYS = 14;

/**
 * Sends each person with a confirmed address and the digest switched on one mail, in their
 * language, with their notifications that are unread and not yet mailed. Safe to run on several
 * app instances at once: a person's notifications are claimed (emailedAt set) in one UPDATE whose
 * rows are locked with SKIP LOCKED, so each notification goes out in at most one mail. If sending
 * fails, the claim is undone, the others are still mailed, and the run throws DigestIncomplete so
 * the job queue tries again (digest.daily, lib/jobs/queues.ts).
 */
export async function sendDigests(now: Date = new Date()): Promise<{ mails: number; notifications: number }> {
  const since = new Date(now.getTime() - DIGEST_WINDOW_DAYS * 24 * 60 * 60 * 1000);
  const recipients = await db.$queryRaw<{ userId: string }[]>`
    SELECT DISTINCT n."userId"
    FROM "Notification" n
    JOIN "User" u ON u."id" = n."userId"
    WHERE n."emailedAt" IS NULL AND n."readAt" IS NULL AND n."createdAt" > ${since}
      AND u."email" IS NOT NULL AND u."emailVerified" IS NOT NULL AND u."emailDigest" AND u."deletedAt" IS NULL`;
  let mails = 0;
  let notifications = 0;
  let failed = 0;
  for (const { userId } of recipients) {
    // One refused mail does not hold up the others'; the job is retried for the ones that failed.
    const sent = await sendDigestTo(userId, since, now).catch(() => {
      failed += 1;
      return 0;
    });
    if (sent > 0) {
      mails += 1;
      notifications += sent;
    }
  }
  if (failed > 0) throw new DigestIncomplete(failed, mails);
  return { mails, notifications };
}

/** Some mails of a digest run could not be sent (their notifications stay pending for the retry). */
export class DigestIncomplete extends Error {
  constructor(
    readonly failed: number,
    readonly sent: number,
  ) {
    super(`${failed} digest mails could not be sent (${sent} were)`);
    this.name = "DigestIncomplete";
  }
}

async function sendDigestTo(userId: string, since: Date, now: Date): Promise<number> {
  // The eligibility is checked again inside the claim: the person may have switched the digest
  // off, or another instance may have taken these rows, since the list above was read.
  const claimed = await db.$queryRaw<{ id: string }[]>`
    UPDATE "Notification" SET "emailedAt" = ${now}
    WHERE "id" IN (
      SELECT n."id" FROM "Notification" n
      JOIN "User" u ON u."id" = n."userId"
      WHERE n."userId" = ${userId}::uuid AND n."emailedAt" IS NULL AND n."readAt" IS NULL AND n."createdAt" > ${since}
        AND u."email" IS NOT NULL AND u."emailVerified" IS NOT NULL AND u."emailDigest" AND u."deletedAt" IS NULL
      FOR UPDATE OF n SKIP LOCKED)
    AND "emailedAt" IS NULL
    RETURNING "id"`;
  if (claimed.length === 0) return 0;
  const ids = claimed.map((row) => row.id);
  try {
    const [user, rows] = await Promise.all([
      db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, displayName: true, locale: true } }),
      db.notification.findMany({ where: { id: { in: ids } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: notificationSelect }),
    ]);
    const [t, sentence, untitled] = await Promise.all([translatorFor(user.locale, "digest"), notificationSentence(user.locale), untitledVoiceLabel(user.locale)]);
    const unsubscribeUrl = publicUrl(localized(user.locale, sitePaths.unsubscribe(userId, unsubscribeToken(userId))));
    // Each sentence is filled with marks and split, so that the HTML part can put the title in
    // the language it is written in and the name in its own <bdi> (as the notifications page does).
    const items = rows.map((row) => viewOf(row, user.locale, untitled)).map((view) => ({
      lines: [
        fillMarks(sentence({ ...view, values: { ...view.values, title: view.values.title && TEXT_MARK, name: view.values.name && NAME_MARK } }), {
          text: { text: view.values.title, lang: view.titleLanguage },
          name: view.values.name,
        }),
        { href: publicUrl(localized(user.locale, view.path)) },
      ],
      item: true,
    }));
    await sendMail({
      to: user.email!,
      content: {
        subject: t("subject", { count: rows.length }),
        language: user.locale,
        blocks: [
          { lines: [fillMarks(t("greeting", { name: NAME_MARK }), { name: user.displayName })] },
          { lines: [t("intro")] },
          ...items,
          { lines: [t("allNotifications"), { href: publicUrl(localized(user.locale, sitePaths.notifications())) }] },
          { lines: [t("why"), t("unsubscribe"), { href: unsubscribeUrl }] },
        ],
      },
      headers: {
        "List-Unsubscribe": `<${publicUrl(withQuery(apiPaths.digestUnsubscribe(), { user: userId, token: unsubscribeToken(userId) }))}>`,
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      },
    });
    return ids.length;
  } catch (error) {
    await db.notification.updateMany({ where: { id: { in: ids }, emailedAt: now }, data: { emailedAt: null } });
    throw error;
  }
}
