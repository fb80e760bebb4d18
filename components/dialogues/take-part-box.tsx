import { useLocale, useTranslations } from "next-intl";
import { HostText } from "@/components/host-texts/host-text";
import { Link } from "@/components/link";
import { pickHostText } from "@/lib/host-texts/pick-host-text";
import type { MeetingView } from "@/lib/meetings/list-meetings";
import { Section } from "@/components/section";
import { localized, sitePaths } from "@/lib/routes/paths";
import { useFormatter } from "@/lib/i18n/format";

/** How many upcoming meetings the box names; the rest are in the meetings section below. */
const MEETINGS_SHOWN = 2;

/**
 * "How to take part", for everyone who may not post yet on an open dialogue (a visitor, a
 * signed-in person who has not joined): the invitation code typed right here (a plain GET form
 * to the join page, which checks it and explains what it leads to), where to get a code, and
 * that someone can write a need down for them. Not async: it renders what the page loaded.
 */
export function TakePartBox({
  meetings,
  teamContact,
  signedIn,
}: {
  meetings: MeetingView[];
  /** The host team's published contact: plain text in the dialogue's main language. */
  teamContact: { text: string; language: string } | null;
  signedIn: boolean;
}) {
  const t = useTranslations("dialogue.takePart");
  const join = useTranslations("join");
  const locale = useLocale();
  const format = useFormatter();
  const next = meetings.slice(0, MEETINGS_SHOWN);
  return (
    <Section id="take-part" heading={t("heading")} headingClassName="text-xl" className="mt-4 rounded border-2 border-brand p-3" testId="take-part">
      <p className="mt-1 text-sm">{t("intro")}</p>
      <form method="get" action={localized(locale, sitePaths.join())} className="mt-2" noValidate>
        <label htmlFor="take-part-code" className="block font-semibold">
          {join("codeLabel")}
        </label>
        <p id="take-part-code-hint" className="text-sm text-muted">
          {join("codeHint")}
        </p>
        <div className="mt-1 flex flex-wrap gap-2">
          <input
            id="take-part-code"
            name="code"
            required
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            aria-describedby="take-part-code-hint"
            className="min-w-0 flex-1 basis-40 rounded border border-muted bg-white px-3 py-2 font-mono text-lg tracking-widest text-ink"
          />
          <button type="submit" className="rounded bg-brand px-5 py-2 text-base font-semibold text-white hover:bg-brand-dark">
            {t("submit")}
          </button>
        </div>
      </form>
      {/* Folded, so the list stays near the top on a phone; it opens without JavaScript. */}
      <details className="mt-3 rounded bg-surface">
        <summary className="cursor-pointer px-3 py-2 font-semibold">{t("whereHeading")}</summary>
        <div className="px-3 pb-3">
          {next.length > 0 ? (
            <>
              <p className="mt-1">{t("atMeetings")}</p>
              <ul className="mt-1 space-y-1 text-sm">
                {next.map((meeting) => {
                  const text = pickHostText({ language: meeting.language, fields: { title: meeting.title, place: meeting.place } }, meeting.versions, locale);
                  return (
                    <li key={meeting.id} className="border-s-4 border-line ps-2">
                      <time dateTime={meeting.startsAt.toISOString()} className="block font-medium">
                        {format.dateTime(meeting.startsAt, "meeting")}
                      </time>
                      <HostText picked={text} field="title" pageLocale={locale} as="span" className="block" />
                      <HostText picked={text} field="place" pageLocale={locale} as="span" className="block text-muted" />
                    </li>
                  );
                })}
              </ul>
              <p className="mt-1 text-sm">
                <a href="#meetings">{t("allMeetings")}</a>
              </p>
            </>
          ) : (
            <p className="mt-1">{t("noMeetings")}</p>
          )}
          {teamContact && (
            <>
              <p className="mt-2">{t("fromTeam")}</p>
              {/* Plain text, escaped by React; line breaks as typed. */}
              <p lang={teamContact.language} dir="auto" className="mt-1 whitespace-pre-line border-s-4 border-line ps-2 text-sm" data-testid="team-contact">
                {teamContact.text}
              </p>
            </>
          )}
        </div>
      </details>
      <p className="mt-3 text-sm">{t("writeDown")}</p>
      {!signedIn && (
        <p className="mt-3 text-sm">
          {join("haveAccount")} <Link href={sitePaths.signIn()}>{join("signInLink")}</Link>
        </p>
      )}
    </Section>
  );
}
