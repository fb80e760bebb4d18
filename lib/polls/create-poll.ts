import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { enqueue } from "@/lib/jobs/job-queue";
import { QUEUES } from "@/lib/jobs/queues";
import { fromLocalTime } from "@/lib/meetings/meeting-time";
import { authorize, type Viewer } from "@/lib/policy/policy";
import { dialogueResource } from "@/lib/policy/resources";
import { machineTranslatorFromEnv } from "@/lib/translations/machine-translator";
import { parseInput } from "@/lib/validation";
import { POLL_PHASES } from "./poll-state";

export const POLL_QUESTION_MAX = 300;
export const POLL_ANSWER_MAX = 120;
/** Answer fields the form offers (a plain form: no "add another" without JavaScript). */
export const POLL_ANSWER_FIELDS = 6;
export const answerField = (position: number) => `answer${position}` as const;

const answer = z.string().trim().max(POLL_ANSWER_MAX).optional().default("");
const answerFields = { answer1: answer, answer2: answer, answer3: answer, answer4: answer, answer5: answer, answer6: answer } satisfies Record<`answer${number}`, typeof answer>;

export const createPollInput = z
  .object({
    dialogueId: z.uuid(),
    question: z.string().trim().min(1).max(POLL_QUESTION_MAX),
    choice: z.enum(["SINGLE", "MULTIPLE"]),
    openFor: z.enum(["period", "phase"]),
    /** Wall-clock times in the municipality's zone (datetime-local), as meetings'. */
    opensAt: z.string().trim().optional().default(""),
    closesAt: z.string().trim().optional().default(""),
    phase: z.enum(POLL_PHASES).optional(),
    ...answerFields,
  })
  .superRefine((input, context) => {
    const answers = answersOf(input);
    if (answers.length < 2) context.addIssue({ code: "custom", path: [answerField(answers.length + 1)], message: "polls.validation.twoAnswers" });
    const seen = new Set<string>();
    answers.forEach((answer, index) => {
      if (seen.has(answer.toLocaleLowerCase())) context.addIssue({ code: "custom", path: [answerField(index + 1)], message: "polls.validation.sameAnswer" });
      seen.add(answer.toLocaleLowerCase());
    });
    const opensAt = input.opensAt ? fromLocalTime(input.opensAt) : new Date();
    if (!opensAt) context.addIssue({ code: "custom", path: ["opensAt"], message: "validation.invalid" });
    if (input.openFor === "period") {
      const closesAt = fromLocalTime(input.closesAt);
      if (!input.closesAt) context.addIssue({ code: "custom", path: ["closesAt"], message: "validation.required" });
      else if (!closesAt) context.addIssue({ code: "custom", path: ["closesAt"], message: "validation.invalid" });
      else if (opensAt && closesAt <= opensAt) context.addIssue({ code: "custom", path: ["closesAt"], message: "polls.validation.closesAfterOpens" });
      else if (closesAt <= new Date()) context.addIssue({ code: "custom", path: ["closesAt"], message: "polls.validation.closesInFuture" });
    } else if (!input.phase) {
      context.addIssue({ code: "custom", path: ["phase"], message: "validation.required" });
    }
  });

/** The answers typed into the form, in order, the empty fields left out. */
function answersOf(input: Record<string, unknown>): string[] {
  return Array.from({ length: POLL_ANSWER_FIELDS }, (_, index) => input[answerField(index + 1)])
    .filter((answer): answer is string => typeof answer === "string" && answer.length > 0);
}

/**
 * The host team adds a quick poll to its dialogue: a question and two to six answers in the
 * dialogue's first language (other languages: savePollText), single or multiple choice, open for
 * a period or while the dialogue is in one phase. Where the operator has machine translation, a
 * job translates the new poll into the languages readers already had the dialogue's texts
 * machine-translated into (machineTranslateNewPoll), queued with the poll.
 */
export async function createPoll(viewer: Viewer | null, input: z.input<typeof createPollInput>, machineTranslation = machineTranslatorFromEnv() !== null) {
  const data = parseInput(createPollInput, input);
  authorize(viewer, "poll:manage", await dialogueResource(data.dialogueId));
  const answers = answersOf(data);
  const opensAt = data.opensAt ? fromLocalTime(data.opensAt)! : new Date();
  if (answers.length < 2) throw new AppError("INVALID_INPUT", "invalid input");
  return db.$transaction(async (tx) => {
    const poll = await tx.poll.create({
      data: {
        dialogueId: data.dialogueId,
        question: data.question,
        choice: data.choice,
        opensAt,
        closesAt: data.openFor === "period" ? fromLocalTime(data.closesAt) : null,
        phase: data.openFor === "phase" ? data.phase! : null,
        createdById: viewer.id,
        options: { create: answers.map((label, index) => ({ position: index + 1, label })) },
      },
      select: { id: true },
    });
    if (machineTranslation) await enqueue(QUEUES.pollMachineTranslation, { pollId: poll.id }, { tx });
    return poll;
  });
}
