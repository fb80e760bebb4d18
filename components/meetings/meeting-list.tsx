import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/components/link";
import type { MeetingView } from "@/lib/meetings/list-meetings";
import { languageName } from "@/lib/i18n/language-names";

/** Meetings as a list: when (in the municipality's zone), where, which languages, interpretation. */
export async function MeetingList({ meetings, calendarPath, level }: { meetings: MeetingView[]; calendarPath: string; level: 3 | 4 }) {
  const Heading = level === 3 ? "h3" : "h4";
  const [t, format, locale] = await Promise.all([getTranslations("meetings"), getFormatter(), getLocale()]);
  return (
    <ul className="mt-3 space-y-4">
      {meetings.map((meeting) => (
        <li key={meeting.id} className="rounded border border-line p-4">
          <Heading className="text-lg font-semibold break-words">{meeting.title}</Heading>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-muted">{t("when")}</dt>
            <dd>
              <time dateTime={meeting.startsAt.toISOString()}>
                {meeting.endsAt
                  ? format.dateTimeRange(meeting.startsAt, meeting.endsAt, { dateStyle: "full", timeStyle: "short" })
                  : format.dateTime(meeting.startsAt, { dateStyle: "full", timeStyle: "short" })}
              </time>
            </dd>
            <dt className="text-muted">{t("where")}</dt>
            <dd className="break-words">{meeting.place}</dd>
            {meeting.languages.length > 0 && (
              <>
                <dt className="text-muted">{t("languages")}</dt>
                <dd>{meeting.languages.map((language) => languageName(language, locale)).join(", ")}</dd>
              </>
            )}
          </dl>
          {meeting.interpretationOffered && <p className="mt-2 text-sm font-semibold">{t("interpretationOffered")}</p>}
          {meeting.description && <p className="mt-2 whitespace-pre-line break-words">{meeting.description}</p>}
          <p className="mt-2 text-sm">
            <Link href={`${calendarPath}?${new URLSearchParams({ meeting: meeting.id })}`}>
              {t("addToCalendar")}
              <span className="sr-only">: {meeting.title}</span>
            </Link>
          </p>
        </li>
      ))}
    </ul>
  );
}

/** Upcoming meetings first, soonest first, then past ones; or a note that there are none. */
export async function MeetingSections({
  meetings,
  dialoguePath,
  level,
}: {
  meetings: { upcoming: MeetingView[]; past: MeetingView[] };
  dialoguePath: string;
  /** The level of the "upcoming" and "past" headings. */
  level: 2 | 3;
}) {
  const t = await getTranslations("meetings");
  const Heading = level === 2 ? "h2" : "h3";
  const itemLevel = level === 2 ? 3 : 4;
  const calendarPath = `${dialoguePath}/meetings/calendar.ics`;
  if (meetings.upcoming.length === 0 && meetings.past.length === 0) return <p className="mt-3">{t("none")}</p>;
  return (
    <>
      <p className="mt-2">
        <Link href={calendarPath} className="font-semibold">
          {t("calendar")}
        </Link>
      </p>
      <Heading className="mt-4 text-lg">{t("upcoming")}</Heading>
      {meetings.upcoming.length === 0 ? <p className="mt-2">{t("noneUpcoming")}</p> : <MeetingList meetings={meetings.upcoming} calendarPath={calendarPath} level={itemLevel} />}
      {meetings.past.length > 0 && (
        <>
          <Heading className="mt-6 text-lg">{t("past")}</Heading>
          <MeetingList meetings={meetings.past} calendarPath={calendarPath} level={itemLevel} />
        </>
      )}
    </>
  );
}
