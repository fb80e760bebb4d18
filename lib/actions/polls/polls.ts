"use server";

import { z } from "zod";
import { pageAction } from "@/lib/actions/form-action";
import { answerPoll } from "@/lib/polls/answer-poll";
import { checkPollText } from "@/lib/polls/check-poll-text";
import { closePoll } from "@/lib/polls/close-poll";
import { machineTranslatePollsInput, machineTranslatePolls } from "@/lib/polls/machine-translate-polls";
import { createPoll, createPollInput } from "@/lib/polls/create-poll";
import { recordPollMeetingCount, recordPollMeetingCountInput } from "@/lib/polls/record-poll-meeting-count";
import { savePollText } from "@/lib/polls/save-poll-text";
import { translatePoll } from "@/lib/polls/translate-poll";
import { withQuery } from "@/lib/routes/paths";
import { checkboxGroup, textGroup } from "@/lib/validation";

// The poll forms stand on the polls page, the dialogue page, the host team's polls page and a
// poll's texts page; each is bound to its page where the page renders it (decision 042) and goes
// back there, at the poll.

export const createPollAction = pageAction(createPollInput, async (input, { viewer, here, back }): Promise<void> => {
  const { id } = await createPoll(viewer, input);
  back(withQuery(here, { created: "1" }, `poll-${id}`));
});

export const answerPollAction = pageAction(
  z.object({ pollId: z.string(), optionIds: z.string().optional(), ticked: checkboxGroup("option-", z.array(z.string())) }),
  async ({ pollId, optionIds, ticked }, { viewer, here, back }): Promise<void> => {
    // A single-choice poll sends one radio value; a multiple-choice poll one checkbox per answer (`option-<id>`).
    await answerPoll(viewer, { pollId, optionIds: optionIds ? [optionIds] : ticked });
    back(withQuery(here, { answered: pollId }, `poll-${pollId}`));
  },
);

export const closePollAction = pageAction(z.object({ pollId: z.string() }), async ({ pollId }, { viewer, back }): Promise<void> => {
  await closePoll(viewer, { pollId });
  back(`#poll-${pollId}`);
});

/** A version's answers as the form posts them (`answer-<position>`), in position order. */
const versionAnswers = textGroup(
  "answer-",
  z.record(z.string(), z.string()).transform((answers) =>
    Object.entries(answers)
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([, text]) => text),
  ),
);

const versionFields = z.object({ pollId: z.string(), language: z.string(), question: z.string(), answers: versionAnswers });

/** The host team's version, on its polls page or on the poll's texts page. */
export const savePollTextAction = pageAction(versionFields, async (input, { viewer, page, here, back }): Promise<void> => {
  await savePollText(viewer, input);
  back(withQuery(here, { saved: "1" }, page.view === "pollTexts" ? undefined : `poll-${input.pollId}`));
});

/** A volunteer's version of a poll's question and answers, from the poll's texts page, and back there. */
export const translatePollAction = pageAction(versionFields, async (input, { viewer, here, back }): Promise<void> => {
  await translatePoll(viewer, input);
  back(withQuery(here, { saved: "1" }));
});

/** The host team marks a volunteer's version checked, on the poll's texts page, and back there. */
export const checkPollTextAction = pageAction(z.object({ pollId: z.string(), language: z.string() }), async (input, { viewer, here, back }): Promise<void> => {
  await checkPollText(viewer, input);
  back(withQuery(here, { saved: "1" }));
});

export const recordPollCountAction = pageAction(
  // Hands per answer, posted as `counts.<option id>` (named as the domain function reports them); an empty field counts 0.
  recordPollMeetingCountInput.extend({ counts: textGroup("counts.", z.record(z.string(), z.string())) }),
  async (input, { viewer, here, back }): Promise<void> => {
    await recordPollMeetingCount(viewer, input);
    back(withQuery(here, { counted: "1" }, `poll-${input.pollId}`));
  },
);

/**
 * A reader's machine translation of the dialogue's polls into their language, from the polls page
 * (the dialogue page's button translates the dialogue's texts with them): back to the polls page,
 * now in their language, marked as a machine's (decision 048).
 */
export const requestPollsTranslationAction = pageAction(machineTranslatePollsInput, async (input, { viewer, back }): Promise<void> => {
  await machineTranslatePolls(viewer, input);
  back();
});
