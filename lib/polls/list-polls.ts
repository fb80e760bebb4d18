import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { DialoguePhase, PollChoice } from "@/lib/generated/prisma/enums";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { dialogueResource } from "@/lib/policy/resources";
import { parseInput } from "@/lib/validation";
import { pickPollText, type PollText } from "./pick-poll-text";
import { tallyClosedPolls, type PollTallies } from "./poll-results";
import { pollState, type PollState } from "./poll-state";

const inputSchema = z.object({ dialogueId: z.uuid(), locale: z.string().optional(), requested: z.string().nullish() });

export type { PollText } from "./pick-poll-text";

export type PollView = {
  id: string;
  choice: PollChoice;
  state: PollState;
  opensAt: Date;
  closesAt: Date | null;
  phase: DialoguePhase | null;
  closedAt: Date | null;
  options: { id: string; position: number }[];
  /** The question and answers in the reader's language where the host team wrote them or a machine translated them, else the original. */
  text: PollText;
  originalLanguage: string;
  /** Every version, original first (the manage page edits them; others link to them). */
  texts: PollText[];
  /** The viewer's own answer (option ids), when signed in and answered. */
  mine: string[] | null;
  /** Published once the poll is closed; null before. */
  tallies: PollTallies | null;
};

/**
 * The polls of a dialogue for whoever may read it, newest first: texts in the reader's language,
 * the viewer's own answer, and — for closed polls only — the published tallies.
 */
export async function listPolls(viewer: Viewer | null, input: z.input<typeof inputSchema>): Promise<PollView[]> {
  const { dialogueId, locale, requested } = parseInput(inputSchema, input);
  const resource = await dialogueResource(dialogueId);
  authorize(viewer, "dialogue:read", resource);
  const dialogue = await db.dialogue.findUniqueOrThrow({ where: { id: dialogueId }, select: { languages: true, phase: true } });
  const originalLanguage = dialogue.languages[0] ?? "de";
  const polls = await db.poll.findMany({
    where: { dialogueId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      question: true,
      choice: true,
      opensAt: true,
      closesAt: true,
      phase: true,
      closedAt: true,
      options: { orderBy: { position: "asc" }, select: { id: true, position: true, label: true } },
      texts: { orderBy: { language: "asc" }, select: { language: true, question: true, answers: true, method: true, checkedAt: true } },
      answers: viewer ? { where: { userId: viewer.id }, select: { optionIds: true } } : false,
    },
  });
  const now = new Date();
  const views = polls.map((poll) => {
    const original = { question: poll.question, answers: poll.options.map((option) => option.label), language: originalLanguage };
    const { text, texts } = pickPollText(original, poll.texts, locale, requested);
    return {
      id: poll.id,
      choice: poll.choice,
      state: pollState(poll, dialogue.phase, now),
      opensAt: poll.opensAt,
      closesAt: poll.closesAt,
      phase: poll.phase,
      closedAt: poll.closedAt,
      options: poll.options.map(({ id, position }) => ({ id, position })),
      text,
      originalLanguage,
      texts,
      mine: ("answers" in poll && Array.isArray(poll.answers) ? (poll.answers[0]?.optionIds ?? null) : null) as string[] | null,
      tallies: null as PollTallies | null,
    } satisfies PollView;
  });
  const tallies = await tallyClosedPolls(views.filter((poll) => poll.state === "closed"));
  return views.map((poll) => ({ ...poll, tallies: tallies.get(poll.id) ?? null }));
}
