"use server";

import { z } from "zod";
import { pageAction } from "@/lib/actions/form-action";
import { writeCommentTranscript, writeCommentTranscriptInput } from "@/lib/comments/write-comment-transcript";
import { writeTranscript, writeTranscriptInput } from "@/lib/voice/write-transcript";

/** Back to the contribution the transcript belongs to. */
export const writeTranscriptAction = pageAction(writeTranscriptInput, async (input, { viewer, paths, back }) => {
  const { contributionId } = await writeTranscript(viewer, input);
  back(paths.contribution(contributionId));
});

/** A voice comment's transcript (decision 046); back to the comment on its contribution's page. */
export const writeCommentTranscriptAction = pageAction(
  writeCommentTranscriptInput.extend({ contributionId: z.uuid() }),
  async ({ contributionId, ...input }, { viewer, paths, back }): Promise<void> => {
    const { commentId } = await writeCommentTranscript(viewer, input);
    back(paths.comment(contributionId, commentId));
  },
);
