import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Link } from "@/components/link";
import { HostText, HostTextNote } from "@/components/host-texts/host-text";
import { pickHostText, type PickedHostText } from "@/lib/host-texts/pick-host-text";
import type { MeetingView } from "@/lib/meetings/list-meetings";
import { languageName } from "@/lib/i18n/language-names";
import { type DialoguePaths, localized, type Path, sitePaths, withQuery } from "@/lib/routes/paths";
import { getFormatter } from "@/lib/i18n/format";

export type RequestMeetingTranslation = (meetingId: string, text: PickedHostText) => ReactNode;

/** Meetings as a list: when (in the municipality's zone), where, which languages, interpretation. */
export async function MeetingList({
  meetings,
  calendarPath,
  level,
  textsLinks = false,
  translateLinks = false,
  requestTranslation,
}: {
  meetings: MeetingView[];
  calendarPath: Path;
  level: 3 | 4;
  /** For the host team: a link to write each meeting's texts in other languages. */
  textsLinks?: boolean;
  /** For members the policy lets translate (translation:create): a link to translate each meeting's texts. */
  translateLinks?: boolean;
  /**
   * A meeting's "Translate by machine" button, from the page that may offer it (a signed-in reader,
   * the service configured): the page renders its form, and sends the form messages with it
   * (decision 085).
   */
  requestTranslation?: RequestMeetingTranslation;
}) {
  const Heading = level === 3 ? "h3" : "h4";
  const [t, format, locale, hostTexts] = await Promise.all([getTranslations("meetings"), getFormatter(), getLocale(), getTranslations("hostTexts")]);
  return (
    <ul className="mt-3 space-y-4">
      {meetings.map((meeting) => {
        const text = pickHostText(
          { language: meeting.language, fields: { title: meeting.title, place: meeting.place, body: meeting.description } },
          meeting.versions,
          locale,
        );
        return (
        <li key={meeting.id} className="rounded border border-line p-4">
          <HostText picked={text} field="title" pageLocale={locale} as={Heading} className="text-lg font-semibold break-words" />
          <HostTextNote
            picked={text}
            pageLocale={locale}
            className="text-sm text-muted"
            translateHref={translateLinks ? localized(locale, sitePaths.hostTexts("meeting", meeting.id)) : undefined}
          />
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-muted">{t("when")}</dt>
            <dd>
              <time dateTime={meeting.startsAt.toISOString()}>
                {meeting.endsAt
                  ? format.dateTimeRange(meeting.startsAt, meeting.endsAt, "meeting")
                  : format.dateTime(meeting.startsAt, "meeting")}
              </time>
            </dd>
            <dt className="text-muted">{t("where")}</dt>
            <HostText picked={text} field="place" pageLocale={locale} as="dd" className="break-words" />
            {meeting.languages.length > 0 && (
              <>
                <dt className="text-muted">{t("languages")}</dt>
                <dd>{meeting.languages.map((language) => languageName(language, locale)).join(", ")}</dd>
              </>
            )}
          </dl>
          {meeting.interpretationOffered && <p className="mt-2 text-sm font-semibold">{t("interpretationOffered")}</p>}
          <HostText picked={text} field="body" pageLocale={locale} format="plain" className="mt-2" />
          <p className="mt-2 text-sm">
            <Link href={withQuery(calendarPath, { meeting: meeting.id })}>
              {t("addToCalendar")}
              <span className="sr-only">
                : <HostText picked={text} field="title" pageLocale={locale} />
              </span>
            </Link>
          </p>
          {/* No version in the reader's language yet: one button has it machine-made, once for all. */}
          {requestTranslation ? requestTranslation(meeting.id, text) : null}
          {textsLinks && (
            <p className="mt-2 text-sm">
              <Link href={sitePaths.hostTexts("meeting", meeting.id)}>{hostTexts("editLink")}</Link>
            </p>
          )}
        </li>
        );
      })}
    </ul>
  );
}

/** Upcoming meetings first, soonest first, then past ones; or a note that there are none. */
export async function MeetingSections({
  meetings,
  paths,
  level,
  textsLinks = false,
  translateLinks = false,
  requestTranslation,
}: {
  meetings: { upcoming: MeetingView[]; past: MeetingView[] };
  paths: DialoguePaths;
  /** The level of the "upcoming" and "past" headings. */
  level: 2 | 3;
  textsLinks?: boolean;
  translateLinks?: boolean;
  requestTranslation?: RequestMeetingTranslation;
}) {
  const t = await getTranslations("meetings");
  const Heading = level === 2 ? "h2" : "h3";
  const itemLevel = level === 2 ? 3 : 4;
  const calendarPath = paths.meetingsCalendar;
  if (meetings.upcoming.length === 0 && meetings.past.length === 0) return <p className="mt-3">{t("none")}</p>;
  return (
    <>
      <p className="mt-2">
        <Link href={calendarPath} className="font-semibold">
          {t("calendar")}
        </Link>
      </p>
      <Heading className="mt-4 text-lg">{t("upcoming")}</Heading>
      {meetings.upcoming.length === 0 ? <p className="mt-2">{t("noneUpcoming")}</p> : <MeetingList meetings={meetings.upcoming} calendarPath={calendarPath} level={itemLevel} textsLinks={textsLinks} translateLinks={translateLinks} requestTranslation={requestTranslation} />}
      {meetings.past.length > 0 && (
        <>
          <Heading className="mt-6 text-lg">{t("past")}</Heading>
          <MeetingList meetings={meetings.past} calendarPath={calendarPath} level={itemLevel} textsLinks={textsLinks} translateLinks={translateLinks} requestTranslation={requestTranslation} />
        </>
      )}
    </>
  );
}
