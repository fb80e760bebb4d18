import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { HostTextVersionForm } from "@/components/host-texts/host-text-version-form";
import { ClientMessages } from "@/components/identity/client-messages";
import { Link } from "@/components/link";
import { Section } from "@/components/section";
import { UserText } from "@/components/text/user-text";
import { getViewer } from "@/lib/auth/get-viewer";
import type { HostTextField } from "@/lib/host-texts/host-text-subject";
import { loadHostTextPage } from "@/lib/pages/host-text-page";
import { bestVersion } from "@/lib/host-texts/pick-host-text";
import { INTRODUCTION_MAX, VERSION_LIMITS } from "@/lib/host-texts/save-host-text-version";
import { languageName } from "@/lib/i18n/language-names";
import { direction } from "@/lib/i18n/routing";
import { dialoguePaths, municipalityPaths, sitePaths } from "@/lib/routes/paths";
import { addHostTextTranslationAction, checkHostTextTranslationAction, saveHostTextVersionAction } from "@/lib/actions/host-texts/host-text";

type Props = {
  params: Promise<{ locale: string; subject: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const load = async (subject: string, id: string) => loadHostTextPage(await getViewer(), subject, id);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { subject, id } = await params;
  const loaded = await load(subject, id);
  const t = await getTranslations("hostTexts");
  return loaded ? { title: `${t("pageTitle")}: ${loaded.name}`, robots: { index: false } } : {};
}

const FIELD_ORDER: HostTextField[] = ["title", "summary", "place", "body", "codeOfConduct"];

export default async function HostTextsPage({ params, searchParams }: Props) {
  const [{ locale, subject: kind, id }, query] = await Promise.all([params, searchParams]);
  const subject = await load(kind, id);
  if (!subject) notFound();
  const [t, tr, polls] = await Promise.all([getTranslations("hostTexts"), getTranslations("translations"), getTranslations("polls")]);
  const others = subject.languages.filter((language) => language !== subject.originalLanguage);
  // The municipality's own language is its introduction itself; other subjects' originals are edited where they are made.
  const writable = subject.kind === "municipality" && subject.mayWrite ? subject.languages : others;
  const asked = typeof query.language === "string" ? query.language : undefined;
  const firstMissing = others.find((language) => !bestVersion(subject.versions, language)) ?? writable[0];
  const language = asked && writable.includes(asked) ? asked : firstMissing;
  const isOriginal = language === subject.originalLanguage;
  // The page the forms stand on, in the language chosen: they come back to it (decision 042).
  const page = { locale, view: "hostTexts", subject: subject.kind, id: subject.id, language } as const;
  const version = language && !isOriginal ? bestVersion(subject.versions, language) : undefined;
  const originalLang = { lang: subject.originalLanguage, dir: direction(subject.originalLanguage) };
  const back =
    subject.dialogueSlug !== null && (subject.kind === "dialogue" || subject.kind === "meeting")
      ? dialoguePaths(subject.municipalitySlug, subject.dialogueSlug)[subject.kind === "dialogue" ? "manage" : "meetingsManage"]
      : subject.kind === "actor"
        ? municipalityPaths(subject.municipalitySlug).actorEdit(subject.id)
        : municipalityPaths(subject.municipalitySlug).home;
  const labels: Record<HostTextField, string> = {
    title: t("fields.title"),
    summary: t("fields.summary"),
    place: t("fields.place"),
    body: t(subject.kind === "municipality" ? "fields.introduction" : "fields.description"),
    codeOfConduct: t("fields.codeOfConduct"),
  };
  const hasOriginal = Object.values(subject.original).some((value) => value);
  const mayCheckVersion =
    subject.mayCheck && version && version.method === "VOLUNTEER" && (!version.checkedAt || version.outdatedAt) && version.translatorId !== subject.viewerId;
  const fields = isOriginal
    ? [{ name: "body" as const, required: false, multiline: true, maxLength: INTRODUCTION_MAX }]
    : FIELD_ORDER.filter((field) => subject.original[field] != null).map((field) => ({
        name: field,
        required: subject.required.includes(field),
        multiline: field !== "title" && field !== "place",
        maxLength: VERSION_LIMITS[field],
        hint: field === "codeOfConduct" ? t("codeOfConductHint") : undefined,
      }));
  const values = isOriginal
    ? { body: subject.original.body ?? "" }
    : Object.fromEntries(FIELD_ORDER.map((field) => [field, (field === "body" && subject.original.body == null ? "" : version?.[field]) ?? ""]));

  return (
    <ClientMessages namespaces={["hostTexts", "translations"]} forms>
      <p className="text-sm">
        <Link href={back}>{t("back")}</Link>
      </p>
      <h1 className="mt-4 text-3xl">{t("pageTitle")}</h1>
      <p className="mt-1 text-lg font-semibold" {...originalLang}>
        {subject.name}
      </p>
      <p className="mt-3 text-muted">{subject.mayWrite ? t(`intro.${subject.kind}`) : tr("translateHint")}</p>
      {subject.kind === "dialogue" && subject.original.codeOfConduct == null && <p className="mt-2 text-muted">{t("defaultRulesNote")}</p>}

      <nav aria-labelledby="languages" className="mt-6">
        <h2 id="languages" className="text-xl">
          {t("languagesHeading")}
        </h2>
        <ul className="mt-2 space-y-1">
          {subject.languages.map((candidate) => {
            const existing = bestVersion(subject.versions, candidate);
            const status =
              candidate === subject.originalLanguage
                ? t("status.original")
                : !existing
                  ? t("status.missing")
                  : existing.outdatedAt
                    ? t("status.outdated")
                    : existing.method === "AUTHOR"
                      ? t("status.author")
                      : existing.method === "MACHINE"
                        ? t("status.machine")
                        : t("status.volunteer");
            const name = languageName(candidate, locale);
            return (
              <li key={candidate}>
                {writable.includes(candidate) && candidate !== language ? (
                  <Link href={sitePaths.hostTexts(subject.kind, subject.id, candidate)}>{name}</Link>
                ) : (
                  <span className={candidate === language ? "font-semibold" : undefined} aria-current={candidate === language ? "page" : undefined}>
                    {name}
                  </span>
                )}{" "}
                <span className="text-sm text-muted">({status})</span>
              </li>
            );
          })}
        </ul>
      </nav>

      {!isOriginal && (
        <Section id="original" heading={t("originalHeading", { language: languageName(subject.originalLanguage, locale) })} headingClassName="text-xl" className="mt-8">
          {hasOriginal ? (
            <dl className="mt-2 space-y-3 rounded border border-line bg-surface p-3">
              {FIELD_ORDER.filter((field) => subject.original[field]).map((field) => (
                <div key={field}>
                  <dt className="text-sm text-muted">{labels[field]}</dt>
                  <dd>
                    <UserText text={subject.original[field]!} {...originalLang} />
                  </dd>
                </div>
              ))}
            </dl>
          ) : (
            <p className="mt-2">{t("noOriginal")}</p>
          )}
        </Section>
      )}

      {language && (subject.kind === "municipality" || hasOriginal) && (
        <Section id="version" heading={isOriginal ? t("introductionHeading", { language: languageName(language, locale) }) : t("formHeading", { language: languageName(language, locale) })} headingClassName="text-xl" className="mt-8">
          {query.saved === "1" && (
            <p role="status" className="mt-2 rounded border-s-4 border-brand bg-surface p-3">
              {t("saved")}
            </p>
          )}
          {version?.outdatedAt && (
            <p className="mt-2 rounded border-s-4 border-danger bg-danger-soft p-3">{t("outdatedNote")}</p>
          )}
          {subject.mayWrite && version && version.method !== "AUTHOR" && <p className="mt-2 text-muted">{t("replacesNote")}</p>}
          {mayCheckVersion && (
            <div className="mt-4">
              <HostTextVersionForm
                action={checkHostTextTranslationAction.bind(null, page)}
                ids={{ subject: subject.kind, subjectId: subject.id, language, translationId: version.id }}
                fields={[]}
                labels={labels}
                values={{}}
                language={language}
                dir={direction(language)}
                submit={tr("markChecked")}
              />
            </div>
          )}
          <div className="mt-4">
            <HostTextVersionForm
              action={(subject.mayWrite ? saveHostTextVersionAction : addHostTextTranslationAction).bind(null, page)}
              ids={{ subject: subject.kind, subjectId: subject.id, language }}
              fields={fields}
              labels={labels}
              values={values}
              language={language}
              dir={direction(language)}
              submit={subject.mayWrite ? t("save") : tr("submit")}
            />
          </div>
        </Section>
      )}
      {subject.polls.length > 0 && (
        <Section id="polls" heading={polls("heading")} headingClassName="text-xl" className="mt-8">
          <ul className="mt-2 list-disc space-y-1 ps-6">
            {subject.polls.map((poll) => (
              <li key={poll.id}>
                <Link href={sitePaths.pollTexts(poll.id)} className="break-words">
                  <span {...originalLang}>{poll.question}</span>
                </Link>
              </li>
            ))}
          </ul>
        </Section>
      )}
    </ClientMessages>
  );
}
