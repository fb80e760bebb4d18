import "server-only";
import { db } from "@/lib/db/client";
import { PERSPECTIVE_ORDER, type Perspective } from "@/lib/perspectives/perspectives";
import { tallyClosedPolls } from "./poll-results";
import { pollState } from "./poll-state";

/** One row of the polls export: a closed poll's answer × perspective; null where the group is too small to show. */
export type PollExportRow = {
  id: string;
  pollId: string;
  question: string;
  answer: string;
  perspective: Perspective;
  people: number | null;
  online: number | null;
  atMeetings: number | null;
};

/**
 * The published results of a dialogue's closed polls, as the pages show them (the small-number
 * rule applied: lib/polls/poll-tally.ts), in the original language. Open polls have no rows.
 */
export async function pollExportRows(dialogueId: string): Promise<PollExportRow[]> {
  const dialogue = await db.dialogue.findUniqueOrThrow({ where: { id: dialogueId }, select: { phase: true } });
  const polls = await db.poll.findMany({
    where: { dialogueId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, question: true, choice: true, opensAt: true, closesAt: true, phase: true, closedAt: true, options: { orderBy: { position: "asc" }, select: { id: true, label: true } } },
  });
  const closed = polls.filter((poll) => pollState(poll, dialogue.phase) === "closed");
  const tallies = await tallyClosedPolls(closed);
  return closed.flatMap((poll) => {
    const tally = tallies.get(poll.id)!;
    return poll.options.flatMap((option, index) =>
      PERSPECTIVE_ORDER.map((perspective) => {
        const online = tally.online.find((group) => group.perspective === perspective)!;
        const atMeetings = tally.atMeetings.find((group) => group.perspective === perspective)!;
        return {
          id: `${poll.id}:${index + 1}:${perspective}`,
          pollId: poll.id,
          question: poll.question,
          answer: option.label,
          perspective,
          people: online.shown ? online.people : null,
          online: online.shown ? (online.counts[index] ?? 0) : null,
          atMeetings: atMeetings.shown ? (atMeetings.counts[index] ?? 0) : null,
        };
      }),
    );
  });
}
