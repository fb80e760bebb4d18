import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { DialogueSubpageHeader } from "@/components/dialogues/dialogue-subpage-header";
import { Link } from "@/components/link";
import { PollAnswer } from "@/components/polls/open-polls";
import { PollResults } from "@/components/polls/poll-results";
import { PollStatus } from "@/components/polls/poll-status";
import { PollTextNote } from "@/components/polls/poll-text-note";
import { Section } from "@/components/section";
import { RequestPollsTranslation } from "@/components/polls/request-polls-translation";
import { requestPollsTranslationAction } from "@/lib/actions/polls/polls";
import { getViewer } from "@/lib/auth/get-viewer";
import { loadPublishedDialogue } from "@/lib/dialogues/load-dialogue";
import { contentLanguage } from "@/lib/host-texts/pick-host-text";
import { somePollNotInReaderLanguage } from "@/lib/polls/pick-poll-text";
import { languageName } from "@/lib/i18n/language-names";
import { direction } from "@/lib/i18n/routing";
import { listPolls } from "@/lib/polls/list-polls";
import { dialoguePaths, localized, sitePaths } from "@/lib/routes/paths";
import "@/components/results/results.css";
import { ClientMessages } from "@/components/identity/client-messages";

type Props = {
  params: Promise<{ locale: string; municipality: string; dialogue: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("polls");
  return { title: t("heading") };
}

/** A dialogue's quick polls: the answer form for members while a poll is open, its results once closed. */
export default async function PollsPage({ params, searchParams }: Props) {
  const [{ locale, municipality, dialogue: slug }, query] = await Promise.all([params, searchParams]);
  const viewer = await getViewer();
  const loaded = await loadPublishedDialogue(viewer, { municipalitySlug: municipality, dialogueSlug: slug });
  if (!loaded) notFound();
  const { dialogue, may } = loaded;
  const [polls, t] = await Promise.all([listPolls(viewer, { dialogueId: dialogue.id, locale }), getTranslations("polls")]);
  const paths = dialoguePaths(dialogue);
  const mayAnswer = may.answerPolls;
  const mayTranslate = may.translate;
  const page = { locale, municipality: dialogue.municipality.slug, dialogue: dialogue.slug, view: "polls" } as const;
  const dir = direction(locale);
  const readerLanguage = contentLanguage(locale);
  return (
    <ClientMessages namespaces={[]} forms={viewer !== null}>
      <DialogueSubpageHeader dialogue={dialogue} back={{ href: paths.home, label: t("back") }} heading={t("heading")} />
      <p className="mt-3 text-muted">{t("intro")}</p>
      {may.managePolls && (
        <p className="mt-3">
          <Link href={paths.pollsManage} className="font-semibold">
            {t("manageLink")}
          </Link>
        </p>
      )}
      {/* A poll not yet in the reader's language: a signed-in reader has the polls machine-translated, once for all (decision 048). */}
      {may.requestTranslation && somePollNotInReaderLanguage(polls, locale) && (
        <RequestPollsTranslation
          action={requestPollsTranslationAction.bind(null, page)}
          dialogueId={dialogue.id}
          language={readerLanguage}
          languageLabel={languageName(readerLanguage, locale)}
        />
      )}
      {polls.length === 0 && <p className="mt-6">{t("none")}</p>}
      {polls.map((poll) => (
        <Section
          key={poll.id}
          id={`poll-${poll.id}-heading`}
          anchor={`poll-${poll.id}`}
          heading={<span lang={poll.text.language}>{poll.text.question}</span>}
          headingClassName="text-xl break-words"
          className="results-block mt-8 rounded border border-line p-4"
        >
          <PollTextNote
            text={poll.text}
            originalLanguage={poll.originalLanguage}
            pageLocale={locale}
            translateHref={mayTranslate ? localized(locale, sitePaths.pollTexts(poll.id)) : undefined}
          />
          <PollStatus poll={poll} />
          {query.answered === poll.id && (
            <p role="status" className="mt-3 rounded border-s-4 border-brand bg-surface p-3">
              {t("answered")}
            </p>
          )}
          {poll.state === "open" &&
            (mayAnswer ? (
              <div className="mt-3">
                <PollAnswer poll={poll} page={page} />
              </div>
            ) : (
              <>
                <ul className="mt-3 list-disc ps-6" lang={poll.text.language}>
                  {poll.text.answers.map((answer, index) => (
                    <li key={index}>{answer}</li>
                  ))}
                </ul>
                <p className="mt-3">{t("joinToAnswer")}</p>
              </>
            ))}
          {poll.state !== "closed" && <p className="mt-3 text-sm text-muted">{t("resultsLater")}</p>}
          {poll.tallies && <PollResults poll={poll} tallies={poll.tallies} dir={dir} idPrefix={`poll-${poll.id}`} />}
        </Section>
      ))}
    </ClientMessages>
  );
}
