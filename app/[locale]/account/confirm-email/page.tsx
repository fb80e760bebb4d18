import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/identity/client-messages";
import { Link } from "@/components/link";
import { describeEmailConfirmation } from "@/lib/accounts/email-confirmation";
import { ConfirmEmailForm } from "../account-forms";
import { sitePaths } from "@/lib/routes/paths";

type Props = { searchParams: Promise<{ user?: string; token?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account");
  return { title: t("confirmTitle"), robots: { index: false } };
}

// Opening the link shows what would be confirmed; only the button confirms it.
export default async function ConfirmEmailPage({ searchParams }: Props) {
  const { user = "", token = "" } = await searchParams;
  const [pending, t] = await Promise.all([describeEmailConfirmation({ user, token }), getTranslations("account")]);
  return (
    <ClientMessages namespaces={["account"]} forms>
      <h1 className="text-3xl">{t("confirmTitle")}</h1>
      <div className="mt-6">
        <ConfirmEmailForm user={user} token={token} pending={pending && { email: pending.email, name: pending.displayName }} />
        <p className="mt-4">
          <Link href={sitePaths.account()}>{t("title")}</Link>
        </p>
      </div>
    </ClientMessages>
  );
}
