import "server-only";
import { translatorFor } from "@/lib/i18n/translator";
import type { NotificationView } from "./notification-view";

/** The sentence for a notification in `locale`, for places outside a request (the e-mail digest). */
export async function notificationSentence(locale: string): Promise<(view: NotificationView) => string> {
  const [t, statuses, phases] = await Promise.all([
    translatorFor(locale, "notifications"),
    translatorFor(locale, "statuses"),
    translatorFor(locale, "phases"),
  ]);
  return (view) => sentenceOf(view, { t, statuses, phases });
}

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** Shared by the page (request translators) and the digest (translatorFor). */
export function sentenceOf(view: NotificationView, { t, statuses, phases }: { t: Translate; statuses: Translate; phases: Translate }): string {
  const { values } = view;
  return t(`sentences.${view.sentence}`, {
    title: values.title,
    name: values.name || t("someone"),
    kind: values.kind || "other",
    what: values.what,
    status: values.status ? statuses(values.status) : "",
    phase: values.phase ? phases(values.phase) : "",
    category: t(`categories.${values.category || "OTHER"}`),
    count: values.count,
  });
}
