import "server-only";
import { direction } from "@/lib/i18n/routing";
import { translatorFor } from "@/lib/i18n/translator";
import { notificationSentence } from "@/lib/notifications/notification-sentence";
import type { NotificationView } from "@/lib/notifications/notification-view";
import { localized } from "@/lib/routes/paths";

/**
 * What the service worker shows (app/push-sw.js): already written in the receiver's language, so
 * the phone needs no catalogue. Small on purpose — push services take about 4 KB.
 */
export type PushPayload = {
  title: string;
  body: string;
  /** A path on our own origin (the service worker opens nothing else). */
  url: string;
  lang: string;
  dir: "ltr" | "rtl";
  /** One per notification row: a merged burst replaces the earlier notification on the phone. */
  tag: string;
};

const MAX_BODY = 600;
// First-strong isolates: a Latin title inside an Arabic sentence (or the reverse) keeps its own direction.
const isolate = (text: string) => (text ? `\u2068${text}\u2069` : text);

export async function pushPayload(view: NotificationView, locale: string): Promise<PushPayload> {
  const [sentence, t] = await Promise.all([notificationSentence(locale), translatorFor(locale, "push")]);
  const body = sentence({ ...view, values: { ...view.values, title: isolate(view.values.title), name: isolate(view.values.name) } });
  return {
    title: t("notificationTitle"),
    body: body.length > MAX_BODY ? `${body.slice(0, MAX_BODY - 1)}…` : body,
    url: localized(locale, view.path),
    lang: locale,
    dir: direction(locale),
    tag: `notification-${view.id}`,
  };
}
