import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ClientMessages } from "@/components/identity/client-messages";
import { Link } from "@/components/link";
import { CheckPollTextForm, PollTextForm } from "@/components/polls/poll-forms";
import { Section } from "@/components/section";
import { checkPollTextAction, savePollTextAction, translatePollAction } from "@/lib/actions/polls/polls";
import { getViewer } from "@/lib/auth/get-viewer";
import { languageName } from "@/lib/i18n/language-names";
import { direction } from "@/lib/i18n/routing";
import { loadPollTextPage } from "@/lib/pages/poll-text-page";
import { dialoguePaths, sitePaths } from "@/lib/routes/paths";

type Props = {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const load = async (id: string) => loadPollTextPage(await getViewer(), id);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const loaded = await load(id);
  const t = await getTranslations("hostTexts");
  return loaded ? { title: `${t("pageTitle")}: ${loaded.original.question}`, robots: { index: false } } : {};
}

/**
 * A poll's question and answers in the dialogue's other languages (decision 048): volunteers
 * translate them here as they translate the dialogue's texts (/texts/dialogue/<id> links here),
 * the host team writes its own words. Each language with how its version came about.
 */
export default async function PollTextsPage({ params, searchParams }: Props) {
  const [{ locale, id }, query] = await Promise.all([params, searchParams]);
  const poll = await load(id);
  if (!poll) notFound();
  const [t, tr, polls] = await Promise.all([getTranslations("hostTexts"), getTranslations("translations"), getTranslations("polls")]);
  const { original } = poll;
  const others = poll.languages.filter((language) => language !== original.language);
  const asked = typeof query.language === "string" ? query.language : undefined;
  const language = asked && others.includes(asked) ? asked : (others.find((candidate) => !poll.versions.some((version) => version.language === candidate)) ?? others[0]);
  const version = poll.versions.find((candidate) => candidate.language === language) ?? null;
  // The page the forms stand on, in the language chosen: they come back to it (decision 042).
  const page = { locale, ...poll.page, view: "pollTexts", id: poll.id, language } as const;
  const originalLang = { lang: original.language, dir: direction(original.language) };
  // A volunteer writes over a machine's version and their own until it is checked; the host team over any.
  const mayWriteHere =
    !version || poll.mayWrite || version.method === "MACHINE" || (version.method === "VOLUNTEER" && version.writtenById === poll.viewerId && !version.checkedAt);
  // A second pair of eyes: the host team checks a volunteer's version it did not write (checkPollText).
  const mayCheckVersion = poll.mayCheck && version?.method === "VOLUNTEER" && !version.checkedAt && version.writtenById !== poll.viewerId;
  const status = (candidate: string) => {
    if (candidate === original.language) return t("status.original");
    const existing = poll.versions.find((v) => v.language === candidate);
    if (!existing) return t("status.missing");
    if (existing.method === "VOLUNTEER") return existing.checkedAt ? `${t("status.volunteer")} · ${tr("checkedByTeam")}` : t("status.volunteer");
    return existing.method === "AUTHOR" ? t("status.author") : t("status.machine");
  };

  return (
    <ClientMessages namespaces={[]} forms>
      <p className="text-sm">
        <Link href={dialoguePaths(poll.page.municipality, poll.page.dialogue).poll(poll.id)}>{t("back")}</Link>
      </p>
      <h1 className="mt-4 text-3xl">{t("pageTitle")}</h1>
      <p className="mt-1 text-lg font-semibold break-words" {...originalLang}>
        {original.question}
      </p>
      <p className="mt-3 text-muted">{polls("translateHint")}</p>

      <nav aria-labelledby="languages" className="mt-6">
        <h2 id="languages" className="text-xl">
          {t("languagesHeading")}
        </h2>
        <ul className="mt-2 space-y-1">
          {poll.languages.map((candidate) => (
            <li key={candidate}>
              {others.includes(candidate) && candidate !== language ? (
                <Link href={sitePaths.pollTexts(poll.id, candidate)}>{languageName(candidate, locale)}</Link>
              ) : (
                <span className={candidate === language ? "font-semibold" : undefined} aria-current={candidate === language ? "page" : undefined}>
                  {languageName(candidate, locale)}
                </span>
              )}{" "}
              <span className="text-sm text-muted">({status(candidate)})</span>
            </li>
          ))}
        </ul>
      </nav>

      <Section id="original" heading={t("originalHeading", { language: languageName(original.language, locale) })} headingClassName="text-xl" className="mt-8">
        <dl className="mt-2 space-y-3 rounded border border-line bg-surface p-3">
          <div>
            <dt className="text-sm text-muted">{polls("question")}</dt>
            <dd className="break-words" {...originalLang}>
              {original.question}
            </dd>
          </div>
          {original.answers.map((answer, index) => (
            <div key={index}>
              <dt className="text-sm text-muted">{polls("answerLabel", { number: index + 1 })}</dt>
              <dd className="break-words" {...originalLang}>
                {answer}
              </dd>
            </div>
          ))}
        </dl>
      </Section>

      {language && (
        <Section id="version" heading={t("formHeading", { language: languageName(language, locale) })} headingClassName="text-xl" className="mt-8">
          {query.saved === "1" && (
            <p role="status" className="mt-2 rounded border-s-4 border-brand bg-surface p-3">
              {t("saved")}
            </p>
          )}
          {mayCheckVersion && (
            <div className="mt-4">
              <CheckPollTextForm action={checkPollTextAction.bind(null, page)} pollId={poll.id} language={language} submit={tr("markChecked")} />
            </div>
          )}
          {mayWriteHere ? (
            <>
              {version && version.writtenById !== poll.viewerId && <p className="mt-2 text-muted">{t("replacesNote")}</p>}
              <div className="mt-4">
                <ClientMessages namespaces={["polls"]}>
                  <PollTextForm
                    action={(poll.mayWrite ? savePollTextAction : translatePollAction).bind(null, page)}
                    pollId={poll.id}
                    language={language}
                    languageName={languageName(language, locale)}
                    dir={direction(language)}
                    current={version}
                    originals={original.answers}
                    originalLanguage={original.language}
                    submit={poll.mayWrite ? t("save") : tr("submit")}
                  />
                </ClientMessages>
              </div>
            </>
          ) : (
            <>
              <p className="mt-2">{tr("alreadyTranslated")}</p>
              <div className="mt-2 rounded border border-line bg-surface p-3" lang={language} dir={direction(language)}>
                <p className="font-semibold break-words">{version.question}</p>
                <ul className="mt-2 list-disc ps-6">
                  {version.answers.map((answer, index) => (
                    <li key={index}>{answer}</li>
                  ))}
                </ul>
              </div>
            </>
          )}
        </Section>
      )}
    </ClientMessages>
  );
}
