"use server";

import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { slugSchema } from "@/lib/dialogues/slug";
import { locales } from "@/lib/i18n/routing";
import { dialoguePaths } from "@/lib/routes/paths";
import { redirectTo } from "@/lib/routes/redirect";
import { writeCommentTranscript, writeCommentTranscriptInput } from "@/lib/comments/write-comment-transcript";
import { writeTranscript, writeTranscriptInput } from "@/lib/voice/write-transcript";

const page = z.object({ locale: z.enum(locales), municipality: slugSchema, dialogue: slugSchema });

export const writeTranscriptAction = formAction(writeTranscriptInput.extend(page.shape), async ({ locale, municipality, dialogue, ...input }, { viewer }): Promise<void> => {
  const { contributionId } = await writeTranscript(viewer, input);
  redirectTo(locale, dialoguePaths(municipality, dialogue).contribution(contributionId));
});

/** A voice comment's transcript (decision 046); back to the comment on its contribution's page. */
export const writeCommentTranscriptAction = formAction(
  writeCommentTranscriptInput.extend(page.shape).extend({ contributionId: z.uuid() }),
  async ({ locale, municipality, dialogue, contributionId, ...input }, { viewer }): Promise<void> => {
    const { commentId } = await writeCommentTranscript(viewer, input);
    redirectTo(locale, dialoguePaths(municipality, dialogue).comment(contributionId, commentId));
  },
);
