import "server-only";
import { db } from "@/lib/db/client";
import type { Perspective } from "@/lib/perspectives/perspectives";
import { meetingTally, onlineTally, type GroupTally } from "./poll-tally";

/** What may be published of a closed poll: online answers and hands at meetings, apart, per perspective. */
export type PollTallies = {
  online: GroupTally[];
  atMeetings: GroupTally[];
  /** The meetings where hands were counted, in time order. */
  meetings: { id: string; title: string; startsAt: Date; language: string }[];
};

type PollShape = { id: string; choice: "SINGLE" | "MULTIPLE"; options: readonly { id: string }[] };

/**
 * The published tallies of closed polls, three statements whatever their number. Callers pass
 * only closed polls (lib/polls/poll-state.ts): while a poll is open nothing of its answers is
 * published. The small-number rule is applied here, so every surface — pages, exports, open
 * data — gets the same numbers (lib/polls/poll-tally.ts).
 */
export async function tallyClosedPolls(polls: readonly PollShape[]): Promise<Map<string, PollTallies>> {
  const result = new Map<string, PollTallies>();
  if (polls.length === 0) return result;
  const ids = polls.map((poll) => poll.id);
  const [people, choices, hands, meetings] = await Promise.all([
    db.$queryRaw<{ pollId: string; perspective: Perspective; count: number }[]>`
      SELECT a."pollId"::text AS "pollId", a."perspective"::text AS "perspective", count(*)::int AS "count"
      FROM "PollAnswer" a WHERE a."pollId" = ANY(${ids}::uuid[])
      GROUP BY a."pollId", a."perspective"`,
    db.$queryRaw<{ pollId: string; perspective: Perspective; optionId: string; count: number }[]>`
      SELECT a."pollId"::text AS "pollId", a."perspective"::text AS "perspective", x."optionId"::text AS "optionId", count(*)::int AS "count"
      FROM "PollAnswer" a CROSS JOIN LATERAL unnest(a."optionIds") AS x("optionId")
      WHERE a."pollId" = ANY(${ids}::uuid[])
      GROUP BY a."pollId", a."perspective", x."optionId"`,
    db.$queryRaw<{ pollId: string; perspective: Perspective; optionId: string; count: number }[]>`
      SELECT m."pollId"::text AS "pollId", m."perspective"::text AS "perspective", m."optionId"::text AS "optionId", sum(m."count")::int AS "count"
      FROM "PollMeetingCount" m WHERE m."pollId" = ANY(${ids}::uuid[])
      GROUP BY m."pollId", m."perspective", m."optionId"`,
    // A meeting's title is written in its dialogue's first language (decision 025), marked so (028).
    db.$queryRaw<{ pollId: string; id: string; title: string; startsAt: Date; language: string }[]>`
      SELECT m."pollId"::text AS "pollId", g."id"::text AS "id", g."title", g."startsAt", d."languages"[1] AS "language"
      FROM "PollMeetingCount" m JOIN "Meeting" g ON g."id" = m."meetingId" JOIN "Dialogue" d ON d."id" = g."dialogueId"
      WHERE m."pollId" = ANY(${ids}::uuid[]) AND m."count" > 0
      GROUP BY m."pollId", g."id", d."id"
      ORDER BY g."startsAt", g."id"`,
  ]);
  for (const poll of polls) {
    const optionIds = poll.options.map((option) => option.id);
    const countsOf = (rows: readonly { pollId: string; perspective: Perspective; optionId: string; count: number }[], perspective: Perspective) =>
      optionIds.map((optionId) => rows.find((row) => row.pollId === poll.id && row.perspective === perspective && row.optionId === optionId)?.count ?? 0);
    const perspectives = (rows: readonly { pollId: string; perspective: Perspective }[]) => [
      ...new Set(rows.filter((row) => row.pollId === poll.id).map((row) => row.perspective)),
    ];
    result.set(poll.id, {
      online: onlineTally(
        perspectives(people).map((perspective) => ({
          perspective,
          people: people.find((row) => row.pollId === poll.id && row.perspective === perspective)!.count,
          counts: countsOf(choices, perspective),
        })),
        optionIds.length,
      ),
      atMeetings: meetingTally(
        perspectives(hands).map((perspective) => ({ perspective, counts: countsOf(hands, perspective) })),
        optionIds.length,
        poll.choice === "MULTIPLE",
      ),
      meetings: meetings.filter((row) => row.pollId === poll.id).map(({ id, title, startsAt, language }) => ({ id, title, startsAt, language })),
    });
  }
  return result;
}
