"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { slugSchema } from "@/lib/dialogues/slug";
import { locales } from "@/lib/i18n/routing";
import { PERSPECTIVE_ORDER } from "@/lib/perspectives/perspectives";
import { answerPoll } from "@/lib/polls/answer-poll";
import { checkPollText } from "@/lib/polls/check-poll-text";
import { closePoll } from "@/lib/polls/close-poll";
import { machineTranslatePollsInput, machineTranslatePolls } from "@/lib/polls/machine-translate-polls";
import { createPoll, createPollInput } from "@/lib/polls/create-poll";
import { recordPollMeetingCount } from "@/lib/polls/record-poll-meeting-count";
import { savePollText } from "@/lib/polls/save-poll-text";
import { translatePoll } from "@/lib/polls/translate-poll";
import { dialoguePaths, sitePaths, withQuery } from "@/lib/routes/paths";
import { redirectTo } from "@/lib/routes/redirect";
import { checkboxGroup } from "@/lib/validation";

const page = z.object({ locale: z.enum(locales), municipality: slugSchema, dialogue: slugSchema });

/** Text fields named `<prefix><key>`: a version's answers (`answer-<position>`), counts per answer (`counts.<id>`). */
function byOption(input: Record<string, unknown>, prefix: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(input)
      .filter(([name, value]) => name.startsWith(prefix) && typeof value === "string")
      .map(([name, value]) => [name.slice(prefix.length), value as string]),
  );
}

export const createPollAction = formAction(
  createPollInput.safeExtend(page.shape),
  async ({ locale, municipality, dialogue, ...input }, { viewer }): Promise<void> => {
    const { id } = await createPoll(viewer, input);
    redirectTo(locale, withQuery(dialoguePaths(municipality, dialogue).pollsManage, { created: "1" }, `poll-${id}`));
  },
);

export const answerPollAction = formAction(
  // `back`: the form stands on the dialogue page too, and returns there.
  z.object({
    ...page.shape,
    pollId: z.string(),
    optionIds: z.string().optional(),
    ticked: checkboxGroup("option-", z.array(z.string())),
    back: z.enum(["dialogue"]).optional(),
  }),
  async ({ locale, municipality, dialogue, pollId, optionIds, ticked, back }, { viewer }): Promise<void> => {
    // A single-choice poll sends one radio value; a multiple-choice poll one checkbox per answer (`option-<id>`).
    await answerPoll(viewer, { pollId, optionIds: optionIds ? [optionIds] : ticked });
    const paths = dialoguePaths(municipality, dialogue);
    redirectTo(locale, withQuery(back === "dialogue" ? paths.home : paths.polls, { answered: pollId }, `poll-${pollId}`));
  },
);

export const closePollAction = formAction(
  page.extend({ pollId: z.string() }),
  async ({ locale, municipality, dialogue, pollId }, { viewer }): Promise<void> => {
    await closePoll(viewer, { pollId });
    redirectTo(locale, withQuery(dialoguePaths(municipality, dialogue).pollsManage, {}, `poll-${pollId}`));
  },
);

/** The answers of a version's form (`answer-<position>`), in position order. */
function answersOf(input: Record<string, unknown>): string[] {
  return Object.entries(byOption(input, "answer-"))
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([, value]) => value);
}

const versionFields = { ...page.shape, pollId: z.string(), language: z.string(), question: z.string() };

export const savePollTextAction = formAction(
  // `back`: the form stands on the poll's texts page too (/texts/poll/<id>), and returns there.
  z.looseObject({ ...versionFields, back: z.enum(["texts"]).optional() }),
  async ({ locale, municipality, dialogue, pollId, language, question, back, ...rest }, { viewer }): Promise<void> => {
    await savePollText(viewer, { pollId, language, question, answers: answersOf(rest) });
    redirectTo(
      locale,
      back === "texts" ? withQuery(sitePaths.pollTexts(pollId, language), { saved: "1" }) : withQuery(dialoguePaths(municipality, dialogue).pollsManage, { saved: "1" }, `poll-${pollId}`),
    );
  },
);

/** A volunteer's version of a poll's question and answers, from the poll's texts page, and back there. */
export const translatePollAction = formAction(
  z.looseObject(versionFields),
  async ({ locale, pollId, language, question, ...rest }, { viewer }): Promise<void> => {
    await translatePoll(viewer, { pollId, language, question, answers: answersOf(rest) });
    redirectTo(locale, withQuery(sitePaths.pollTexts(pollId, language), { saved: "1" }));
  },
);

/** The host team marks a volunteer's version checked, on the poll's texts page, and back there. */
export const checkPollTextAction = formAction(page.extend({ pollId: z.string(), language: z.string() }), async ({ locale, pollId, language }, { viewer }): Promise<void> => {
  await checkPollText(viewer, { pollId, language });
  redirectTo(locale, withQuery(sitePaths.pollTexts(pollId, language), { saved: "1" }));
});

export const recordPollCountAction = formAction(
  z.looseObject({ ...page.shape, pollId: z.string(), meetingId: z.string(), perspective: z.enum(PERSPECTIVE_ORDER) }),
  async ({ locale, municipality, dialogue, pollId, meetingId, perspective, ...rest }, { viewer }): Promise<void> => {
    const counts = Object.fromEntries(Object.entries(byOption(rest, "counts.")).map(([id, value]) => [id, value === "" ? "0" : value]));
    await recordPollMeetingCount(viewer, { pollId, meetingId, perspective, counts });
    redirectTo(locale, withQuery(dialoguePaths(municipality, dialogue).pollsManage, { counted: "1" }, `poll-${pollId}`));
  },
);

/**
 * A reader's machine translation of the dialogue's polls into their language, from the polls page
 * (the dialogue page's button translates the dialogue's texts with them): back to the polls page,
 * now in their language, marked as a machine's (decision 048).
 */
export const requestPollsTranslationAction = formAction(machineTranslatePollsInput.extend(page.shape), async ({ locale, municipality, dialogue, dialogueId, language }, { viewer }): Promise<void> => {
  await machineTranslatePolls(viewer, { dialogueId, language });
  refresh();
  redirectTo(locale, dialoguePaths(municipality, dialogue).polls);
});
