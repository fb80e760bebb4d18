import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/identity/client-messages";
import { Link } from "@/components/link";
import { PollAnswerForm } from "@/components/polls/poll-answer-form";
import { PollStatus } from "@/components/polls/poll-status";
import { PollTextNote } from "@/components/polls/poll-text-note";
import { Section } from "@/components/section";
import { answerPollAction } from "@/lib/actions/polls/polls";
import type { DialoguePageRef } from "@/lib/actions/form-state";
import type { OpenPoll } from "@/lib/polls/list-open-polls";
import { localized, sitePaths, withQuery, type DialoguePaths } from "@/lib/routes/paths";

type Answerable = Pick<OpenPoll, "id" | "choice" | "options" | "text" | "mine">;

/**
 * A member's answer form for an open poll, in the version of its text the reader sees, under the
 * poll's heading (`poll-<id>-heading`), which names its choices; `page` is the page it stands on
 * and returns to (the polls page or the dialogue page).
 */
export function PollAnswer({ poll, page }: { poll: Answerable; page: DialoguePageRef }) {
  return (
    <ClientMessages namespaces={["polls"]}>
      <PollAnswerForm
        action={answerPollAction.bind(null, page)}
        pollId={poll.id}
        multiple={poll.choice === "MULTIPLE"}
        question={poll.text.question}
        answers={poll.options.map((option, index) => ({ id: option.id, label: poll.text.answers[index] ?? "" }))}
        lang={poll.text.language}
        mine={poll.mine}
        labelledBy={`poll-${poll.id}-heading`}
      />
    </ClientMessages>
  );
}

/**
 * The polls open now, on the dialogue page: each question with its answer form for a member who
 * may answer (a plain form that comes back here), otherwise its answers and the way to answer —
 * sign in, or join. Renders what the page loaded (lib/pages/dialogue-page.ts).
 */
export async function OpenPolls({
  polls,
  page,
  paths,
  mayAnswer,
  signedIn,
  takePart,
  answered,
  mayTranslate = false,
}: {
  polls: OpenPoll[];
  /** The dialogue page. */
  page: { locale: string; municipality: string; dialogue: string };
  paths: DialoguePaths;
  mayAnswer: boolean;
  /** The viewer translates as a volunteer (or writes as the host team): each poll links to its texts page. */
  mayTranslate?: boolean;
  signedIn: boolean;
  /** The take-part box (the invitation code) is on the page. */
  takePart: boolean;
  /** The poll just answered (?answered=<id>). */
  answered: string | undefined;
}) {
  if (polls.length === 0) return null;
  const t = await getTranslations("polls");
  const back = (id: string) => localized(page.locale, withQuery(paths.home, {}, `poll-${id}`));
  return (
    <Section id="open-polls-heading" anchor="polls" heading={t("heading")} headingClassName="text-xl" className="mt-6">
      {polls.map((poll) => (
        <Section
          key={poll.id}
          id={`poll-${poll.id}-heading`}
          anchor={`poll-${poll.id}`}
          level={3}
          heading={<span lang={poll.text.language}>{poll.text.question}</span>}
          headingClassName="text-lg break-words"
          className="mt-3 rounded border border-line p-3"
        >
          <PollTextNote
            text={poll.text}
            originalLanguage={poll.originalLanguage}
            pageLocale={page.locale}
            translateHref={mayTranslate ? localized(page.locale, sitePaths.pollTexts(poll.id)) : undefined}
          />
          <PollStatus poll={{ state: "open", closesAt: poll.closesAt }} />
          {answered === poll.id && (
            <p role="status" className="mt-3 rounded border-s-4 border-brand bg-surface p-3">
              {t("answered")}
            </p>
          )}
          {mayAnswer ? (
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
              <p className="mt-3 flex flex-wrap gap-x-4 gap-y-1">
                {!signedIn && (
                  <Link href={sitePaths.signIn(back(poll.id))} className="font-semibold">
                    {t("signInToAnswer")}
                  </Link>
                )}
                {takePart ? (
                  <a href="#take-part" className="font-semibold">
                    {t("joinToAnswer")}
                  </a>
                ) : (
                  <Link href={sitePaths.join()} className="font-semibold">
                    {t("joinToAnswer")}
                  </Link>
                )}
              </p>
            </>
          )}
          <p className="mt-3 text-sm text-muted">{t("resultsLater")}</p>
        </Section>
      ))}
      <p className="mt-3">
        <Link href={paths.polls}>{t("allLink")}</Link>
      </p>
    </Section>
  );
}
