import { db } from "@/lib/db/client";
import { createPoll } from "@/lib/polls/create-poll";
import { hostOf } from "@/tests/support/meetings";
import { toLocalTime } from "@/lib/meetings/meeting-time";

/** A poll added by the dialogue's host, open for a week from now (or for a phase). */
export async function pollIn(
  dialogue: { id: string; createdById: string },
  options: { choice?: "SINGLE" | "MULTIPLE"; answers?: string[]; phase?: "COLLECTING" | "DELIBERATING" | "RESPONDING" } = {},
) {
  const answers = options.answers ?? ["Ja", "Nein", "Weiß nicht"];
  const { id } = await createPoll(await hostOf(dialogue), {
    dialogueId: dialogue.id,
    question: "Braucht die Unterkunft einen Lernraum?",
    choice: options.choice ?? "SINGLE",
    openFor: options.phase ? "phase" : "period",
    closesAt: toLocalTime(new Date(Date.now() + 7 * 24 * 60 * 60 * 1000)),
    phase: options.phase,
    ...Object.fromEntries(answers.map((answer, index) => [`answer${index + 1}`, answer])),
  });
  return db.poll.findUniqueOrThrow({ where: { id }, include: { options: { orderBy: { position: "asc" } } } });
}

/** Closes a poll the way the host team does (the only change the database allows it). */
export async function closeNow(pollId: string) {
  await db.poll.update({ where: { id: pollId }, data: { closedAt: new Date() } });
}
