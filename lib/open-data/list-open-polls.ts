import "server-only";
import { listPolls } from "@/lib/polls/list-polls";
import { publishedDialogueId } from "./get-open-dialogue";

/**
 * A published dialogue's quick polls as the public sees them: question and answers in the
 * original language and every other written one, the state, and — once closed — the results per
 * perspective with the small-number rule applied (decision 048). Never anyone's own answer.
 */
export async function listOpenPolls(input: { dialogueId: string }) {
  const dialogueId = await publishedDialogueId(input.dialogueId);
  const polls = await listPolls(null, { dialogueId });
  return polls.map((poll) => ({
    id: poll.id,
    choice: poll.choice,
    state: poll.state,
    opensAt: poll.opensAt.toISOString(),
    closesAt: poll.closesAt?.toISOString() ?? null,
    phase: poll.phase,
    closedAt: poll.closedAt?.toISOString() ?? null,
    texts: poll.texts,
    results: poll.tallies && {
      online: poll.tallies.online,
      atMeetings: poll.tallies.atMeetings,
      meetings: poll.tallies.meetings.map((meeting) => ({ id: meeting.id, title: meeting.title, startsAt: meeting.startsAt.toISOString() })),
    },
  }));
}
