import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/identity/client-messages";
import type { ContributionPageRef } from "@/lib/actions/form-state";
import { Section } from "@/components/section";
import { PERSPECTIVE_ORDER } from "@/lib/perspectives/perspectives";
import type { MeetingSupportTally } from "@/lib/meetings/list-meeting-supports";
import { recordMeetingSupportAction } from "@/lib/actions/meetings/meeting-support";
import { MeetingSupportForm } from "./meeting-support-form";
import { getFormatter } from "@/lib/i18n/format";

/**
 * Supports counted at meetings, per meeting and group, apart from online supports; and, for
 * the host team and recorders, the form to record such a count.
 */
export async function MeetingSupports({
  page,
  tallies,
  meetings: choices,
}: {
  page: ContributionPageRef;
  tallies: MeetingSupportTally[];
  /** The dialogue's meetings to record a count at, latest first; null when the viewer may not record (contribution:create:on-behalf). */
  meetings: { id: string; title: string; startsAt: Date }[] | null;
}) {
  const mayRecord = choices !== null;
  const meetings = choices ?? [];
  const [t, perspectives, format] = await Promise.all([
    getTranslations("meetings"),
    getTranslations("perspectives"),
    getFormatter(),
  ]);
  if (tallies.length === 0 && !mayRecord) return null;
  const date = (startsAt: Date) => format.dateTime(startsAt, "day");
  return (
    <Section id="meeting-supports-heading" anchor="meeting-supports" heading={t("supportsHeading")} level={3} headingClassName="text-lg" className="mt-6">
      {tallies.length > 0 && (
        <ul className="mt-2 space-y-2 text-sm">
          {tallies.map(({ meeting, counts }) => (
            <li key={meeting.id}>
              <span className="font-semibold">{t("supportsAt", { meeting: meeting.title, date: date(meeting.startsAt) })}</span>{" "}
              {counts.map(({ perspective, count }) => t("supportsCount", { count, group: perspectives(perspective) })).join(" · ")}
            </li>
          ))}
        </ul>
      )}
      {mayRecord &&
        (meetings.length === 0 ? (
          <p className="mt-2 text-sm text-muted">{t("supportsNoMeeting")}</p>
        ) : (
          <details className="mt-3 rounded border border-line p-3">
            <summary className="cursor-pointer font-semibold text-brand">{t("supportsRecord")}</summary>
            <p className="my-2 text-sm text-muted">{t("supportsRecordHint")}</p>
            <ClientMessages namespaces={["meetings"]}>
              <MeetingSupportForm
                action={recordMeetingSupportAction.bind(null, page)}
                page={page}
                meetings={meetings.map((meeting) => ({ value: meeting.id, label: `${meeting.title} (${date(meeting.startsAt)})` }))}
                perspectives={PERSPECTIVE_ORDER.map((perspective) => ({ value: perspective, label: perspectives(perspective) }))}
              />
            </ClientMessages>
          </details>
        ))}
    </Section>
  );
}
