import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { DialogueCard } from "@/components/dialogue-card";
import { AccountDeletedNotice } from "@/components/identity/account-deleted-notice";
import { Link } from "@/components/link";
import { Section } from "@/components/section";
import { getViewer } from "@/lib/auth/get-viewer";
import { listOpenDialoguesShared } from "@/lib/dialogues/list-open-dialogues";
import { municipalityPaths, sitePaths } from "@/lib/routes/paths";

export default async function HomePage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const { locale } = await params;
  const [t, session, groups, viewer] = await Promise.all([getTranslations("home"), getTranslations("session"), listOpenDialoguesShared(), getViewer()]);
  return (
    <>
      {(await searchParams).notice === "account-deleted" && <AccountDeletedNotice />}
      <section aria-labelledby="intro" className="space-y-3">
        <h1 id="intro" className="text-3xl">
          {t("title")}
        </h1>
        <p className="text-lg">{t("intro1")}</p>
        <p>{t("intro2")}</p>
        <p>{t("intro3")}</p>
        {!viewer && (
          // The two ways in, side by side: a code from a poster or a meeting, or an account one has.
          <p className="flex flex-wrap gap-3 pt-2">
            <Link href={sitePaths.join()} className="rounded bg-brand px-4 py-2 font-semibold text-white no-underline hover:underline">
              {session("haveCode")}
            </Link>
            <Link href={sitePaths.signIn()} className="rounded border-2 border-brand px-4 py-2 font-semibold no-underline hover:underline">
              {session("signIn")}
            </Link>
          </p>
        )}
      </section>

      <Section id="dialogues" heading={t("dialoguesHeading")} className="mt-10">
        {groups.length === 0 ? (
          <p className="mt-3">{t("noDialogues")}</p>
        ) : (
          groups.map(({ municipality, dialogues }) => (
            <section key={municipality.slug} aria-labelledby={`municipality-${municipality.slug}`} className="mt-6">
              <h3 id={`municipality-${municipality.slug}`} className="text-xl">
                <Link href={municipalityPaths(municipality.slug).home}>
                  <bdi>{municipality.name}</bdi>
                </Link>
              </h3>
              <ul className="mt-3 space-y-4">
                {dialogues.map((dialogue) => (
                  <li key={dialogue.slug}>
                    <DialogueCard municipalitySlug={municipality.slug} dialogue={dialogue} locale={locale} />
                  </li>
                ))}
              </ul>
            </section>
          ))
        )}
      </Section>
    </>
  );
}
