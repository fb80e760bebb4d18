import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/identity/client-messages";
import { Link } from "@/components/link";
import { UnsubscribeForm } from "@/components/notifications/notification-forms";
import { describeUnsubscribe } from "@/lib/notifications/unsubscribe";
import { unsubscribeAction } from "@/lib/actions/notifications/notifications";
import { sitePaths } from "@/lib/routes/paths";

type Props = { searchParams: Promise<{ user?: string; token?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("digest");
  return { title: t("pageTitle"), robots: { index: false } };
}

// Opening the link from the mail only shows what would happen: mail scanners open links, and
// must not switch anybody's e-mails off. The button does.
export default async function UnsubscribePage({ searchParams }: Props) {
  const { user = "", token = "" } = await searchParams;
  const [pending, t] = await Promise.all([describeUnsubscribe({ user, token }), getTranslations("digest")]);
  return (
    <ClientMessages namespaces={["digest"]} forms>
      <h1 className="text-3xl">{t("pageTitle")}</h1>
      <div className="mt-6">
        {!pending ? (
          <p>{t("linkInvalid")}</p>
        ) : pending.subscribed ? (
          <UnsubscribeForm action={unsubscribeAction} user={user} token={token} email={pending.email} />
        ) : (
          <p>{t("alreadyOff", { email: pending.email })}</p>
        )}
        <p className="mt-4">
          <Link href={sitePaths.account()}>{t("accountLink")}</Link>
        </p>
      </div>
    </ClientMessages>
  );
}
