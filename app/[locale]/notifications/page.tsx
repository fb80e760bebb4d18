import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/identity/client-messages";
import { MarkAllReadForm } from "@/components/notifications/notification-forms";
import { Pagination } from "@/components/pagination";
import { getViewer } from "@/lib/auth/get-viewer";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { notificationSentence } from "@/lib/notifications/notification-sentence";
import { markAllReadAction } from "@/lib/actions/notifications/notifications";
import { Filled, NAME, TEXT } from "@/components/text/with-name";
import { localized, sitePaths } from "@/lib/routes/paths";
import { redirectToSignIn } from "@/lib/routes/redirect";
import { getFormatter } from "@/lib/i18n/format";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ page?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notifications");
  return { title: t("title"), robots: { index: false } };
}

export default async function NotificationsPage({ params, searchParams }: Props) {
  const [{ locale }, { page }] = await Promise.all([params, searchParams]);
  const viewer = await getViewer();
  if (!viewer) redirectToSignIn(locale, sitePaths.notifications());
  const [list, t, sentence, format] = await Promise.all([
    listNotifications(viewer, { page }, locale),
    getTranslations("notifications"),
    notificationSentence(locale),
    getFormatter(),
  ]);
  const anyUnread = list.items.some((item) => item.unread);
  return (
    <ClientMessages namespaces={["notifications"]} forms>
      <h1 className="text-3xl">{t("title")}</h1>
      {list.items.length === 0 ? (
        <p className="mt-6">{t("empty")}</p>
      ) : (
        <>
          {anyUnread && (
            <div className="mt-6">
              <MarkAllReadForm action={markAllReadAction} />
            </div>
          )}
          <ul className="mt-6 space-y-3">
            {list.items.map((item) => (
              <li key={item.id} className={`rounded border p-3 ${item.unread ? "border-s-4 border-brand bg-surface" : "border-line"}`}>
                {item.unread && <p className="mb-1 text-sm font-bold text-brand-dark">{t("unread")}</p>}
                {/* A plain link through a route that marks it read, then goes on to the thing itself. */}
                <a href={localized(locale, sitePaths.notification(item.id))} className={item.unread ? "font-semibold" : undefined}>
                  {/* The title keeps its own language (a German dialogue title in an Arabic sentence), the name its direction. */}
                  <Filled
                    message={sentence({ ...item, values: { ...item.values, title: item.values.title && TEXT, name: item.values.name && NAME } })}
                    name={item.values.name}
                    text={{ value: item.values.title, lang: item.titleLanguage }}
                  />
                </a>
                <p className="mt-1 text-sm">
                  <time dateTime={item.createdAt.toISOString()}>{format.dateTime(item.createdAt, "moment")}</time>
                </p>
              </li>
            ))}
          </ul>
          <Pagination pathname={sitePaths.notifications()} page={list.page} pageCount={list.pageCount} />
        </>
      )}
    </ClientMessages>
  );
}
