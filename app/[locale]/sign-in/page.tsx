import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/identity/client-messages";
import { callbackPathField } from "@/lib/actions/form-schemas";
import { signInWithCodeAction } from "@/lib/actions/auth/sign-in";
import { Link } from "@/components/link";
import { Section } from "@/components/section";
import { ReceiptCodeForm } from "../r/receipt-code-form";
import { EmailLinkForm, SignInWithCodeForm } from "./sign-in-forms";
import { sitePaths } from "@/lib/routes/paths";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signIn");
  return { title: t("title") };
}

export default async function SignInPage({ params, searchParams }: Props) {
  const [{ locale }, query, t] = await Promise.all([params, searchParams, getTranslations("signIn")]);
  const callbackPath = callbackPathField.parse(typeof query.callbackPath === "string" ? query.callbackPath : undefined);
  // next-auth sends people back here with ?error=… when an e-mail link has expired or was used.
  const linkFailed = typeof query.error === "string";
  const [receipt, feedback] = await Promise.all([getTranslations("receipt"), getTranslations("feedback")]);
  return (
    <ClientMessages namespaces={["signIn"]} forms>
      <h1 className="text-3xl">{t("title")}</h1>
      {linkFailed ? (
        <p role="alert" className="mt-4 rounded border-s-4 border-danger bg-danger-soft p-3 font-semibold text-danger">
          {t("linkFailed")}
        </p>
      ) : null}
      {callbackPath && !linkFailed ? (
        // Sent here from a page for signed-in people (lib/auth/sign-in-redirect.ts).
        <p role="status" className="mt-4 rounded border-s-4 border-brand bg-proposal-bg p-3">
          {feedback("signInFirst")}
        </p>
      ) : null}
      <p className="mt-3 mb-6">{t("intro")}</p>
      <SignInWithCodeForm action={signInWithCodeAction.bind(null, { locale, view: "signIn", callbackPath })} />
      <p className="mt-4 text-sm text-muted">{t("lostCode")}</p>

      <Section id="email-link" heading={t("emailHeading")} headingClassName="text-xl" className="mt-10 border-t border-line pt-6">
        <p className="mt-2 mb-4">{t("emailIntro")}</p>
        <EmailLinkForm callbackPath={callbackPath} />
      </Section>

      <Section id="have-receipt" heading={receipt("haveReceipt")} headingClassName="text-xl" className="mt-10 border-t border-line pt-6">
        <p className="mt-2 mb-4">{receipt("haveReceiptIntro")}</p>
        <ReceiptCodeForm page={{ locale, view: "signIn", callbackPath }} />
      </Section>

      <p className="mt-10 border-t border-line pt-6">
        {t("noAccount")} <Link href={sitePaths.join()}>{t("joinLink")}</Link>
      </p>
    </ClientMessages>
  );
}
