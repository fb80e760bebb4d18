import { getTranslations } from "next-intl/server";
import type { PollView } from "@/lib/polls/list-polls";
import { getFormatter } from "@/lib/i18n/format";

/** Whether a poll takes answers, in words. */
export async function PollStatus({ poll }: { poll: Pick<PollView, "state" | "closesAt"> }) {
  const [t, format] = await Promise.all([getTranslations("polls"), getFormatter()]);
  const text =
    poll.state === "closed"
      ? t("closed")
      : poll.state === "upcoming"
        ? t("upcoming")
        : poll.closesAt
          ? t("openUntil", { date: format.dateTime(poll.closesAt, "dayLong") })
          : t("openInPhase");
  return <p className="text-sm text-muted">{text}</p>;
}
