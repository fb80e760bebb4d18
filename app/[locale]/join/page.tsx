import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CodeField } from "@/components/form/code-field";
import { ClientMessages } from "@/components/identity/client-messages";
import { Link } from "@/components/link";
import type { FormState } from "@/lib/actions/form-state";
import { formatInvitationCode, normalizeInvitationCode } from "@/lib/invitations/invitation-code";
import { localized, sitePaths } from "@/lib/routes/paths";
import { redirectTo } from "@/lib/routes/redirect";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("join");
  return { title: t("title") };
}

/**
 * Typing the code from a poster: a plain GET form that comes back here with ?code=…, and on to
 * the invitation's page. A code that cannot be one stays in the field with a message.
 */
export default async function JoinPage({ params, searchParams }: Props) {
  const [{ locale }, query, t] = await Promise.all([params, searchParams, getTranslations("join")]);
  const typed = typeof query.code === "string" ? query.code : undefined;
  if (typed !== undefined && typed.trim() !== "") {
    const code = normalizeInvitationCode(typed);
    if (code) redirectTo(locale, sitePaths.join(formatInvitationCode(code)));
  }
  const state: FormState =
    typed === undefined
      ? { status: "idle" }
      : {
          status: "error",
          fieldErrors: { code: [{ key: typed.trim() === "" ? "validation.required" : "errors.invitation_unknown" }] },
          values: { code: typed },
        };
  return (
    <>
      <h1 className="text-3xl">{t("title")}</h1>
      <p className="mt-3 mb-6">{t("intro")}</p>
      {/* The code field says what is wrong in the form messages, which the page sends (decision 085). */}
      <ClientMessages namespaces={[]} forms>
        <form method="get" action={localized(locale, sitePaths.join())} noValidate>
          <CodeField
            name="code"
            label={t("codeLabel")}
            hint={t("codeHint")}
            state={state}
            required
          />
          <button type="submit" className="rounded bg-brand px-5 py-3 text-base font-semibold text-white hover:bg-brand-dark">
            {t("next")}
          </button>
        </form>
      </ClientMessages>
      <p className="mt-10 border-t border-line pt-6">
        {t("haveAccount")} <Link href={sitePaths.signIn()}>{t("signInLink")}</Link>
      </p>
    </>
  );
}
