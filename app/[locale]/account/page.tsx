import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { FollowedList } from "@/components/follow/followed-list";
import { PushSection } from "@/components/push/push-section";
import { ClientMessages } from "@/components/identity/client-messages";
import type { LanguageOption } from "@/components/identity/profile-fields";
import { getOwnProfile } from "@/lib/accounts/get-own-profile";
import { getViewer } from "@/lib/auth/get-viewer";
import { autonym } from "@/lib/i18n/language-names";
import { direction, routing } from "@/lib/i18n/routing";
import { DeleteAccountForm, EmailConfirmationRequestForm, NewSignInCodeForm, ProfileForm, SignOutEverywhereForm } from "./account-forms";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account");
  return { title: t("title") };
}

export default async function AccountPage({ params }: Props) {
  const { locale } = await params;
  const viewer = await getViewer();
  if (!viewer) redirect(`/${locale}/sign-in?${new URLSearchParams({ callbackPath: `/${locale}/account` })}`);
  const [profile, t] = await Promise.all([getOwnProfile(viewer), getTranslations("account")]);
  const exports = await getTranslations("exports");
  // A language the person chose before the UI spoke it (e.g. "ar" for the notifications) stays a choice.
  const codes: string[] = (routing.locales as readonly string[]).includes(profile.locale)
    ? [...routing.locales]
    : [...routing.locales, profile.locale];
  const languages: LanguageOption[] = codes.map((l) => ({ locale: l, name: autonym(l), dir: direction(l) }));
  return (
    <ClientMessages namespaces={["account", "join", "push"]}>
      <h1 className="text-3xl">{t("title")}</h1>

      <section aria-labelledby="profile" className="mt-6">
        <h2 id="profile" className="mb-4 text-2xl">
          {t("profileHeading")}
        </h2>
        <ProfileForm
          languages={languages}
          showNameLabels={{ label: exports("profile.showName"), hint: exports("profile.showNameHint") }}
          values={{
            displayName: profile.displayName,
            locale: profile.locale,
            perspective: profile.perspective,
            showPerspective: profile.showPerspective,
            email: profile.email ?? "",
            emailDigest: profile.emailDigest,
            showNameInExports: profile.showNameInExports,
          }}
        />
        {profile.email && !profile.emailVerified ? <EmailConfirmationRequestForm email={profile.email} /> : null}
      </section>

      <FollowedList viewer={viewer} />

      <PushSection viewer={viewer} />

      <section aria-labelledby="data" className="mt-10 border-t border-line pt-6">
        <h2 id="data" className="text-2xl">
          {t("dataHeading")}
        </h2>
        <p className="mt-2 mb-4">{t("dataIntro")}</p>
        {/* A route handler, not a page: a plain link downloads the file. */}
        <a href="/api/account/data" download="mitreden-data.json" className="font-semibold">
          {t("download")}
        </a>
      </section>

      {/* Staff and platform admins sign in by e-mail: no code to replace (decision 032). */}
      {!viewer.isPlatformAdmin && Object.values(viewer.municipalityRoles).every((roles) => roles.length === 0) && (
        <section aria-labelledby="new-code" className="mt-10 border-t border-line pt-6">
          <h2 id="new-code" className="text-2xl">
            {t("newCodeHeading")}
          </h2>
          <p className="mt-2 mb-4">{t("newCodeIntro")}</p>
          <NewSignInCodeForm />
        </section>
      )}

      <section aria-labelledby="devices" className="mt-10 border-t border-line pt-6">
        <h2 id="devices" className="text-2xl">
          {t("devicesHeading")}
        </h2>
        <p className="mt-2 mb-4">{t("devicesIntro")}</p>
        <SignOutEverywhereForm locale={locale} />
      </section>

      <section aria-labelledby="delete" className="mt-10 border-t border-line pt-6">
        <h2 id="delete" className="text-2xl">
          {t("deleteHeading")}
        </h2>
        <p className="mt-2 mb-4">{t("deleteIntro")}</p>
        <DeleteAccountForm locale={locale} />
      </section>
    </ClientMessages>
  );
}
