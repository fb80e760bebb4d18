import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { FollowedList } from "@/components/follow/followed-list";
import { PushSection } from "@/components/push/push-section";
import { ClientMessages } from "@/components/identity/client-messages";
import type { LanguageOption } from "@/components/identity/profile-fields";
import { Section } from "@/components/section";
import { getOwnProfile } from "@/lib/accounts/get-own-profile";
import { getViewer } from "@/lib/auth/get-viewer";
import { autonym } from "@/lib/i18n/language-names";
import { direction, routing } from "@/lib/i18n/routing";
import { deleteAccountAction, signOutEverywhereAction } from "@/lib/actions/accounts/account";
import { DeleteAccountForm, EmailConfirmationRequestForm, NewSignInCodeForm, ProfileForm, SignOutEverywhereForm } from "./account-forms";
import { apiPaths, sitePaths } from "@/lib/routes/paths";
import { redirectToSignIn } from "@/lib/routes/redirect";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account");
  return { title: t("title") };
}

export default async function AccountPage({ params }: Props) {
  const { locale } = await params;
  const viewer = await getViewer();
  if (!viewer) redirectToSignIn(locale, sitePaths.account());
  const [profile, t] = await Promise.all([getOwnProfile(viewer), getTranslations("account")]);
  const exports = await getTranslations("exports");
  // A language the person chose before the UI spoke it (e.g. "ar" for the notifications) stays a choice.
  const codes: string[] = (routing.locales as readonly string[]).includes(profile.locale)
    ? [...routing.locales]
    : [...routing.locales, profile.locale];
  const languages: LanguageOption[] = codes.map((l) => ({ locale: l, name: autonym(l), dir: direction(l) }));
  return (
    <ClientMessages namespaces={["account", "join", "push"]} forms>
      <h1 className="text-3xl">{t("title")}</h1>

      <Section id="profile" heading={t("profileHeading")} headingClassName="mb-4 text-2xl" className="mt-6">
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
      </Section>

      <FollowedList viewer={viewer} />

      <PushSection viewer={viewer} />

      <Section id="data" heading={t("dataHeading")} className="mt-10 border-t border-line pt-6">
        <p className="mt-2 mb-4">{t("dataIntro")}</p>
        {/* A route handler, not a page: a plain link downloads the file. */}
        <a href={apiPaths.accountData()} download="mitreden-data.json" className="font-semibold">
          {t("download")}
        </a>
      </Section>

      {/* Staff and platform admins sign in by e-mail: no code to replace (decision 032). */}
      {!viewer.isPlatformAdmin && Object.values(viewer.municipalityRoles).every((roles) => roles.length === 0) && (
        <Section id="new-code" heading={t("newCodeHeading")} className="mt-10 border-t border-line pt-6">
          <p className="mt-2 mb-4">{t("newCodeIntro")}</p>
          <NewSignInCodeForm />
        </Section>
      )}

      <Section id="devices" heading={t("devicesHeading")} className="mt-10 border-t border-line pt-6">
        <p className="mt-2 mb-4">{t("devicesIntro")}</p>
        <SignOutEverywhereForm action={signOutEverywhereAction.bind(null, { locale, view: "account" })} />
      </Section>

      <Section id="delete" heading={t("deleteHeading")} className="mt-10 border-t border-line pt-6">
        <p className="mt-2 mb-4">{t("deleteIntro")}</p>
        <DeleteAccountForm action={deleteAccountAction.bind(null, { locale, view: "account" })} />
      </Section>
    </ClientMessages>
  );
}
