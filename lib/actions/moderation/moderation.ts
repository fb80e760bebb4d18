"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { formAction, pageAction } from "@/lib/actions/form-action";
import { setFlash } from "@/lib/flash/flash";
import { blockSender } from "@/lib/channels/block-sender";
import { createReport, createReportInput } from "@/lib/moderation/create-report";
import { decideReview, decideReviewInput } from "@/lib/moderation/decide-review";
import { dismissReports, dismissReportsInput } from "@/lib/moderation/dismiss-reports";
import { hideContent, hideContentInput } from "@/lib/moderation/hide-content";
import { hideImage, hideImageInput, unhideImage, unhideImageInput } from "@/lib/moderation/hide-image";
import { closeMediationCase, closeMediationCaseInput, openMediationCase } from "@/lib/moderation/mediation";
import { requestReview, requestReviewInput } from "@/lib/moderation/request-review";
import { unhideContent, unhideContentInput } from "@/lib/moderation/unhide-content";

// Moderation's server actions. Each returns its state to the form that posted it (with or
// without JavaScript) and refreshes the page so lists and notices show the new state.

/** A report from a contribution page; the form thanks the reporter in place (<Folded>, components/form/folded.tsx). */
export const reportAction = formAction(createReportInput, async (input, { viewer }) => {
  const { duplicate } = await createReport(viewer, input);
  return { done: { key: duplicate ? "moderation.report.already" : "moderation.report.thanks" } };
});

export const hideAction = formAction(hideContentInput, async (input, { viewer }) => {
  await hideContent(viewer, input);
  await setFlash("hidden");
  refresh();
});

/** One photo of a contribution (decision 050). */
export const hideImageAction = formAction(hideImageInput, async (input, { viewer }) => {
  await hideImage(viewer, input);
  await setFlash("hidden");
  refresh();
});

export const unhideImageAction = formAction(unhideImageInput, async (input, { viewer }) => {
  await unhideImage(viewer, input);
  refresh();
});

export const dismissAction = formAction(dismissReportsInput, async (input, { viewer }) => {
  await dismissReports(viewer, input);
  refresh();
});

export const unhideAction = formAction(unhideContentInput, async (input, { viewer }) => {
  await unhideContent(viewer, input);
  refresh();
});

export const requestReviewAction = formAction(requestReviewInput, async (input, { viewer }) => {
  await requestReview(viewer, input);
  refresh();
});

export const decideReviewAction = formAction(decideReviewInput, async (input, { viewer }) => {
  await decideReview(viewer, input);
  refresh();
});

/** A choice left empty: parseForm leaves it out. */
const optionalId = z.uuid().optional();

export const openMediationAction = pageAction(
  z.object({
    dialogueId: z.uuid(),
    subject: z.string(),
    participant1: z.uuid(),
    participant2: z.uuid(),
    participant3: optionalId,
  }),
  async ({ participant1, participant2, participant3, ...input }, { viewer, paths, back }) => {
    const participantIds = [participant1, participant2, ...(participant3 ? [participant3] : [])];
    const opened = await openMediationCase(viewer, { ...input, participantIds });
    back(paths.mediation(opened.id));
  },
);

export const closeMediationAction = formAction(closeMediationCaseInput, async (input, { viewer }) => {
  await closeMediationCase(viewer, input);
  refresh();
});

/** A moderator blocks whoever sent a contribution by messenger (decision 045), after ticking that they mean it. */
export const blockSenderAction = formAction(z.object({ contributionId: z.uuid(), confirm: z.literal(true, { error: "validation.required" }) }), async ({ contributionId }, { viewer }) => {
  await blockSender(viewer, contributionId);
  refresh();
});
