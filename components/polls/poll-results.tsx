import { getTranslations } from "next-intl/server";
import { BarChart } from "@/components/results/bar-chart";
import { DataTable } from "@/components/results/data-table";
import { Filled, TEXT } from "@/components/text/with-name";
import type { PollView } from "@/lib/polls/list-polls";
import type { PollTallies } from "@/lib/polls/poll-results";
import { POLL_MIN_GROUP, type GroupTally } from "@/lib/polls/poll-tally";

type Shown = Extract<GroupTally, { shown: true }>;

/**
 * A closed poll's results, the results page's pattern: an SVG chart (answers, stacked by
 * perspective, lived experience first) and the same numbers as a table; online answers and hands
 * counted at meetings apart; groups under the small-number threshold named without numbers.
 */
export async function PollResults({ poll, tallies, dir, idPrefix }: { poll: PollView; tallies: PollTallies; dir: "ltr" | "rtl"; idPrefix: string }) {
  const [t, perspectives] = await Promise.all([getTranslations("polls"), getTranslations("perspectives")]);
  const block = (kind: "online" | "meetings", groups: GroupTally[]) => {
    // No meeting counted hands: nothing to say of any group (an empty group is otherwise hidden
    // like a small one, decision 048).
    const counted = kind === "online" || tallies.meetings.length > 0;
    // Hands never counted at a meeting: no block at all, rather than a heading with "none" under it.
    if (!counted) return null;
    const shown = groups.filter((group): group is Shown => group.shown && group.counts.some((count) => count > 0));
    const hidden = groups.filter((group) => !group.shown);
    return (
      <div className="mt-4">
        <h4 className="font-semibold">{kind === "online" ? t("onlineHeading") : t("meetingsHeading")}</h4>
        {kind === "meetings" && tallies.meetings.length > 0 && (
          <p className="text-sm text-muted">
            <Filled message={t("countedAt", { meetings: TEXT })} text={{ value: tallies.meetings.map((meeting) => meeting.title).join(", "), lang: tallies.meetings[0]!.language }} />
          </p>
        )}
        {shown.length > 0 && (
          <>
            <BarChart
              dir={dir}
              series={shown.map((group) => ({ label: perspectives(group.perspective) }))}
              rows={poll.text.answers.map((answer, index) => ({ key: String(index), label: answer, lang: poll.text.language, values: shown.map((group) => group.counts[index] ?? 0) }))}
            />
            <DataTable
              id={`${idPrefix}-${kind}`}
              caption={kind === "online" ? t("onlineCaption") : t("meetingsCaption")}
              columns={[t("answerColumn"), ...shown.map((group) => perspectives(group.perspective))]}
              rows={[
                ...poll.text.answers.map((answer, index) => ({ key: String(index), header: answer, lang: poll.text.language, cells: shown.map((group) => group.counts[index] ?? 0) })),
                ...(kind === "online" ? [{ key: "people", header: t("peopleRow"), cells: shown.map((group) => group.people ?? 0) }] : []),
              ]}
            />
          </>
        )}
        {hidden.length > 0 && (
          <p className="mt-2 text-sm">{t("hiddenGroups", { count: POLL_MIN_GROUP, groups: hidden.map((group) => perspectives(group.perspective)).join(", ") })}</p>
        )}
        {shown.length === 0 && hidden.length === 0 && <p className="mt-1 text-muted">{t("none")}</p>}
      </div>
    );
  };
  return (
    <>
      {block("online", tallies.online)}
      {block("meetings", tallies.atMeetings)}
    </>
  );
}
