import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { DialogueSubpageHeader } from "@/components/dialogues/dialogue-subpage-header";
import { ClientMessages } from "@/components/identity/client-messages";
import { Link } from "@/components/link";
import { ClosePollForm, PollCountForm, PollCreateForm, PollTextForm } from "@/components/polls/poll-forms";
import { PollResults } from "@/components/polls/poll-results";
import { PollStatus } from "@/components/polls/poll-status";
import { Section } from "@/components/section";
import { closePollAction, createPollAction, recordPollCountAction, savePollTextAction } from "@/lib/actions/polls/polls";
import { getViewer } from "@/lib/auth/get-viewer";
import { findDialogue } from "@/lib/dialogues/find-dialogue";
import { languageName } from "@/lib/i18n/language-names";
import { direction } from "@/lib/i18n/routing";
import { PERSPECTIVE_ORDER } from "@/lib/perspectives/perspectives";
import { POLL_ANSWER_FIELDS } from "@/lib/polls/create-poll";
import { listPolls } from "@/lib/polls/list-polls";
import { POLL_PHASES } from "@/lib/polls/poll-state";
import { dialoguePaths } from "@/lib/routes/paths";
import "@/components/results/results.css";
import { getFormatter } from "@/lib/i18n/format";

type Props = {
  params: Promise<{ locale: string; municipality: string; dialogue: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("polls");
  return { title: t("manageLink"), robots: { index: false } };
}

/**
 * The host team's polls: add one, write it in the dialogue's other languages, close it early; the
 * recorders (and the host team) enter hands counted at meetings. The same checks as the actions.
 */
export default async function ManagePollsPage({ params, searchParams }: Props) {
  const [{ locale, municipality, dialogue: slug }, query] = await Promise.all([params, searchParams]);
  const viewer = await getViewer();
  const dialogue = await findDialogue(viewer, { municipalitySlug: municipality, dialogueSlug: slug });
  if (!dialogue) notFound();
  const { managePolls: mayManage, countPolls: mayCount, writePollTexts: mayWrite } = dialogue.may;
  if (!mayManage && !mayCount && !mayWrite) notFound();
  const [polls, t, phases, perspectives, format] = await Promise.all([
    listPolls(viewer, { dialogueId: dialogue.id, locale: dialogue.languages[0] ?? "de" }),
    getTranslations("polls"),
    getTranslations("phases"),
    getTranslations("perspectives"),
    getFormatter(),
  ]);
  const paths = dialoguePaths(dialogue);
  const page = { locale, municipality: dialogue.municipality.slug, dialogue: dialogue.slug, view: "pollsManage" } as const;
  const original = dialogue.languages[0] ?? "de";
  const others = dialogue.languages.slice(1);
  const meetings = dialogue.meetings.past.concat(dialogue.meetings.upcoming);
  const dir = direction(locale);
  const notice = query.created === "1" ? t("created") : query.saved === "1" || query.counted === "1" ? t("saved") : null;
  return (
    <>
      <DialogueSubpageHeader dialogue={dialogue} original back={{ href: paths.polls, label: t("heading") }} heading={t("manageLink")} />
      {notice && (
        <p role="status" className="mt-4 rounded border-s-4 border-brand bg-surface p-3">
          {notice}
        </p>
      )}
      <ClientMessages namespaces={["polls"]} forms>
        {mayManage && (
          <Section id="new-poll" heading={t("createHeading")} headingClassName="mb-4 text-xl" className="mt-6 rounded border border-line bg-surface p-4">
            <PollCreateForm
              action={createPollAction.bind(null, page)}
              dialogueId={dialogue.id}
              answerFields={POLL_ANSWER_FIELDS}
              phases={POLL_PHASES.map((phase) => ({ value: phase, label: phases(phase) }))}
              lang={original}
            />
          </Section>
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
            <PollStatus poll={poll} />
            <ol className="mt-2 list-decimal ps-6" lang={poll.text.language}>
              {poll.text.answers.map((answer, index) => (
                <li key={index}>{answer}</li>
              ))}
            </ol>
            <p className="mt-2 text-sm">
              <Link href={paths.poll(poll.id)}>{t("heading")}</Link>
            </p>
            {mayWrite && others.length > 0 && (
              <details className="mt-4">
                <summary className="cursor-pointer font-semibold">{t("textsHeading")}</summary>
                {others.map((language) => {
                  const current = poll.texts.find((text) => text.language === language) ?? null;
                  return (
                    <div key={language} className="mt-3 border-t border-line pt-3">
                      <PollTextForm
                        action={savePollTextAction.bind(null, page)}
                        pollId={poll.id}
                        language={language}
                        languageName={languageName(language, locale)}
                        dir={direction(language)}
                        current={current}
                        originals={poll.texts[0]!.answers}
                        originalLanguage={original}
                      />
                    </div>
                  );
                })}
              </details>
            )}
            {mayCount &&
              poll.state !== "upcoming" &&
              (meetings.length === 0 ? (
                <details className="mt-4">
                  <summary className="cursor-pointer font-semibold">{t("countHeading")}</summary>
                  <p className="mt-2">{t("noMeetings")}</p>
                </details>
              ) : (
                <PollCountForm
                  action={recordPollCountAction.bind(null, page)}
                  pollId={poll.id}
                  meetings={meetings.map((meeting) => ({ value: meeting.id, label: `${format.dateTime(meeting.startsAt, "day")} · ${meeting.title}` }))}
                  perspectives={PERSPECTIVE_ORDER.map((perspective) => ({ value: perspective, label: perspectives(perspective) }))}
                  answers={poll.options.map((option, index) => ({ id: option.id, label: poll.text.answers[index] ?? "", lang: poll.text.language }))}
                />
              ))}
            {mayManage && poll.state !== "closed" && (
              <div className="mt-4">
                <ClosePollForm action={closePollAction.bind(null, page)} pollId={poll.id} />
              </div>
            )}
            {poll.tallies && <PollResults poll={poll} tallies={poll.tallies} dir={dir} idPrefix={`manage-poll-${poll.id}`} />}
          </Section>
        ))}
      </ClientMessages>
    </>
  );
}
