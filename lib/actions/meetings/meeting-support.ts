"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { slugSchema } from "@/lib/dialogues/slug";
import { locales } from "@/lib/i18n/routing";
import { recordMeetingSupport, recordMeetingSupportInput } from "@/lib/meetings/record-meeting-support";
import { dialoguePaths, withQuery } from "@/lib/routes/paths";
import { redirectTo } from "@/lib/routes/redirect";

const page = z.object({ locale: z.enum(locales), municipality: slugSchema, dialogue: slugSchema });

export const recordMeetingSupportAction = formAction(
  recordMeetingSupportInput.extend(page.shape),
  async ({ locale, municipality, dialogue, ...input }, { viewer }): Promise<void> => {
    await recordMeetingSupport(viewer, input);
    // The same page, another fragment: refresh so the new counts are fetched.
    refresh();
    redirectTo(locale, withQuery(dialoguePaths(municipality, dialogue).contribution(input.contributionId), {}, "meeting-supports"));
  },
);
